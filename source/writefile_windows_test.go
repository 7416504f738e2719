package source

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteAtomicHeldOpenWindows holds the file open the way Acrobat
// Reader does — shared for reading, not for deleting — and replaces it:
// the rename fails, the diagnostic says to close the file, and the old
// file is intact; once closed, the file is replaced.
func TestWriteAtomicHeldOpenWindows(t *testing.T) {
	dir := filepath.Join(tempDir(t), "Documents de María")
	path := filepath.Join(dir, "poster-letter.pdf")
	if err := WriteAtomic(path, []byte("%PDF-1 old")); err != nil {
		t.Fatal(err)
	}
	name, err := syscall.UTF16PtrFromString(path)
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

	d := asDiagnostic(t, WriteAtomic(path, []byte("%PDF-1 new")))
	if d.Pos.File != path || d.Message != "cannot replace the file: another program has it open" ||
		!strings.Contains(d.Hint, "close it in your PDF viewer") {
		t.Errorf("got %+v", d)
	}
	if got, _ := os.ReadFile(path); string(got) != "%PDF-1 old" {
		t.Errorf("the old file became %q", got)
	}
	if l := leftovers(t, dir, "poster-letter.pdf"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}

	syscall.CloseHandle(h)
	held = false
	if err := WriteAtomic(path, []byte("%PDF-1 new")); err != nil {
		t.Fatalf("after closing: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "%PDF-1 new" {
		t.Errorf("after closing the file is %q", got)
	}
}

// tempDir is t.TempDir, but its removal is best effort: under Wine 8 (CI
// runs this test there) os.RemoveAll fails for want of an NT call.
func tempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "handbill-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
