package layouts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"handbill/content"
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
//
// One grid leaves the panels of the shorter languages with white under
// each row when one language is much longer (English and Spanish beside
// Armenian: 0.5-1.8 in under each heading, a third of the column). With
// panel_groups, the groups named (the body) are set at each panel's own
// size and each panel's rows are fitted to its own text: a panel runs
// full from its headline (still at one size across the panels) to its
// line. A panel's size is held to a step of the type scale above the
// smallest panel's as drawn (limitPanelGroups), so the languages read as
// equals; the room a panel has beyond that is spread.

// fitRounds is how many times a page's rows are fitted (the sizes
// settle in four or five rounds).
const fitRounds = 5

// rowEps is the room, in points, a fitted row is given beyond its text.
const rowEps = 0.5

// rowBox is a fitted row's top and height, as fractions of its panel's
// height, lead: the points added between a list's items (see spread),
// and the size its text was at when the row was fitted.
// grown tells that the row was given more room than its text took.
type rowBox struct {
	y, h, lead, size float64
	grown            bool
}

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
	least   bool    // its text at its smallest size in some panel
}

// rowKey names a row of a fit_rows panels block: its block, and the
// panel (-1 for what every panel drew, in panels on one grid).
type rowKey struct {
	pos   source.Pos
	panel int
}

// ownGroup reports whether b, composed in the current panel, is of one
// of the panels block's panel_groups: set at its panel's own size.
func (c *composer) ownGroup(b Block) bool {
	return c.inPanel && b.Group != "" && slices.Contains(c.panelGroups, b.Group)
}

// ownGroups are the panel_groups of panels block b, unless the page is
// set on one grid (see page).
func (c *composer) ownGroups(b Block) []string {
	if c.oneGrid {
		return nil
	}
	return b.PanelGroups
}

// groupKey is the name of b's group as sizes are recorded: the group,
// or for one of panel_groups the group in the current panel.
func (c *composer) groupKey(b Block) string {
	if c.ownGroup(b) {
		return fmt.Sprintf("%s#%d", b.Group, c.panel)
	}
	return b.Group
}

// panelStep is how much larger than the smallest panel's a panel group's
// size may be in another panel: a step of the type scale (1.25), so the
// languages still read as equals; the room a short language leaves
// beyond it is spread (see spread).
const panelStep = 1.25

// limitPanelGroups caps the sizes the first pass found for each panel
// group at panelStep times the smallest of its panels', as they look (a
// script set larger than its size, as Armenian is, compared at the size
// it is drawn).
func (c *composer) limitPanelGroups() {
	c.limits = nil
	scale := func(k string) float64 {
		if s, ok := c.scales[k]; ok && s > 0 {
			return s
		}
		return 1
	}
	least := map[string]float64{}
	for k, s := range c.fitted {
		if g, _, ok := strings.Cut(k, "#"); ok {
			if m, seen := least[g]; !seen || s*scale(k) < m {
				least[g] = s * scale(k)
			}
		}
	}
	if len(least) == 0 {
		return
	}
	c.limits = map[string]float64{}
	for k, s := range c.fitted {
		if g, _, ok := strings.Cut(k, "#"); ok {
			c.limits[k] = least[g] * panelStep / scale(k)
			c.fitted[k] = min(s, c.limits[k])
		}
	}
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
	if o, ok := c.rowFit[rowKey{b.Pos, c.panel}]; ok {
		bottom -= o.lead * float64(gaps) // the text's own height, without the lead
	}
	k := rowKey{b.Pos, -1}
	if len(c.panelGroups) > 0 {
		k.panel = c.panel
	}
	u, seen := c.rowUse[k]
	capped := size >= c.largest(b)-0.01
	u.h = max(u.h, (bottom-top)/pa.H)
	u.capped = capped && (u.capped || !seen)
	u.gaps = max(u.gaps, gaps)
	u.size = size
	u.largest = c.largest(b)
	rng := b.res.style.Range(c.t.Variant.TypeScale)
	floor := min(rng[0]/c.e.Scale(b.res.style.Text(c.docs[c.panel].Messages.Lang)), rng[1])
	u.least = u.least || size-0.25 < floor-1e-9 // no step of the size grid below it
	c.rowUse[k] = u
}

// largest is the largest size a block's text may be set at: its style's
// largest, or less where it is under a group or in a panel group (see
// limitPanelGroups).
func (c *composer) largest(b Block) float64 {
	rng := b.res.style.Range(c.t.Variant.TypeScale)
	top := rng[1]
	if n, ok := c.caps[b.Under]; ok && b.Under != "" {
		top = min(rng[1], max(n/HotlineRatio, rng[0]))
	}
	if l, ok := c.limits[c.groupKey(b)]; ok {
		top = min(top, max(l, rng[0]))
	}
	return top
}

