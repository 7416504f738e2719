package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/presets"
)

var listKinds = []string{"layouts", "languages", "regions", "fonts", "presets"}

func newCmdList(g *globalOptions) *cobra.Command {
	var contentFile string
	cmd := &cobra.Command{
		Use:   "list layouts|languages|regions|fonts|presets",
		Short: "Show the layouts, languages, regions, fonts or compliance presets handbill can use",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			defer w.Flush()
			switch args[0] {
			case "layouts":
				return listLayouts(w)
			case "languages", "regions":
				set, err := content.Load(contentFile)
				if err != nil {
					return err
				}
				if args[0] == "languages" {
					for _, l := range set.Languages() {
						fmt.Fprintf(w, "%s\t%s\t%s\t%s %s\n", l.Tag, l.Name, l.Native, l.Status, l.Date)
					}
					return nil
				}
				for _, r := range set.Regions() {
					fmt.Fprintf(w, "%s\t%s\t%s\n", r.Code, r.Description, strings.Join(r.Hotlines, ", "))
				}
				return nil
			case "presets":
				ps, err := presets.All()
				if err != nil {
					return err
				}
				for _, p := range ps {
					fmt.Fprintf(w, "%s\t%s\t%s\n", p.Name, p.Law, p.Description)
				}
				return nil
			case "fonts":
				reg, err := g.registry()
				if err != nil {
					return err
				}
				return listFonts(w, reg)
			}
			return usage("use one of "+strings.Join(listKinds, ", "), "%s", fmt.Sprintf("cannot list %q", args[0]))
		},
	}
	cmd.Flags().StringVar(&contentFile, "content", "", "include the languages and regions of your content `FILE`")
	return cmd
}

func listLayouts(w *tabwriter.Writer) error {
	ls, err := layouts.Builtin()
	if err != nil {
		return err
	}
	for _, l := range layouts.Sorted(ls) {
		fmt.Fprintf(w, "%s\t%s\n", l.Name, l.Description)
		for _, t := range layouts.Targets(l) {
			fmt.Fprintf(w, "  %s\t%s\n", t.Name(), t.Describe())
		}
	}
	return nil
}

func listFonts(w *tabwriter.Writer, reg *fonts.Registry) error {
	for _, f := range reg.Faces() {
		what := strings.Join(f.Scripts, " ")
		if len(f.Langs) > 0 {
			what = strings.TrimSpace(what + " (" + strings.Join(f.Langs, " ") + ")")
		}
		if what == "" {
			what = "your font: tried first for every language"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", f.Name(), what, f.File)
	}
	return nil
}
