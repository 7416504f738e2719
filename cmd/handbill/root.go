package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"handbill/fonts"
	"handbill/source"
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

// newRootCmd builds the command tree for a command line: the commands args
// may reach are built in full, the others are stand-ins with the name and
// summary root's help lists (subcommands.go). With args nil, every command
// is built in full.
func newRootCmd(stdout, stderr io.Writer, args []string) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:           "handbill",
		Short:         "Print-ready, multilingual awareness materials about child sex trafficking",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		Version:       rootVersion(args),
		// Without a command: the help; with an unknown one: a usage
		// error naming the closest command.
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			hint := fmt.Sprintf("run '%s --help' for the commands", c.CommandPath())
			var names []string
			for _, sub := range c.Commands() {
				names = append(names, sub.Name())
			}
			if s := source.Suggest(args[0], names); s != "" {
				hint = fmt.Sprintf("did you mean %q? %s", s, hint)
			}
			return usage(hint, "unknown command %q", args[0])
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringArrayVar(&g.fonts, "font", nil, "add a TrueType font file, `PATH` of a folder of fonts, or FILE.ttc#N for one face of a collection (repeatable)")
	for _, sub := range subcommands(g) {
		if inFull(args, sub.name) {
			root.AddCommand(sub.build())
		} else {
			root.AddCommand(standIn(sub.name, sub.short))
		}
	}
	// cobra adds its completion command to a root without one, its
	// subcommands and their flags included: a stand-in takes its place in
	// the help where the command line does not reach it.
	if !inFull(args, "completion") {
		root.AddCommand(standIn("completion", completionShort))
	}
	// A mistake in the flags is a usage error, with its hint set here,
	// where cobra finds it.
	flagErr := func(c *cobra.Command, err error) error {
		return usage(fmt.Sprintf("run '%s --help' for usage", c.CommandPath()), "%s", err.Error())
	}
	root.SetFlagErrorFunc(flagErr)
	for _, c := range root.Commands() {
		c.SetFlagErrorFunc(flagErr)
		if c.Args != nil {
			args := c.Args
			c.Args = func(c *cobra.Command, a []string) error {
				if err := args(c, a); err != nil {
					return usage(fmt.Sprintf("run '%s --help' for usage", c.CommandPath()), "%s", err.Error())
				}
				return nil
			}
		}
	}
	return root
}

// usageError is a mistake in the command line (exit status 2): a
// diagnostic with no position.
type usageError struct{ d *source.Diagnostic }

func (e *usageError) Error() string { return e.d.Error() }
func (e *usageError) Unwrap() error { return e.d }

// usage returns a usage error with a hint.
func usage(hint, format string, args ...any) error {
	return &usageError{source.Errorf(source.Pos{}, hint, format, args...)}
}

// reported is a failure whose diagnostics were printed already.
type reported struct{ error }

// run executes the command line and returns the exit code: 0 on success,
// 1 when the work failed, 2 for a bad command line.
func run(args []string, stdout, stderr io.Writer) int {
	return execute(newRootCmd(stdout, stderr, args), args, stderr)
}

// execute runs the command line in a command tree made for it and returns
// run's exit code.
func execute(root *cobra.Command, args []string, stderr io.Writer) int {
	root.SetArgs(args)
	_, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	var rep reported
	if errors.As(err, &rep) {
		return 1
	}
	var u *usageError
	newPrinter(stderr).print(*source.From(err))
	if errors.As(err, &u) {
		return 2
	}
	return 1
}
