package layouts

import (
	"fmt"

	"handbill/frame"
)

// area is a rectangle blocks are measured in.
type area = frame.Box

// areaNames are the areas a block's box can be measured in ("" is safe).
var areaNames = map[string]bool{"": true, "safe": true, "trim": true, "bleed": true, "band": true}

// pageAreas are the areas of a page of size w×h whose art runs bleed past
// the trim (0 on the desktop).
func pageAreas(l *Layout, w, h, bleed float64) map[string]area {
	m := l.Margin.Resolve(w)
	return map[string]area{
		"trim":  {W: w, H: h},
		"safe":  {X: m, Y: m, W: w - 2*m, H: h - 2*m},
		"bleed": {X: -bleed, Y: -bleed, W: w + 2*bleed, H: h + 2*bleed},
		// band: across the safe area, down the trim, for text that sits
		// in a band of colour drawn in trim or bleed coordinates.
		"band": {X: m, Y: 0, W: w - 2*m, H: h},
	}
}

// panelArea is panel i of n a panels block splits its box r into.
func panelArea(b Block, r area, i, n int) area {
	gap := b.Gap.Resolve(r.W)
	if b.Direction == "rows" {
		h := (r.H - gap*float64(n-1)) / float64(n)
		return area{X: r.X, Y: r.Y + float64(i)*(h+gap), W: r.W, H: h}
	}
	w := (r.W - gap*float64(n-1)) / float64(n)
	return area{X: r.X + float64(i)*(w+gap), Y: r.Y, W: w, H: r.H}
}

// panelAreas are the areas of the blocks in a panel: all of them the panel.
func panelAreas(pa area) map[string]area {
	return map[string]area{"safe": pa, "trim": pa, "bleed": pa, "band": pa}
}

// noAreaError is a box with no width or no height where it is measured.
type noAreaError struct{ w, h float64 }

func (e *noAreaError) Error() string { return fmt.Sprintf("box has no area (%.1f×%.1f pt)", e.w, e.h) }

// boxIn resolves a block's box in its area. A box in the bleed area is
// measured in the trim, as on the desktop, and its edges on the trim run
// into the bleed (see intoBleed).
func boxIn(b Block, areas map[string]area) (area, error) {
	a, ok := areas[areaName(b)]
	if !ok {
		return area{}, fmt.Errorf("unknown area %q: use safe, trim, bleed or band", b.Area)
	}
	if len(b.Box) != 4 {
		return area{}, fmt.Errorf("box needs four lengths [x, y, width, height], got %d", len(b.Box))
	}
	trim := areas["trim"]
	bleed := trim.X - a.X
	if areaName(b) == "bleed" && bleed > 0 {
		// Measured in the trim, as on the desktop, then run into the bleed.
		a = trim
	}
	r := area{
		X: a.X + b.Box[0].Resolve(a.W),
		Y: a.Y + b.Box[1].Resolve(a.H),
		W: b.Box[2].Resolve(a.W),
		H: b.Box[3].Resolve(a.H),
	}
	if r.W <= 0 || r.H <= 0 {
		return area{}, &noAreaError{r.W, r.H}
	}
	if areaName(b) == "bleed" && bleed > 0 {
		r = intoBleed(r, trim, bleed)
	}
	return r, nil
}

func areaName(b Block) string {
	if b.Area == "" {
		return "safe"
	}
	return b.Area
}
