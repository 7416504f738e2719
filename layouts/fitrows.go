package layouts

import (
	"math"
	"slices"

	"handbill/frame"
	"handbill/source"
)

// fit_rows: the rows of a multi-language poster's panels fitted to the
// languages printed.
//
// A panel's blocks have fixed boxes, and every box must hold its text in
// the longest language it may be given (one language's intro is long,
// another's signs); with the text of a group set at one size, each box
// but the tightest is left partly empty, and which box is tightest
// changes with the languages. So a panels block with `fit_rows: true` is
// composed, its text and list blocks that belong to a group (the rows
// of the column: not a label in a tab) measured — each row's height the
// tallest of its panels' — and composed again with each row as tall as
// its text and the room left shared among the rows in proportion to
// their text: the text is set larger, the gaps between rows stay as
// designed (a line of body text above each heading), and the rows stay
// aligned across the panels. A row whose text is at its largest size
// already keeps just its height. Rows are fitted a few times, as each
// round sets the text larger; a round whose text does not fit (it
// cannot, as no box gets smaller than its text) keeps the round before.
// A page whose list is too tall for its row even at the minimum size
// (Somali's what-to-do on Letter) is first measured with that list drawn
// overflowing, and its rows fitted from that (see composer.refit): the
// rows with room to spare give it theirs.

// fitRounds is how many times a page's rows are fitted (the sizes
// settle in four or five rounds).
const fitRounds = 5

// rowEps is the room, in points, a fitted row is given beyond its text.
const rowEps = 0.5

// rowBox is a fitted row's top and height, as fractions of its panel's
// height.
type rowBox struct{ y, h float64 }

// rowUse is what a block drew in the panels: the tallest text's height
// as a fraction of the panel's height, and whether the text was at its
// largest size in every panel.
type rowUse struct {
	h      float64
	capped bool
}

// measureRow records what a text or list block of a fit_rows panels
// block drew in panel pa, when the page is composed at its groups'
// sizes.
func (c *composer) measureRow(b Block, got []frame.Item, pa area) {
	if c.caps == nil || b.Group == "" || (b.Type != "text" && b.Type != "list") || pa.H <= 0 {
		return
	}
	top, bottom, size := math.Inf(1), math.Inf(-1), math.Inf(1)
	for _, it := range got {
		if t, ok := it.(*frame.Text); ok && len(t.Para.Lines) > 0 {
			top, bottom = min(top, t.Y), max(bottom, t.Y+t.Para.Height)
			size = min(size, t.Para.Style.Size)
		}
	}
	if top > bottom {
		return
	}
	u, seen := c.rowUse[b.Pos]
	capped := size >= c.largest(b)-0.01
	u.h = max(u.h, (bottom-top)/pa.H)
	u.capped = capped && (u.capped || !seen)
	c.rowUse[b.Pos] = u
}

// largest is the largest size a block's text may be set at: its style's
// largest, or less where it is under a group.
func (c *composer) largest(b Block) float64 {
	rng := b.res.style.Range(c.t.Variant.TypeScale)
	if n, ok := c.caps[b.Under]; ok && b.Under != "" {
		return min(rng[1], max(n/HotlineRatio, rng[0]))
	}
	return rng[1]
}

// fitRows gives the text and list blocks of the page's fit_rows panels
// blocks their fitted rows, from what the page last composed drew, and
// reports whether there are any.
func (c *composer) fitRows(ps *PageSpec, areas map[string]area) bool {
	fitted := false
	for _, b := range ps.Blocks {
		if b.Type != "panels" || !b.FitRows || (len(b.Only) > 0 && !contains(b.Only, c.t.Variant.Suffix)) {
			continue
		}
		r, err := boxIn(b, areas)
		if err != nil {
			continue
		}
		pa := panelArea(b, r, 0, len(c.docs))
		if pa.H <= 0 {
			continue
		}
		type row struct {
			pos     source.Pos
			y, h, c float64
			capped  bool
		}
		var rows []row
		for _, sub := range b.Blocks {
			if sub.Group == "" || (sub.Type != "text" && sub.Type != "list") {
				continue
			}
			box, err := boxIn(sub, panelAreas(pa))
			if err != nil {
				continue
			}
			u, drew := c.rowUse[sub.Pos]
			rows = append(rows, row{pos: sub.Pos, y: (box.Y - pa.Y) / pa.H, h: box.H / pa.H, c: u.h, capped: u.capped || !drew})
		}
		slices.SortStableFunc(rows, func(a, b row) int {
			switch {
			case a.y < b.y:
				return -1
			case a.y > b.y:
				return 1
			}
			return 0
		})
		eps := rowEps / pa.H
		room, fixed, grows, n := 0.0, 0.0, 0.0, 0
		for i, rw := range rows {
			if i > 0 && rw.y < rows[i-1].y+rows[i-1].h-1e-9 {
				return false // rows that overlap are not a column to fit
			}
			room += rw.h
			if rw.capped {
				fixed += rw.c + eps
			} else {
				grows += rw.c
				n++
			}
		}
		f := (room - fixed - float64(n)*eps) / max(grows, 1e-9)
		if grows <= 0 || f < 1 {
			continue
		}
		if c.rowFit == nil {
			c.rowFit = map[source.Pos]rowBox{}
		}
		y := rows[0].y
		for i, rw := range rows {
			h := rw.c + eps
			if !rw.capped {
				h = rw.c*f + eps
			}
			c.rowFit[rw.pos] = rowBox{y: y, h: h}
			if i+1 < len(rows) {
				y += h + rows[i+1].y - (rw.y + rw.h)
			}
		}
		fitted = true
	}
	return fitted
}
