package build_test

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// TestTextWithoutActualText reads posters back with Debian's MuPDF (1.21),
// which takes text from the fonts' ToUnicode maps alone and ignores
// /ActualText: in every language written left to right — ligatures
// ("ffi"), conjuncts, Thai and Khmer marks, CJK — the headline, the intro
// and the first signs come back whole, and in no language does a glyph
// come back as a Private Use Area character. (MuPDF 1.21 has no bidi
// algorithm: it gives right-to-left text in the order it is drawn, left to
// right; render/readers reads Arabic and Persian back with a current
// MuPDF, pdf.js, PDFium, pdfminer and poppler.) Text is compared without
// white space and invisible characters: a line break in Thai or Chinese
// has no space in the text, and the readers' test counts spaces.
func TestTextWithoutActualText(t *testing.T) {
	mutool, err := exec.LookPath("mutool")
	if err != nil {
		t.Skip("mutool is not installed (Debian: mupdf-tools)")
	}
	whole := []string{"en", "es", "fr", "vi", "ru", "hi", "pa", "th", "km", "zh-Hans", "ja", "ko", "am", "hy"}
	tags := []language.Tag{}
	for _, l := range append(slices.Clone(whole), "ar", "fa") {
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
	// squeeze drops white space and invisible characters (Unicode Cf).
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, norm.NFC.String(s))
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
		flat := squeeze(got)
		for _, key := range []string{"headline", "intro"} {
			if want := d.Messages.Texts[key].S; !strings.Contains(flat, squeeze(want)) {
				t.Errorf("%s: MuPDF does not read the %s %q in:\n%s", r.File, key, want, got)
			}
		}
		for _, s := range d.Messages.Lists["signs"][:3] {
			if !strings.Contains(flat, squeeze(s.S)) {
				t.Errorf("%s: MuPDF does not read the sign %q", r.File, s.S)
			}
		}
	}
}
