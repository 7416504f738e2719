package layouts

import (
	"cmp"
	"math"
	"slices"

	"handbill/content"
	"handbill/frame"
)

// A stack block holds rows of blocks that close up when some are empty.
// Its blocks are measured in the stack's box (as a panel's are in the
// panel) and drawn where they are written, so a stack whose blocks all
// have something to show looks exactly as designed. A block draws
// nothing when its template fills to nothing (a region with no text
// line, no organisation given, a national line only some regions have),
// its list is empty, its image has no logo or its `if` is empty.
//
// Blocks whose boxes overlap from top to bottom form one row; a row none
// of whose blocks draws anything collapses, taking the gap below it (the
// last row, the gap above it), and the rows left keep their heights and
// the gaps between them and are placed together in the stack's span:
// in its middle (the default), or at its top or bottom with valign. A
// stack none of whose rows draws anything draws nothing.
//
// A block with `grow: true` takes the room the collapsed rows free
// (shared equally among the growing blocks' rows) before anything is
// centred: it is set in its box made that much taller, so a hotline
// number can be set larger where the national line beside it is not
// printed; its row then takes the height of what it drew (at least its
// designed height, in which it is placed as valign says), and what is
// left is placed as above.

// stackChild is a block of a stack: its box as designed, whether it has
// something to show, and its row.
type stackChild struct {
	b     Block
	box   area
	empty bool
	row   int
}

// stackRow is a row of a stack: its extent as designed, whether any of
// its blocks has something to show, whether one grows, and the room it
// gets from rows that collapse.
type stackRow struct {
	top, bottom float64
	full, grows bool
	extra       float64
}

func (r stackRow) height() float64 { return r.bottom - r.top + r.extra }

// stackChildTypes are the blocks a stack can hold.
var stackChildTypes = []string{"text", "list", "qr", "image", "rect", "rule", "stack"}

