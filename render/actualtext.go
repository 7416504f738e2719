package render

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/go-text/typesetting/font"

	"handbill/text"
)

// How text comes back out of the PDF.
//
// The PDF standard leaves text extraction to the reader, and readers go
// about it in two ways (render/readers reads every language's poster back
// with six of them):
//
//   - From the glyphs alone: each glyph's text from the font's ToUnicode
//     map, in the order the glyphs are drawn, or sorted by where they
//     stand. pdf.js (Firefox and most web viewers), pdfminer, PDFBox,
//     Ghostscript's txtwrite and MuPDF before 1.22 do only this.
//   - From /ActualText, the replacement text of a marked-content span,
//     where there is one, and from the glyphs elsewhere: poppler
//     (pdftotext, Evince, Okular), PDFium (Chrome) and MuPDF 1.22 on.
//
// So the glyphs carry the whole text on their own (pieces.go): each
// distinct (glyph, text) has its own CID (glyphKey), and the glyphs of a
// run, read in the order they are drawn, spell its text. A run is one
// text-showing operation (TJ) whose adjustments put each glyph where the
// shaper put it: a move per glyph splits words in readers that start a
// word at a move (pypdf and pdf.js: "tr ades"). Marks are drawn as
// outlines, their characters carried by the letters they sit on and by
// invisible carriers (outline.go, pieces.go). ActualText is left for the
// few places where readers that take it need it: a unit of left-to-right
// text that draws a glyph for no character (WORD JOINER), and a
// right-to-left run with marks (plan.go). Each span holds one operation:
// PDFium repeats a span's text once per text-showing operation inside it.
//
// The order (lineRuns). A line's runs are drawn in reading order, and the
// glyphs of each run left to right, as they stand; a right-to-left run's
// glyphs stand for its text backwards. That is what the readers that
// matter most read right, measured (issue 12, Arabic and Persian posters):
//
//   - pdf.js runs the bidi algorithm on each stretch of text drawn left to
//     right (a run), so it reverses each right-to-left run into reading
//     order; the runs follow each other in the order they are drawn.
//     Drawn right to left (reading order, as cairo does), every glyph is a
//     stretch of its own: pdf.js loses every space between right-to-left
//     words, puts marks before their letters (76-81% of the characters
//     back), and Firefox's find cannot find the headline. Drawn all left
//     to right, runs included (the runs in visual order), it gives a line
//     that mixes a number and right-to-left words with its runs in visual
//     order (81-88% in Arabic, Persian and Urdu; MuPDF likewise). pdf.js
//     keeps a space only between two glyphs of one run, so a space where
//     two runs meet is drawn on its own, between them in reading order
//     (splitEdgeSpaces, plan.go).
//   - PDFium reverses right-to-left text as pdf.js does: drawn right to
//     left, it comes out backwards (38-56%).
//   - MuPDF reverses each right-to-left run and keeps the order of the
//     runs as drawn: drawn all left to right, a line with a number comes
//     out in the wrong order (92-96%).
//   - poppler sorts by position and reverses right-to-left sections
//     itself: any order does, but it joins a combining mark to the
//     character before it in the content (hence the ActualText of
//     right-to-left runs with marks).
//   - PDFBox keeps the order glyphs are drawn in, cuts a line into words
//     where the pen moves forward past a gap, and puts each word through
//     the bidi algorithm as visual text: a line's runs, drawn in reading
//     order, each further left, made one word it put back to front; an
//     invisible carrier to the left of each run gives it the gap
//     (wordStart, plan.go), and it reads each run as pdf.js does.
//   - pdfminer has no bidi algorithm and keeps the order glyphs are drawn
//     in: it gives right-to-left runs backwards, as drawn, and splits a
//     line at each run. Its users reverse such text with python-bidi;
//     render/readers does too, and gets 97% of the characters back in
//     Arabic and Persian. Drawn in reading order, pdfminer would read it
//     as is, and pdf.js and PDFium would not.
//
// A cluster of no advance (ZERO WIDTH NON-JOINER, ZERO WIDTH SPACE, the
// zero-width alef Noto Naskh Arabic draws over a lam for lam-alef) joins a
// neighbouring cluster's unit: its glyphs are drawn in that unit (or not
// at all if blank) and its text joins the unit's text (lineUnits).

// unit is what the writer draws as one cluster: a cluster, together with
// any neighbouring clusters of no advance, its glyphs, where its advance
// starts and ends, and its text.
type unit struct {
	run    *text.Run
	glyphs []text.Glyph
	left   float64 // pen position before the unit, relative to the run
	right  float64 // pen position after it
	parts  []textPart
	// part holds the first of parts (most units have one): lineUnits
	// allocates a run's units at once, not a unit and a slice for each.
	part [1]textPart
}

// textPart is text from the input and the index of its first rune.
type textPart struct {
	start int
	text  string
}

