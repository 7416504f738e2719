package render

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/text"
)

// The isolates a layout puts around a number in right-to-left text
// (layouts' isolate) steer the bidi algorithm, and nobody types them:
// neither the glyphs' text nor an /ActualText span gives them back, or
// readers that take ActualText (PDFium, poppler) would, and a search for
// the words around the number would miss them.
func TestActualTextLeavesOutBidiControls(t *testing.T) {
	e := text.NewEngine(fonts.Builtin())
	s := "المركز الوطني للأطفال المفقودين والمستغَلين \u20661-800-843-5678 (1-800-THE-LOST)\u2069"
	p, err := e.Layout(s, text.Style{Lang: language.Arabic, Size: 12}, 400)
	if err != nil {
		t.Fatal(err)
	}
	spans := 0
	for _, pc := range planText(p) {
		if pc.span {
			spans++
			if strings.ContainsFunc(pc.actual, isBidiControl) {
				t.Errorf("ActualText %q holds a bidi control", pc.actual)
			}
		}
		for _, g := range pc.glyphs {
			if strings.ContainsFunc(g.key.text, isBidiControl) {
				t.Errorf("a glyph stands for %q, a bidi control", g.key.text)
			}
		}
	}
	if spans == 0 {
		t.Fatal("no ActualText span: the test no longer tests what it says")
	}
}

func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || ('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}

// In a right-to-left paragraph a space drawn last in a run is carried by
// the letter drawn before it (keepEndSpace): pdf.js drops a glyph that
// stands for a space alone at the end of a text item. No space is lost or
// added on the way.
func TestRunEndSpaceGoesToLetter(t *testing.T) {
	e := text.NewEngine(fonts.Builtin())
	s := "مقابل الجنس مع طفل دون 18 عامًا، فهذا اتجار"
	p, err := e.Layout(s, text.Style{Lang: language.Arabic, Size: 12}, 600)
	if err != nil {
		t.Fatal(err)
	}
	spaces, carried := 0, 0
	for _, pc := range planText(p) {
		if pc.outline {
			continue
		}
		for i, g := range pc.glyphs {
			spaces += strings.Count(g.key.text, " ")
			rs := []rune(g.key.text)
			if len(rs) > 1 && rs[len(rs)-1] == ' ' {
				carried++
			}
			if i == len(pc.glyphs)-1 && i > 0 && strings.TrimSpace(g.key.text) == "" && g.key.text != "" {
				t.Errorf("a run ends with a glyph standing for %q alone", g.key.text)
			}
		}
	}
	if want := strings.Count(s, " "); spaces != want {
		t.Errorf("the glyphs stand for %d spaces, want %d", spaces, want)
	}
	if carried == 0 {
		t.Error("no letter carries the space after it: the test no longer tests keepEndSpace")
	}
}
