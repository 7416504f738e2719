package check

import (
	"math"

	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// Frames hold pages; the checks of a layout's geometry need the designs
// on them (a design is one page of the layout: the page itself, the trim
// of a press page, each card of a sheet) and the layout blocks the items
// came from.

// designsOn returns where the layout's design is drawn on page i of a
// target's output: the page for a plain output, the trim for a press
// output, each card's cell for a sheet (backs mirrored for a long-edge
// flip and moved by the back offset, as layouts composes them). It is
// nil for a calibration page, which is not a design.
func designsOn(t layouts.Target, i int, p *frame.Page) []frame.Box {
	switch {
	case t.Calibration:
		return nil
	case t.Mode == "":
		return []frame.Box{{W: p.W, H: p.H}}
	case t.Mode == "press":
		if p.Trim != nil {
			return []frame.Box{*p.Trim}
		}
		return []frame.Box{{W: p.W, H: p.H}}
	}
	s, ok := layouts.LookupSheet(t.Mode)
	if !ok {
		return nil
	}
	var ox, oy float64
	if bo := t.Variant.BackOffset; len(bo) == 2 && i%2 == 1 {
		ox, oy = bo[0].V, bo[1].V
	}
	var out []frame.Box
	for row := range s.Rows {
		for col := range s.Cols {
			x := s.Left + float64(col)*(s.CardW+s.GapX)
			if i%2 == 1 {
				x = p.W - x - s.CardW
			}
			y := s.Top + float64(row)*(s.CardH+s.GapY)
			out = append(out, frame.Box{X: x + ox, Y: y + oy, W: s.CardW, H: s.CardH})
		}
	}
	return out
}

// owner is the design an item belongs to: the one holding its centre, or
// else the nearest.
func owner(designs []frame.Box, b frame.Box) frame.Box {
	cx, cy := centre(b)
	best, dist := designs[0], math.Inf(1)
	for _, d := range designs {
		if contains(d, cx, cy) {
			return d
		}
		dx, dy := centre(d)
		if h := math.Hypot(cx-dx, cy-dy); h < dist {
			best, dist = d, h
		}
	}
	return best
}

// blockInfo is a layout block found by its position.
type blockInfo struct {
	b *layouts.Block
	// top is set for a block of a page, not of a panels block, whose area
	// is the page's (a panel's blocks are measured in the panel).
	top bool
}

// blocksOf indexes a layout's blocks by their position.
func blocksOf(l *layouts.Layout) map[source.Pos]blockInfo {
	m := map[source.Pos]blockInfo{}
	var walk func(bs []layouts.Block, top bool)
	walk = func(bs []layouts.Block, top bool) {
		for i := range bs {
			b := &bs[i]
			m[b.Pos] = blockInfo{b: b, top: top}
			walk(b.Blocks, false)
		}
	}
	for i := range l.Pages {
		walk(l.Pages[i].Blocks, true)
	}
	return m
}

// areaOf is the area a top-level block is measured in, in a design at d:
// safe (the default: the design less its margin), band (the safe area's
// width, the design's height), or the whole design (trim, bleed). ok is
// false for an area the check does not know.
func areaOf(l *layouts.Layout, b *layouts.Block, d frame.Box) (frame.Box, string, bool) {
	m := l.Margin.Resolve(d.W)
	switch b.Area {
	case "", "safe":
		return frame.Box{X: d.X + m, Y: d.Y + m, W: d.W - 2*m, H: d.H - 2*m}, "safe", true
	case "band":
		return frame.Box{X: d.X + m, Y: d.Y, W: d.W - 2*m, H: d.H}, "band", true
	case "trim", "bleed":
		return d, b.Area, true
	}
	return frame.Box{}, "", false
}

// isMark reports a printer's mark (crop marks, the slug's label), drawn
// in the registration colour outside the design.
func isMark(c frame.Color) bool { return c == frame.Registration }
