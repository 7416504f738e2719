package check

import (
	"cmp"
	"fmt"
	"slices"

	"handbill/frame"
	"handbill/source"
)

// White space: a page whose text stops short of the band under it, or
// leaves a strip across the page between two blocks with nothing on it,
// looks unfinished (issue 13: the notice's 0.66-1.07 in of white above
// its NCMEC lines on Tabloid, 1.9 in in Korean). The room is better spent as type size or
// spread between the blocks (fit_rows).

// whiteGapMax is the tallest strip across a page, as a fraction of the
// page's height, that may print nothing between two things printed
// (text, a band, a rule, a QR code or a logo): 0.94 in on Letter, 1.45
// in on Tabloid. The built-ins leave at most 8.1% (the Thai notice on
// Tabloid, whose lists are at the largest size their lines allow); the
// Korean and Chinese notices and Tabloid posters left 9-11% before
// session 7.
const whiteGapMax = 0.085

// checkWhiteGap warns of the tallest strip across the page, taller than
// whiteGapMax of its height, with nothing printed in it, between the
// first thing printed and the last (the paper's margins are not such a
// strip).
func checkWhiteGap(p *frame.Page, add adder) {
	type span struct {
		top, bottom float64
		pos         source.Pos
	}
	var spans []span
	for _, it := range p.Items {
		switch v := it.(type) {
		case *frame.Text:
			if len(v.Para.Lines) > 0 && v.Rotate == 0 {
				spans = append(spans, span{v.Y, v.Y + v.Para.Height, v.Block})
			}
		case *frame.Rect:
			if v.W >= p.W-0.01 && v.H >= p.H-0.01 {
				continue // the page's background
			}
			spans = append(spans, span{v.Y, v.Y + v.H, v.Src})
		case *frame.Rule:
			spans = append(spans, span{min(v.Y1, v.Y2), max(v.Y1, v.Y2), v.Src})
		case *frame.QR:
			spans = append(spans, span{v.Y, v.Y + v.Size, v.Src})
		case *frame.Image:
			spans = append(spans, span{v.Y, v.Y + v.H, v.Src})
		}
	}
	if len(spans) < 2 || p.H <= 0 {
		return
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Compare(a.top, b.top) })
	var gap float64
	var above, below source.Pos
	reach, last := spans[0].bottom, spans[0].pos
	for _, s := range spans[1:] {
		if g := s.top - reach; g > gap {
			gap, above, below = g, last, s.pos
		}
		if s.bottom > reach {
			reach, last = s.bottom, s.pos
		}
	}
	if gap <= whiteGapMax*p.H {
		return
	}
	add(source.Warning, above, "white-gap",
		fmt.Sprintf("a strip %.2f in tall (%.0f%% of the page) across the page prints nothing, under this block and above the block at %s: the page looks unfinished", gap/72, 100*gap/p.H, below),
		"let the text take the room (a larger size range, or the blocks in a `fit_rows` panels block, which sets the room left as type size and spreads the rest between the blocks), or move the blocks closer")
}
