package main

import (
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"handbill"
	"handbill/fonts"
	"handbill/text"
)

func newCmdVersion() *cobra.Command {
	var licenses bool
	cmd := &cobra.Command{
		Use:   "version [--licenses]",
		Short: "Print handbill's version; with --licenses, its licence and those of every module and font in it",
		Long: `Print handbill's version (what --version prints): the release, the commit
it was built from, its date and the system it is for.

With --licenses, also print the NOTICE (every Go module and font in the
program, with its version, licence and copyright), handbill's licence
(Apache-2.0) and every licence text, all from the program itself.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "handbill version %s\n", versionString())
			if !licenses {
				return nil
			}
			fmt.Fprintln(out)
			return writeLicenses(out)
		},
	}
	cmd.Flags().BoolVar(&licenses, "licenses", false, "also print the NOTICE and every licence text")
	return cmd
}

// writeLicenses prints the NOTICE, handbill's licence, the licence texts of
// the Go modules and of Go (third_party/licenses), those of the fonts
// (fonts/licenses) and of the word lists (text/dict), each under a line
// naming its file in the source.
func writeLicenses(w io.Writer) error {
	fmt.Fprint(w, handbill.Notice)
	section(w, "LICENSE (handbill: Apache License 2.0)", handbill.License)
	for _, set := range []struct {
		fsys   fs.FS
		root   string
		prefix string
	}{
		{handbill.ThirdParty, "third_party/licenses", ""},
		{fonts.Licenses, "licenses", "fonts/"},
		{text.DictLicenses, "dict", "text/"},
	} {
		err := fs.WalkDir(set.fsys, set.root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(set.fsys, path)
			if err != nil {
				return err
			}
			section(w, set.prefix+path, string(b))
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// section prints one licence text under a title line.
func section(w io.Writer, title, body string) {
	fmt.Fprintf(w, "\n\n==== %s ====\n\n%s", title, body)
	if !strings.HasSuffix(body, "\n") {
		fmt.Fprintln(w)
	}
}
