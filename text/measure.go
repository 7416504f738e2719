package text

import (
	"math"
	"slices"

	"github.com/go-text/typesetting/shaping"
)

// lineMetrics is what fitting needs of a wrapped line: its width and the
// ascent and descent of its ink, as wrap's Paragraph would hold them.
type lineMetrics struct {
	width, ascent, descent float64
}

// measured is a paragraph's lines at one size and width, without their
// glyphs: enough to tell whether it fits a box (see overflowOf).
type measured struct {
	lines  []lineMetrics
	height float64
	style  Style // the paragraph's style at the size measured
	// level is the loosest phrase level a line was broken at (see
	// wrapPiece).
	level phraseLevel
}

// measure breaks a shaped paragraph into lines at the given size and width
// as wrap does, but keeps only each line's width, ascent and descent: Fit
// tries several sizes and builds the paragraph's lines (clusters, glyphs,
// text) only at the size it chooses. The figures are computed with the
// same operations in the same order as wrap and convertLine, so they are
// the same to the last bit (TestMeasureMatchesWrap).
func (e *Engine) measure(sh *shaped, size, width float64) measured {
	m := measured{style: sh.style}
	m.style.Size = size
	b := e.breakSetup(sh, m.style, width)
	cfg, maxW, asc, desc := b.cfg, b.maxW, b.asc, b.desc
	for _, pc := range sh.pieces {
		if len(pc.outs) == 0 {
			m.lines = append(m.lines, lineMetrics{ascent: asc * size, descent: desc * size})
			continue
		}
		lines, _, level := e.wrapPiece(cfg, maxW, pc)
		m.level = max(m.level, level)
		for _, l := range lines {
			lm := lineMetricsOf(l, size)
			lm.ascent = max(lm.ascent, asc*size)
			lm.descent = max(lm.descent, desc*size)
			m.lines = append(m.lines, lm)
		}
	}
	pitch := size * max(m.style.lineHeight()*sh.scale, asc+desc)
	y := 0.0
	for i, l := range m.lines {
		if i == 0 {
			y = l.ascent
		} else {
			y += pitch
		}
		m.height = y + l.descent
	}
	return m
}

// lineMetricsOf is convertLine's width, ascent and descent of a line.
func lineMetricsOf(l shaping.Line, size float64) lineMetrics {
	runs := slices.Clone([]shaping.Output(l))
	slices.SortStableFunc(runs, func(a, b shaping.Output) int { return int(a.VisualIndex) - int(b.VisualIndex) })
	var lm lineMetrics
	x := 0.0
	for _, o := range runs {
		pen := 0.0
		for _, g := range o.Glyphs {
			top := toPt(g.YOffset+g.YBearing, size)
			lm.ascent = max(lm.ascent, top)
			lm.descent = max(lm.descent, -(top + toPt(g.Height, size)))
			pen += toPt(g.Advance, size)
		}
		x += pen
	}
	lm.width = x
	lm.ascent = max(lm.ascent, minAscent*size)
	lm.descent = max(lm.descent, minDescent*size)
	return lm
}

// overflowOf is overflow for measured lines.
func overflowOf(m measured, box Box) (what string, by float64) {
	widest := 0.0
	for _, l := range m.lines {
		widest = max(widest, l.width)
	}
	return overflowBy(widest, len(m.lines), m.height, m.style, box)
}

// Measure breaks the paragraph into lines at the size for the width, as At
// does, without building them: what overflows the width ("" when nothing
// does, "width" for a word wider than it) and by how many points, and the
// paragraph's height. A search over sizes measures each and calls At once,
// at the size it chooses.
func (s *Shaped) Measure(size, width float64) (what string, by, height float64) {
	k := s.key(size, width)
	m, ok := s.e.measures[k]
	if !ok {
		m = s.e.measure(s.sh, size, width)
		remember(s.e, s.e.measures, k, m)
	}
	what, by = overflowOf(m, Box{W: width, H: math.Inf(1)})
	return what, by, m.height
}
