package render

import (
	"slices"
	"strings"
	"testing"
	"unicode"

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

// pdf.js reads each run of a right-to-left line as a text item of its own:
// it drops a glyph whose text ends with a format character, and one whose
// text starts with a space but for a space between two other glyphs of the
// item, reverses an item with right-to-left letters (its bidi step) and
// keeps any other as drawn, and puts the items one after the other. A
// space where two runs meet must come back, in its place: "بالرقم 911",
// not "بالرقم911"; "مجاني · سري", not "مجاني·سري" (splitEdgeSpaces).
func TestRunEdgeSpacesAsPdfjsReadsThem(t *testing.T) {
	e := text.NewEngine(fonts.Builtin())
	for _, c := range []struct {
		lang language.Tag
		s    string
	}{
		{language.Arabic, "مجاني · سري · 24/7"},
		{language.Persian, "پیامک 233733"},
		{language.Persian, "رایگان · محرمانه · شبانه\u200cروزی"},
		{language.Arabic, "SMS 233733 (الإنجليزية أو الإسبانية فقط) · مجاني · سري · 24/7"},
		{language.Urdu, "مدد چاہیے؟ کال کریں۔ مفت، رازدارانہ، 24/7۔"},
	} {
		p, err := e.Layout(c.s, text.Style{Lang: c.lang, Size: 12}, 600)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, pc := range planText(p) {
			if pc.outline {
				continue
			}
			var item []rune
			space := false // a space glyph since the last other one
			for _, g := range pc.glyphs {
				rs := []rune(g.key.text)
				switch {
				case len(rs) == 0 || unicode.Is(unicode.Cf, rs[len(rs)-1]):
				case unicode.IsSpace(rs[0]):
					space = len(item) > 0
				default:
					if space {
						item = append(item, ' ') // between two glyphs of the item
					}
					space = false
					item = append(item, rs...)
				}
			}
			if pc.pdfjsReverses() {
				slices.Reverse(item)
			}
			got.WriteString(string(item))
		}
		drop := func(r rune) rune {
			if unicode.Is(unicode.Cf, r) && r != '\u200c' {
				return -1
			}
			return r
		}
		if g, want := strings.Map(drop, got.String()), strings.Map(drop, c.s); g != want {
			t.Errorf("pdf.js reads %q as %q", want, g)
		}
		spaces := 0
		for _, pc := range planText(p) {
			for _, g := range pc.glyphs {
				spaces += strings.Count(g.key.text, " ")
			}
		}
		if want := strings.Count(c.s, " "); spaces != want {
			t.Errorf("%q: the glyphs stand for %d spaces, want %d", c.s, spaces, want)
		}
	}
}
