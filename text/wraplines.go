package text

import (
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// wrapLines breaks one piece of a paragraph (its runes, and outs, shaped
// from them and copied: the wrapper trims their trailing spaces) into
// lines at maxW, as go-text's WrapParagraphF does. That looks for a
// mandatory break first, running the line-break analysis over the text
// before the wrapper runs it again; a piece holds none (the text is split
// at hard breaks, and the other mandatory breaks are control characters
// Layout refuses), so the analysis runs once, and not at all for a piece
// of one run that fits.
func (e *Engine) wrapLines(cfg shaping.WrapConfig, maxW fixed.Int26_6, runes []rune, outs []shaping.Output) []shaping.Line {
	if hasMandatoryBreak(runes) {
		lines, _ := e.wrapper.WrapParagraphF(cfg, maxW, runes, shaping.NewSliceIterator(outs))
		return lines
	}
	if len(outs) == 1 && outs[0].Advance <= maxW {
		// WrapParagraphF's own shortcut: the run whole, untrimmed.
		return []shaping.Line{outs[:1:1]}
	}
	e.wrapper.Prepare(cfg, runes, shaping.NewSliceIterator(outs))
	var lines []shaping.Line
	for {
		l, done := e.wrapper.WrapNextLineF(maxW)
		if l.Line != nil {
			lines = append(lines, l.Line)
		}
		if done {
			return lines
		}
	}
}

// wrapPiece breaks one piece of a paragraph into lines at maxW, as
// wrapLines does, with its phrases whole; for a line with a phrase over
// maxPhrase characters whose lines do not fit the measure, with the first
// of its looser preparations whose lines do (a phrase broken at a
// morpheme-like boundary, then anywhere), or, when none fits (a hotline
// wider than the box), the one whose widest line is narrowest. It returns
// the lines, the preparation they come from and its phrase level.
func (e *Engine) wrapPiece(cfg shaping.WrapConfig, maxW fixed.Int26_6, pc shapedPiece) ([]shaping.Line, prepared, phraseLevel) {
	lines := e.wrapLines(cfg, maxW, pc.prep.runes, copyOutputs(pc.outs))
	if len(pc.looser) == 0 {
		return lines, pc.prep, wholePhrases
	}
	widest := widestLine(lines)
	if widest <= maxW {
		return lines, pc.prep, wholePhrases
	}
	prep, level := pc.prep, wholePhrases
	for _, alt := range pc.looser {
		ls := e.wrapLines(cfg, maxW, alt.prep.runes, copyOutputs(alt.outs))
		if w := widestLine(ls); w < widest {
			lines, prep, level, widest = ls, alt.prep, alt.prep.level, w
			if w <= maxW {
				break
			}
		}
	}
	return lines, prep, level
}

// widestLine is the widest of lines, as the wrapper measured them.
func widestLine(lines []shaping.Line) fixed.Int26_6 {
	var widest fixed.Int26_6
	for _, l := range lines {
		var w fixed.Int26_6
		for _, o := range l {
			w += o.Advance
		}
		widest = max(widest, w)
	}
	return widest
}

// hasMandatoryBreak reports whether runes hold a character after which
// UAX #14 requires a line break (classes BK, CR, LF and NL), other than
// as the last character, where WrapParagraphF ignores it.
func hasMandatoryBreak(runes []rune) bool {
	for i, r := range runes {
		switch r {
		case '\n', '\v', '\f', '\r', 0x85, 0x2028, 0x2029:
			if i < len(runes)-1 {
				return true
			}
		}
	}
	return false
}
