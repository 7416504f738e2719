package check

import (
	"math"

	"handbill/frame"
)

// Where things are drawn: the boxes the geometry checks compare, in page
// coordinates (points from the top left).

// lineBoxes returns the box of each line of t that draws something: from
// the line's start to the end of its advance, from its ascent to its
// descent (ink-based, never less than the engine's minimum), turned with
// the text.
func lineBoxes(t *frame.Text) []frame.Box {
	var out []frame.Box
	for _, l := range t.Para.Lines {
		if len(l.Runs) == 0 || l.Width <= 0 {
			continue
		}
		u0, u1 := l.X, l.X+l.Width
		v0, v1 := l.Baseline-l.Ascent, l.Baseline+l.Descent
		if t.Rotate == 90 {
			// Turned counter-clockwise about X, Y: the line runs up the
			// page and the lines stack to the right.
			out = append(out, frame.Box{X: t.X + v0, Y: t.Y - u1, W: v1 - v0, H: u1 - u0})
			continue
		}
		out = append(out, frame.Box{X: t.X + u0, Y: t.Y + v0, W: u1 - u0, H: v1 - v0})
	}
	return out
}

// union is the smallest box holding every box of bs (false if none).
func union(bs []frame.Box) (frame.Box, bool) {
	if len(bs) == 0 {
		return frame.Box{}, false
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, b := range bs {
		x0, y0 = min(x0, b.X), min(y0, b.Y)
		x1, y1 = max(x1, b.X+b.W), max(y1, b.Y+b.H)
	}
	return frame.Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, true
}

// markBox is the box an item marks on the page: a text's lines, a QR
// code's symbol, an image; false for rectangles and rules, and for a text
// with nothing on it.
func markBox(it frame.Item) (frame.Box, bool) {
	switch v := it.(type) {
	case *frame.Text:
		return union(lineBoxes(v))
	case *frame.QR:
		return frame.Box{X: v.X, Y: v.Y, W: v.Size, H: v.Size}, true
	case *frame.Image:
		return frame.Box{X: v.X, Y: v.Y, W: v.W, H: v.H}, true
	}
	return frame.Box{}, false
}

// overlap is how far two boxes overlap across and down (either is 0 or
// less when they do not).
func overlap(a, b frame.Box) (dx, dy float64) {
	dx = min(a.X+a.W, b.X+b.W) - max(a.X, b.X)
	dy = min(a.Y+a.H, b.Y+b.H) - max(a.Y, b.Y)
	return dx, dy
}

// inside reports whether b lies within outer, allowing tol points.
func inside(b, outer frame.Box, tol float64) bool {
	return b.X >= outer.X-tol && b.Y >= outer.Y-tol &&
		b.X+b.W <= outer.X+outer.W+tol && b.Y+b.H <= outer.Y+outer.H+tol
}

// grow returns b enlarged by d on every side.
func grow(b frame.Box, d float64) frame.Box {
	return frame.Box{X: b.X - d, Y: b.Y - d, W: b.W + 2*d, H: b.H + 2*d}
}

// centre is the middle of b.
func centre(b frame.Box) (x, y float64) { return b.X + b.W/2, b.Y + b.H/2 }

func contains(b frame.Box, x, y float64) bool {
	return x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H
}
