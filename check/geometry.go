package check

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// Thresholds of the geometry checks, in points.
const (
	inch = 72.0
	mm   = inch / 25.4
	// tol is what touching edges and rounding may overlap by.
	tol = 0.5
	// qrMin is the smallest QR code a phone reads reliably from a wall:
	// 20 mm (0.8 in) for the symbol, quiet zone excluded.
	qrMin = 20 * mm
	// quietModules is the blank margin a QR code needs on every side.
	quietModules = 4
	// paperEdge is how near the paper's edge an office printer prints.
	paperEdge = 0.25 * inch
	// paperMin: a page this large on both sides is a sheet of office
	// paper (half-letter and A5 up); smaller pages (stickers) are printed
	// on their own stock, not to the edge of office paper.
	paperMin = 5 * inch
	// trimMargin is how far inside the trim a print shop needs text,
	// codes and logos (3 mm for metric sizes).
	trimMargin = inch / 8
)

// length is a distance as people read it on a page.
func length(pt float64) string { return fmt.Sprintf("%.2f in (%.1f mm)", pt/inch, pt/mm) }

// what names an item in a message.
func what(it frame.Item) string {
	switch v := it.(type) {
	case *frame.Text:
		return fmt.Sprintf("text %q", clip(firstLine(v)))
	case *frame.QR:
		return fmt.Sprintf("the QR code for %q", v.Content)
	case *frame.Image:
		return "image " + v.Path()
	case *frame.Rule:
		return "a line"
	case *frame.Rect:
		return "a rectangle"
	}
	return "an item"
}

// firstLine is the first line of a text that draws something, as read.
func firstLine(t *frame.Text) string {
	for _, l := range t.Para.Lines {
		if s := strings.TrimSpace(l.LogicalText()); s != "" {
			return s
		}
	}
	return strings.TrimSpace(t.Para.Text)
}

// where is the layout position a geometry finding about an item names:
// a text's block, a QR code's or image's source.
func where(it frame.Item) source.Pos {
	switch v := it.(type) {
	case *frame.Text:
		return v.Block
	case *frame.QR:
		return v.Src
	case *frame.Image:
		return v.Src
	case *frame.Rule:
		return v.Src
	case *frame.Rect:
		return v.Src
	}
	return source.Pos{}
}

// edge is how far b is inside one edge of outer (negative: past it).
type edge struct {
	inside float64
	name   string
}

// edges measures b against the four edges of outer.
func edges(b, outer frame.Box) [4]edge {
	return [4]edge{
		{b.X - outer.X, "left"},
		{outer.X + outer.W - (b.X + b.W), "right"},
		{b.Y - outer.Y, "top"},
		{outer.Y + outer.H - (b.Y + b.H), "bottom"},
	}
}

// past is the largest distance b runs past an edge of outer, and that
// edge's name (0 and "" when b is inside).
func past(b, outer frame.Box) (float64, string) {
	d, name := 0.0, ""
	for _, e := range edges(b, outer) {
		if -e.inside > d {
			d, name = -e.inside, e.name
		}
	}
	return d, name
}

// nearest is the distance from b to the nearest edge of outer (b inside
// it), and that edge's name.
func nearest(b, outer frame.Box) (float64, string) {
	d, name := math.Inf(1), ""
	for _, e := range edges(b, outer) {
		if e.inside < d {
			d, name = e.inside, e.name
		}
	}
	return d, name
}

// checkGeometry checks where things are on the pages of a target: every
// text, QR code and image inside its design (page, trim or card) and its
// block's area; no text over text; QR codes large enough and with their
// quiet zone; text clear of the paper's edge on desktop paper and of the
// trim in press output; a card with a back.
func checkGeometry(t layouts.Target, doc *frame.Doc, add adder) {
	checkCardBack(t, add)
	if t.Calibration {
		return
	}
	blocks := blocksOf(t.Layout)
	for i, p := range doc.Pages {
		designs := designsOn(t, i, p)
		if len(designs) == 0 {
			continue
		}
		off := checkPlacement(t, p, designs, blocks, add)
		checkOverlaps(p, add)
		checkQRGeometry(p, add)
		switch {
		case t.Mode == "press":
			m := trimMargin
			if math.Abs(t.Bleed()-3*mm) < 0.01 {
				m = 3 * mm // metric sizes: 3 mm, as their bleed
			}
			checkTrimMargin(p, designs[0], m, off, add)
		case p.W >= paperMin-tol && p.H >= paperMin-tol:
			checkPaperEdge(p, off, add)
		}
	}
}

