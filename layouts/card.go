package layouts

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"handbill/frame"
	"handbill/text"
)

// slug is the room outside the bleed that holds the crop marks and the
// page's label.
const slug = 0.25 * inch

// pressPages puts each design on its own page for a print shop: the trim
// box in the middle, art running bleed past it, and, in the slug outside
// the bleed, crop marks in the registration colour and a line saying
// which file, language and side the page is.
func (c *composer) pressPages(designs []*frame.Page, size PageSize, bleed float64) ([]*frame.Page, error) {
	off := bleed + slug
	var out []*frame.Page
	for i, d := range designs {
		p := &frame.Page{
			W: size.W + 2*off, H: size.H + 2*off,
			Trim:  &frame.Box{X: off, Y: off, W: size.W, H: size.H},
			Bleed: &frame.Box{X: off - bleed, Y: off - bleed, W: size.W + 2*bleed, H: size.H + 2*bleed},
		}
		for _, it := range d.Items {
			p.Items = append(p.Items, frame.Shift(it, off, off))
		}
		p.Items = append(p.Items, cropMarks(*p.Trim, bleed)...)
		if l := c.slugLabel(i, len(designs), *p.Trim, bleed); l != nil {
			p.Items = append(p.Items, l)
		}
		out = append(out, p)
	}
	return out, nil
}

// slugLabel is the line under the bottom bleed naming the file, the
// language, the side and the trim and bleed sizes, between the crop
// marks; nil when it does not fit.
func (c *composer) slugLabel(i, n int, trim frame.Box, bleed float64) *frame.Text {
	var langs []string
	for _, d := range c.docs {
		langs = append(langs, d.Messages.Lang.String())
	}
	side := fmt.Sprintf("page %d of %d", i+1, n)
	if ps := c.t.Layout.Pages; i < len(ps) && ps[i].Name != "" {
		side = ps[i].Name
	}
	metric := metricSize(c.t.Variant.Size)
	s := fmt.Sprintf("%s · %s · %s · trim %s · bleed %s", c.t.Name(), strings.Join(langs, "-"), side,
		dims(trim.W, trim.H, metric), dim(bleed, metric))
	const pad = 6
	st := text.Style{Lang: language.English, Align: text.Start}
	p, err := c.e.Fit(s, st, text.Box{W: trim.W - 2*pad, H: slug - 4, MaxLines: 1}, 4, 6)
	if err != nil {
		return nil
	}
	return &frame.Text{X: trim.X + pad, Y: trim.Y + trim.H + bleed + 3, Para: p, Color: frame.Registration,
		Role: "caption", Tag: "Artifact", Src: c.t.Layout.Pos["name"], Block: c.t.Layout.Pos["name"]}
}

// dims is a size as people say it: "8.5 × 11 in", "85 × 55 mm".
func dims(w, h float64, metric bool) string {
	if metric {
		return fmt.Sprintf("%s × %s mm", num(w/mm), num(h/mm))
	}
	return fmt.Sprintf("%s × %s in", num(w/inch), num(h/inch))
}

func dim(v float64, metric bool) string {
	if metric {
		return num(v/mm) + " mm"
	}
	return num(v/inch) + " in"
}

func num(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
}

// cropMarks are hairlines on the trim lines, from just outside the bleed
// to the page edge, in the registration colour.
func cropMarks(t frame.Box, bleed float64) []frame.Item {
	const w = 0.25
	start := bleed + 2
	end := bleed + slug
	var out []frame.Item
	for _, x := range []float64{t.X, t.X + t.W} {
		for _, y := range []float64{t.Y, t.Y + t.H} {
			dy := start
			if y == t.Y {
				dy = -start
			}
			ey := end
			if y == t.Y {
				ey = -end
			}
			dx := start
			if x == t.X {
				dx = -start
			}
			ex := end
			if x == t.X {
				ex = -end
			}
			out = append(out,
				&frame.Rule{X1: x, Y1: y + dy, X2: x, Y2: y + ey, Width: w, Color: frame.Registration},
				&frame.Rule{X1: x + dx, Y1: y, X2: x + ex, Y2: y, Width: w, Color: frame.Registration},
			)
		}
	}
	return out
}

