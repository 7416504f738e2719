package layouts

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// composer holds what composing one document needs.
type composer struct {
	e      *text.Engine
	t      Target
	docs   []*content.Doc
	theme  map[string]frame.Color
	styles map[string]StyleSpec
	scale  float64
	// caps holds, per group, the size every block of the group is set at
	// (its members' smallest fitted size); fitted collects those sizes
	// during the first pass.
	caps   map[string]float64
	fitted map[string]float64
}

// area is a rectangle blocks are measured in.
type area = frame.Box

// Compose lays out a target for the documents: one per language, or
// several for a multilingual product. It returns the frames, or the first
// error with the file:line:col of the text or layout value it concerns.
func Compose(e *text.Engine, t Target, docs []*content.Doc) (*frame.Doc, error) {
	if len(docs) == 0 {
		return nil, errors.New("no content to compose")
	}
	c := &composer{e: e, t: t, docs: docs, styles: t.Layout.Styles, scale: t.Variant.TypeScale}
	if c.scale == 0 {
		c.scale = 1
	}
	if err := c.loadTheme(); err != nil {
		return nil, err
	}
	var langs []string
	for _, d := range docs {
		langs = append(langs, d.Messages.Lang.String())
	}
	out := &frame.Doc{
		Title:   fmt.Sprintf("%s (%s)", t.Layout.Description, strings.Join(langs, ", ")),
		Subject: "Signs of child sex trafficking and where to call for help",
		Author:  docs[0].Org.Name.S,
		Creator: "handbill",
		Lang:    langs[0],
	}
	if t.Calibration {
		return c.calibrationDoc(out)
	}
	size := t.Size()
	designs := make([]*frame.Page, 0, len(t.Layout.Pages))
	bleed := 0.0
	if t.Mode == "press" {
		bleed = t.Bleed()
	}
	for i := range t.Layout.Pages {
		p, err := c.page(&t.Layout.Pages[i], size.W, size.H, bleed)
		if err != nil {
			return nil, err
		}
		designs = append(designs, p)
	}
	switch {
	case t.Mode == "press":
		pages, err := c.pressPages(designs, size, bleed)
		if err != nil {
			return nil, err
		}
		out.Pages = pages
	case t.Mode != "":
		sheet := sheets[t.Mode]
		pages, err := c.sheetPages(sheet)
		if err != nil {
			return nil, err
		}
		out.Pages = pages
	default:
		out.Pages = designs
	}
	return out, nil
}

func (c *composer) loadTheme() error {
	c.theme = map[string]frame.Color{"black": {}, "white": {R: 255, G: 255, B: 255}}
	for name, v := range c.t.Layout.Theme {
		col, err := v.Color()
		if err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: c.t.Layout.Pos["theme."+name], Message: "theme colour " + name + ": " + err.Error(), Hint: "write colours as #rrggbb"}
		}
		c.theme[name] = col
	}
	if brand := c.docs[0].Org.Color; brand != "" {
		col, err := ParseColor(brand)
		if err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: c.docs[0].Org.Name.Pos, Message: "organisation colour: " + err.Error(), Hint: "write the brand colour as #rrggbb"}
		}
		c.theme["accent"] = col
	}
	return nil
}

// page composes one design page of size w×h; with bleed > 0, art marked
// area: bleed runs that far past the trim.
func (c *composer) page(ps *PageSpec, w, h, bleed float64) (*frame.Page, error) {
	p := &frame.Page{W: w, H: h}
	trim := area{W: w, H: h}
	m := c.t.Layout.Margin.Resolve(w)
	areas := map[string]area{
		"trim":  trim,
		"safe":  {X: m, Y: m, W: w - 2*m, H: h - 2*m},
		"bleed": {X: -bleed, Y: -bleed, W: w + 2*bleed, H: h + 2*bleed},
		// band: across the safe area, down the trim, for text that sits
		// in a band of colour drawn in trim or bleed coordinates.
		"band": {X: m, Y: 0, W: w - 2*m, H: h},
	}
	if ps.Background != "" {
		col, err := c.color(ps.Background, frame.Color{})
		if err != nil {
			return nil, c.blockErr(Block{Pos: c.t.Layout.Pos["pages"]}, err)
		}
		b := areas["bleed"]
		p.Items = append(p.Items, &frame.Rect{X: b.X, Y: b.Y, W: b.W, H: b.H, Fill: &col})
	}
	// First pass: find each group's common size.
	c.caps, c.fitted = nil, map[string]float64{}
	for _, b := range ps.Blocks {
		if !hasGroup(b) {
			continue
		}
		if _, err := c.block(b, areas, c.docs[0]); err != nil {
			return nil, err
		}
	}
	c.caps = c.fitted
	for _, b := range ps.Blocks {
		items, err := c.block(b, areas, c.docs[0])
		if err != nil {
			return nil, err
		}
		p.Items = append(p.Items, items...)
	}
	c.caps = nil
	return p, nil
}

func hasGroup(b Block) bool {
	if b.Group != "" {
		return true
	}
	for _, s := range b.Blocks {
		if hasGroup(s) {
			return true
		}
	}
	return false
}

// sizeRange applies a block's group cap to a style's size range, and
// returns a function recording the size the block was fitted at.
func (c *composer) sizeRange(b Block, rng [2]float64) ([2]float64, func(float64)) {
	if b.Group == "" {
		return rng, func(float64) {}
	}
	if cp, ok := c.caps[b.Group]; ok && cp < rng[1] {
		rng[1] = max(cp, rng[0])
	}
	return rng, func(s float64) {
		if c.caps == nil {
			if cur, ok := c.fitted[b.Group]; !ok || s < cur {
				c.fitted[b.Group] = s
			}
		}
	}
}

// box resolves a block's box in its area.
func (c *composer) box(b Block, areas map[string]area) (area, error) {
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
		return area{}, fmt.Errorf("box has no area (%.1f×%.1f pt)", r.W, r.H)
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

// blockErr gives an error the block's position unless it has one.
func (c *composer) blockErr(b Block, err error) error {
	var ce *source.Diagnostic
	if errors.As(err, &ce) {
		return err
	}
	return &source.Diagnostic{Severity: source.Error, Pos: b.Pos, Output: c.t.Name(), Message: err.Error(), Hint: "fix the block in the layout file"}
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