// fitRows gives the text and list blocks of the page's fit_rows panels
// blocks their fitted rows, from what the page last composed drew, and
// reports whether there are any. Without panel_groups the panels share
// one grid: each row as tall as its tallest panel's text. With them,
// each panel's rows are fitted to its own text (the other groups, the
// headline, still at one size across the panels): each panel a column
// that flows from its headline to its line, full.
//
// With shrink (a page measured with a row overflowing, see refit), rows
// whose text is not at its largest may be given less room than it took,
// for the row that overflowed: their text is set smaller to fit.
func (c *composer) fitRows(ps *PageSpec, areas map[string]area, shrink bool) bool {
	fitted := false
	for _, b := range ps.Blocks {
		if b.Type != "panels" || !b.FitRows || (len(b.Only) > 0 && !contains(b.Only, c.t.Variant.Suffix)) {
			continue
		}
		if len(c.docs) > 0 && c.skipped(b, c.docs[0]) {
			continue // left out (if, unless): nothing of it was drawn
		}
		r, err := boxIn(b, areas)
		if err != nil {
			continue
		}
		n := len(c.docs)
		cols := 1
		if len(c.ownGroups(b)) > 0 {
			cols = n
		}
		var panels []panelFit
		ok := true
		for i := range cols {
			pa := panelArea(b, r, i, n)
			if pa.H <= 0 {
				ok = false
				break
			}
			rows := c.panelRows(b, pa, i, cols > 1)
			if rows == nil {
				ok = false
				break
			}
			panels = append(panels, panelFit{pa: pa, rows: rows})
		}
		if !ok || len(panels) == 0 {
			continue
		}
		var fits []columnFit
		any := false
		for _, p := range panels {
			f, changed := p.fit(shrink)
			if f == nil {
				ok = false
				break
			}
			any = any || changed
			fits = append(fits, *f)
		}
		if !ok || !any {
			continue
		}
		if c.rowFit == nil {
			c.rowFit = map[rowKey]rowBox{}
		}
		for i := range n {
			f := fits[min(i, len(fits)-1)]
			for pos, box := range f {
				c.rowFit[rowKey{pos, i}] = box
			}
		}
		fitted = true
	}
	return fitted
}

// fitRow is a row of a fitted panel: its block, its box's top and
// height and its text's height as fractions of the panel's height,
// whether its text is at its largest, whether it is set at the bottom
// of its box, the gaps between its list's items and its text's size.
type fitRow struct {
	pos     source.Pos
	y, h, c float64
	capped  bool
	bottom  bool // set at the bottom of its box (valign: bottom)
	gaps    int
	size    float64
	least   bool // its text at its smallest size: it cannot be given less room
}

// panelRows are the rows of panel i of a fit_rows panels block, in
// order (nil where they overlap: not a column to fit); own tells that
// each panel is fitted on its own (panel_groups), else the rows are
// what every panel drew.
func (c *composer) panelRows(b Block, pa area, i int, own bool) []fitRow {
	// A row is at its largest when its text is at the largest size
	// of its group's blocks (the group sets them at one size: an
	// intro that may go to 14.5 pt stays at its lists' 14).
	use := func(sub Block) (rowUse, bool) {
		k := rowKey{sub.Pos, -1}
		if own {
			k.panel = i
		}
		u, ok := c.rowUse[k]
		return u, ok
	}
	groupMax := map[string]float64{}
	for _, sub := range b.Blocks {
		if u, ok := use(sub); ok && sub.Group != "" {
			if m, seen := groupMax[sub.Group]; !seen || u.largest < m {
				groupMax[sub.Group] = u.largest
			}
		}
	}
	var rows []fitRow
	for _, sub := range b.Blocks {
		if sub.Group == "" || (sub.Type != "text" && sub.Type != "list") {
			continue
		}
		// A row printed for no panel (the line's block where a state
		// line comes first, or the one where none does) is not a row.
		docs := c.docs
		if own {
			docs = c.docs[i : i+1]
		}
		if !slices.ContainsFunc(docs, func(d *content.Doc) bool { return !c.skipped(sub, d) }) {
			continue
		}
		box, err := boxIn(sub, panelAreas(pa))
		if err != nil {
			continue
		}
		u, drew := use(sub)
		capped := u.capped || !drew || u.size >= groupMax[sub.Group]-0.01
		ch := u.h
		if o, fitted := c.rowFit[rowKey{sub.Pos, i}]; fitted && o.grown && !capped && math.Abs(u.size-o.size) < 0.01 {
			// Given more room last round, its text did not grow (a
			// row's next size needs a line more than it has): it is at
			// its largest, and the room is spread. It keeps room for
			// its text a step of the size grid larger, as a text's
			// grid (from its minimum) and a list's (from its maximum)
			// need not meet: the group's size is on one of them.
			capped = true
			ch = u.h * (u.size + 0.25) / u.size
		}
		if own && !slices.Contains(b.PanelGroups, sub.Group) {
			// Its size is the panels' (the headline's): more room in this
			// panel would not set it larger; it keeps its text's height.
			capped = true
		}
		rows = append(rows, fitRow{pos: sub.Pos, y: (box.Y - pa.Y) / pa.H, h: box.H / pa.H, c: ch, capped: capped, bottom: sub.VAlign == "bottom", gaps: u.gaps, size: u.size, least: u.least})
	}
	slices.SortStableFunc(rows, func(a, b fitRow) int { return cmp.Compare(a.y, b.y) })
	for i, rw := range rows {
		if i > 0 && rw.y < rows[i-1].y+rows[i-1].h-1e-9 {
			return nil // rows that overlap are not a column to fit
		}
	}
	return rows
}

