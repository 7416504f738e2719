package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

func init() {
	// main handles a start from Windows Explorer itself (startedByExplorer);
	// cobra's own splash screen would show for 5 seconds and exit 1.
	cobra.MousetrapHelpText = ""
}

// runFromExplorer is main for a handbill started from Windows Explorer,
// whose console window closes the moment handbill exits. Double-clicked
// (no arguments), it explains how to start and waits for Enter instead of
// flashing a window closed; started with arguments (a shortcut, a file
// dropped on it), it runs them and then waits, so the output can be read.
func runFromExplorer(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code := 0
	if len(args) == 0 {
		fmt.Fprint(stdout, doubleClickHelp(exeDir(), hasCommand("serve")))
	} else {
		code = run(args, stdout, stderr)
		fmt.Fprint(stdout, "\nPress Enter to close this window.")
	}
	bufio.NewReader(stdin).ReadString('\n')
	return code
}

// doubleClickHelp is what a double-clicked handbill says: what it is, that
// it works in a terminal, and the steps to make the posters from one (and
// to start the browser page, when there is a serve command). dir is the
// folder handbill.exe is in.
func doubleClickHelp(dir string, serve bool) string {
	var b strings.Builder
	b.WriteString(`handbill makes print-ready posters, flyers and wallet cards about child
sex trafficking: the signs to look for and the hotline numbers to call.

It is a command-line program: it works in a terminal window, so opening it
with a double-click only shows this message. To start:

  1. Open a terminal in the folder that has handbill.exe: in that folder's
     window, click the address bar, type  cmd  and press Enter (on
     Windows 11 you can also right-click the folder and choose "Open in
     Terminal").

  2. Type  .\handbill build  and press Enter. Every poster, flyer, card and
     sticker, in English and Spanish, is written into a new folder "out"
     next to handbill.exe, ready to print.
`)
	if serve {
		b.WriteString(`
     Or type  .\handbill serve  and press Enter to make them in your web
     browser instead.
`)
	}
	b.WriteString(`
  3. Type  .\handbill --help  to see everything else handbill can do:
     other languages (--lang), your organisation's details (--content),
     checking without writing (check).
`)
	if dir != "" {
		fmt.Fprintf(&b, "\nhandbill.exe is in: %s\n", dir)
	}
	b.WriteString("\nPress Enter to close this window.")
	return b.String()
}

// exeDir is the folder the running program is in, or "".
func exeDir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return filepath.Dir(exe)
}

// hasCommand reports whether handbill has the command name.
func hasCommand(name string) bool {
	for _, c := range newRootCmd(io.Discard, io.Discard, []string{}).Commands() {
		if c.Name() == name {
			return true
		}
	}
	return false
}
