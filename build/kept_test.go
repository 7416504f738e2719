package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

// TestKeptFileStaysHandbills: a file a build could not replace (open in a
// PDF viewer on Windows) is recorded as kept, so the next build — once the
// viewer is closed — replaces it without --force; changed since, it is
// not handbill's any more.
func TestKeptFileStaysHandbills(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "en", "poster-letter.pdf")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	old := []byte("%PDF-1 written by an earlier build")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(old)
	prev := &Manifest{Files: []Result{{File: "en/poster-letter.pdf", SHA256: hex.EncodeToString(sum[:])}}}
	kept := prev.written("en/poster-letter.pdf", path)
	if kept != hex.EncodeToString(sum[:]) {
		t.Fatalf("written = %q", kept)
	}
	// The failed build's manifest: the document failed to be written and
	// its old file is kept.
	m := &Manifest{Files: []Result{{File: "en/poster-letter.pdf", Errors: nil, Kept: kept}}}
	if !m.wrote("en/poster-letter.pdf", path) {
		t.Error("a kept file is not recognised as handbill's")
	}
	if err := checkReplace(path, "en/poster-letter.pdf", false, m); err != nil {
		t.Errorf("the next build refuses to replace the kept file: %v", err)
	}
	if err := os.WriteFile(path, []byte("edited since"), 0o644); err != nil {
		t.Fatal(err)
	}
	if m.wrote("en/poster-letter.pdf", path) {
		t.Error("a kept file changed since is still taken for handbill's")
	}
}