// checkCardBack: a card is printed on both sides; a card layout with one
// page leaves the back blank (or, on a sheet, prints the front's design
// mirrored where the backs go).
func checkCardBack(t layouts.Target, add adder) {
	l := t.Layout
	if l.Product != "card" || len(l.Pages) >= 2 {
		return
	}
	pos, ok := l.Pos["pages"]
	if !ok {
		pos = source.Pos{File: l.Source, Line: 1, Col: 1}
	}
	add(source.Error, pos, "card-back", fmt.Sprintf("card layout %s has %d page: a card needs a front and a back", l.Name, len(l.Pages)),
		"add a second page (name: back) with the signs, the emergency number and where to report online")
}

// checkPlacement finds texts, QR codes and images outside their design
// (the page, the trim of a press page, a card on a sheet) or outside
// the area their block is measured in. It returns the items it reported.
func checkPlacement(t layouts.Target, p *frame.Page, designs []frame.Box, blocks map[source.Pos]blockInfo, add adder) map[frame.Item]bool {
	off := map[frame.Item]bool{}
	design := "page"
	switch {
	case t.Mode == "press" && t.Layout.Product == "card":
		design = "card's trim"
	case t.Mode == "press":
		design = "trim (the finished page)"
	case t.Mode != "":
		design = "card"
	}
	for _, it := range p.Items {
		if markedByPrinter(it) {
			continue
		}
		b, ok := markBox(it)
		if !ok {
			continue
		}
		d := owner(designs, b)
		if !inside(b, d, tol) {
			off[it] = true
			by, edge := past(b, d)
			if dx, dy := overlap(b, d); dx <= 0 || dy <= 0 {
				add(source.Error, where(it), "off-page", fmt.Sprintf("%s is outside the %s: nothing of it is printed", what(it), design),
					"move the block's box inside its area: x + width and y + height at most 100%")
				continue
			}
			add(source.Error, where(it), "off-page", fmt.Sprintf("%s runs %s past the %s edge of the %s, where it is cut off", what(it), length(by), edge, design),
				"move the block's box inside its area: x + width and y + height at most 100%")
			continue
		}
		bi, ok := blocks[where(it)]
		if !ok || !bi.top {
			continue
		}
		a, name, ok := areaOf(t.Layout, bi.b, d)
		if !ok || inside(b, a, tol) {
			continue
		}
		off[it] = true
		by, edge := past(b, a)
		desc := "the " + name + " area"
		if name == "safe" || name == "band" {
			desc += fmt.Sprintf(" (inside the layout's %s margin)", length(t.Layout.Margin.Resolve(d.W)))
		}
		add(source.Error, where(it), "off-area", fmt.Sprintf("%s runs %s past the %s edge of %s its block is measured in", what(it), length(by), edge, desc),
			"keep the block's box inside its area (x + width and y + height at most 100%), or measure it in another one (area: trim)")
	}
	return off
}

// markedByPrinter reports the printer's marks of press output (crop
// marks, the slug's label), which are outside the design on purpose.
func markedByPrinter(it frame.Item) bool {
	switch v := it.(type) {
	case *frame.Text:
		return isMark(v.Color)
	case *frame.Rule:
		return isMark(v.Color)
	}
	return false
}

