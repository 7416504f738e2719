package build_test

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
)

// TestTextWithoutActualText reads posters back with MuPDF, which takes
// text from the fonts' ToUnicode maps and ignores /ActualText: in
// languages whose every cluster is one character or a ligature (English
// "ffi", French, Vietnamese, Russian) every message comes back whole,
// and in no language does a glyph come back as a Private Use Area
// character.
func TestTextWithoutActualText(t *testing.T) {
	mutool, err := exec.LookPath("mutool")
	if err != nil {
		t.Skip("mutool is not installed (Debian: mupdf-tools)")
	}
	whole := []string{"en", "es", "fr", "vi", "ru"}
	tags := []language.Tag{}
	for _, l := range append(slices.Clone(whole), "ar", "hi", "th", "km", "zh-Hans", "ko", "am") {
		tags = append(tags, language.MustParse(l))
	}
	dir := t.TempDir()
	opts := defaultOptions(t, dir, tags)
	opts.Only = map[string]bool{"poster-letter": true}
	m, err := buildAll(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != len(tags) {
		t.Fatalf("built %d posters, want %d", len(m.Files), len(tags))
	}
	for _, r := range m.Files {
		out, err := exec.Command(mutool, "draw", "-q", "-F", "txt", filepath.Join(dir, r.File)).Output()
		if err != nil {
			t.Errorf("%s: mutool: %v", r.File, err)
			continue
		}
		got := strings.Join(strings.Fields(string(out)), " ")
		for _, c := range got {
			if unicode.In(c, unicode.Co) {
				t.Errorf("%s: MuPDF reads a Private Use Area character U+%04X", r.File, c)
				break
			}
		}
		lang := r.Languages[0]
		if !slices.Contains(whole, lang) {
			continue
		}
		d, err := opts.Content.Resolve(language.MustParse(lang), "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"headline", "intro"} {
			want := strings.Join(strings.Fields(d.Messages.Texts[key].S), " ")
			if !strings.Contains(got, want) {
				t.Errorf("%s: MuPDF does not read the %s %q in:\n%s", r.File, key, want, got)
			}
		}
		for _, s := range d.Messages.Lists["signs"][:3] {
			if want := strings.Join(strings.Fields(s.S), " "); !strings.Contains(got, want) {
				t.Errorf("%s: MuPDF does not read the sign %q", r.File, want)
			}
		}
	}
}
