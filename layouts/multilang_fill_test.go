package layouts_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// TestMultilangPanelsFilled: with a long third language (Armenian,
// Russian, Khmer...), the shorter panels of the multi-language poster are
// not left with white under each row (session 6: up to 1.8 in under a
// heading, 47% of the English column white on Tabloid): each panel sets
// its body at its own size, at most a step of the type scale (1.25) above
// the smallest panel's as drawn, and spreads what is left. In every size,
// for the US and a state line first (Florida), no panel has more than
// 0.8 in of white between two texts or under its last, nor more than 30%
// of its column white; the headlines are set at one size.
func TestMultilangPanelsFilled(t *testing.T) {
	set, ls, e := builtins(t)
	for _, region := range []string{"US", "US-FL"} {
		for _, x := range []string{"hy", "ru", "km", "am", "ar", "zh-Hans", "vi", "hi"} {
			var docs []*content.Doc
			for _, lg := range []string{"en", "es", x} {
				d, err := set.Resolve(mustTag(lg), "community", region)
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, d)
			}
			for _, tg := range layouts.Targets(ls["poster-multilang"]) {
				doc, err := layouts.Compose(e, tg, docs)
				if err != nil {
					t.Errorf("%s %s en,es,%s: %v", tg.Name(), region, x, err)
					continue
				}
				p := doc.Pages[0]
				panels := panelRects(p)
				if len(panels) != len(docs) {
					t.Fatalf("%s: %d panels, want %d", tg.Name(), len(panels), len(docs))
				}
				var least, most float64
				for i, pr := range panels {
					name := tg.Name() + " " + region + " en,es," + x + ": the " + docs[i].Messages.Lang.String() + " panel"
					type span struct{ top, bottom float64 }
					var spans []span
					for _, tx := range texts(p, "") {
						if tx.X < pr.X || tx.X >= pr.X+pr.W || tx.Y < pr.Y+0.04*pr.H || tx.Y >= pr.Y+pr.H {
							continue // another panel's, the band's or the panel's tab
						}
						spans = append(spans, span{tx.Y, tx.Y + tx.Para.Height})
						if strings.HasPrefix(tx.Para.Text, strings.Fields(docs[i].Messages.Texts["intro"].S)[0]) {
							drawn := tx.Para.Style.Size * e.Scale(tx.Para.Style)
							if i == 0 || drawn < least {
								least = drawn
							}
							most = max(most, drawn)
						}
					}
					if len(spans) == 0 {
						t.Errorf("%s: no text", name)
						continue
					}
					slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.top, b.top) })
					top, bottom := spans[0].top, spans[0].bottom
					white, gap := 0.0, 0.0
					for _, s := range spans[1:] {
						if s.top > bottom {
							white += s.top - bottom
							gap = max(gap, s.top-bottom)
						}
						bottom = max(bottom, s.bottom)
					}
					gap = max(gap, pr.Y+pr.H-bottom)
					if gap > 0.8*72 {
						t.Errorf("%s has %.2f in of white between two texts", name, gap/72)
					}
					if share := white / (bottom - top); share > 0.30 {
						t.Errorf("%s is %.0f%% white", name, 100*share)
					}
				}
				if least > 0 && most/least > 1.25+0.02 {
					t.Errorf("%s %s en,es,%s: the panels' body text from %.2f to %.2f pt as drawn, more than a step (1.25) apart", tg.Name(), region, x, least, most)
				}
			}
		}
	}
}

// panelRects are the backgrounds of a multi-language poster's panels,
// left to right: the tallest rects narrower than half the page.
func panelRects(p *frame.Page) []*frame.Rect {
	var out []*frame.Rect
	tallest := 0.0
	for _, it := range p.Items {
		if r, ok := it.(*frame.Rect); ok && r.W < p.W/2 {
			tallest = max(tallest, r.H)
		}
	}
	for _, it := range p.Items {
		if r, ok := it.(*frame.Rect); ok && r.W < p.W/2 && r.H > tallest-0.01 {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b *frame.Rect) int { return cmp.Compare(a.X, b.X) })
	return out
}
