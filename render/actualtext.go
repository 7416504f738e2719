package render

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"

	"handbill/text"
)

// How text comes back out of the PDF.
//
// The PDF standard leaves text extraction to the reader, and the readers
// that matter here (poppler: pdftotext, Evince, Okular and many search
// indexers) rebuild text from where characters are drawn. What poppler does
// with a /Span <</ActualText …>> BDC … EMC shapes the writer:
//
//   - It takes the span's extent from the first glyph drawn inside it (that
//     glyph's origin) to the last one (its origin plus its advance,
//     character spacing included), and treats the span's text as one wide
//     character there, its characters spread evenly from left to right.
//   - It starts a new word when a character begins more than 0.1 em after
//     the previous one ends (or overlaps it by more than 0.2 em, or starts
//     within 0.1 em of where the previous one started: overprinted fake
//     bold), and it writes a space between words more than 0.03 em apart.
//     A cluster whose last glyph is a mark (a Hindi vowel sign above its
//     consonant, a Khmer subscript consonant) ends, to poppler, at that
//     mark's origin, well inside the cluster, and the next cluster comes
//     out after a space ("संके तों", "ស្គា ល់"). So each span covers exactly
//     its cluster's advance: it starts with a glyph whose origin is the
//     cluster's start (drawOrder: in right-to-left text a mark's glyph comes
//     before its base's), and its last glyph is drawn alone, with the
//     character spacing (Tc) that makes its advance end where the cluster
//     ends (stretch). Tc after the last glyph of a text-showing operation moves no ink.
//   - A cluster of no advance (ZERO WIDTH NON-JOINER, ZERO WIDTH SPACE, the
//     zero-width alef Noto Naskh Arabic draws over a lam for lam-alef)
//     starts where its neighbour starts or ends, which breaks words as
//     above. Such a cluster joins a neighbouring cluster's unit: its glyphs
//     are drawn in that unit's span (or not at all if blank) and its text
//     joins the span's text (lineUnits).
//   - It lays a line's characters out left to right, then reverses every
//     right-to-left section, character by character, into reading order.
//     The characters of one ActualText are laid out left to right like the
//     rest, so a right-to-left cluster's text comes out reversed: lam-alef
//     "لا" as "ال", a letter and its vowel mark swapped. (pdfminer.six,
//     PyMuPDF and pypdf do the same with multi-character ToUnicode entries.)
//     So the ActualText of a right-to-left cluster is written in visual
//     order, reversed; the reader's own reordering turns it back. A reader
//     that took ActualText as already in reading order would get such
//     clusters reversed; poppler is the reference here.
//
// Lines are drawn left to right, so content order (pdftotext -raw) is
// visual order as well. A glyph moved up or down (a mark; cursive
// attachment in some fonts) starts a new poppler word when it is drawn as
// its own character or starts a span; drawOrder starts a span with a glyph
// on the baseline when there is one, and poppler's line builder joins
// words that touch and follow each other in the content stream.

// unit is what the writer draws as one character or one ActualText span:
// a cluster, together with any neighbouring clusters of no advance, its
// glyphs, their codes, where its advance starts and ends, and its text.
type unit struct {
	run    *text.Run
	glyphs []text.Glyph
	codes  []rune
	left   float64 // pen position before the unit, relative to the run
	right  float64 // pen position after it
	parts  []textPart
	simple bool // one character drawn with its own glyph: no span
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
			u := &unit{run: r, left: pen, right: pen + adv, parts: []textPart{{c.Start, c.Text}}, simple: c.Simple}
			if adv != 0 || !invisibleText(c.Text) || !fm.blank(c.Glyphs) {
				u.glyphs, u.codes = c.Glyphs, clusterCodes(c)
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

// absorb adds v's glyphs and text to u.
func (u *unit) absorb(v *unit) {
	u.glyphs = append(slices.Clip(u.glyphs), v.glyphs...)
	u.codes = append(slices.Clip(u.codes), v.codes...)
	u.left = min(u.left, v.left)
	u.right = max(u.right, v.right)
	u.parts = append(u.parts, v.parts...)
	u.simple = false
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

// invisibleText reports text made only of default-ignorable characters
// (joiners, zero width space, directional marks).
func invisibleText(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if !harfbuzz.IsDefaultIgnorable(r) {
			return false
		}
	}
	return true
}

// short reports that the glyph of a simple unit ends, to a PDF viewer,
// noticeably before the cluster's advance does (a kerning pair that widens,
// say): the unit then gets a span, so stretch can close the gap.
func (u *unit) short(fm *fontMetrics) bool {
	g := u.glyphs[0]
	return u.right-(g.X+fm.pdfAdvance(g.ID, u.run.Size)) > 0.01*u.run.Size
}

// actualText returns the text of the unit's span: in logical order, or, for
// a right-to-left cluster of more than one character, in visual order (see
// the top of this file).
func (u *unit) actualText() string {
	s := u.logicalText()
	if !u.run.RTL {
		return s
	}
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

// logicalText is the unit's text in reading order.
func (u *unit) logicalText() string {
	parts := slices.Clone(u.parts)
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].start < parts[b].start })
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.text)
	}
	return b.String()
}

// glyphTexts returns, for each glyph of the unit, the text its ToUnicode
// entry should give readers that ignore ActualText (MuPDF and the
// viewers built on it): a glyph that is a character's own glyph stands
// for that character, and the characters left over go, in reading order,
// to the first glyph left over in drawing order (a ligature: "ffi"; a
// contextual form: its letter). Other glyphs get "".
func (u *unit) glyphTexts(fm *fontMetrics, order []int) []string {
	out := make([]string, len(u.glyphs))
	taken := make([]bool, len(u.glyphs))
	var rest strings.Builder
	for _, r := range u.logicalText() {
		gid, ok := fm.face.Font().NominalGlyph(r)
		matched := false
		for i, g := range u.glyphs {
			if ok && !taken[i] && font.GID(g.ID) == gid {
				out[i], taken[i], matched = string(r), true, true
				break
			}
		}
		if !matched {
			rest.WriteRune(r)
		}
	}
	if rest.Len() > 0 {
		for _, i := range order {
			if !taken[i] {
				out[i] = rest.String()
				break
			}
		}
	}
	return out
}

// drawOrder returns the order to draw the unit's glyphs in: as shaped,
// except that a glyph whose origin is the cluster's start (preferably one
// on the baseline) goes first, so a PDF viewer's idea of where the span
// starts is where the cluster starts. A right-to-left cluster lists a mark
// before its base, for one.
func (u *unit) drawOrder() []int {
	order := make([]int, len(u.glyphs))
	for i := range order {
		order[i] = i
	}
	eps := 1e-6 * u.run.Size
	lead := -1
	for i, g := range u.glyphs {
		if math.Abs(g.X-u.left) > eps {
			continue
		}
		if lead < 0 || (u.glyphs[lead].Y != 0 && g.Y == 0) {
			lead = i
		}
	}
	if lead > 0 {
		copy(order[1:lead+1], order[:lead])
		order[0] = lead
	}
	return order
}

// stretch returns the character spacing that makes a glyph drawn at x with
// the given PDF advance end at end, or 0 when it nearly does already. The
// position is rounded as it is written.
func stretch(x, end, adv float64) float64 {
	tc := end - (round2(x) + adv)
	if math.Abs(tc) < 0.005 {
		return 0
	}
	return tc
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
