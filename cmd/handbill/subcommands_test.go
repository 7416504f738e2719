package main

import (
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// TestStandInsAreTheirCommands holds the stand-ins root's help lists to the
// commands they stand for: the same name and summary, listed alike.
func TestStandInsAreTheirCommands(t *testing.T) {
	subs := subcommands(&globalOptions{})
	if len(subs) == 0 {
		t.Fatal("no subcommands")
	}
	for _, sub := range subs {
		full := sub.build()
		alike(t, standIn(sub.name, sub.short), full)
		if len(full.Aliases) > 0 {
			t.Errorf("%s has aliases %v: inFull finds a command by its name only", sub.name, full.Aliases)
		}
	}
	// cobra's completion command, as cobra adds it to a root of commands.
	root := newRootCmd(io.Discard, io.Discard, nil)
	root.InitDefaultCompletionCmd()
	i := slices.IndexFunc(root.Commands(), func(c *cobra.Command) bool { return c.Name() == "completion" })
	if i < 0 {
		t.Fatal("cobra added no completion command")
	}
	alike(t, standIn("completion", completionShort), root.Commands()[i])
}

// alike compares what root's help shows of a command.
func alike(t *testing.T, stand, full *cobra.Command) {
	t.Helper()
	if stand.Name() != full.Name() || stand.Short != full.Short {
		t.Errorf("stand-in %q %q, command %q %q", stand.Name(), stand.Short, full.Name(), full.Short)
	}
	if stand.IsAvailableCommand() != full.IsAvailableCommand() || stand.Hidden != full.Hidden ||
		stand.IsAdditionalHelpTopicCommand() != full.IsAdditionalHelpTopicCommand() || stand.GroupID != full.GroupID {
		t.Errorf("%s: the stand-in is listed differently from the command", full.Name())
	}
}

// TestStandInsLeaveOutputAlone runs command lines that reach no command or
// one, with stand-ins for the others, and with every command built in full:
// the output and exit code are the same.
func TestStandInsLeaveOutputAlone(t *testing.T) {
	for _, args := range [][]string{
		{}, {"--help"}, {"-h"}, {"help"}, {"--version"}, {"bogus"}, {"buil"}, {"--bogus"},
		{"build", "--help"}, {"translate", "--help"}, {"help", "translate", "export"},
		{"__complete", ""}, {"__complete", "b"}, {"__complete", "build", "--"}, {"completion", "--help"},
	} {
		var outStand, errStand, outFull, errFull bytes.Buffer
		codeStand := execute(newRootCmd(&outStand, &errStand, args), args, &errStand)
		codeFull := execute(newRootCmd(&outFull, &errFull, nil), args, &errFull)
		if outStand.String() != outFull.String() || errStand.String() != errFull.String() || codeStand != codeFull {
			t.Errorf("handbill %q: with stand-ins exit %d, stdout %q, stderr %q; built in full exit %d, stdout %q, stderr %q",
				args, codeStand, &outStand, &errStand, codeFull, &outFull, &errFull)
		}
		if len(args) > 0 && args[0] == "--help" && !bytes.Contains(outStand.Bytes(), []byte("completion")) {
			t.Errorf("handbill --help lists no completion command:\n%s", &outStand)
		}
	}
}
