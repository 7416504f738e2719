package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// A subcommand is one of root's commands as root's help lists it (its
// name and summary) with the function that builds it in full.
type subcommand struct {
	name, short string
	build       func() *cobra.Command
}

// subcommands are root's commands, in the order root adds them.
// TestStandInsAreTheirCommands holds each name and summary to its command's.
func subcommands(g *globalOptions) []subcommand {
	return []subcommand{
		{"build", "Build posters, flyers, handouts, wallet cards and stickers", func() *cobra.Command { return newCmdBuild(g, nil) }},
		{"check", "Run every check build runs, write nothing, and list what is wrong", func() *cobra.Command { return newCmdCheck(g) }},
		{"init", "Write an editable starter project: a content file, a layout and a README", newCmdInit},
		{"list", "Show the layouts, languages, regions, fonts or compliance presets handbill can use", func() *cobra.Command { return newCmdList(g) }},
		{"schema", "Print the JSON Schema of the content or layout file format", newCmdSchema},
		{"specimen", "Print a sample line in every supported script, or your own text, to check it prints", func() *cobra.Command { return newCmdSpecimen(g, nil) }},
		{"version", "Print handbill's version; with --licenses, its licence and those of every module and font in it", newCmdVersion},
		{"translate", "Export messages for translators (PO files), import their review, show review status", func() *cobra.Command { return newCmdTranslate(g) }},
		{"preview", "Draw the documents build would make as PNG images, to check them at a glance", func() *cobra.Command { return newCmdPreview(g) }},
		{"serve", "Make your materials in your web browser, with a live preview", func() *cobra.Command { return newCmdServe(g, nil) }},
	}
}

// completionShort is the summary of cobra's own completion command, which
// root's help lists.
const completionShort = "Generate the autocompletion script for the specified shell"

// inFull reports whether a command line may reach the command name: it
// names it (a command is found only by its whole name: handbill's have no
// aliases and cobra's prefix matching is off), or it asks for shell
// completion, which reads the whole tree. args nil means every command.
func inFull(args []string, name string) bool {
	if args == nil {
		return true
	}
	return slices.ContainsFunc(args, func(a string) bool {
		return a == name || strings.HasPrefix(a, cobra.ShellCompRequestCmd) || a == "completion"
	})
}

// errStandIn is returned by a stand-in run; never seen, as a command line
// that reaches a command builds it in full.
var errStandIn = errors.New("handbill: internal error: a stand-in command ran")

// standIn is what root's help shows of a command, without its flags or
// subcommands: building those for every command was a tenth of
// `handbill --help`'s start (issue 17).
func standIn(name, short string) *cobra.Command {
	return &cobra.Command{
		Use:   name,
		Short: short,
		RunE:  func(*cobra.Command, []string) error { return errStandIn },
	}
}
