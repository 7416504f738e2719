package render

import (
	"strings"
	"testing"
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