// checkOverlaps finds text drawn over other text: two lines of different
// texts whose boxes overlap by more than touching. It is an error: both
// texts become unreadable, and the one hidden may be the number.
func checkOverlaps(p *frame.Page, add adder) {
	type placed struct {
		t     *frame.Text
		lines []frame.Box
		all   frame.Box
	}
	var ts []placed
	for _, it := range p.Items {
		t, ok := it.(*frame.Text)
		if !ok || isMark(t.Color) {
			continue
		}
		ls := lineBoxes(t)
		if all, ok := union(ls); ok {
			ts = append(ts, placed{t, ls, all})
		}
	}
	for j := range ts {
		for i := range j {
			a, b := ts[i], ts[j]
			if dx, dy := overlap(a.all, b.all); dx <= tol || dy <= tol {
				continue
			}
			hit := false
			for _, la := range a.lines {
				for _, lb := range b.lines {
					if dx, dy := overlap(la, lb); dx > tol && dy > tol {
						hit = true
					}
				}
			}
			if !hit {
				continue
			}
			other := ""
			if a.t.Block != b.t.Block {
				other = fmt.Sprintf(" (the block at %s)", a.t.Block)
			}
			add(source.Error, b.t.Block, "overlap", fmt.Sprintf("%s is drawn over %s%s", what(b.t), what(a.t), other),
				"move or shrink one of the two blocks so their boxes do not overlap")
		}
	}
}

// checkQRGeometry checks each QR code's printed size and its quiet zone:
// four modules on every side clear of other marks, on a light ground.
func checkQRGeometry(p *frame.Page, add adder) {
	for qi, it := range p.Items {
		q, ok := it.(*frame.QR)
		if !ok || len(q.Modules) == 0 {
			continue
		}
		n := float64(len(q.Modules))
		module := q.Size / n
		if q.Size < qrMin-0.01 {
			need := qrMin * (n + 2*quietModules) / n
			add(source.Error, q.Src, "qr-size", fmt.Sprintf("the QR code for %q is %s wide, under the 20 mm (0.8 in) a phone reads reliably", q.Content, length(q.Size)),
				fmt.Sprintf("give the qr block a box at least %s on its shorter side: the code is drawn inside it with its quiet zone", length(need)))
		}
		sym := frame.Box{X: q.X, Y: q.Y, W: q.Size, H: q.Size}
		zone := grow(sym, quietModules*module)
		for j, o := range p.Items {
			if j == qi || markedByPrinter(o) {
				continue
			}
			for _, b := range quietMarks(o, j > qi) {
				if dx, dy := overlap(b, zone); dx > tol && dy > tol {
					add(source.Error, q.Src, "qr-quiet-zone",
						fmt.Sprintf("%s (%s) is inside the quiet zone of the QR code for %q: %d modules (%s) must stay blank around it", what(o), where(o), q.Content, quietModules, length(quietModules*module)),
						"move the other block away from the code, or give the qr block a smaller box inside the same space: a phone finds a code by the blank margin around it")
					break
				}
			}
		}
		// The ground of the quiet zone: sampled halfway out on each side.
		h := quietModules * module / 2
		cx, cy := centre(sym)
		for _, pt := range [][2]float64{{sym.X - h, cy}, {sym.X + sym.W + h, cy}, {cx, sym.Y - h}, {cx, sym.Y + sym.H + h}} {
			bg := background(p, qi, pt[0], pt[1])
			if luminance(bg) <= luminance(q.Color) || ContrastRatio(bg, q.Color) < contrastLarge {
				add(source.Error, q.Src, "qr-quiet-zone",
					fmt.Sprintf("the QR code for %q is on %s, not on a light quiet zone: its modules are %s", q.Content, hex(bg), hex(q.Color)),
					"give the qr block a light background (background: paper), which fills its quiet zone")
				break
			}
		}
	}
}