// lineUnits returns the units of a line in visual order.
//
// A cluster of no advance does not get a unit of its own: it joins the unit
// of the cluster before it in reading order in the same run (or, if it
// comes first, the one after it). Such a cluster is either invisible (a
// joiner, a zero width space: its glyphs, blank, are not drawn, only its
// text is kept) or a glyph drawn over its neighbour (Noto Naskh Arabic
// draws lam-alef as a zero-width alef over a lam). A run with no cluster of
// any advance keeps its clusters as they are, but a blank one gives its
// text to the nearest unit of the line in reading order.
func lineUnits(l text.Line) []*unit {
	var out, lost []*unit
	for ri := range l.Runs {
		r := &l.Runs[ri]
		fm := metricsOf(r.Face)
		us := make([]*unit, 0, len(r.Clusters))
		slab := make([]unit, len(r.Clusters))
		pen := 0.0
		for ci, c := range r.Clusters {
			adv := 0.0
			for _, g := range c.Glyphs {
				adv += g.Advance
			}
			u := &slab[ci]
			*u = unit{run: r, left: pen, right: pen + adv, part: [1]textPart{{c.Start, c.Text}}}
			u.parts = u.part[:]
			// A blank glyph of no advance (a joiner, a zero width space, a
			// space at the end of a line, which the line takes no room
			// for) draws nothing and only misleads readers: its text is
			// kept, in the unit it joins.
			if adv != 0 || !fm.blank(c.Glyphs) {
				u.glyphs = c.Glyphs
			}
			pen += adv
			us = append(us, u)
		}
		// Join units of no advance to a neighbour, in reading order.
		logical := slices.Clone(us)
		if r.RTL {
			slices.Reverse(logical)
		}
		var keep []*unit
		var prev *unit
		var pending []*unit
		for _, u := range logical {
			if u.right > u.left {
				for _, p := range pending {
					u.absorb(p)
				}
				pending = nil
				prev = u
				keep = append(keep, u)
			} else if prev != nil {
				prev.absorb(u)
			} else {
				pending = append(pending, u)
			}
		}
		if prev == nil {
			// Nothing in the run has an advance.
			for _, u := range pending {
				if len(u.glyphs) > 0 {
					keep = append(keep, u)
				} else {
					lost = append(lost, u)
				}
			}
		}
		if r.RTL {
			slices.Reverse(keep)
		}
		out = append(out, keep...)
	}
	for _, h := range lost {
		if t := nearest(out, h.parts[0].start); t != nil {
			t.absorb(h)
		}
	}
	return out
}

// lineRuns returns the units of a line grouped by run, in drawing order:
// the runs in reading order (the order of their text in the input), the
// units of each left to right.
func lineRuns(l text.Line) [][]*unit {
	var runs [][]*unit
	for _, u := range lineUnits(l) {
		if n := len(runs); n > 0 && runs[n-1][0].run == u.run {
			runs[n-1] = append(runs[n-1], u)
		} else {
			runs = append(runs, []*unit{u})
		}
	}
	sort.SliceStable(runs, func(a, b int) bool { return runStart(runs[a]) < runStart(runs[b]) })
	return runs
}

// runStart is the input index of a run's first character.
func runStart(us []*unit) int {
	f := math.MaxInt
	for _, u := range us {
		f = min(f, u.first())
	}
	return f
}

// first is the input index of the unit's first character in reading order
// (characters the engine inserted, with no index, last).
func (u *unit) first() int {
	f := math.MaxInt
	for _, p := range u.parts {
		if p.start >= 0 {
			f = min(f, p.start)
		}
	}
	return f
}

// absorb adds v's glyphs and text to u.
func (u *unit) absorb(v *unit) {
	u.glyphs = append(slices.Clip(u.glyphs), v.glyphs...)
	u.left = min(u.left, v.left)
	u.right = max(u.right, v.right)
	u.parts = append(u.parts, v.parts...)
}

// nearest returns the unit holding the nearest character before input
// index start, or else the nearest after it.
func nearest(us []*unit, start int) *unit {
	if start < 0 {
		return nil
	}
	var before, after *unit
	var bs, as int
	for _, u := range us {
		for _, p := range u.parts {
			switch s := p.start; {
			case s < 0:
			case s < start && (before == nil || s > bs):
				before, bs = u, s
			case s > start && (after == nil || s < as):
				after, as = u, s
			}
		}
	}
	if before != nil {
		return before
	}
	return after
}

// logicalText is the unit's text in reading order.
func (u *unit) logicalText() string {
	if len(u.parts) == 1 {
		return u.parts[0].text
	}
	parts := slices.Clone(u.parts)
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].start < parts[b].start })
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.text)
	}
	return b.String()
}

// blank reports that none of the glyphs draws anything.
func (fm *fontMetrics) blank(gs []text.Glyph) bool {
	fm.mu.Lock()
	defer fm.mu.Unlock()
	for _, g := range gs {
		out, ok := fm.gf.GlyphData(font.GID(g.ID)).(font.GlyphOutline)
		if !ok || len(out.Segments) > 0 {
			return false
		}
	}
	return true
}