// stackBlock composes a stack block's blocks in its box r (see above):
// which rows collapse is known before anything is set, so each block is
// set once, in its final box. What the blocks draw keeps the order they
// are written in. bonus is room below the box that a stack this one
// grows in gives it: it goes to this stack's growing blocks (a growing
// stack's blocks keep their boxes, measured in its designed box).
func (c *composer) stackBlock(b Block, r area, d *content.Doc, bonus float64) ([]frame.Item, error) {
	areas := panelAreas(r)
	var kids []*stackChild
	for _, sub := range b.Blocks {
		// A block for another size is a row with nothing to show.
		box, err := boxIn(sub, areas)
		if err != nil {
			return nil, c.blockErr(sub, err)
		}
		kids = append(kids, &stackChild{b: sub, box: box, empty: c.empty(sub, areas, d)})
	}
	// Blocks that overlap from top to bottom are one row.
	byTop := slices.Clone(kids)
	slices.SortStableFunc(byTop, func(a, b *stackChild) int { return cmp.Compare(a.box.Y, b.box.Y) })
	var rows []stackRow
	for _, k := range byTop {
		if n := len(rows); n > 0 && k.box.Y < rows[n-1].bottom-0.01 {
			rows[n-1].bottom = max(rows[n-1].bottom, k.box.Y+k.box.H)
		} else {
			rows = append(rows, stackRow{top: k.box.Y, bottom: k.box.Y + k.box.H})
		}
		k.row = len(rows) - 1
		rows[k.row].full = rows[k.row].full || !k.empty
		rows[k.row].grows = rows[k.row].grows || k.b.Grow && !k.empty
	}
	var kept, growing []int
	for i, row := range rows {
		if row.full {
			kept = append(kept, i)
			if row.grows {
				growing = append(growing, i)
			}
		}
	}
	if len(kept) == 0 {
		return nil, nil
	}
	// The kept rows close up: each keeps the gap below it to the next row
	// as designed, the last kept row none. The room freed goes to the
	// growing rows, or else is shared above and below as valign says.
	gapAfter := func(j int) float64 {
		if j == len(kept)-1 {
			return 0
		}
		return rows[kept[j]+1].top - rows[kept[j]].bottom
	}
	span := rows[len(rows)-1].bottom - rows[0].top
	used := 0.0
	for j, i := range kept {
		used += rows[i].height() + gapAfter(j)
	}
	// Growing blocks are set in their box with the room freed added, and
	// their row then takes what they drew, at least its designed height.
	free := span + bonus - used
	extra := 0.0
	if free > 0.01 && len(growing) > 0 {
		extra = free / float64(len(growing))
	}
	drawn := make([][]frame.Item, len(kids))
	for i, k := range kids {
		if k.empty {
			continue
		}
		sub, more := k.b, 0.0
		switch {
		case sub.Grow && extra > 0 && sub.Type == "stack":
			more = extra
		case sub.Grow && extra > 0:
			sub.Box = slices.Clone(sub.Box)
			sub.Box[3] = Length{V: k.box.H + extra}
		}
		items, err := c.blockWith(sub, areas, d, more)
		if err != nil {
			return nil, err
		}
		drawn[i] = items
	}
	// inRow is how far the items of a growing row move within it: what
	// they drew is placed in the row's designed height as the stack's
	// valign says, or fills the row when it is taller.
	inRow := make([]float64, len(rows))
	if extra > 0 {
		for _, i := range growing {
			top, bottom := math.Inf(1), math.Inf(-1)
			for j, k := range kids {
				if k.row != i {
					continue
				}
				for _, it := range drawn[j] {
					t, b := frame.VExtent(it)
					top, bottom = min(top, t), max(bottom, b)
				}
			}
			if top > bottom {
				continue
			}
			h := rows[i].bottom - rows[i].top
			need := bottom - top
			rows[i].extra = max(0, need-h)
			inRow[i] = rows[i].top + valignShare(b.VAlign, "middle")*max(0, h-need) - top
		}
		used = 0
		for j, i := range kept {
			used += rows[i].height() + gapAfter(j)
		}
	}
	dy := make([]float64, len(rows))
	y := rows[0].top + valignShare(b.VAlign, "middle")*max(0, span+bonus-used)
	for j, i := range kept {
		dy[i] = y - rows[i].top + inRow[i]
		y += rows[i].height() + gapAfter(j)
	}
	var out []frame.Item
	for j, k := range kids {
		for _, it := range drawn[j] {
			if dy[k.row] != 0 {
				it = frame.Shift(it, 0, dy[k.row])
			}
			out = append(out, it)
		}
	}
	return out, nil
}

// empty tells whether block b has nothing to show for document d: a
// template that fills to nothing, a list with no items, no logo, an
// empty `if` or a filled `unless`, a block for another size, a stack all of whose blocks are
// empty. Rects and rules always show.
func (c *composer) empty(b Block, areas map[string]area, d *content.Doc) bool {
	if len(b.Only) > 0 && !contains(b.Only, c.t.Variant.Suffix) {
		return true
	}
	if c.skipped(b, d) {
		return true
	}
	filled := func(t Template) bool { s, _ := c.fill(t, d, b.Pos); return s != "" }
	switch b.Type {
	case "text":
		return !filled(b.res.text)
	case "qr":
		return !filled(b.res.content)
	case "list":
		return len(d.Messages.Lists[b.Items]) == 0
	case "image":
		if b.Src == "logo" {
			return d.Org.Logo == ""
		}
		return b.res.image == nil
	case "stack":
		for _, sub := range b.Blocks {
			if !c.empty(sub, areas, d) {
				return false
			}
		}
		return true
	}
	return false
}

// valignShare is the share of free space above content placed with
// valign v (def when v is not given).
func valignShare(v, def string) float64 {
	if v == "" {
		v = def
	}
	switch v {
	case "middle":
		return 0.5
	case "bottom":
		return 1
	}
	return 0
}
