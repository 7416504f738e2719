package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"handbill/output"
)

type checkOptions struct {
	build  buildOptions
	strict bool
	format string
}

func newCmdCheck(g *globalOptions) *cobra.Command {
	opts := &checkOptions{build: buildOptions{global: g}}
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
		return &usageError{fmt.Sprintf("--format %q is not known", opts.format), "use --format text or --format json"}
	}
	bo, err := opts.build.options()
	if err != nil {
		return err
	}
	rep := output.Check(bo)
	w := cmd.OutOrStdout()
	errs, warns := rep.Errors(), rep.Warnings()
	failed := errs > 0 || (opts.strict && warns > 0)
	if opts.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"documents": rep.Documents, "errors": errs, "warnings": warns, "findings": rep.Findings}); err != nil {
			return err
		}
	} else {
		for _, f := range rep.Findings {
			fmt.Fprintln(w, f.String())
			if f.Hint != "" {
				fmt.Fprintf(w, "  hint: %s\n", f.Hint)
			}
		}
		fmt.Fprintf(w, "%d error%s, %d warning%s in %d document%s\n", errs, plural(errs), warns, plural(warns), rep.Documents, plural(rep.Documents))
	}
	if failed {
		return reported{fmt.Errorf("check failed")}
	}
	return nil
}
