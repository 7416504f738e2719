package text

import (
	"fmt"
	"math"

	"golang.org/x/text/language"
)

// Box is the space a paragraph must fit: width and height in points, and
// at most MaxLines lines (0: no limit).
type Box struct {
	W, H     float64
	MaxLines int
}

// sizeStep is the grid Fit chooses sizes on, in points.
const sizeStep = 0.25

// OverflowError reports text that does not fit its box even at the
// smallest size allowed.
type OverflowError struct {
	Text    string
	Lang    language.Tag
	MinSize float64
	Box     Box
	// What overflows: "height", "width" (a word or number wider than the
	// box) or "lines" (more lines than the box allows).
	What string
	// By is how far the text overflows, in points (for "lines": the height
	// of the extra lines).
	By    float64
	Lines int
}

func (e *OverflowError) Error() string {
	switch e.What {
	case "width":
		return fmt.Sprintf("text %s is %.1f pt too wide for its %.1f pt box at the minimum size %g pt (%s)",
			quote(e.Text), e.By, e.Box.W, e.MinSize, e.Lang)
	case "lines":
		return fmt.Sprintf("text %s needs %d lines, %d allowed (%.1f pt over) at the minimum size %g pt (%s)",
			quote(e.Text), e.Lines, e.Box.MaxLines, e.By, e.MinSize, e.Lang)
	}
	return fmt.Sprintf("text %s overflows its %.1f pt high box by %.1f pt at the minimum size %g pt (%s)",
		quote(e.Text), e.Box.H, e.By, e.MinSize, e.Lang)
}

// Hint says what the user can do.
func (e *OverflowError) Hint() string {
	return "shorten the text, or allow a smaller minimum size or a larger box in the layout"
}

// overflow returns what of p does not fit the box, or "" when it fits.
func overflow(p *Paragraph, box Box) (what string, by float64) {
	widest := 0.0
	for _, l := range p.Lines {
		widest = max(widest, l.Width)
	}
	return overflowBy(widest, len(p.Lines), p.Height, p.Style, box)
}

// overflowBy says what of a paragraph does not fit the box, from its
// widest line, number of lines, height and style: the width first, then
// the box's line limit, then the height.
func overflowBy(widest float64, lines int, height float64, st Style, box Box) (what string, by float64) {
	if d := widest - box.W; d > 0.01 {
		return "width", d
	}
	if box.MaxLines > 0 && lines > box.MaxLines {
		return "lines", float64(lines-box.MaxLines) * st.Size * st.lineHeight()
	}
	if d := height - box.H; d > 0.01 {
		return "height", d
	}
	return "", 0
}

// Fit sets s in the largest size between minSize and maxSize (on a
// quarter-point grid) at which it fits the box. When even minSize
// overflows it returns the paragraph at minSize and an *OverflowError.
// Like Layout's, the paragraphs it returns are shared and must not be
// modified.
func (e *Engine) Fit(s string, st Style, box Box, minSize, maxSize float64) (*Paragraph, error) {
	k := fitKey{s, st, box, minSize, maxSize}
	if p, ok := e.fitted[k]; ok {
		return p, nil
	}
	p, err := e.fit(s, st, box, minSize, maxSize)
	if err == nil {
		remember(e, e.fitted, k, p)
	}
	return p, err
}

// fitKey is what fitting depends on.
type fitKey struct {
	text             string
	style            Style
	box              Box
	minSize, maxSize float64
}

// fit tries sizes with measure, which breaks the lines but builds none of
// them, and builds the paragraph (wrap) once, at the size chosen.
func (e *Engine) fit(s string, st Style, box Box, minSize, maxSize float64) (*Paragraph, error) {
	if !(minSize > 0) || !(maxSize >= minSize) {
		return nil, fmt.Errorf("size range %g–%g pt is not valid", minSize, maxSize)
	}
	if err := checkBox(box.W, maxSize); err != nil {
		return nil, err
	}
	sh, err := e.shape(s, st)
	if err != nil {
		return nil, err
	}
	// A paragraph in a script set larger (see scriptScale) may go down to
	// minSize as drawn: the size range is the apparent size, the floor the
	// size of the type on paper.
	// The floor stays on the quarter-point grid from minSize.
	floor := minSize - math.Floor((minSize-minSize/sh.scale)/sizeStep+1e-9)*sizeStep
	if m := e.measure(sh, maxSize, box.W); fits(m, box) {
		return e.wrap(sh, e.wholerPhrases(sh, box, maxSize, floor, m.level), box.W), nil
	}
	// Steps of the grid below maxSize; maxSize itself did not fit.
	steps := int(math.Floor((maxSize - floor) / sizeStep))
	if floor+float64(steps)*sizeStep < maxSize {
		steps++
	}
	lo, hi := 0, steps // step lo fits, step hi does not
	low := e.measure(sh, floor, box.W)
	if what, by := overflowOf(low, box); what != "" {
		return e.wrap(sh, floor, box.W), &OverflowError{Text: s, Lang: st.Lang, MinSize: minSize, Box: box, What: what, By: by, Lines: len(low.lines)}
	}
	best, level := floor, low.level
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		size := floor + float64(mid)*sizeStep
		if m := e.measure(sh, size, box.W); fits(m, box) {
			lo, best, level = mid, size, m.level
		} else {
			hi = mid
		}
	}
	return e.wrap(sh, e.wholerPhrases(sh, box, best, floor, level), box.W), nil
}

// fits reports whether measured lines fit the box.
func fits(m measured, box Box) bool {
	what, _ := overflowOf(m, box)
	return what == ""
}

// phraseShrink is the smallest fraction of the size that fits that Fit
// sets a Chinese or Japanese line at to keep a phrase whole that would
// break at that size (see phraseLevel): a tenth smaller at most, under a
// step of a type scale (1.125 to 1.25 a step), so a headline still reads
// as the same level of the hierarchy; a phrase that needs more is broken
// at a morpheme-like boundary instead ("強制 / されていませんか？" on a
// sticker, which would take 18% smaller type to hold the phrase).
const phraseShrink = 0.9

// wholerPhrases returns the size at which the paragraph, fitting the box
// at size with its lines broken at phrase level, is set: the largest size
// down to phraseShrink of it (not below floor, on the quarter-point grid)
// at which it fits with its phrases broken least, or size itself.
func (e *Engine) wholerPhrases(sh *shaped, box Box, size, floor float64, level phraseLevel) float64 {
	best := size
	lowest := max(floor, size*phraseShrink) - 1e-9
	for s := size - sizeStep; level > wholePhrases && s >= lowest; s -= sizeStep {
		if m := e.measure(sh, s, box.W); m.level < level && fits(m, box) {
			best, level = s, m.level
		}
	}
	return best
}
