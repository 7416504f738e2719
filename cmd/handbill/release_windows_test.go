package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBuildOverPDFHeldOpenWindows builds a sticker into a folder with
// spaces and non-ASCII letters, holds the PDF open the way Acrobat Reader
// does (shared for reading, not for deleting) and builds again: the build
// fails with an error naming the file and saying to close it, the old
// file is intact and no temporary file is left; once the file is closed,
// the next build replaces it without --force.
func TestBuildOverPDFHeldOpenWindows(t *testing.T) {
	tmp, err := os.MkdirTemp("", "handbill-test-")
	if err != nil {
		t.Fatal(err)
	}
	// Removed at best: under Wine 8 (CI runs this test there) os.RemoveAll
	// fails for want of an NT call.
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "Documents de María", "poster run")
	args := []string{"build", "--layout", "sticker-3x3", "--lang", "en", "--out", out}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr.String())
	}
	pdf := filepath.Join(out, "en", "sticker-3x3.pdf")
	before, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}

	name, err := syscall.UTF16PtrFromString(pdf)
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil,
		syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	held := true
	defer func() {
		if held {
			syscall.CloseHandle(h)
		}
	}()

	stdout.Reset()
	stderr.Reset()
	// --timestamp makes the new PDF differ from the old one.
	if code := run(append(args, "--timestamp"), &stdout, &stderr); code != 1 {
		t.Fatalf("build over a held file: exit %d, want 1; stderr:\n%s", code, stderr.String())
	}
	for _, want := range []string{
		"handbill: error: " + pdf + ": cannot replace the file: another program has it open",
		"hint: close it in your PDF viewer",
		"build again",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr.String())
		}
	}
	if after, _ := os.ReadFile(pdf); !bytes.Equal(after, before) {
		t.Error("the PDF held open changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(pdf))
	for _, e := range entries {
		if e.Name() != "sticker-3x3.pdf" {
			t.Errorf("left behind: %s", e.Name())
		}
	}

	syscall.CloseHandle(h)
	held = false
	stdout.Reset()
	stderr.Reset()
	if code := run(append(args, "--timestamp"), &stdout, &stderr); code != 0 {
		t.Fatalf("build after closing: exit %d: %s", code, stderr.String())
	}
	if after, _ := os.ReadFile(pdf); bytes.Equal(after, before) {
		t.Error("the PDF was not replaced after it was closed")
	}
}
