package layouts

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// block composes one block for one document. Everything about the block
// that does not depend on the document was checked when the layout was
// loaded (see resolve); what is left to fail is the content: text that
// does not fit, a character no font has, a logo, an address too long for
// a QR code.
func (c *composer) block(b Block, areas map[string]area, d *content.Doc) ([]frame.Item, error) {
	return c.blockWith(b, areas, d, 0)
}

// blockWith is block, for a stack given bonus points of room below its
// box by the stack it grows in (see stackBlock).
func (c *composer) blockWith(b Block, areas map[string]area, d *content.Doc, bonus float64) ([]frame.Item, error) {
	if len(b.Only) > 0 && !contains(b.Only, c.t.Variant.Suffix) {
		return nil, nil
	}
	if c.skipped(b, d) {
		return nil, nil
	}
	r, err := boxIn(b, areas)
	if err != nil {
		return nil, c.blockErr(b, err)
	}
	if o, ok := c.rowFit[rowKey{b.Pos, c.panel}]; ok && c.inPanel {
		a := areas[areaName(b)]
		r.Y, r.H = a.Y+o.y*a.H, o.h*a.H
	}
	if text.IsRTL(d.Messages.Lang) && !c.shared() {
		// Right-to-left languages read the page from the right: the
		// design is mirrored, so the first column is on the right.
		a := areas[areaName(b)]
		r.X = a.X + a.W - (r.X - a.X) - r.W
	}
	var items []frame.Item
	switch b.Type {
	case "text":
		items, err = c.textBlock(b, r, d)
	case "list":
		items, err = c.listBlock(b, r, d)
	case "qr":
		items, err = c.qrBlock(b, r, d)
	case "image":
		items, err = c.imageBlock(b, r, d)
	case "rect":
		items = c.rectBlock(b, r)
	case "rule":
		items = c.ruleBlock(b, r)
	case "tabs":
		items, err = c.tabsBlock(b, r, areas["trim"], d)
	case "panels":
		items, err = c.panelsBlock(b, r)
	case "stack":
		items, err = c.stackBlock(b, r, d, bonus)
	}
	if err != nil {
		return nil, c.blockErr(b, err)
	}
	return items, nil
}

// styleFor is a style's text style in d's language, its colour for this
// document, and its size range at the target's type scale.
func (c *composer) styleFor(s *Style, d *content.Doc) (text.Style, frame.Color, [2]float64) {
	return s.Text(d.Messages.Lang), c.color(s.Color, frame.Black), s.Range(c.t.Variant.TypeScale)
}

// overflowErr turns a fitting failure into an error at the text's source.
func (c *composer) overflowErr(what string, pos source.Pos, d *content.Doc, err error) error {
	var oe *text.OverflowError
	if errors.As(err, &oe) {
		return &source.Diagnostic{Severity: source.Error, Pos: pos, Output: c.t.Name(), Lang: d.Messages.Lang.String(), Message: fmt.Sprintf("%s does not fit: %v", what, err),
			Hint: "shorten the text, or give the block more room or a smaller minimum size in the layout"}
	}
	var mg *text.MissingGlyphError
	if errors.As(err, &mg) {
		return &source.Diagnostic{Severity: source.Error, Pos: pos, Output: c.t.Name(), Lang: d.Messages.Lang.String(), Message: fmt.Sprintf("%s: %v", what, err), Hint: mg.Hint()}
	}
	return &source.Diagnostic{Severity: source.Error, Pos: pos, Output: c.t.Name(), Lang: d.Messages.Lang.String(), Message: fmt.Sprintf("%s: %v", what, err)}
}

func (c *composer) textBlock(b Block, r area, d *content.Doc) ([]frame.Item, error) {
	s, pos := c.fill(b.res.text, d, b.Pos)
	if s == "" {
		return nil, nil // nothing to say here for this document (see Template.Fill)
	}
	style := b.res.style
	st, col, rng := c.styleFor(style, d)
	if c.shared() && text.IsRTL(d.Messages.Lang) && st.Align != text.Center {
		// Set as in the band's left-to-right design: a right-to-left
		// paragraph's start is its right, so start and end swap.
		st.Align = text.Start + text.End - st.Align
	}
	rng, record := c.sizeRange(b, rng)
	p, err := c.e.Fit(s, st, text.Box{W: r.W, H: r.H, MaxLines: style.MaxLines}, rng[0], rng[1])
	var oe *text.OverflowError
	if err != nil && p != nil && c.measuring && c.inPanel && b.Group != "" && errors.As(err, &oe) && oe.What == "height" {
		err = nil // drawn overflowing, to be measured for fit_rows (see composer.refit), as a list is
	}
	if err != nil {
		return nil, c.overflowErr(fmt.Sprintf("the %q block (%s)", b.Text, b.Pos), pos, d, err)
	}
	dx := 0.0
	if style.Role == "heading" && Runt(p) != "" {
		p, dx = headingWithoutRunt(c.e, s, p, text.Box{W: r.W, H: r.H, MaxLines: style.MaxLines}, rng[0])
	}
	record(p.Style.Size)
	return []frame.Item{&frame.Text{X: r.X + dx, Y: r.Y + valign(b, r.H, p.Height), Para: p, Color: col, Role: style.Role, Src: pos, Block: b.Pos}}, nil
}

