package text

import (
	"math"
	"strings"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// maxWidthAt is the line wrapper's width limit for width points at size.
func maxWidthAt(width, size float64) fixed.Int26_6 {
	maxW := fixed.Int26_6(math.MaxInt32 / 2)
	if w := width * refSize / size * 64; w < float64(maxW) {
		maxW = fixed.Int26_6(w)
	}
	return maxW
}

// orphanSteps are the narrower measures, as fractions of the box, tried to
// move a word down onto a lone last line.
var orphanSteps = []float64{0.97, 0.94, 0.91, 0.88, 0.85, 0.82, 0.79, 0.76, 0.73, 0.70}

// breakWidth returns the width a paragraph's lines are broken at: the
// box's, or, for a style with NoOrphan whose last line would hold one word
// (one or two characters of Chinese or Japanese), the widest narrower
// measure (down to 70%) that breaks it into as many lines with two words
// or more on the last. The lines are still aligned in the whole box. wrap
// and measure both break at this width, so fitting sees what is drawn.
// natural is whether the lines are the box's own, with no lone word to
// keep off the last (see breakRange).
func (e *Engine) breakWidth(sh *shaped, size, width float64) (w float64, natural bool) {
	if !sh.style.NoOrphan || len(sh.pieces) == 0 {
		return width, true
	}
	n, orphan, level := e.lastLine(sh, size, width)
	if n < 2 || !orphan {
		return width, true
	}
	for _, f := range orphanSteps {
		m, o, l := e.lastLine(sh, size, width*f)
		if m != n || l > level {
			break // more lines, or a phrase broken that was whole
		}
		if !o {
			return width * f, false
		}
	}
	return width, false
}

// lastLine breaks the paragraph at width and returns how many lines it
// has, whether its last line is a lone word, and the loosest phrase level
// a line was broken at (see wrapPiece).
func (e *Engine) lastLine(sh *shaped, size, width float64) (lines int, orphan bool, level phraseLevel) {
	dir := di.DirectionLTR
	if sh.rtl {
		dir = di.DirectionRTL
	}
	cfg := shaping.WrapConfig{Direction: dir, BreakPolicy: shaping.Never}
	maxW := maxWidthAt(width, size)
	var last []rune
	for _, pc := range sh.pieces {
		if len(pc.outs) == 0 {
			lines++
			last = nil
			continue
		}
		ls, prep, l := e.wrapPiece(cfg, maxW, pc)
		level = max(level, l)
		lines += len(ls)
		if len(ls) == 0 {
			continue
		}
		last = last[:0]
		lo, hi := math.MaxInt, -1
		for _, o := range ls[len(ls)-1] {
			lo = min(lo, o.Runes.Offset)
			hi = max(hi, o.Runes.Offset+o.Runes.Count)
		}
		for k := max(lo, 0); k < hi && k < len(prep.runes); k++ {
			if oi := prep.origin[k]; oi >= 0 {
				last = append(last, sh.orig[oi])
			}
		}
	}
	return lines, loneWord(string(last)), level
}

// loneWord reports a last line of one word: no space inside, or, in
// Chinese and Japanese, at most two characters besides punctuation.
func loneWord(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	letters, ideographic := 0, false
	for _, r := range s {
		if isIdeographic(r) {
			ideographic = true
		}
		if isWordChar(r) {
			letters++
		}
	}
	if ideographic {
		return letters <= 2
	}
	return !strings.ContainsAny(s, " \u00a0\u200b") && len(Words(s)) < 2
}