// panelFit is a panel to fit: its area and its rows.
type panelFit struct {
	pa   area
	rows []fitRow
}

// columnFit is the box fitRows gives each row of a panel.
type columnFit map[source.Pos]rowBox

// grow is the factor by which the rows of the panel whose text is not at
// its largest may grow to fill the panel.
func (p panelFit) grow() float64 {
	eps := rowEps / p.pa.H
	room, fixed, grows, n := 0.0, 0.0, 0.0, 0
	for _, rw := range p.rows {
		room += rw.h
		if rw.capped {
			fixed += rw.c + eps
		} else {
			grows += rw.c
			n++
		}
	}
	if grows <= 0 {
		return 1
	}
	return (room - fixed - float64(n)*eps) / grows
}

// fit fits the panel's rows to fill it, the rows with room to spare
// given less where shrink is set. It returns nil where they do not fit,
// and whether any row changes.
func (p panelFit) fit(shrink bool) (*columnFit, bool) {
	eps := rowEps / p.pa.H
	if shrink {
		// A row whose text is at its smallest keeps what it took.
		p.rows = slices.Clone(p.rows)
		for i := range p.rows {
			p.rows[i].capped = p.rows[i].capped || p.rows[i].least
		}
	}
	f := p.grow()
	if shrink {
		f = min(f, 1) // the rows make room for one that overflowed, no more
	}
	if (f < 1 && !shrink) || f <= 0 || len(p.rows) == 0 {
		return nil, false
	}
	hs := make([]float64, len(p.rows))
	room, used, grows := 0.0, 0.0, false
	for i, rw := range p.rows {
		room += rw.h
		switch {
		case rw.capped:
			hs[i] = rw.c + eps
		default:
			hs[i] = rw.c*f + eps
			grows = true
		}
		used += hs[i]
	}
	if used > room+1e-9 {
		return nil, false // rows held at a size a step larger need more room than the panel has
	}
	// The room rows at their largest sizes leave is spread: between
	// the items of their lists and in the gaps below the rows (see
	// spread), so the column fills its box calmly instead of ending
	// in a block of white.
	var gaps []int
	var caps []float64
	for _, rw := range p.rows {
		g, cp := 0, 0.0
		if rw.capped {
			g, cp = rw.gaps, itemLeadMax*rw.size/p.pa.H
		}
		gaps, caps = append(gaps, g), append(caps, cp)
	}
	leads, share := spread(room-used, eps, gaps, caps, p.rows[len(p.rows)-1].bottom)
	out := columnFit{}
	y := p.rows[0].y
	for i, rw := range p.rows {
		h, lead := hs[i], 0.0
		if leads != nil {
			h += leads[i] * float64(rw.gaps)
			lead = leads[i] * p.pa.H
		}
		out[rw.pos] = rowBox{y: y, h: h, lead: lead, size: rw.size, grown: !rw.capped && f > 1+1e-9}
		if i+1 < len(p.rows) {
			y += h + p.rows[i+1].y - (rw.y + rw.h) + share
		}
	}
	return &out, grows || share != 0 || leads != nil
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
