package layouts

import (
	"slices"
	"testing"

	"handbill/content"
	"handbill/fonts"
	"handbill/text"
)

// unruntStepping is unrunt without skipping measures: every step set and
// tested.
func unruntStepping(p *text.Paragraph, at func(width float64) *text.Paragraph, ok func(*text.Paragraph) bool) (*text.Paragraph, float64) {
	if Runt(p) == "" {
		return p, 0
	}
	w := p.Width
	for f := 1 - unruntStep; f >= unruntMin-1e-9; f -= unruntStep {
		q := at(w * f)
		if Runt(q) != "" || !ok(q) {
			continue
		}
		st := q.Style
		switch {
		case st.Align == text.Center:
			return q, (w - q.Width) / 2
		case (st.Align == text.Start) == q.RTL:
			return q, w - q.Width
		}
		return q, 0
	}
	return p, 0
}

// TestUnruntSkipsOnlyAlikeMeasures sets the built-in headlines and list
// items of every language, with and without NoOrphan, at measures where
// they end on a runt: unrunt,
// which skips measures that break the lines as one already refused,
// chooses the measure that trying every step chooses.
func TestUnruntSkipsOnlyAlikeMeasures(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	e := text.NewEngine(fonts.Builtin())
	runts, moved := 0, 0
	for _, l := range set.Languages() {
		d, err := set.Resolve(l.Tag, set.DefaultAudience(), set.DefaultRegion())
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, k := range []string{"headline", "call_prompt"} {
			texts = append(texts, d.Messages.Texts[k].S)
		}
		for _, it := range d.Messages.Lists["signs"] {
			texts = append(texts, it.S)
		}
		for _, s := range texts {
			if s == "" {
				continue
			}
			for _, v := range []struct {
				align    text.Align
				noOrphan bool
			}{{text.Start, false}, {text.Center, false}, {text.Center, true}} {
				sh, err := e.Shape(s, text.Style{Lang: l.Tag, Bold: true, Align: v.align, NoOrphan: v.noOrphan})
				if err != nil {
					t.Fatal(err)
				}
				for _, size := range []float64{20} {
					for w := 6 * size; w < 30*size; w *= 1.15 {
						p := sh.At(size, w)
						if Runt(p) == "" {
							continue
						}
						runts++
						at := func(w float64) *text.Paragraph { return sh.At(size, w) }
						got, gdx := unrunt(p, at, sameLines(p))
						want, wdx := unruntStepping(p, at, sameLines(p))
						if got.Width != want.Width || gdx != wdx || !slices.Equal(got.LineTexts(), want.LineTexts()) {
							t.Fatalf("%s %q at %g pt in %g pt: unrunt sets %q in %g pt, stepping %q in %g pt",
								l.Tag, s, size, w, got.LineTexts(), got.Width, want.LineTexts(), want.Width)
						}
						if want != p {
							moved++
						}
					}
				}
			}
		}
	}
	t.Logf("%d runts, %d set narrower", runts, moved)
	if runts < 100 || moved < 50 {
		t.Errorf("only %d runts, %d of them set narrower: the test sets too little", runts, moved)
	}
}
