package layouts

import (
	"handbill/frame"
)

// slug is the room outside the bleed that holds the crop marks.
const slug = 0.25 * inch

// pressPages puts each design on its own page for a print shop: the trim
// box in the middle, art running bleed past it, and crop marks in the
// slug outside the bleed.
func pressPages(designs []*frame.Page, size PageSize, bleed float64) []*frame.Page {
	off := bleed + slug
	var out []*frame.Page
	for _, d := range designs {
		p := &frame.Page{
			W: size.W + 2*off, H: size.H + 2*off,
			Trim:  &frame.Box{X: off, Y: off, W: size.W, H: size.H},
			Bleed: &frame.Box{X: off - bleed, Y: off - bleed, W: size.W + 2*bleed, H: size.H + 2*bleed},
		}
		for _, it := range d.Items {
			p.Items = append(p.Items, frame.Shift(it, off, off))
		}
		p.Items = append(p.Items, cropMarks(*p.Trim, bleed)...)
		out = append(out, p)
	}
	return out
}

// cropMarks are hairlines on the trim lines, from just outside the bleed
// to the page edge.
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
				&frame.Rule{X1: x, Y1: y + dy, X2: x, Y2: y + ey, Width: w},
				&frame.Rule{X1: x + dx, Y1: y, X2: x + ex, Y2: y, Width: w},
			)
		}
	}
	return out
}

// sheetPages imposes the card on a desktop sheet: a page of fronts, then a
// page of backs with the columns mirrored, so that printed double-sided
// (flipped on the long edge) each back lands behind its front. The design
// is composed at the sheet's cell size.
func (c *composer) sheetPages(s Sheet) ([]*frame.Page, error) {
	ps := pageSizes[s.Page]
	var out []*frame.Page
	for side := range c.t.Layout.Pages {
		design, err := c.page(&c.t.Layout.Pages[side], s.CardW, s.CardH, 0)
		if err != nil {
			return nil, err
		}
		p := &frame.Page{W: ps.W, H: ps.H}
		for row := range s.Rows {
			for col := range s.Cols {
				x := s.Left + float64(col)*(s.CardW+s.GapX)
				if side%2 == 1 {
					// Mirror the grid about the page's vertical axis.
					x = ps.W - x - s.CardW
				}
				y := s.Top + float64(row)*(s.CardH+s.GapY)
				for _, it := range design.Items {
					p.Items = append(p.Items, frame.Shift(it, x, y))
				}
			}
		}
		out = append(out, p)
	}
	return out, nil
}
