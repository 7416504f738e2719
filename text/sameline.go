package text

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// breakRange is the range of widths (in the units wrap breaks lines at:
// see maxWidthAt) at which a paragraph's text breaks into the lines it
// has. go-text's line wrapper is greedy: a line ends at the last break
// whose width up to it fits, the width measured without the trailing
// space. So the lines broken at width hi come out the same at any width
// from the widest of them that fitted (lo) up to hi: every break that
// fitted still does, and every one that did not still does not. A line
// wider than hi (a word longer than the measure) is one word at any
// narrower width too.
type breakRange struct {
	lo, hi fixed.Int26_6
	// known is false when the range is not known without breaking the
	// lines again: a style with NoOrphan whose lines at the box's width
	// ended on a lone word broke them at a width of its own choosing (see
	// breakWidth); and in a line that mixes directions the wrapper
	// measured a width this one cannot recover from the lines. (Where a
	// NoOrphan style's own lines have no lone word last, they are those
	// of any width in the range, with no lone word last either.)
	known bool
}

// add widens lo to the lines of one piece of a paragraph, broken at maxW
// in direction dir.
func (b *breakRange) add(lines []shaping.Line, dir di.Direction, maxW fixed.Int26_6) {
	for _, l := range lines {
		var w fixed.Int26_6
		for _, o := range l {
			// A run against the paragraph's direction was measured with
			// its trailing space, though another run's was trimmed.
			if o.Direction != dir {
				b.known = false
			}
			w += o.Advance
		}
		if w <= maxW {
			b.lo = max(b.lo, w)
		}
	}
}

// SameLinesAt reports whether the paragraph's text, in its style at size
// points in a box width points wide, is broken into the same lines as p
// (their text; their widths and positions scale with the size). It is
// false where that is not known without breaking the lines again (see
// breakRange), so a caller trying narrower measures breaks the text again
// only where its lines could change.
func (p *Paragraph) SameLinesAt(size, width float64) bool {
	if !p.breaks.known || checkBox(width, size) != nil {
		return false
	}
	w := maxWidthAt(width, size)
	return p.breaks.lo <= w && w <= p.breaks.hi
}
