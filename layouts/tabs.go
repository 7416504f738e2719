package layouts

import (
	"fmt"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// unprinted is how far from the paper's edge office printers leave
// paper unprinted: tabs run to the edge, their text stays this far in.
const unprinted = 0.25 * inch

// tabsBlock draws tear-off tabs across the box: dashed cut lines along the
// top and between tabs, and in each tab the text rotated 90° so it reads
// bottom to top, as large as fits. The tabs may run to the paper's edge
// (trim is the paper), but their text keeps 1/4 in clear of it, where
// office printers do not print: at the bottom, and beside the first and
// last tab.
func (c *composer) tabsBlock(b Block, r, trim area, d *content.Doc) ([]frame.Item, error) {
	s, pos := c.fill(b.res.text, d, b.Pos)
	if s == "" {
		// Tabs with nothing on them are worse than no tabs: a person
		// tears one off and has no number.
		return nil, &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("text"), Output: c.t.Name(), Lang: d.Messages.Lang.String(),
			Message: fmt.Sprintf("the tear-off tabs would be empty in region %s: %q prints nothing there (a placeholder it needs has no value)", d.Region, b.Text),
			Hint:    `give the tabs a line that is always filled, e.g. "{hotline|web}\n{text_label} {sms} | {web}"`}
	}
	style := b.res.style
	st, col, rng := c.styleFor(style, d)
	cut := c.color(b.res.stroke, frame.Color{R: 0x80, G: 0x80, B: 0x80})
	dash := b.Dash
	if len(dash) == 0 {
		dash = []float64{4, 3}
	}
	tw := r.W / float64(b.Count)
	pad := tw * 0.12
	// Where the text of tab i can go across the tab, and where it starts
	// (the bottom, as it reads upwards).
	across := func(i int) (lo, hi float64) {
		x := r.X + float64(i)*tw
		return max(x+pad, trim.X+unprinted), min(x+tw-pad, trim.X+trim.W-unprinted)
	}
	bottom := min(r.Y+r.H-pad, trim.Y+trim.H-unprinted)
	room := tw - 2*pad
	for i := range b.Count {
		lo, hi := across(i)
		room = min(room, hi-lo)
	}
	// The text box is the tab turned on its side.
	box := text.Box{W: bottom - r.Y - pad, H: room, MaxLines: style.MaxLines}
	p, err := c.e.Fit(s, st, box, rng[0], rng[1])
	if err != nil {
		return nil, c.overflowErr("tear-off tab text", pos, d, err)
	}
	// Every other tab prints the alternative text, where there is one,
	// at the size both fit: the tabs read as one row.
	var q *text.Paragraph
	alt, apos := c.fill(b.res.altText, d, b.Pos)
	if alt != "" {
		if q, err = c.e.Fit(alt, st, box, rng[0], rng[1]); err != nil {
			return nil, c.overflowErr("tear-off tab text", apos, d, err)
		}
		// (A script set larger may be fitted under the style's smallest
		// size, as drawn: see text.Engine.Fit.)
		if size := min(p.Style.Size, q.Style.Size); size < max(p.Style.Size, q.Style.Size) {
			if p, err = c.e.Fit(s, st, box, min(rng[0], size), size); err != nil {
				return nil, c.overflowErr("tear-off tab text", pos, d, err)
			}
			if q, err = c.e.Fit(alt, st, box, min(rng[0], size), size); err != nil {
				return nil, c.overflowErr("tear-off tab text", apos, d, err)
			}
		}
	}
	items := []frame.Item{&frame.Rule{X1: r.X, Y1: r.Y, X2: r.X + r.W, Y2: r.Y, Width: 0.6, Color: cut, Dash: dash, Src: b.Pos}}
	for i := range b.Count {
		x := r.X + float64(i)*tw
		if i > 0 {
			items = append(items, &frame.Rule{X1: x, Y1: r.Y, X2: x, Y2: r.Y + r.H, Width: 0.6, Color: cut, Dash: dash, Src: b.Pos})
		}
		// Rotated 90° counter-clockwise about its top-left corner, the
		// paragraph runs upwards from (X, Y) and its lines stack to the
		// right: centre it across the tab's room, start it at the bottom.
		lo, hi := across(i)
		tp, tpos, first := p, pos, i == 0
		if q != nil && i%2 == 1 {
			tp, tpos, first = q, apos, i == 1
		}
		tag := ""
		if !first {
			tag = "Artifact" // read once, not once per tab
		}
		items = append(items, &frame.Text{
			X: lo + (hi-lo-tp.Height)/2, Y: bottom,
			Para: tp, Color: col, Rotate: 90, Role: style.Role, Tag: tag, Src: tpos, Block: b.Pos,
		})
	}
	return items, nil
}

// panelsBlock splits the box into one panel per document (columns or
// rows) and composes the panel's blocks in that document's language.
func (c *composer) panelsBlock(b Block, r area) ([]frame.Item, error) {
	c.inPanel, c.panelGroups = true, c.ownGroups(b)
	defer func() { c.inPanel, c.panelGroups, c.panel = false, nil, 0 }()
	var items []frame.Item
	for i, d := range c.docs {
		c.panel = i
		pa := panelArea(b, r, i, len(c.docs))
		areas := panelAreas(pa)
		for _, sub := range b.Blocks {
			got, err := c.block(sub, areas, d)
			if err != nil {
				return nil, err
			}
			if b.FitRows {
				c.measureRow(sub, got, pa)
			}
			items = append(items, got...)
		}
	}
	return items, nil
}

// shared reports whether the block being composed is one of a
// multilingual product's blocks outside its panels (the band every panel
// shares). Such a block is laid out as designed, left to right, whatever
// the first language: it belongs to no one panel, and the numbers, web
// address and QR code it holds read left to right in every script. Were
// it mirrored with an Arabic first panel, "ar,en,es" and "en,es,ar" would
// put the number and QR code on opposite sides of the same poster.
func (c *composer) shared() bool { return c.t.Multilingual() && !c.inPanel }