// quietMarks are the boxes an item marks that must keep out of a QR
// code's quiet zone: text lines, codes, images, lines, the outline of a
// rectangle, and a filled rectangle drawn over the code (one drawn before
// it is its ground, judged by colour).
func quietMarks(it frame.Item, after bool) []frame.Box {
	switch v := it.(type) {
	case *frame.Text:
		return lineBoxes(v)
	case *frame.QR, *frame.Image:
		b, _ := markBox(v)
		return []frame.Box{b}
	case *frame.Rule:
		w := max(v.Width, 0.1) / 2
		return []frame.Box{{X: min(v.X1, v.X2) - w, Y: min(v.Y1, v.Y2) - w, W: math.Abs(v.X2-v.X1) + 2*w, H: math.Abs(v.Y2-v.Y1) + 2*w}}
	case *frame.Rect:
		var out []frame.Box
		if after && v.Fill != nil {
			out = append(out, frame.Box{X: v.X, Y: v.Y, W: v.W, H: v.H})
		}
		if v.Stroke != nil {
			w := max(v.LineWidth, 0.1) / 2
			out = append(out,
				frame.Box{X: v.X - w, Y: v.Y - w, W: v.W + 2*w, H: 2 * w},
				frame.Box{X: v.X - w, Y: v.Y + v.H - w, W: v.W + 2*w, H: 2 * w},
				frame.Box{X: v.X - w, Y: v.Y - w, W: 2 * w, H: v.H + 2*w},
				frame.Box{X: v.X + v.W - w, Y: v.Y - w, W: 2 * w, H: v.H + 2*w})
		}
		return out
	}
	return nil
}

// checkPaperEdge warns of text an office printer cannot print: within
// 0.25 in of the edge of the paper. One finding per block, at its
// nearest line.
func checkPaperEdge(p *frame.Page, off map[frame.Item]bool, add adder) {
	page := frame.Box{W: p.W, H: p.H}
	type near struct {
		d    float64
		edge string
		it   frame.Item
	}
	found := map[source.Pos]near{}
	for _, it := range p.Items {
		t, ok := it.(*frame.Text)
		if !ok || off[it] || isMark(t.Color) {
			continue
		}
		for _, b := range lineBoxes(t) {
			d, edge := nearest(b, page)
			if cur, ok := found[t.Block]; d < paperEdge-0.01 && (!ok || d < cur.d) {
				found[t.Block] = near{d, edge, it}
			}
		}
	}
	for _, pos := range slices.SortedFunc(maps.Keys(found), comparePos) {
		n := found[pos]
		add(source.Warning, pos, "paper-edge",
			fmt.Sprintf("%s is %s from the %s edge of the paper: office printers leave about 0.25 in (6 mm) unprinted", what(n.it), length(n.d), n.edge),
			"move the block 0.25 in (6 mm) or more in from the paper's edge: a larger margin, or a box further in")
	}
}

// checkTrimMargin warns of text, codes and images in press output closer
// to the trim than margin (1/8 in, 3 mm for metric sizes): a print shop's
// cut wanders.
func checkTrimMargin(p *frame.Page, trim frame.Box, margin float64, off map[frame.Item]bool, add adder) {
	type near struct {
		d    float64
		edge string
		it   frame.Item
	}
	found := map[source.Pos]near{}
	for _, it := range p.Items {
		if off[it] || markedByPrinter(it) {
			continue
		}
		var bs []frame.Box
		if t, ok := it.(*frame.Text); ok {
			bs = lineBoxes(t)
		} else if b, ok := markBox(it); ok {
			bs = []frame.Box{b}
		}
		pos := where(it)
		for _, b := range bs {
			d, edge := nearest(b, trim)
			if cur, ok := found[pos]; d < margin-0.01 && (!ok || d < cur.d) {
				found[pos] = near{d, edge, it}
			}
		}
	}
	for _, pos := range slices.SortedFunc(maps.Keys(found), comparePos) {
		n := found[pos]
		add(source.Warning, pos, "trim-margin",
			fmt.Sprintf("%s is %s inside the %s edge of the trim: a print shop needs 1/8 in (3 mm), as the cut can wander", what(n.it), length(n.d), n.edge),
			"move the block 1/8 in (3 mm) or more inside the trim: a larger margin, or a box further in")
	}
}

func comparePos(a, b source.Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}
