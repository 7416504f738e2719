package text

import (
	"slices"
	"testing"

	"handbill/content"
	"handbill/fonts"
)

// TestMeasureMatchesWrap checks that measure, which Fit and list layouts
// search sizes with, gives exactly (to the bit) the lines, widths,
// ascents, descents and height of the paragraph wrap builds, for every
// built-in message in every built-in language at several sizes and
// widths: if the two ever drift apart, fitting would choose a size the
// built paragraph does not fit.
func TestMeasureMatchesWrap(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	e := NewEngine(fonts.Builtin())
	checked := 0
	for _, l := range set.Languages() {
		d, err := set.Resolve(l.Tag, set.DefaultAudience(), set.DefaultRegion())
		if err != nil {
			t.Fatal(err)
		}
		// The sticker's question: in Japanese a phrase over maxPhrase,
		// broken at one phrase level or another by size and width.
		keys := []string{"headline", "intro", "call_prompt", "sms_note", "sticker_question"}
		var texts []string
		for _, k := range keys {
			if s := d.Messages.Texts[k].S; s != "" {
				texts = append(texts, s)
			}
		}
		if len(texts) == 0 {
			t.Fatalf("%s: none of %v resolved", l.Tag, keys)
		}
		texts = append(texts, "First line\nsecond line, after a hard break\n\nand one after an empty line")
		for _, s := range texts {
			for _, v := range []struct{ bold, script, orphan bool }{{false, false, false}, {true, false, false}, {false, true, true}} {
				bold := v.bold
				sh, err := e.shape(s, Style{Lang: l.Tag, Bold: bold, Align: Center, ScriptMetrics: v.script, NoOrphan: v.orphan})
				if err != nil {
					t.Fatalf("%s %q: %v", l.Tag, s, err)
				}
				for _, size := range []float64{7.25, 11, 18.5, 36, 71.75} {
					for _, width := range []float64{40, 150, 333.3, 700} {
						p := e.wrap(sh, size, width)
						m := e.measure(sh, size, width)
						var got, want []lineMetrics
						for _, ln := range p.Lines {
							want = append(want, lineMetrics{ln.Width, ln.Ascent, ln.Descent})
						}
						got = m.lines
						if !slices.Equal(got, want) || m.height != p.Height {
							t.Fatalf("%s %q at %g pt in %g pt: measure gives %v (height %v), wrap %v (height %v)",
								l.Tag, s, size, width, got, m.height, want, p.Height)
						}
						for _, box := range []Box{{W: width, H: p.Height}, {W: width, H: p.Height - 0.5}, {W: width * 0.9, H: 1e9, MaxLines: 2}} {
							w1, b1 := overflow(p, box)
							w2, b2 := overflowOf(m, box)
							if w1 != w2 || b1 != b2 {
								t.Fatalf("%s %q at %g pt, box %+v: overflowOf %q %v, overflow %q %v", l.Tag, s, size, box, w2, b2, w1, b1)
							}
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d cases checked", checked)
	}
}
