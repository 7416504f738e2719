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
