package layouts

import (
	"fmt"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// listGap is the space between list items, as a fraction of the size.
const listGap = 0.3

// listBlock sets a title and a list of items at one common size: the
// largest on the style's grid at which all of them fit the box. Items hang
// after a bullet on the start side (the right in right-to-left languages).
func (c *composer) listBlock(b Block, r area, d *content.Doc) ([]frame.Item, error) {
	list, ok := d.Messages.Lists[b.Items]
	if !ok {
		// Every item is left out in this document (their placeholders
		// have no value in its region): content warned about each.
		return nil, nil
	}
	if b.Max > 0 && len(list) > b.Max {
		c.dropped(b, d, list[b.Max:])
		list = list[:b.Max]
	}
	style := b.res.style
	st, col, rng := c.styleFor(style, d)
	styleMax := rng[1]
	rng, record := c.sizeRange(b, rng)
	var title, tied *text.Shaped
	var titleStyle text.Style
	var titleCol frame.Color
	titleRatio := 1.0
	var titlePos source.Pos
	titleRole := "body"
	if b.Title != "" {
		s, pos := c.fill(b.res.title, d, b.Pos)
		var trng [2]float64
		titleStyle, titleCol, trng = c.styleFor(b.res.titleStyle, d)
		titleRole = b.res.titleStyle.Role
		titleRatio = trng[1] / styleMax
		var err error
		if title, err = c.e.Shape(s, titleStyle); err != nil {
			return nil, c.overflowErr(fmt.Sprintf("%q", b.Title), pos, d, err)
		}
		titlePos = pos
		// The title with its last two words tied by a no-break space, as
		// typesetters keep a word off a heading's last line where no
		// narrower measure does: "На что обратить / внимание" becomes
		// "На что / обратить внимание", whose second line is the longer,
		// which no measure gives (see titleAt).
		if t, ok := lastTwoTied(s); ok {
			tied, _ = c.e.Shape(t, titleStyle)
		}
	}
	bullet := b.Bullet
	if bullet == "" {
		bullet = "•"
	}
	shapedBullet, err := c.e.Shape(bullet, st)
	if err != nil {
		return nil, err
	}
	items := make([]*text.Shaped, len(list))
	for i, it := range list {
		if items[i], err = c.e.Shape(it.S, st); err != nil {
			return nil, c.overflowErr(fmt.Sprintf("%s item %d", b.Items, i+1), it.Pos, d, err)
		}
	}
	// layoutAt returns the items at size s, and how far they overflow.
	type placed struct {
		p    *text.Paragraph
		y    float64
		dx   float64 // how far across the item is moved when set narrower
		src  source.Pos
		bull bool
	}
	titleScale := 1.0 // below 1 where the title alone is set smaller (see below)
	// A fitted row with room to spare spreads its items (see spread).
	lead := 0.0
	if o, ok := c.rowFit[rowKey{b.Pos, c.panel}]; ok && c.inPanel {
		lead = o.lead
	}
	layoutAt := func(s float64) ([]placed, string, float64) {
		var out []placed
		tdx := 0.0
		y := 0.0
		if title != nil {
			var tp *text.Paragraph
			tp, tdx = titleAt(title, tied, s*titleRatio*titleScale, r.W)
			out = append(out, placed{p: tp, y: y, dx: tdx, src: titlePos})
			y += tp.Height + s*0.5
		}
		indent := s * 1.1
		for i, sh := range items {
			p := sh.At(s, r.W-indent)
			if what, by := text.Overflow(p, text.Box{W: r.W - indent, H: 1e9}); what != "" {
				return nil, what, by
			}
			p, dx := unrunt(p, func(w float64) *text.Paragraph { return sh.At(s, w) }, sameLines(p))
			out = append(out, placed{p: p, y: y, dx: dx, src: list[i].Pos, bull: true})
			y += p.Height + s*listGap + lead
		}
		y -= s*listGap + lead
		if y > r.H+0.01 {
			return out, "height", y - r.H
		}
		return out, "", 0
	}
	// measureAt is layoutAt's verdict without building the paragraphs:
	// sizes are tried with it, and the items built once, at the size
	// chosen.
	measureAt := func(s float64) (string, float64) {
		y := 0.0
		if title != nil {
			_, _, h := title.Measure(s*titleRatio, r.W)
			y += h + s*0.5
		}
		indent := s * 1.1
		for _, sh := range items {
			what, by, h := sh.Measure(s, r.W-indent)
			if what != "" {
				return what, by
			}
			y += h + s*listGap + lead
		}
		y -= s*listGap + lead
		if y > r.H+0.01 {
			return "height", y - r.H
		}
		return "", 0
	}
	size := rng[1]
	what, by := measureAt(size)
	// A script set larger than its size (text.Engine.Scale) may go down
	// to the minimum as drawn, as text.Engine.Fit lets it.
	floor := min(rng[0]/c.e.Scale(st), rng[1])
	for what != "" && size-0.25 >= floor-1e-9 {
		size -= 0.25
		what, by = measureAt(size)
	}
	var placedItems []placed
	// Too tall at its smallest, a list may fit with its title alone set
	// smaller, down to 80% (as a title that ends on a one-word line is,
	// below): measured so, a panel's row is given room for it (see
	// fitRows), and set so.
	for k := 0.98; what == "height" && title != nil && k >= 0.8-1e-9; k -= 0.02 {
		titleScale = k
		if pi, w, _ := layoutAt(size); w == "" {
			placedItems, what = pi, ""
		}
	}
	if what == "height" && c.measuring && c.inPanel && b.Group != "" {
		what = "" // drawn overflowing, to be measured for fit_rows (see composer.refit)
	}
	if what == "" && placedItems == nil {
		titleScale = 1
		placedItems, _, _ = layoutAt(size)
	}
	// A title that ends on a one-word line is set a little smaller, with
	// its list (a group keeps its lists at one size), down to 80%, where that
	// avoids it.
	if what == "" && title != nil && Runt(placedItems[0].p) != "" {
		for s := size - 0.25; s >= max(rng[0], size*0.8)-1e-9; s -= 0.25 {
			if pi, w, _ := layoutAt(s); w == "" && Runt(pi[0].p) == "" {
				size, placedItems = s, pi
				break
			}
		}
	}
	// Else the title alone, down to 80% of its size.
	for k := 0.98; what == "" && title != nil && Runt(placedItems[0].p) != "" && k >= 0.8-1e-9; k -= 0.02 {
		titleScale = k
		if pi, w, _ := layoutAt(size); w == "" && Runt(pi[0].p) == "" {
			placedItems = pi
			break
		}
		titleScale = 1
	}
	if what != "" {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: b.Pos, Message: fmt.Sprintf("list %q does not fit its block in %s (%s): %s overflows by %.1f pt at the minimum size %g pt", b.Items, c.t.Name(), d.Messages.Lang, what, by, rng[0]),
			Hint: "shorten the items, show fewer (max:), or give the block more room or a smaller minimum size"}
	}
	record(size)
	// Titled lists side by side in a group start their items on one
	// line: the tallest title of the row is known from a pass before
	// this one (see page), and a list whose title is shorter moves its
	// items down by the difference, where they still fit its box.
	if title != nil && b.Group != "" && c.heads != nil {
		key, th := listAlignKey(c.groupKey(b), r), placedItems[0].p.Height
		last := placedItems[len(placedItems)-1]
		switch dy := c.heads[key] - th; {
		case c.aligning:
			c.heads[key] = max(c.heads[key], th)
		case dy > 0.01 && last.y+last.p.Height+dy <= r.H+0.01:
			for i := 1; i < len(placedItems); i++ {
				placedItems[i].y += dy
			}
		}
	}
	var out []frame.Item
	indent := size * 1.1
	bulletScale := c.e.Scale(st)
	for _, pl := range placedItems {
		if !pl.bull {
			out = append(out, &frame.Text{X: r.X + pl.dx, Y: r.Y + pl.y, Para: pl.p, Color: titleCol, Role: titleRole, Src: pl.src, Block: b.Pos})
			continue
		}
		// The bullet is drawn at the size of the item's letters (a script
		// set larger than its size, text.Engine.Scale, enlarges it too).
		bp := shapedBullet.At(size*bulletScale, indent)
		x, bx := r.X+indent, r.X
		if pl.p.RTL {
			x, bx = r.X, r.X+r.W-indent
		}
		// The bullet sits on the item's first baseline.
		by := r.Y + pl.y
		if len(pl.p.Lines) > 0 && len(bp.Lines) > 0 {
			by += pl.p.Lines[0].Baseline - bp.Lines[0].Baseline
		}
		out = append(out,
			&frame.Text{X: bx, Y: by, Para: bp, Color: col, Role: style.Role, Tag: "Lbl", Src: pl.src, Block: b.Pos},
			&frame.Text{X: x + pl.dx, Y: r.Y + pl.y, Para: pl.p, Color: col, Role: style.Role, Tag: "LBody", Src: pl.src, Block: b.Pos})
	}
	return out, nil
}

