package layouts

import (
	"errors"
	"fmt"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"math"
	"os"

	"github.com/boombuler/barcode/qr"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// block composes one block for one document.
func (c *composer) block(b Block, areas map[string]area, d *content.Doc) ([]frame.Item, error) {
	if len(b.Only) > 0 && !contains(b.Only, c.t.Variant.Suffix) {
		return nil, nil
	}
	if b.If != "" {
		s, _, err := expand(b.If, d, b.Pos)
		if err != nil {
			return nil, err
		}
		if s == "" {
			return nil, nil
		}
	}
	r, err := c.box(b, areas)
	if err != nil {
		return nil, c.blockErr(b, err)
	}
	if text.IsRTL(d.Messages.Lang) {
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
		items, err = c.rectBlock(b, r)
	case "rule":
		items, err = c.ruleBlock(b, r)
	case "tabs":
		items, err = c.tabsBlock(b, r, d)
	case "panels":
		items, err = c.panelsBlock(b, r)
	default:
		err = fmt.Errorf("unknown block type %q: use text, list, qr, image, rect, rule, tabs or panels", b.Type)
	}
	if err != nil {
		return nil, c.blockErr(b, err)
	}
	return items, nil
}

// style returns the text style and size range of a named style.
// role is a style's role for checks (body when the layout does not say).
func (c *composer) role(name string) string {
	if r := c.styles[name].Role; r != "" {
		return r
	}
	return "body"
}

func (c *composer) style(name string, d *content.Doc) (text.Style, frame.Color, [2]float64, int, error) {
	s, ok := c.styles[name]
	if !ok {
		return text.Style{}, frame.Color{}, [2]float64{}, 0, fmt.Errorf("unknown style %q (the layout has %v)", name, sortedKeys(c.styles))
	}
	col, err := c.color(s.Color, frame.Color{})
	if err != nil {
		return text.Style{}, frame.Color{}, [2]float64{}, 0, err
	}
	st := text.Style{Lang: d.Messages.Lang, Bold: s.Bold, LineHeight: s.LineHeight}
	switch s.Align {
	case "", "start":
	case "end":
		st.Align = text.End
	case "center":
		st.Align = text.Center
	default:
		return st, col, [2]float64{}, 0, fmt.Errorf("style %q: align %q: use start, end or center", name, s.Align)
	}
	var rng [2]float64
	switch len(s.Size) {
	case 1:
		rng = [2]float64{s.Size[0], s.Size[0]}
	case 2:
		rng = [2]float64{s.Size[0], s.Size[1]}
	default:
		return st, col, rng, 0, fmt.Errorf("style %q: size is [min, max] or one number", name)
	}
	rng[0], rng[1] = rng[0]*c.scale, rng[1]*c.scale
	if rng[0] <= 0 || rng[1] < rng[0] || rng[1] > 1000 {
		return st, col, rng, 0, fmt.Errorf("style %q: size range %g–%g pt is not valid", name, rng[0], rng[1])
	}
	return st, col, rng, s.MaxLines, nil
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
	s, pos, err := expand(b.Text, d, b.Pos)
	if err != nil {
		return nil, err
	}
	if s == "" {
		return nil, nil // nothing to say here for this document (see expand)
	}
	st, col, rng, maxLines, err := c.style(b.Style, d)
	if err != nil {
		return nil, err
	}
	rng, record := c.sizeRange(b, rng)
	p, err := c.e.Fit(s, st, text.Box{W: r.W, H: r.H, MaxLines: maxLines}, rng[0], rng[1])
	if err != nil {
		return nil, c.overflowErr(fmt.Sprintf("the %q block (%s)", b.Text, b.Pos), pos, d, err)
	}
	record(p.Style.Size)
	return []frame.Item{&frame.Text{X: r.X, Y: r.Y + valign(b, r.H, p.Height), Para: p, Color: col, Role: c.role(b.Style), Src: pos, Block: b.Pos}}, nil
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
	s, pos, err := expand(b.Content, d, b.Pos)
	if err != nil {
		return nil, err
	}
	if s == "" {
		return nil, nil
	}
	code, err := qr.Encode(s, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("cannot encode %q as a QR code: %v", s, err)
	}
	n := code.Bounds().Dx()
	mods := make([][]bool, n)
	for y := range n {
		mods[y] = make([]bool, n)
		for x := range n {
			cr, _, _, _ := code.At(x, y).RGBA()
			mods[y][x] = cr < 0x8000
		}
	}
	// A quiet zone of four modules stays inside the box.
	side := math.Min(r.W, r.H)
	size := side * float64(n) / float64(n+8)
	col, err := c.color(b.Fill, frame.Color{})
	if err != nil {
		return nil, err
	}
	sx, sy := r.X+(r.W-side)/2, r.Y+(r.H-side)/2
	var items []frame.Item
	if b.Background != "" {
		bg, err := c.color(b.Background, frame.Color{})
		if err != nil {
			return nil, err
		}
		items = append(items, &frame.Rect{X: sx, Y: sy, W: side, H: side, Fill: &bg, Src: b.Pos})
	}
	q := &frame.QR{X: sx + (side-size)/2, Y: sy + (side-size)/2, Size: size, Modules: mods, Color: col, Content: s, Src: pos}
	return append(items, q), nil
}

func (c *composer) imageBlock(b Block, r area, d *content.Doc) ([]frame.Item, error) {
	path, pos := b.Src, b.Pos
	if b.Src == "logo" {
		path, pos = d.Org.Logo, d.Org.LogoPos
	}
	if path == "" {
		return nil, nil // no logo given: the block stays empty
	}
	cfg, err := loadImage(path)
	if err != nil {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf("image %s %v", path, err),
			Hint: "give a PNG or JPEG file of at most 40 megapixels; save it again from an image editor (as an 8-bit, non-interlaced PNG, or a JPEG) if it is damaged or not taken"}
	}
	k := math.Min(r.W/float64(cfg.Width), r.H/float64(cfg.Height))
	w, h := float64(cfg.Width)*k, float64(cfg.Height)*k
	return []frame.Item{&frame.Image{X: r.X + (r.W-w)/2, Y: r.Y + (r.H-h)/2, W: w, H: h, Path: path, Src: pos}}, nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (c *composer) rectBlock(b Block, r area) ([]frame.Item, error) {
	rect := &frame.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H, LineWidth: b.Width, Src: b.Pos}
	if b.Fill != "" {
		col, err := c.color(b.Fill, frame.Color{})
		if err != nil {
			return nil, err
		}
		rect.Fill = &col
	}
	if b.Stroke != "" {
		col, err := c.color(b.Stroke, frame.Color{})
		if err != nil {
			return nil, err
		}
		rect.Stroke = &col
		if rect.LineWidth == 0 {
			rect.LineWidth = 1
		}
	}
	return []frame.Item{rect}, nil
}

func (c *composer) ruleBlock(b Block, r area) ([]frame.Item, error) {
	col, err := c.color(b.Stroke, frame.Color{})
	if err != nil {
		return nil, err
	}
	w := b.Width
	if w == 0 {
		w = 1
	}
	return []frame.Item{&frame.Rule{X1: r.X, Y1: r.Y, X2: r.X + r.W, Y2: r.Y, Width: w, Color: col, Dash: b.Dash, Src: b.Pos}}, nil
}
