package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"handbill/content"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

type specimenOptions struct {
	global *globalOptions
	lang   string
	text   string
	size   float64
	bold   bool
	out    string
	force  bool
}

func newCmdSpecimen(g *globalOptions, runF func(*specimenOptions) error) *cobra.Command {
	opts := &specimenOptions{global: g}
	cmd := &cobra.Command{
		Use:   "specimen -o FILE.pdf",
		Short: "Print a sample line in every supported script, or your own text, to check it prints",
		Long: `Print a specimen page.

With no --text, one page shows a sample line in every script handbill
supports, each labelled with its language and the font that drew it.
With --text, the text is set alone in the font chosen for --lang, on a page
wide enough that a sentence stays on one line: use it to check that a new
translation prints.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return specimenRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lang, "lang", "en", "language of --text, as a BCP 47 `TAG` (e.g. ar, zh-Hant, pa)")
	f.StringVar(&opts.text, "text", "", "set this `TEXT` instead of the built-in samples")
	f.Float64Var(&opts.size, "size", 16, "font size in `PT`")
	f.BoolVar(&opts.bold, "bold", false, "use the bold faces")
	f.StringVarP(&opts.out, "output", "o", "", "write the PDF to `FILE` (required)")
	f.BoolVar(&opts.force, "force", false, "replace FILE even if handbill did not write it")
	return cmd
}

func specimenRun(cmd *cobra.Command, opts *specimenOptions) error {
	if opts.out == "" {
		return usage("add -o specimen.pdf", "%s", "specimen needs an output file")
	}
	tag, err := language.Parse(opts.lang)
	if err != nil {
		return usage("use a tag such as en, es, ar, zh-Hant or pa", "%s", fmt.Sprintf("--lang %q is not a BCP 47 language tag", opts.lang))
	}
	if opts.size < 4 || opts.size > 400 {
		return usage("use a size between 4 and 400 points", "%s", fmt.Sprintf("--size %g is out of range", opts.size))
	}
	if err := checkOverwrite(opts.out, opts.force); err != nil {
		return err
	}
	reg, err := opts.global.registry()
	if err != nil {
		return err
	}
	samples, err := content.Specimen()
	if err != nil {
		return err
	}
	doc, err := layouts.Specimen(text.NewEngine(reg), samples, layouts.SpecimenOptions{
		Text: opts.text, Lang: tag, Size: opts.size, Bold: opts.bold,
	})
	if err != nil {
		if opts.text != "" {
			return fmt.Errorf("--text: %w", err)
		}
		return err
	}
	if err := render.WriteFile(opts.out, doc); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", opts.out)
	return nil
}

// checkOverwrite refuses to replace a file handbill did not write.
func checkOverwrite(path string, force bool) error {
	st, err := os.Stat(path)
	if err != nil || force {
		return nil
	}
	if st.IsDir() {
		return usage("give a file name ending in .pdf", "%s", fmt.Sprintf("%s is a folder", path))
	}
	if !render.IsHandbillPDF(path) {
		return usage("choose another file name, or add --force to replace it", "%s", fmt.Sprintf("%s exists and was not written by handbill", path))
	}
	return nil
}
