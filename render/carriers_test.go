package render

import (
	"math"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/text"
)

// The model of PDFBox gives back what PDFBox 2.0.27 (Debian's) gave for
// the carriers as they stood before rowPlaces, all starting a carrier's
// width before the end of the letter: two marks on one letter reversed.
func TestPdfboxOrderModelsReversedMarks(t *testing.T) {
	for _, c := range []struct {
		texts []string
		want  string
	}{
		{[]string{"े", "ं"}, "AंेZ"},            // "मंे" for "में"
		{[]string{"ี", "่"}, "A่ีZ"},            // "ท่ี" for "ที่"
		{[]string{"्", "ट", "्", "र"}, "A्टरZ"}, // the second VIRAMA dropped: drawn again at the same place
	} {
		xs := make([]float64, len(c.texts))
		for k := range xs {
			xs[k] = -1
		}
		if got := pdfboxOrder(c.texts, xs, 0); got != c.want {
			t.Errorf("%q at the letter's end: the model gives %q, PDFBox gave %q", c.texts, got, c.want)
		}
	}
}

// Every row of carriers the built-in languages draw gets places PDFBox
// reads in order, that poppler and PDFium read in order too.
func TestRowPlacesKeepOrder(t *testing.T) {
	rows := [][]string{
		{"े", "ं"}, {"़", "्"}, {"्", "ट", "्", "र"}, {"ि", "ं"}, // Hindi
		{"ੁ", "ੰ"}, {"਼", "ੇ"}, {"੍", "ਰ", "ੈ", "ਂ"}, // Punjabi
		{"ี", "่"}, {"ั", "่"}, {"ื", "่"}, {"้", "ำ"}, // Thai
		{"្", "ប", "ី"}, {"្", "ស", "្", "ស"}, {"ុ", "ំ"}, {"្", "ញ", "ា"}, // Khmer
		{"ं", "ं", "ट"}, {"ि", "ं", "़", "ु", "ँ"},
	}
	for _, ts := range rows {
		places := rowPlaces(ts, 0)
		want := "A" + strings.Join(ts, "") + "Z"
		if got := pdfboxOrder(ts, places, 0); got != want {
			t.Errorf("%q at %v: PDFBox gives %q", ts, places, got)
		}
		if !pdfboxKeepsOrder(ts, places, 0) {
			t.Errorf("%q at %v: PDFBox loses the order once the places are rounded", ts, places)
		}
		for k, x := range places {
			if x >= 0 {
				t.Errorf("%q at %v: carrier %d starts after the next glyph (poppler puts it after)", ts, places, k)
			}
			if k > 0 && (x < places[k-1] || x > places[k-1]+1+1e-9) {
				t.Errorf("%q at %v: carrier %d stands before the one ahead of it (poppler) or after its end (PDFium sees a space)", ts, places, k)
			}
		}
		if last := places[len(places)-1]; last < -1-1e-9 {
			t.Errorf("%q at %v: the last carrier ends before the next glyph (PDFium sees a space)", ts, places)
		}
	}
}

// PDFBox drops a glyph whose text is that of one drawn before it within a
// third of its width. In a Khmer word where a subscript's consonant is
// followed by the same consonant ("ទូរស័ព្ទទៅ"), a carrier standing
// for the subscript's consonant stood just before the next letter and
// PDFBox lost the letter: every run piece's glyphs, drawn in order, keep
// each of their characters (moveRepeatedCarriers), and spell the text.
func TestRepeatedCarrierKeepsLetter(t *testing.T) {
	e := text.NewEngine(fonts.Builtin())
	for _, s := range []string{"ហៅទូរស័ព្ទទៅខ្សែ", "ព្ទទ", "गद्दी", "हिंदी"} {
		tag := language.Khmer
		if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0900 && r <= 0x097f }) {
			tag = language.Hindi
		}
		p, err := e.Layout(s, text.Style{Lang: tag, Size: 12}, 400)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, pc := range planText(p) {
			if pc.outline || pc.span {
				continue
			}
			seen := map[string][]float64{}
			for _, g := range pc.glyphs {
				w := pc.advance(g.key)
				dropped := slices.ContainsFunc(seen[g.key.text], func(x float64) bool { return math.Abs(x-g.x) < w/3 })
				if dropped {
					t.Errorf("%q: PDFBox drops %q at %.3f, drawn again where the same text was", s, g.key.text, g.x)
				}
				seen[g.key.text] = append(seen[g.key.text], g.x)
				got.WriteString(g.key.text)
			}
		}
		if strings.ReplaceAll(got.String(), wordJoiner, "") != s {
			t.Errorf("%q: the glyphs, in the order drawn, stand for %q", s, got.String())
		}
	}
}
