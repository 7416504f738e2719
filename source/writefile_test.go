package source

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// leftovers returns the names in dir other than keep: a failed write must
// leave no temporary file behind.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// asDiagnostic returns err as the *Diagnostic WriteAtomic promises.
func asDiagnostic(t *testing.T, err error) *Diagnostic {
	t.Helper()
	if err == nil {
		t.Fatal("WriteAtomic succeeded, want an error")
	}
	var d *Diagnostic
	if !errors.As(err, &d) {
		t.Fatalf("error %T %q is not a *Diagnostic", err, err)
	}
	if d.Severity != Error {
		t.Errorf("severity %q, want error", d.Severity)
	}
	return d
}

func TestWriteAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Documents de María", "poster run")
	path := filepath.Join(dir, "en", "poster-letter.pdf")
	for _, data := range []string{"%PDF-1 first", "%PDF-1 second, longer"} {
		if err := WriteAtomic(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if l := leftovers(t, filepath.Dir(path), "poster-letter.pdf"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// TestWriteAtomicHeldOpen: a file another program holds open (Acrobat on
// Windows; simulated here by a rename failing with the system's "held
// open" error) gives a diagnostic that names the file and says to close
// it and build again, and nothing is lost: the old file is intact and the
// temporary file removed.
func TestWriteAtomicHeldOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "poster-letter.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1 old"), 0o644); err != nil {
		t.Fatal(err)
	}
	var tried string
	rename = func(oldpath, newpath string) error {
		tried = oldpath
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: heldOpenErrors[0]}
	}
	defer func() { rename = os.Rename }()

	d := asDiagnostic(t, WriteAtomic(path, []byte("%PDF-1 new")))
	if d.Pos.File != path {
		t.Errorf("diagnostic names %q, want %q", d.Pos.File, path)
	}
	if d.Message != "cannot replace the file: another program has it open" {
		t.Errorf("message %q", d.Message)
	}
	for _, want := range []string{"close it in your PDF viewer", "build again", "nothing was lost"} {
		if !strings.Contains(d.Hint, want) {
			t.Errorf("hint %q does not say %q", d.Hint, want)
		}
	}
	if got := d.String(); !strings.HasPrefix(got, "error: "+path+": cannot replace the file") {
		t.Errorf("printed as %q", got)
	}
	if got, _ := os.ReadFile(path); string(got) != "%PDF-1 old" {
		t.Errorf("the old file became %q", got)
	}
	if tried == "" || filepath.Dir(tried) != dir {
		t.Errorf("the temporary file %q was not in the output folder", tried)
	}
	if l := leftovers(t, dir, "poster-letter.pdf"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}

	// Another file held open (the manifest) is not called a PDF.
	d = asDiagnostic(t, WriteAtomic(filepath.Join(dir, "manifest.json"), []byte("{}")))
	if !strings.HasPrefix(d.Hint, "close it in the program that has it open") {
		t.Errorf("manifest hint %q", d.Hint)
	}
}

// TestWriteAtomicOtherRenameFailure: any other failure to replace the file
// is reported with its cause, and loses nothing either.
func TestWriteAtomicOtherRenameFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "card.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	rename = func(oldpath, newpath string) error {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: errors.New("the disk said no")}
	}
	defer func() { rename = os.Rename }()
	d := asDiagnostic(t, WriteAtomic(path, []byte("new")))
	if d.Pos.File != path || d.Message != "cannot replace the file: the disk said no" || !strings.Contains(d.Hint, "nothing was lost") {
		t.Errorf("got %+v", d)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old file became %q", got)
	}
	if l := leftovers(t, dir, "card.pdf"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// TestWriteAtomicOntoFolder: a real failing rename, on every system: the
// target is a folder with a file in it.
func TestWriteAtomicOntoFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "poster-a4.pdf")
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "keep.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := asDiagnostic(t, WriteAtomic(path, []byte("%PDF-1")))
	if d.Pos.File != path || d.Message != "cannot replace a folder with the file" || !strings.Contains(d.Hint, "nothing was lost") {
		t.Errorf("got %+v", d)
	}
	if got, _ := os.ReadFile(filepath.Join(path, "keep.txt")); string(got) != "keep" {
		t.Errorf("the folder's file became %q", got)
	}
	if l := leftovers(t, dir, "poster-a4.pdf"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// TestWriteAtomicCannotCreate: a failure before the rename names the file
// too (the output folder is a file).
func TestWriteAtomicCannotCreate(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "out")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "en", "poster-letter.pdf")
	d := asDiagnostic(t, WriteAtomic(path, []byte("%PDF-1")))
	if d.Pos.File != path || !strings.HasPrefix(d.Message, "cannot write the file: ") {
		t.Errorf("got %+v", d)
	}
}
