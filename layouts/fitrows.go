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
// height, lead: the points added between a list's items (see spread),
// and the size its text was at when the row was fitted.
type rowBox struct{ y, h, lead, size float64 }

// rowUse is what a block drew in the panels: the tallest text's height
// as a fraction of the panel's height (less the lead it was given),
// whether the text was at its largest size in every panel, the most
// gaps between list items it drew in a panel and the size of its text.
type rowUse struct {
	h       float64
	capped  bool
	gaps    int
	size    float64
	largest float64 // the largest size its text may be set at
}

// measureRow records what a text or list block of a fit_rows panels
// block drew in panel pa, when the page is composed at its groups'
// sizes.
func (c *composer) measureRow(b Block, got []frame.Item, pa area) {
	if c.caps == nil || b.Group == "" || (b.Type != "text" && b.Type != "list") || pa.H <= 0 {
		return
	}
	top, bottom, size := math.Inf(1), math.Inf(-1), math.Inf(1)
	items := 0
	for _, it := range got {
		if t, ok := it.(*frame.Text); ok && len(t.Para.Lines) > 0 {
			top, bottom = min(top, t.Y), max(bottom, t.Y+t.Para.Height)
			size = min(size, t.Para.Style.Size)
			if t.Tag == "LBody" {
				items++
			}
		}
	}
	if top > bottom {
		return
	}
	gaps := max(items-1, 0)
	if o, ok := c.rowFit[b.Pos]; ok {
		bottom -= o.lead * float64(gaps) // the text's own height, without the lead
	}
	u, seen := c.rowUse[b.Pos]
	capped := size >= c.largest(b)-0.01
	u.h = max(u.h, (bottom-top)/pa.H)
	u.capped = capped && (u.capped || !seen)
	u.gaps = max(u.gaps, gaps)
	u.size = size
	u.largest = c.largest(b)
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
			bottom  bool // set at the bottom of its box (valign: bottom)
			gaps    int
			size    float64
		}
		// A row is at its largest when its text is at the largest size
		// of its group's blocks (the group sets them at one size: an
		// intro that may go to 14.5 pt stays at its lists' 14).
		groupMax := map[string]float64{}
		for _, sub := range b.Blocks {
			if u, ok := c.rowUse[sub.Pos]; ok && sub.Group != "" {
				if m, seen := groupMax[sub.Group]; !seen || u.largest < m {
					groupMax[sub.Group] = u.largest
				}
			}
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
			capped := u.capped || !drew || u.size >= groupMax[sub.Group]-0.01
			ch := u.h
			if o, fitted := c.rowFit[sub.Pos]; fitted && !capped && math.Abs(u.size-o.size) < 0.01 {
				// Given more room last round, its text did not grow (a
				// row's next size needs a line more than it has): it is at
				// its largest, and the room is spread. It keeps room for
				// its text a step of the size grid larger, as a text's
				// grid (from its minimum) and a list's (from its maximum)
				// need not meet: the group's size is on one of them.
				capped = true
				ch = u.h * (u.size + 0.25) / u.size
			}
			rows = append(rows, row{pos: sub.Pos, y: (box.Y - pa.Y) / pa.H, h: box.H / pa.H, c: ch, capped: capped, bottom: sub.VAlign == "bottom", gaps: u.gaps, size: u.size})
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
		f := 1.0
		if grows > 0 {
			f = (room - fixed - float64(n)*eps) / grows
		}
		if f < 1 || len(rows) == 0 {
			continue
		}
		hs := make([]float64, len(rows))
		used := 0.0
		for i, rw := range rows {
			hs[i] = rw.c + eps
			if !rw.capped {
				hs[i] = rw.c*f + eps
			}
			used += hs[i]
		}
		// The room rows at their largest sizes leave is spread: between
		// the items of their lists and in the gaps below the rows (see
		// spread), so the column fills its box calmly instead of ending
		// in a block of white.
		var gaps []int
		var caps []float64
		for _, rw := range rows {
			g, cp := 0, 0.0
			if rw.capped {
				g, cp = rw.gaps, itemLeadMax*rw.size/pa.H
			}
			gaps, caps = append(gaps, g), append(caps, cp)
		}
		leads, share := spread(room-used, eps, gaps, caps, rows[len(rows)-1].bottom)
		if grows <= 0 && share == 0 && leads == nil {
			continue // every row at its largest, as designed
		}
		if c.rowFit == nil {
			c.rowFit = map[source.Pos]rowBox{}
		}
		y := rows[0].y
		for i, rw := range rows {
			h, lead := hs[i], 0.0
			if leads != nil {
				h += leads[i] * float64(rw.gaps)
				lead = leads[i] * pa.H
			}
			c.rowFit[rw.pos] = rowBox{y: y, h: h, lead: lead, size: rw.size}
			if i+1 < len(rows) {
				y += h + rows[i+1].y - (rw.y + rw.h) + share
			}
		}
		fitted = true
	}
	return fitted
}

// itemLeadMax is the most room, as a fraction of the text's size, that
// spread adds between two items of a list: a list keeps its items
// together, and more room goes to the gaps between the blocks.
const itemLeadMax = 0.8

// spread shares spare, the room a fitted column's rows leave in its box
// with their text at its largest size: between the items of each row's
// list (gaps[i] gaps in row i, at most caps[i] each: leads, per row, nil
// when there is none) and below each row (share, for each gap between
// rows and the one below the last; a last row set at the bottom of its
// box, as the multi-language poster's call block is, stays there). A gap
// between rows takes twice what a gap between items does, so the blocks
// stay apart more than the items of one. A column that fills its box
// (spare within a row's allowance, eps) gets nothing.
func spread(spare, eps float64, gaps []int, caps []float64, lastAtBottom bool) (leads []float64, share float64) {
	below := len(gaps)
	if lastAtBottom {
		below--
	}
	items := 0
	for _, g := range gaps {
		items += g
	}
	if spare <= eps || below+items <= 0 {
		return nil, 0
	}
	unit := spare / float64(items+2*below)
	used := 0.0
	if items > 0 {
		leads = make([]float64, len(gaps))
		for i, g := range gaps {
			leads[i] = min(unit, caps[i])
			used += leads[i] * float64(g)
		}
	}
	if below > 0 {
		share = (spare - used) / float64(below)
	}
	return leads, share
}
