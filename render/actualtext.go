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
// about it in two ways (render/readers measures five of them):
//
//   - From the glyphs alone: each glyph's text from the font's ToUnicode
//     map, put together in the order the glyphs are drawn, or sorted by
//     where they stand. pdf.js (Firefox and most web viewers), pdfminer,
//     PDFBox, Ghostscript's txtwrite and MuPDF before 1.22 do only this.
//   - From /ActualText, the replacement text of a marked-content span,
//     where there is one, and from the glyphs elsewhere: poppler
//     (pdftotext, Evince, Okular), PDFium (Chrome) and MuPDF 1.22 on.
//
// So the text is written twice over, each right on its own.
//
// The glyphs. Each distinct (glyph, text) gets its own CID (glyphKey), and
// the text of the glyphs of a unit, read in the order they are drawn,
// spells the unit's text (unit.pieces): a ligature "ffi" is one glyph
// standing for "ffi"; a conjunct's half form stands for its consonant and
// virama; a glyph drawn for no character of its own (Thai SARA AM drawn
// as two glyphs, a Khmer vowel in two parts) stands for WORD JOINER, which
// readers drop or keep invisibly. No glyph is drawn without text, and no
// glyph's text repeats another's.
//
// The order. A line's runs are drawn in reading order, and so are the
// units of a run: right to left in right-to-left text, each glyph placed
// by position, as cairo does. A reader that keeps the order glyphs are
// drawn in (pdfminer, pypdf) then reads right-to-left text in reading
// order; one that sorts by position (poppler) reverses right-to-left
// sections itself.
//
// A run is one text-showing operation (TJ) whose adjustments put each
// glyph where the shaper put it: a move per glyph splits words in readers
// that start a word at a move (pypdf and pdf.js: "tr ades").
//
// pdf.js's rules shape the pieces (unit.pieces): a glyph whose text starts
// with white space is taken for a space and its text dropped, one whose
// text ends with a format character (Unicode Cf: joiners, bidi controls,
// ZERO WIDTH SPACE) is dropped altogether. So no piece but a space's
// starts with white space, and format characters at the end of a piece
// move to the start of the next one.
//
// ActualText. A piece of a run that holds anything but characters drawn
// with their own glyphs gets a span whose /ActualText is the text of the
// units that start in it (spans): the whole text, joiners and all, for the
// readers that take it. PDFium repeats a span's text once per
// text-showing operation inside it, so a span holds one; and a piece that
// holds only the rest of units started in another (a raised mark) gets an
// empty ActualText, so its glyphs are not read twice. What poppler does
// with a span shapes the rest:
//
//   - It takes the span's extent from the first glyph drawn inside it (that
//     glyph's origin) to the last one (its origin plus its advance) and
//     spreads the span's text evenly over it, as if it were one wide
//     character. A span drawn right to left (a right-to-left run) has its
//     first glyph on the right: the text is spread from right to left,
//     and poppler's own reordering of right-to-left text gives it back in
//     reading order.
//   - A cluster of no advance (ZERO WIDTH NON-JOINER, ZERO WIDTH SPACE, the
//     zero-width alef Noto Naskh Arabic draws over a lam for lam-alef)
//     starts where its neighbour starts or ends, which splits words. Such
//     a cluster joins a neighbouring cluster's unit: its glyphs are drawn
//     in that unit (or not at all if blank) and its text joins the unit's
//     text (lineUnits).

// unit is what the writer draws as one cluster: a cluster, together with
// any neighbouring clusters of no advance, its glyphs, where its advance
// starts and ends, and its text.
type unit struct {
	run    *text.Run
	glyphs []text.Glyph
	left   float64 // pen position before the unit, relative to the run
	right  float64 // pen position after it
	parts  []textPart
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
		var us []*unit
		pen := 0.0
		for _, c := range r.Clusters {
			adv := 0.0
			for _, g := range c.Glyphs {
				adv += g.Advance
			}
			u := &unit{run: r, left: pen, right: pen + adv, parts: []textPart{{c.Start, c.Text}}}
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
