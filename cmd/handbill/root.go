package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"handbill/content"
	"handbill/fonts"
)

// globalOptions are the flags every command takes.
type globalOptions struct {
	fonts []string
}

// registry returns the bundled faces plus the user's --font files.
func (g *globalOptions) registry() (*fonts.Registry, error) {
	if len(g.fonts) == 0 {
		return fonts.Builtin(), nil
	}
	return fonts.Builtin().WithUserFonts(g.fonts...)
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:           "handbill",
		Short:         "Print-ready, multilingual awareness materials about child sex trafficking",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringArrayVar(&g.fonts, "font", nil, "add a TrueType font file, `PATH` of a folder of fonts, or FILE.ttc#N for one face of a collection (repeatable)")
	root.AddCommand(newCmdBuild(g, nil), newCmdCheck(g), newCmdInit(), newCmdList(g), newCmdSchema(), newCmdSpecimen(g, nil))
	return root
}

// hinter is an error that knows what the user should change.
type hinter interface{ Hint() string }

// usageError is a mistake in the command line.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Hint() string  { return e.hint }

// run executes the command line and returns the exit code: 0 on success,
// 1 when the work failed, 2 for a bad command line.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var rep reported
	if errors.As(err, &rep) {
		return 1
	}
	printError(stderr, err)
	if isFlagError(err) {
		fmt.Fprintf(stderr, "handbill: hint: run 'handbill %s --help' for usage\n", commandName(args))
	}
	var u *usageError
	if errors.As(err, &u) || isFlagError(err) {
		return 2
	}
	return 1
}

// printError writes an error in handbill's voice, with its hint if it has
// one.
func printError(w io.Writer, err error) {
	fmt.Fprintf(w, "handbill: error: %s\n", oneLine(err.Error()))
	if h := hintOf(err); h != "" {
		fmt.Fprintf(w, "handbill: hint: %s\n", h)
	}
}

func hintOf(err error) string {
	var ce *content.Error
	if errors.As(err, &ce) {
		return ce.Hint
	}
	var h hinter
	if errors.As(err, &h) {
		return h.Hint()
	}
	return ""
}

func isFlagError(err error) bool {
	s := err.Error()
	return strings.HasPrefix(s, "unknown flag") || strings.HasPrefix(s, "unknown shorthand flag") ||
		strings.HasPrefix(s, "unknown command") || strings.Contains(s, "flag needs an argument") ||
		strings.HasPrefix(s, "invalid argument") || strings.HasPrefix(s, "accepts ") || strings.HasPrefix(s, "requires ")
}

func commandName(args []string) string {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a
		}
	}
	return ""
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
