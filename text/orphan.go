package text

import (
	"math"
	"strings"
	"unicode"

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
// box's; for a short line of Chinese or Japanese set by phrases, a
// narrower measure that breaks it into as many lines, more evenly (see
// evenWidth); or, for a style with NoOrphan whose last line would hold
// one word (one or two characters of Chinese or Japanese), the widest
// narrower measure (down to 70%) that breaks it into as many lines with
// two words or more on the last. The lines are still aligned in the whole
// box. wrap and measure both break at this width, so fitting sees what is
// drawn. natural is whether the lines are the box's own, with no lone
// word to keep off the last (see breakRange).
func (e *Engine) breakWidth(sh *shaped, size, width float64) (w float64, natural bool) {
	if !sh.style.NoOrphan && !sh.phrased || len(sh.pieces) == 0 {
		return width, true
	}
	at := e.breakAt(sh, size, width)
	if at.lines < 2 {
		return width, true
	}
	if sh.phrased {
		// Evener, unless that leaves a lone word last where the box
		// did not, or NoOrphan can keep one off.
		if b, even := e.evenWidth(sh, size, width, at); b < width && (!even.orphan || at.orphan && !sh.style.NoOrphan) {
			return b, false
		}
	}
	if !sh.style.NoOrphan || !at.orphan {
		return width, true
	}
	for _, f := range orphanSteps {
		b := e.breakAt(sh, size, width*f)
		if b.lines != at.lines || b.level > at.level {
			break // more lines, or a phrase broken that was whole
		}
		if !b.orphan {
			return width * f, false
		}
	}
	return width, false
}

// minBalance is the narrowest measure, as a share of the box, that
// evenWidth tries: two lines of a headline are at their most even at
// half the box.
const minBalance = 0.5

// balanceSteps is how many times evenWidth halves the range of measures
// it searches for the balanced one: to within 0.4% of the box.
const balanceSteps = 7

// clauseSteps is how many measures evenWidth tries between the balanced
// one and the box's for lines that end at punctuation. Each breaks the
// paragraph again: fitting tries several sizes, each broken this way.
const clauseSteps = 6

// evenWidth returns the measure a short line of Chinese or Japanese set
// by phrases is broken at, into as many lines as at the box's (at), with
// no phrase broken more, and how it breaks there. Chinese and Japanese
// phrases break where the measure ends, not where the sense does, so such
// a line broken greedily can leave a long line over a short one; a
// typesetter evens them, as CSS text-wrap: balance does for a heading
// (and as Chrome's word-break: auto-phrase is meant to be used), and
// prefers lines that end at a clause ("、", "。", "，"). So: the narrowest
// measure whose lines all end at punctuation (but the last), from the
// balanced one (the narrowest measure, down to minBalance of the box)
// up: "疑わしい人を問い詰めないでください。 / 子どもがもっと危険に…";
// failing that, the box's own if its lines end so ("如果孩子现在有危险， /
// 请拨打911。"); else the balanced one ("子どもの性的人身取引の /
// サインを知ってください", not "…サインを / 知ってください").
func (e *Engine) evenWidth(sh *shaped, size, width float64, at breaking) (float64, breaking) {
	same := func(b breaking) bool { return b.lines == at.lines && b.level <= at.level }
	lo, hi := width*minBalance, width // hi breaks into as many lines, lo may not
	even := at
	if b := e.breakAt(sh, size, lo); same(b) {
		hi, even = lo, b
	} else {
		for range balanceSteps {
			mid := (lo + hi) / 2
			if b := e.breakAt(sh, size, mid); same(b) {
				hi, even = mid, b
			} else {
				lo = mid
			}
		}
	}
	if even.clauses || hi >= width {
		return hi, even
	}
	for k := 1; k < clauseSteps; k++ {
		w := hi + (width-hi)*float64(k)/clauseSteps
		if b := e.breakAt(sh, size, w); same(b) && b.clauses {
			return w, b
		}
	}
	if at.clauses {
		return width, at
	}
	return hi, even
}

// breaking is how a paragraph breaks at a width: into how many lines,
// whether its last line is a lone word, the loosest phrase level a line
// was broken at (see wrapPiece), and whether every line but the last ends
// at punctuation or a hard break.
type breaking struct {
	lines   int
	orphan  bool
	level   phraseLevel
	clauses bool
}

// breakAt breaks the paragraph at width and says how (see breaking).
func (e *Engine) breakAt(sh *shaped, size, width float64) breaking {
	dir := di.DirectionLTR
	if sh.rtl {
		dir = di.DirectionRTL
	}
	cfg := shaping.WrapConfig{Direction: dir, BreakPolicy: shaping.Never}
	maxW := maxWidthAt(width, size)
	b := breaking{clauses: true}
	var last []rune
	for _, pc := range sh.pieces {
		if len(pc.outs) == 0 {
			b.lines++
			last = nil
			continue
		}
		ls, prep, l := e.wrapPiece(cfg, maxW, pc)
		b.level = max(b.level, l)
		b.lines += len(ls)
		for i, line := range ls {
			lo, hi := math.MaxInt, -1
			for _, o := range line {
				lo = min(lo, o.Runes.Offset)
				hi = max(hi, o.Runes.Offset+o.Runes.Count)
			}
			if i < len(ls)-1 {
				b.clauses = b.clauses && endsClause(prep, sh.orig, hi)
				continue
			}
			last = last[:0]
			for k := max(lo, 0); k < hi && k < len(prep.runes); k++ {
				if oi := prep.origin[k]; oi >= 0 {
					last = append(last, sh.orig[oi])
				}
			}
		}
	}
	b.orphan = loneWord(string(last))
	return b
}

// endsClause reports whether the text of prep before hi ends, spaces
// aside, with punctuation that closes a clause or a sentence.
func endsClause(prep prepared, orig []rune, hi int) bool {
	for k := min(hi, len(prep.runes)) - 1; k >= 0; k-- {
		oi := prep.origin[k]
		if oi < 0 || unicode.IsSpace(orig[oi]) {
			continue
		}
		return strings.ContainsRune("、。，．！？：；,.!?:;」』）", orig[oi])
	}
	return false
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
