package build_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handbill/content"
)

// TestEveryLanguageEveryProductCarriesTheHotline builds every built-in
// product in every built-in language for the US and checks, with
// pdftotext, that each PDF's text holds the hotline's digits in order.
func TestEveryLanguageEveryProductCarriesTheHotline(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian: poppler-utils)")
	}
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	langs := set.DefaultLanguages()
	for _, l := range set.Languages() {
		if !strings.HasPrefix(l.Tag.String(), "en") && !strings.HasPrefix(l.Tag.String(), "es") {
			langs = append(langs, l.Tag)
		}
	}
	if len(langs) < 24 {
		t.Errorf("only %d built-in languages, want at least 24", len(langs))
	}
	dir := t.TempDir()
	opts := defaultOptions(t, dir, langs)
	m, err := buildAll(opts)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range m.Files {
		for _, l := range r.Languages {
			seen[l] = true
		}
		out, err := exec.Command("pdftotext", filepath.Join(dir, r.File), "-").Output()
		if err != nil {
			t.Errorf("%s: pdftotext: %v", r.File, err)
			continue
		}
		if !strings.Contains(string(out), "1-888-373-7888") {
			t.Errorf("%s: the text does not hold 1-888-373-7888", r.File)
		}
	}
	for _, l := range langs {
		if !seen[l.String()] {
			t.Errorf("nothing built in %s", l)
		}
	}
}
