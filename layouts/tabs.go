package layouts

import (
	"fmt"

	"handbill/content"
	"handbill/frame"
	"handbill/text"
)

// tabsBlock draws tear-off tabs across the box: dashed cut lines along the
// top and between tabs, and in each tab the text rotated 90° so it reads
// bottom to top, as large as fits.
func (c *composer) tabsBlock(b Block, r area, d *content.Doc) ([]frame.Item, error) {
	if b.Count < 2 || b.Count > 20 {
		return nil, fmt.Errorf("tabs: count must be between 2 and 20, got %d", b.Count)
	}
	s, pos, err := expand(b.Text, d, b.Pos)
	if err != nil {
		return nil, err
	}
	st, col, rng, maxLines, err := c.style(b.Style, d)
	if err != nil {
		return nil, err
	}
	cut, err := c.color(b.Stroke, frame.Color{R: 0x80, G: 0x80, B: 0x80})
	if err != nil {
		return nil, err
	}
	dash := b.Dash
	if len(dash) == 0 {
		dash = []float64{4, 3}
	}
	tw := r.W / float64(b.Count)
	pad := tw * 0.12
	// The text box is the tab turned on its side.
	p, err := c.e.Fit(s, st, text.Box{W: r.H - 2*pad, H: tw - 2*pad, MaxLines: maxLines}, rng[0], rng[1])
	if err != nil {
		return nil, c.overflowErr("tear-off tab text", pos, d, err)
	}
	items := []frame.Item{&frame.Rule{X1: r.X, Y1: r.Y, X2: r.X + r.W, Y2: r.Y, Width: 0.6, Color: cut, Dash: dash, Src: b.Pos}}
	for i := range b.Count {
		x := r.X + float64(i)*tw
		if i > 0 {
			items = append(items, &frame.Rule{X1: x, Y1: r.Y, X2: x, Y2: r.Y + r.H, Width: 0.6, Color: cut, Dash: dash, Src: b.Pos})
		}
		// Rotated 90° counter-clockwise about its top-left corner, the
		// paragraph runs upwards from (X, Y) and its lines stack to the
		// right: centre it across the tab, start it pad above the bottom.
		items = append(items, &frame.Text{
			X: x + (tw-p.Height)/2, Y: r.Y + r.H - pad,
			Para: p, Color: col, Rotate: 90, Role: c.role(b.Style), Src: pos, Block: b.Pos,
		})
	}
	return items, nil
}

// panelsBlock splits the box into one panel per document (columns or
// rows) and composes the panel's blocks in that document's language.
func (c *composer) panelsBlock(b Block, r area) ([]frame.Item, error) {
	n := len(c.docs)
	gap := b.Gap.Resolve(r.W)
	var items []frame.Item
	dir := b.Direction
	for i, d := range c.docs {
		var pa area
		switch dir {
		case "", "columns":
			w := (r.W - gap*float64(n-1)) / float64(n)
			pa = area{X: r.X + float64(i)*(w+gap), Y: r.Y, W: w, H: r.H}
		case "rows":
			h := (r.H - gap*float64(n-1)) / float64(n)
			pa = area{X: r.X, Y: r.Y + float64(i)*(h+gap), W: r.W, H: h}
		default:
			return nil, fmt.Errorf("panels: direction %q: use columns or rows", dir)
		}
		areas := map[string]area{"safe": pa, "trim": pa, "bleed": pa, "band": pa}
		for _, sub := range b.Blocks {
			got, err := c.block(sub, areas, d)
			if err != nil {
				return nil, err
			}
			items = append(items, got...)
		}
	}
	return items, nil
}
