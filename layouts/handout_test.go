package layouts_test

import (
	"math"
	"slices"
	"testing"

	"handbill/frame"
	"handbill/layouts"
)

// TestHandoutFillsItsPages: on both sides of the handout, in every
// language the issue names, the white under the last block of text (down
// to the back's band, or to the front's bottom margin) is no more than
// half as much again as the largest gap between the blocks above it, and
// never an inch: the room the text leaves is spread between the blocks
// and the items of the lists (fit_rows), not left in one block of white
// at the bottom, as it was with the blocks at fixed positions (0.6–1.4 in
// on the back).
func TestHandoutFillsItsPages(t *testing.T) {
	set, ls, e := builtins(t)
	const inch = 72.0
	for _, tg := range layouts.Targets(ls["handout"]) {
		if tg.Mode != "" {
			continue // the sheets place these same pages
		}
		for _, lang := range []string{"en", "es", "ar", "hi", "th", "km", "am", "zh-Hans", "zh-Hant", "ja", "ko", "vi", "ru", "fa", "ur"} {
			doc, err := layouts.Compose(e, tg, multilangDocs(t, set, lang))
			if err != nil {
				t.Fatalf("%s %s: %v", tg.Name(), lang, err)
			}
			for i, p := range doc.Pages {
				end := p.H - 0.4*inch // the front: its bottom margin
				if i == 1 {
					end = bandTop(p)
				}
				// Each block's extent above the end, top to bottom.
				type span struct{ top, bottom float64 }
				blocks := map[frame.Pos]*span{}
				for _, it := range p.Items {
					x, ok := it.(*frame.Text)
					if !ok || x.Y >= end || x.Y < p.H*0.12 && i == 0 {
						continue // the front's headline band
					}
					s, ok := blocks[x.Block]
					if !ok {
						s = &span{math.Inf(1), math.Inf(-1)}
						blocks[x.Block] = s
					}
					s.top, s.bottom = min(s.top, x.Y), max(s.bottom, x.Y+x.Para.Height)
				}
				var spans []span
				for _, s := range blocks {
					spans = append(spans, *s)
				}
				slices.SortFunc(spans, func(a, b span) int { return int(math.Copysign(1, a.top-b.top)) })
				if len(spans) < 2 {
					t.Fatalf("%s %s page %d: %d blocks of text", tg.Name(), lang, i+1, len(spans))
				}
				gap := 0.0
				for j := 1; j < len(spans); j++ {
					gap = max(gap, spans[j].top-spans[j-1].bottom)
				}
				white := end - spans[len(spans)-1].bottom
				if white > 1.5*gap+0.05*inch || white > inch {
					t.Errorf("%s %s page %d: %.2f in of white under the text, the largest gap between its blocks %.2f in", tg.Name(), lang, i+1, white/inch, gap/inch)
				}
			}
		}
	}
}