// listAlignKey names the row of titled lists a list block belongs to:
// its group (see groupKey) and the top of its box. Lists side by side in a group (the
// poster's signs and what to do) start their items on one line although
// one title takes two lines and the other one.
func listAlignKey(group string, r area) string { return fmt.Sprintf("%s@%.2f", group, r.Y) }

// RuleDroppedItems is the rule of the warning about list items a block
// does not show.
const RuleDroppedItems = "dropped-items"

// dropped warns about the items of a list a block leaves out for want of
// room (its max), each at its position. Built-in items are not reported:
// the built-in lists hold more signs than a card or poster shows, for
// each layout to show the first few; an item the user's content file
// wrote (in a list of their own or added to the built-in one) is.
func (c *composer) dropped(b Block, d *content.Doc, items []source.Text) {
	for i, it := range items {
		if it.Pos.IsBuiltin() {
			continue
		}
		c.warn(source.Diagnostic{Severity: source.Warning, Pos: it.Pos, Rule: RuleDroppedItems, Output: c.t.Name(), Lang: d.Messages.Lang.String(),
			Message: fmt.Sprintf("`%s` item %d is not printed: the layout's %s block shows at most %d (%q)", b.Items, b.Max+i+1, b.Items, b.Max, clip(it.S, 50)),
			Hint:    fmt.Sprintf("put the items that matter most first in your content file, or raise `max` (%s) in a copy of the layout", b.valuePos("max"))})
	}
}

// clip shortens s to at most n characters, with an ellipsis.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// titleAt sets a list's title at size in width w without a one-word last
// line where it can: at a narrower measure (unrunt), else as tied (the
// title with its last two words tied, nil where it has only one space)
// in as many lines, none of them holding a lone word. Either keeps the
// title's height, so the list is measured as it is drawn. It returns the
// title as set and how far across to move it.
func titleAt(title, tied *text.Shaped, size, w float64) (*text.Paragraph, float64) {
	tp := title.At(size, w)
	tp, dx := unrunt(tp, func(w float64) *text.Paragraph { return title.At(size, w) }, sameLines(tp))
	if Runt(tp) == "" || tied == nil {
		return tp, dx
	}
	ok := func(q *text.Paragraph) bool { return len(q.Lines) == len(tp.Lines) && !loneLine(q) }
	q := tied.At(size, w)
	if what, _ := text.Overflow(q, text.Box{W: w, H: 1e9}); what != "" || !ok(q) {
		return tp, dx
	}
	if q, qdx := unrunt(q, func(w float64) *text.Paragraph { return tied.At(size, w) }, ok); Runt(q) == "" && ok(q) {
		return q, qdx
	}
	return tp, dx
}