// headingWithoutRunt sets a heading that ends on a one-word line so that
// it does not: at a narrower measure, else a quarter point smaller at a
// time, down to 80% of its size (not under minSize), as long as it fits
// box; else with its last two words tied by a no-break space, as
// typesetters do, down to 60% of its size. No line is left holding one
// word. It returns p
// and 0 when nothing helps.
func headingWithoutRunt(e *text.Engine, s string, p *text.Paragraph, box text.Box, minSize float64) (*text.Paragraph, float64) {
	fits := func(q *text.Paragraph) bool {
		what, _ := text.Overflow(q, box)
		return what == "" && !loneLine(q)
	}
	try := func(s string, floor float64) (*text.Paragraph, float64, bool) {
		sh, err := e.Shape(s, p.Style)
		if err != nil {
			return nil, 0, false
		}
		for size := p.Style.Size; size >= max(minSize, p.Style.Size*floor)-1e-9; size -= 0.25 {
			q := sh.At(size, box.W)
			if !fits(q) {
				continue
			}
			if q, dx := unrunt(q, func(w float64) *text.Paragraph { return sh.At(size, w) }, fits); Runt(q) == "" {
				return q, dx, true
			}
		}
		return nil, 0, false
	}
	if q, dx, ok := try(s, 0.8); ok {
		return q, dx
	}
	if t, ok := lastTwoTied(s); ok {
		if q, dx, ok := try(t, 0.6); ok {
			return q, dx
		}
	}
	return p, 0
}

// lastTwoTied returns s with its last two words tied by a no-break space,
// as typesetters keep a word off a heading's last line; ok is false when
// s is one word.
func lastTwoTied(s string) (string, bool) {
	i := strings.LastIndex(strings.TrimRight(s, " "), " ")
	if i <= 0 {
		return "", false
	}
	return s[:i] + "\u00a0" + s[i+1:], true
}

// sameLines accepts a paragraph set again with as many lines as p.
func sameLines(p *text.Paragraph) func(*text.Paragraph) bool {
	return func(q *text.Paragraph) bool { return len(q.Lines) == len(p.Lines) }
}

// valign is the offset of content of height h in a box of height boxH.
func valign(b Block, boxH, h float64) float64 {
	switch b.VAlign {
	case "middle":
		return (boxH - h) / 2
	case "bottom":
		return boxH - h
	}
	return 0
}

func (c *composer) qrBlock(b Block, r area, d *content.Doc) ([]frame.Item, error) {
	s, pos := c.fill(b.res.content, d, b.Pos)
	if s == "" {
		return nil, nil
	}
	mods, err := qrModules(s)
	if err != nil {
		return nil, fmt.Errorf("cannot encode %q as a QR code: %v", s, err)
	}
	n := len(mods)
	// A quiet zone of four modules stays inside the box.
	side := math.Min(r.W, r.H)
	size := side * float64(n) / float64(n+8)
	col := c.color(b.res.fill, frame.Color{})
	sx, sy := r.X+(r.W-side)/2, r.Y+(r.H-side)/2
	var items []frame.Item
	if !b.res.backcolor.IsZero() {
		bg := c.color(b.res.backcolor, frame.Color{})
		items = append(items, &frame.Rect{X: sx, Y: sy, W: side, H: side, Fill: &bg, Src: b.Pos})
	}
	q := &frame.QR{X: sx + (side-size)/2, Y: sy + (side-size)/2, Size: size, Modules: mods, Color: col, Content: s, Alt: b.Alt, Src: pos}
	return append(items, q), nil
}

// imageBlock places an image, as large as fits its box, centred: the
// organisation's logo, read here (it depends on the content), or the
// image file the layout names, read when the layout was loaded.
func (c *composer) imageBlock(b Block, r area, d *content.Doc) ([]frame.Item, error) {
	im, pos := b.res.image, b.valuePos("src")
	if b.Src == "logo" {
		if d.Org.Logo == "" {
			return nil, nil // no logo given: the block stays empty
		}
		var err error
		pos = d.Org.LogoPos
		if im, err = loadImage(d.Org.Logo); err != nil {
			return nil, imageErr(d.Org.Logo, pos, err)
		}
	}
	if im == nil {
		return nil, nil
	}
	k := math.Min(r.W/float64(im.Width), r.H/float64(im.Height))
	w, h := float64(im.Width)*k, float64(im.Height)*k
	alt := b.Alt
	if alt == "" && b.Src == "logo" && d.Org.Name.S != "" {
		alt = d.Org.Name.S + " logo"
	}
	return []frame.Item{&frame.Image{X: r.X + (r.W-w)/2, Y: r.Y + (r.H-h)/2, W: w, H: h, Data: im, Alt: alt, Src: pos}}, nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (c *composer) rectBlock(b Block, r area) []frame.Item {
	rect := &frame.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H, LineWidth: b.Width, Src: b.Pos}
	if !b.res.fill.IsZero() {
		col := c.color(b.res.fill, frame.Color{})
		rect.Fill = &col
	}
	if !b.res.stroke.IsZero() {
		col := c.color(b.res.stroke, frame.Color{})
		rect.Stroke = &col
		if rect.LineWidth == 0 {
			rect.LineWidth = 1
		}
	}
	return []frame.Item{rect}
}

func (c *composer) ruleBlock(b Block, r area) []frame.Item {
	col := c.color(b.res.stroke, frame.Color{})
	w := b.Width
	if w == 0 {
		w = 1
	}
	return []frame.Item{&frame.Rule{X1: r.X, Y1: r.Y, X2: r.X + r.W, Y2: r.Y, Width: w, Color: col, Dash: b.Dash, Src: b.Pos}}
}

// skipped tells whether a block's conditions leave it out for document
// d: an `if` that fills to nothing, an `unless` that fills to something.
func (c *composer) skipped(b Block, d *content.Doc) bool {
	if !b.res.cond.IsZero() {
		if s, _ := c.fill(b.res.cond, d, b.Pos); s == "" {
			return true
		}
	}
	if !b.res.unless.IsZero() {
		if s, _ := c.fill(b.res.unless, d, b.Pos); s != "" {
			return true
		}
	}
	return false
}
