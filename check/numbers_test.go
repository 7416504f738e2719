package check_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

var src = source.Pos{File: "c.yaml", Line: 3, Col: 15}

// numberDoc is a Letter page with one text at 1 in, 1 in.
func numberDoc(p *text.Paragraph) *frame.Doc {
	return page(letter, tall, &frame.Text{X: inch, Y: inch, Para: p, Src: src, Block: at(10)})
}

// A right-to-left override typed into a headline reverses the number
// that follows it, as the engine draws it: an error at the text.
func TestNumberReversedByOverride(t *testing.T) {
	fs := findings(plain(), numberDoc(para(t, "Call \u202e1-888-373-7888", "en", 14, 400)), "number-order")
	want(t, fs, source.Error, src, `"1-888-373-7888" is drawn out of order`, `reads "8887-373-888-1"`)
	if h := fs[0].Hint; !strings.Contains(h, "U+202E RIGHT-TO-LEFT OVERRIDE") {
		t.Errorf("hint does not name the control character: %s", h)
	}
	none(t, findings(plain(), numberDoc(para(t, "Call 1-888-373-7888", "en", 14, 400)), "number-order"))
}

// In Arabic text the engine isolates a number in ASCII digits, so it
// reads left to right; one in Arabic-Indic digits with hyphens is left to
// the bidi algorithm, which puts its groups right to left.
func TestNumberOrderInArabic(t *testing.T) {
	none(t, findings(plain(), numberDoc(para(t, "اتصل 1-888-373-7888", "ar", 14, 400)), "number-order"))
	fs := findings(plain(), numberDoc(para(t, "اتصل ١-٨٨٨-٣٧٣-٧٨٨٨", "ar", 14, 400)), "number-order")
	want(t, fs, source.Error, src, `reads "٧٨٨٨-٣٧٣-٨٨٨-١"`)
}

// rtlLine is a right-to-left paragraph "اتصل 1-888-373-7888" drawn as a
// bidi algorithm draws it when the number is not isolated: after Arabic
// letters the digits are Arabic numbers and the hyphens neutral, so the
// groups run right to left, "7888-373-888-1 لصتا" from the left.
func rtlLine() *text.Paragraph {
	s := "اتصل 1-888-373-7888"
	visual := []int{15, 16, 17, 18, 14, 11, 12, 13, 10, 7, 8, 9, 6, 5, 4, 3, 2, 1, 0}
	rs := []rune(s)
	run := text.Run{RTL: true, Size: 14}
	for i, k := range visual {
		run.Clusters = append(run.Clusters, text.Cluster{Text: string(rs[k]), Start: k,
			Glyphs: []text.Glyph{{ID: 1, X: float64(i) * 7, Advance: 7}}})
	}
	run.Advance = float64(len(visual)) * 7
	return &text.Paragraph{Text: s, RTL: true, Width: 300, Height: 18,
		Style: text.Style{Lang: language.Arabic, Size: 14},
		Lines: []text.Line{{X: 300 - run.Advance, Baseline: 14, Width: run.Advance, Ascent: 14, Descent: 4, Runs: []text.Run{run}}}}
}

func TestNumberReversedInRTLParagraph(t *testing.T) {
	fs := findings(plain(), numberDoc(rtlLine()), "number-order")
	want(t, fs, source.Error, src, `"1-888-373-7888" is drawn out of order: it reads "7888-373-888-1"`)
	if h := fs[0].Hint; !strings.Contains(h, "U+2066 LEFT-TO-RIGHT ISOLATE") {
		t.Errorf("hint does not say how to isolate: %s", h)
	}
	// The same clusters in logical order read right.
	p := rtlLine()
	cs := p.Lines[0].Runs[0].Clusters
	for i := range cs {
		cs[i].Glyphs[0].X = float64(cs[i].Start) * 7
	}
	none(t, findings(plain(), numberDoc(p), "number-order"))
}

// A number split over two lines is an error.
func TestNumberBrokenAcrossLines(t *testing.T) {
	p := para(t, "Call 1-888-373-7888", "en", 14, 400)
	line := p.Lines[0]
	var first, second text.Run
	for _, r := range line.Runs {
		first, second = r, r
		first.Clusters, second.Clusters = nil, nil
		for _, c := range r.Clusters {
			if c.Start < 10 {
				first.Clusters = append(first.Clusters, c)
			} else {
				second.Clusters = append(second.Clusters, c)
			}
		}
	}
	l1, l2 := line, line
	l1.Runs, l2.Runs = []text.Run{first}, []text.Run{second}
	l2.Baseline += 18
	broken := *p
	broken.Lines = []text.Line{l1, l2}
	want(t, findings(plain(), numberDoc(&broken), "number-order"), source.Error, src, `"1-888-373-7888" is broken across lines`)
}

// Short numbers, times and ages are not phone numbers to check.
func TestNumberOrderIgnoresWords(t *testing.T) {
	none(t, findings(plain(), numberDoc(para(t, "Free, confidential, 24/7, for anyone under 18", "en", 14, 400)), "number-order"))
}
