package text

import (
	"reflect"
	"testing"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"

	"handbill/content"
	"handbill/fonts"
)

// TestWrapLinesIsWrapParagraph: wrapLines breaks every language's built-in
// messages, at sizes and measures from one word a line to all on one, into
// the lines go-text's WrapParagraphF gives.
func TestWrapLinesIsWrapParagraph(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	e := NewEngine(fonts.Builtin())
	checked, single := 0, 0
	for _, l := range set.Languages() {
		d, err := set.Resolve(l.Tag, set.DefaultAudience(), set.DefaultRegion())
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"headline", "intro", "call_prompt"} {
			s := d.Messages.Texts[k].S
			if s == "" {
				continue
			}
			sh, err := e.shape(s, Style{Lang: l.Tag})
			if err != nil {
				t.Fatal(err)
			}
			dir := di.DirectionLTR
			if sh.rtl {
				dir = di.DirectionRTL
			}
			cfg := shaping.WrapConfig{Direction: dir, BreakPolicy: shaping.Never}
			for _, pc := range sh.pieces {
				for _, w := range []float64{30, 60, 120, 200, 400, 5000} {
					maxW := maxWidthAt(w, 12)
					got := deepCopyLines(e.wrapLines(cfg, maxW, pc.prep.runes, copyOutputs(pc.outs)))
					want, _ := e.wrapper.WrapParagraphF(cfg, maxW, pc.prep.runes, shaping.NewSliceIterator(copyOutputs(pc.outs)))
					if !reflect.DeepEqual(got, deepCopyLines(want)) {
						t.Fatalf("%s %q in %g pt: wrapLines gives other lines than WrapParagraphF", l.Tag, s, w)
					}
					if len(got) == 1 {
						single++
					}
					checked++
				}
			}
		}
	}
	if checked < 250 || single == 0 || single == checked {
		t.Errorf("%d pieces checked, %d on one line", checked, single)
	}
	if !hasMandatoryBreak([]rune("a\u2028b")) || hasMandatoryBreak([]rune("ab\n")) {
		t.Error("hasMandatoryBreak: a line separator inside is one; a newline at the end is not")
	}
}

func deepCopyLines(ls []shaping.Line) []shaping.Line {
	out := make([]shaping.Line, len(ls))
	for i, l := range ls {
		out[i] = copyOutputs(l)
	}
	return out
}
