package main

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// TestDoubleClickHelp: what a handbill double-clicked in Windows Explorer
// shows before waiting for Enter: how to open a terminal, the commands to
// type as they must be typed there, and where handbill.exe is.
func TestDoubleClickHelp(t *testing.T) {
	dir := `C:\Users\María\Downloads\handbill 1.0`
	help := doubleClickHelp(dir, false)
	for _, want := range []string{
		"command-line program",
		"type  cmd  and press Enter",
		"Open in\n     Terminal",
		`.\handbill build`,
		`.\handbill --help`,
		"handbill.exe is in: " + dir + "\n",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("the help does not say %q:\n%s", want, help)
		}
	}
	if !strings.HasSuffix(help, "Press Enter to close this window.") {
		t.Errorf("the help does not end asking for Enter:\n%s", help)
	}
	if strings.Contains(help, "serve") {
		t.Error("the help names serve, which this handbill does not have")
	}
	if withServe := doubleClickHelp(dir, true); !strings.Contains(withServe, `.\handbill serve`) {
		t.Errorf("with a serve command the help does not name it:\n%s", withServe)
	}
	for line := range strings.Lines(help) {
		if n := len([]rune(strings.TrimRight(line, "\n"))); n > 80 {
			t.Errorf("line of %d characters, wider than a console window: %q", n, line)
		}
	}
	if hasCommand("serve") != strings.Contains(doubleClickHelp("", hasCommand("serve")), "serve") {
		t.Error("the help and the commands disagree about serve")
	}
}

// TestRunFromExplorer: double-clicked, handbill shows the help and returns
// once Enter is pressed (or its input ends), with status 0; started with
// arguments, it runs them, then waits the same way.
func TestRunFromExplorer(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runFromExplorer(nil, strings.NewReader("\n"), &stdout, &stderr); code != 0 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(stdout.String(), `.\handbill build`) || stderr.Len() > 0 {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}

	stdout.Reset()
	if code := runFromExplorer(nil, iotest.ErrReader(iotest.ErrTimeout), &stdout, &stderr); code != 0 || stdout.Len() == 0 {
		t.Errorf("with no input: exit %d, %q", code, stdout.String())
	}

	stdout.Reset()
	if code := runFromExplorer([]string{"version"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Errorf("version: exit %d", code)
	}
	if got := stdout.String(); !strings.HasPrefix(got, "handbill version ") || !strings.HasSuffix(got, "\nPress Enter to close this window.") {
		t.Errorf("version from Explorer printed %q", got)
	}

	stdout.Reset()
	stderr.Reset()
	if code := runFromExplorer([]string{`C:\Users\María\poster.yaml`}, strings.NewReader("\n"), &stdout, &stderr); code != 2 {
		t.Errorf("a file dropped on handbill: exit %d, want 2 (stderr %q)", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Press Enter") {
		t.Errorf("a failed command from Explorer does not wait: %q", stdout.String())
	}
}
