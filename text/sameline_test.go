package text

import (
	"slices"
	"testing"

	"handbill/content"
	"handbill/fonts"
)

// TestSameLinesAt sets built-in messages in every language at narrowing
// measures and several sizes, with and without NoOrphan: wherever
// SameLinesAt says a paragraph's lines would come out the same, they do;
// and it says so often enough to spare most of the breaking a search over
// measures does.
func TestSameLinesAt(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	e := NewEngine(fonts.Builtin())
	said, checked, saidOrphan := 0, 0, 0
	for _, l := range set.Languages() {
		d, err := set.Resolve(l.Tag, set.DefaultAudience(), set.DefaultRegion())
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, k := range []string{"headline", "intro", "call_prompt"} {
			if s := d.Messages.Texts[k].S; s != "" {
				texts = append(texts, s)
			}
		}
		// A hard break, a word longer than narrow measures, and digits
		// that run against an Arabic or Hebrew paragraph's direction.
		texts = append(texts, "Call 1-888-373-7888 now\nor text Supercalifragilisticexpialidocious 233733")
		for _, s := range texts {
			for _, orphan := range []bool{false, true} {
				sh, err := e.shape(s, Style{Lang: l.Tag, Align: Center, NoOrphan: orphan})
				if err != nil {
					t.Fatalf("%s %q: %v", l.Tag, s, err)
				}
				for _, size := range []float64{11, 18.5, 36} {
					var prev *Paragraph
					for f := 1.0; f > 0.3; f -= 0.02 {
						w := 30 * size * f
						p := e.wrap(sh, size, w)
						// The previous measure, and the same lines at
						// another size with the measure scaled to it.
						for _, q := range []struct {
							p           *Paragraph
							size, width float64
						}{{prev, size, w}, {prev, size * 2, w * 2}} {
							if q.p == nil || !q.p.SameLinesAt(q.size, q.width) {
								continue
							}
							said++
							if got, want := e.wrap(sh, q.size, q.width).LineTexts(), q.p.LineTexts(); !slices.Equal(got, want) {
								t.Fatalf("%s %q at %g pt in %g pt: SameLinesAt said %q, broken %q", l.Tag, s, q.size, q.width, want, got)
							}
						}
						if orphan && p.breaks.known {
							saidOrphan++
						}
						prev = p
						checked++
					}
				}
			}
		}
	}
	if said < checked/4 || saidOrphan < checked/8 {
		t.Errorf("SameLinesAt held in only %d of %d narrower measures; ranges known for %d NoOrphan settings", said, checked, saidOrphan)
	}
}
