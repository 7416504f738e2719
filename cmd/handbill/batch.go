package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"handbill/output"
)

// batchRun builds a programme file: many jobs in one pool, a result line
// per document, a line per job and one summary.
func batchRun(cmd *cobra.Command, opts *buildOptions, file string) error {
	start := time.Now()
	b, err := output.LoadBatch(file)
	if err != nil {
		return err
	}
	plan := func(job output.BatchJob, out string) (output.BuildOptions, error) {
		jo := *opts
		jo.content, jo.layouts, jo.langs = job.Content, job.Layouts, strings.Join(job.Langs, ",")
		jo.region, jo.audience, jo.out = job.Region, job.Audience, out
		return jo.options()
	}
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	tty := isTerminal(stderr)
	results := output.RunBatch(b, opts.out, opts.jobs, plan, func(done, total int, job string, r output.Result) {
		if tty {
			fmt.Fprintf(stderr, "\r\033[K")
		}
		if r.Err != nil {
			fmt.Fprintf(stderr, "handbill: error: [%s] %s\n", job, oneLine(r.Err.Error()))
		} else {
			fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(job, r.File))
		}
		if tty && done < total {
			progressBar(stderr, done, total)
		}
	})
	okJobs, files, failed := 0, 0, 0
	for _, r := range results {
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "handbill: error: job %s: %s\n", r.Job, oneLine(r.Err.Error()))
			if h := hintOf(r.Err); h != "" {
				fmt.Fprintf(stderr, "handbill: hint: %s\n", h)
			}
			continue
		}
		bad := 0
		for _, f := range r.Manifest.Files {
			if f.Err != nil {
				bad++
			} else {
				files++
			}
		}
		if bad > 0 {
			failed++
			fmt.Fprintf(stdout, "job %s: %d documents, %d failed\n", r.Job, len(r.Manifest.Files), bad)
		} else {
			okJobs++
			fmt.Fprintf(stdout, "job %s: %d document%s\n", r.Job, len(r.Manifest.Files), plural(len(r.Manifest.Files)))
		}
	}
	fmt.Fprintf(stdout, "batch: %d of %d jobs built, %d files in %s", okJobs, len(results), files, time.Since(start).Round(10*time.Millisecond))
	if failed > 0 {
		fmt.Fprintf(stdout, "; %d jobs with errors\n", failed)
		return reported{fmt.Errorf("batch failed")}
	}
	fmt.Fprintln(stdout)
	return nil
}

// progressBar draws "[#####.....] 12/40" on a terminal line.
func progressBar(w interface{ Write([]byte) (int, error) }, done, total int) {
	const width = 30
	n := done * width / max(total, 1)
	fmt.Fprintf(w, "[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
}
