package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"handbill/build"
	"handbill/check"
	"handbill/source"
)

type checkOptions struct {
	build  buildOptions
	strict bool
	format string
}

func newCmdCheck(g *globalOptions) *cobra.Command {
	opts := &checkOptions{build: buildOptions{global: g, out: "out"}}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Run every check build runs, write nothing, and list what is wrong",
		Long: `Check the documents build would make, and list every finding: an error
or warning, the file:line:col of the content or layout value it concerns,
the output and language, and a hint. Exit status 1 if there is an error
(with --strict, a warning too), 0 otherwise.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return checkRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	addSelectionFlags(f, &opts.build)
	f.BoolVar(&opts.strict, "strict", false, "count warnings as errors")
	f.StringVar(&opts.format, "format", "text", "output `FORMAT`: text or json")
	return cmd
}

func checkRun(cmd *cobra.Command, opts *checkOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return usage("use --format text or --format json", "--format %q is not known", opts.format)
	}
	jobs, err := opts.build.jobList()
	if err != nil {
		return err
	}
	ctx, stop := interruptible(cmd)
	defer stop()
	outcomes := build.Run(ctx, jobs, build.Options{Workers: opts.build.jobs})
	var all []source.Diagnostic
	docs := 0
	for _, o := range outcomes {
		all = append(all, o.Diagnostics()...)
		docs += len(o.Results)
	}
	all = build.Dedupe(all)
	errs, warns := source.Count(all)
	// The accessibility findings (check.Accessibility) are their own
	// section, after the others.
	var others, a11y []source.Diagnostic
	for _, d := range all {
		if check.AccessibilityRules[d.Rule] {
			a11y = append(a11y, d)
		} else {
			others = append(others, d)
		}
	}
	if opts.format == "json" {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		if all == nil {
			all = []source.Diagnostic{}
		}
		if a11y == nil {
			a11y = []source.Diagnostic{}
		}
		// findings holds every finding; accessibility, the section's again.
		if err := enc.Encode(map[string]any{"documents": docs, "errors": errs, "warnings": warns, "findings": all, "accessibility": a11y}); err != nil {
			return err
		}
	} else {
		p := newPrinter(cmd.ErrOrStderr())
		p.print(others...)
		if len(a11y) > 0 {
			fmt.Fprintln(cmd.ErrOrStderr(), "accessibility (screen readers, copy and search in the PDF):")
			p.print(a11y...)
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%d error%s, %d warning%s in %d document%s\n", errs, plural(errs), warns, plural(warns), docs, plural(docs))
	}
	if ctx.Err() != nil {
		return reported{ctx.Err()}
	}
	if errs > 0 || (opts.strict && warns > 0) {
		return reported{fmt.Errorf("check failed")}
	}
	return nil
}
