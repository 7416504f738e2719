package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"handbill/build"
	"handbill/source"
)

type buildOptions struct {
	global   *globalOptions
	out      string
	layouts  []string
	langs    string
	region   string
	audience string
	content  string
	force    bool
	jobs     int
	reviewed bool
	batch    string
	preset   string
	third    string
	fallback string
	printFlags
}

func newCmdBuild(g *globalOptions, runF func(*buildOptions) error) *cobra.Command {
	opts := &buildOptions{global: g}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build posters, flyers, handouts, wallet cards and stickers",
		Long: `Build every product in the chosen languages into the output folder,
with a manifest.json listing each file.

With no flags, every built-in product is built in the content's default
languages (English and Spanish) for the US hotlines.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return buildRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "out", "o", "out", "write into `DIR`")
	addSelectionFlags(f, opts)
	f.BoolVar(&opts.force, "force", false, "replace files in the output folder even if handbill did not write them")
	f.IntVar(&opts.jobs, "jobs", 0, "documents built at once (default: one per CPU)")
	addPrintFlags(f, &opts.printFlags)
	return cmd
}

// addSelectionFlags adds the flags that say what to build, shared by
// build and check.
func addSelectionFlags(f *pflag.FlagSet, opts *buildOptions) {
	f.StringArrayVar(&opts.layouts, "layout", nil, "build only this layout or output (`NAME` from 'handbill list layouts', or a layout .yaml file); repeatable")
	f.StringVar(&opts.langs, "lang", "", "languages as comma-separated BCP 47 `TAGS`, or all (default: the content's languages)")
	f.StringVar(&opts.region, "region", "", "whose hotlines to print: `CODE` such as US, US-CA, CA, GB (default: the content's region)")
	f.StringVar(&opts.audience, "audience", "", "who it speaks to: community, parents, educators, clinicians or youth")
	f.StringVar(&opts.content, "content", "", "your content `FILE` (YAML); anything it leaves out comes from the built-ins")
	f.BoolVar(&opts.reviewed, "require-reviewed", false, "refuse machine-drafted translations not yet reviewed")
	f.StringVar(&opts.preset, "preset", "", "meet a US state posting law: `NAME` from 'handbill list presets' (sets the outputs, languages and region it needs)")
	f.StringVar(&opts.third, "third-language", "", "the county's third language (BCP 47 `TAG`) for presets that require one")
	f.StringVar(&opts.batch, "batch", "", "every job of a programme `FILE` (YAML), each into its own folder under --out")
	f.StringVar(&opts.fallback, "fallback", "", "print this language (BCP 47 `TAG`) in place of any asked for that handbill has no text in (default: such a language is an error)")
}

// request is the flags as a build request: names, not yet checked.
func (opts *buildOptions) request() (build.Request, error) {
	reg, err := opts.global.registry()
	if err != nil {
		return build.Request{}, err
	}
	req := build.Request{Content: opts.content, Layouts: opts.layouts, Region: opts.region, Audience: opts.audience,
		Preset: opts.preset, ThirdLanguage: opts.third, RequireReviewed: opts.reviewed, Fonts: reg, Fallback: opts.fallback,
		Press: opts.press, Calibration: opts.calibration, Timestamp: opts.timestamp, OutputIntent: opts.outputIntent}
	if s := strings.TrimSpace(opts.langs); s != "" {
		req.Langs = strings.Split(s, ",")
	}
	return req, nil
}

// jobs is what the flags ask for: the command line's one job, or a batch
// file's jobs.
func (opts *buildOptions) jobList() ([]build.Job, error) {
	if opts.jobs < 0 {
		return nil, usage("give a number of documents to build at once, 1 or more, or leave --jobs out", "--jobs: %d is not a number of documents at once", opts.jobs)
	}
	req, err := opts.request()
	if err != nil {
		return nil, err
	}
	if opts.batch != "" {
		b, err := build.LoadBatch(opts.batch)
		if err != nil {
			return nil, err
		}
		return b.Plan(req, opts.out), nil
	}
	sel, err := build.Select(req)
	if err != nil {
		return nil, err
	}
	return []build.Job{{Sel: sel, OutDir: opts.out}}, nil
}

// interruptible returns a context cancelled on Ctrl-C or SIGTERM: the
// pipeline then finishes the documents under way, writes the manifests of
// what finished, and leaves no partial file.
func interruptible(cmd *cobra.Command) (context.Context, context.CancelFunc) {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}

func buildRun(cmd *cobra.Command, opts *buildOptions) error {
	start := time.Now()
	if strings.TrimSpace(opts.out) == "" {
		return usage("name the folder to write into, e.g. --out out (it is made if need be)", "--out: no folder given")
	}
	jobs, err := opts.jobList()
	if err != nil {
		return err
	}
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	p := newPrinter(stderr)
	tty := isTerminal(stderr)
	batch := opts.batch != ""
	ctx, stop := interruptible(cmd)
	defer stop()
	outcomes := build.Run(ctx, jobs, build.Options{Write: true, Force: opts.force, Workers: opts.jobs,
		Waiting: func(dir string) {
			fmt.Fprintf(stderr, "handbill: waiting: another handbill is writing into %s\n", dir)
		},
		Progress: func(pr build.Progress) {
			if tty {
				fmt.Fprintf(stderr, "\r\033[K")
			}
			r := pr.Result
			if r.Written() {
				warn := ""
				if n := len(r.Warnings); n > 0 {
					warn = fmt.Sprintf(", %d warning%s", n, plural(n))
				}
				fmt.Fprintf(stdout, "wrote %s (%s, %d page%s, %d KB%s)\n", filepath.Join(jobNamed(jobs, pr.Job).OutDir, r.File), r.PageSize, r.Pages, plural(r.Pages), (r.Bytes+1023)/1024, warn)
			}
			p.print(r.Errors...)
			if tty && pr.Done < pr.Total {
				progressBar(stderr, pr, time.Since(start))
			}
		}})
	if tty {
		fmt.Fprintf(stderr, "\r\033[K")
	}
	failed := false
	files, bad, warnings, okJobs := 0, 0, 0, 0
	for _, o := range outcomes {
		if o.Err != nil {
			p.print(*o.Err)
		}
		p.print(o.Notes...)
		p.print(o.Preset...)
		if len(source.Errors(o.Preset)) > 0 {
			fmt.Fprintf(stderr, "handbill: not written: the documents do not meet preset %s\n  hint: run 'handbill check' with the same flags to see every problem\n", o.PresetName)
		}
		jobBad := 0
		for _, r := range o.Results {
			switch {
			case r.Written():
				files++
			case r.Failed():
				bad++
				jobBad++
			}
			warnings += len(r.Warnings)
		}
		if o.Failed() {
			failed = true
		} else {
			okJobs++
		}
		if batch {
			switch {
			case o.Err != nil:
				fmt.Fprintf(stdout, "job %s: not built\n", o.Job)
			case jobBad > 0:
				fmt.Fprintf(stdout, "job %s: %d documents, %d failed\n", o.Job, len(o.Results), jobBad)
			default:
				fmt.Fprintf(stdout, "job %s: %d document%s\n", o.Job, len(o.Results), plural(len(o.Results)))
			}
		}
	}
	if ctx.Err() != nil {
		if batch {
			fmt.Fprintf(stderr, "handbill: interrupted: each job's manifest.json under %s lists what was built\n", opts.out)
		} else {
			fmt.Fprintf(stderr, "handbill: interrupted: %s lists what was built\n", filepath.Join(opts.out, "manifest.json"))
		}
		return reported{ctx.Err()}
	}
	var summary string
	if batch {
		summary = fmt.Sprintf("batch: %d of %d jobs built, %d files in %s", okJobs, len(outcomes), files, time.Since(start).Round(10*time.Millisecond))
	} else {
		summary = fmt.Sprintf("built %d file%s in %s into %s", files, plural(files), time.Since(start).Round(10*time.Millisecond), opts.out)
	}
	if warnings > 0 {
		where := "manifest.json"
		if !batch {
			where = filepath.Join(opts.out, where)
		}
		summary += fmt.Sprintf("; %d warning%s (see %s)", warnings, plural(warnings), where)
	}
	switch {
	case batch && okJobs < len(outcomes):
		summary += fmt.Sprintf("; %d jobs with errors", len(outcomes)-okJobs)
	case bad > 0:
		summary += fmt.Sprintf("; %d failed", bad)
	}
	fmt.Fprintln(stdout, summary)
	if failed {
		return reported{fmt.Errorf("build failed")}
	}
	return nil
}

// jobNamed is the job named name.
func jobNamed(jobs []build.Job, name string) build.Job {
	for _, j := range jobs {
		if j.Name == name {
			return j
		}
	}
	return build.Job{}
}

// progressBar draws "[#####.....] 120/400 · 45 PDFs/s · 7s left" on a
// terminal line: the rate since the build started and the time the rest
// takes at that rate ("~400" while a batch's later jobs are not yet
// planned and the total is an estimate).
func progressBar(w io.Writer, pr build.Progress, elapsed time.Duration) {
	fmt.Fprint(w, progressLine(pr, elapsed))
}

func progressLine(pr build.Progress, elapsed time.Duration) string {
	const width = 30
	done, total := pr.Done, max(pr.Total, pr.Done)
	n := done * width / max(total, 1)
	about := ""
	if pr.Estimated {
		about = "~"
	}
	line := fmt.Sprintf("[%s%s] %d/%s%d", strings.Repeat("#", n), strings.Repeat(".", width-n), done, about, total)
	if s := elapsed.Seconds(); s > 0 && done > 0 {
		rate := float64(done) / s
		left := time.Duration(float64(total-done) / rate * float64(time.Second))
		line += fmt.Sprintf(" · %.3g PDFs/s · %s%s left", rate, about, left.Round(time.Second))
	}
	return line
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