// sheetPages imposes the card on a desktop sheet: a page of fronts, then a
// page of backs with the columns mirrored, so that printed double-sided
// (flipped on the long edge) each back lands behind its front. The backs
// are moved by the variant's back_offset, which the calibration page
// measures. The design is composed at the sheet's cell size.
func (c *composer) sheetPages(s Sheet) ([]*frame.Page, error) {
	ps := s.PageSize()
	ox, oy := c.t.Variant.backOffset()
	var out []*frame.Page
	for side := range c.t.Layout.Pages {
		design, err := c.page(&c.t.Layout.Pages[side], s.CardW, s.CardH, 0)
		if err != nil {
			return nil, err
		}
		p := &frame.Page{W: ps.W, H: ps.H}
		for ci, cell := range s.cells(side%2 == 1, ps.W) {
			x, y := cell.X, cell.Y
			if side%2 == 1 {
				x, y = x+ox, y+oy
			}
			for _, it := range design.Items {
				it = frame.Shift(it, x, y)
				if ci > 0 {
					// Every card of the sheet says the same: read once.
					it = frame.Repeat(it)
				}
				p.Items = append(p.Items, it)
			}
		}
		if s.Cut {
			// A dashed line down the middle, where the sheet is cut in
			// half, kept clear of the unprinted edge.
			for col := 1; col < s.Cols; col++ {
				x := s.Left + float64(col)*s.CardW + (float64(col)-0.5)*s.GapX
				p.Items = append(p.Items, &frame.Rule{X1: x, Y1: unprinted, X2: x, Y2: ps.H - unprinted, Width: 0.5,
					Color: frame.Color{R: 0x9a, G: 0x9a, B: 0x9a}, Dash: []float64{4, 3}, Src: c.t.Layout.Pos["sizes"]})
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// cells are the top-left corners of the sheet's cards, row by row; for
// the backs (mirror) the grid is mirrored about the page's vertical axis.
func (s Sheet) cells(mirror bool, pageW float64) []frame.Box {
	var out []frame.Box
	for row := range s.Rows {
		for col := range s.Cols {
			x := s.Left + float64(col)*(s.CardW+s.GapX)
			if mirror {
				x = pageW - x - s.CardW
			}
			y := s.Top + float64(row)*(s.CardH+s.GapY)
			out = append(out, frame.Box{X: x, Y: y, W: s.CardW, H: s.CardH})
		}
	}
	return out
}

// backOffset is the variant's back_offset in points (0, 0 if not given).
func (v Variant) backOffset() (x, y float64) {
	if len(v.BackOffset) == 2 {
		return v.BackOffset[0].V, v.BackOffset[1].V
	}
	return 0, 0
}

// intoBleed runs the edges of a box that reach the trim out to the bleed:
// art drawn to the edge of the finished piece must run past it, or a
// trim a hair off leaves a white line. A box in the bleed area is
// measured in the trim, so the press design matches the desktop one.
func intoBleed(r, trim frame.Box, bleed float64) frame.Box {
	const eps = 0.01
	if r.X <= trim.X+eps {
		r.W += r.X - (trim.X - bleed)
		r.X = trim.X - bleed
	}
	if r.X+r.W >= trim.X+trim.W-eps {
		r.W = trim.X + trim.W + bleed - r.X
	}
	if r.Y <= trim.Y+eps {
		r.H += r.Y - (trim.Y - bleed)
		r.Y = trim.Y - bleed
	}
	if r.Y+r.H >= trim.Y+trim.H-eps {
		r.H = trim.Y + trim.H + bleed - r.Y
	}
	return r
}
