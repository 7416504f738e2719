// Package text is handbill's text engine: it turns a string, a language and
// a box into lines of positioned glyphs (shaped with go-text's HarfBuzz
// port, in bidi visual order, broken by UAX #14 with handbill's rules for
// hotlines, Korean and CJK), or into a precise error.
package text

import "golang.org/x/text/language"

// Align places lines in their box. Start and End follow the paragraph's
// direction: Start is right in a right-to-left paragraph.
type Align int

// Alignments.
const (
	Start Align = iota
	End
	Center
)

func (a Align) String() string {
	switch a {
	case End:
		return "end"
	case Center:
		return "center"
	}
	return "start"
}

// Style is how a paragraph is set.
type Style struct {
	Lang language.Tag
	Bold bool
	// Size is the font size in points.
	Size float64
	// LineHeight is the distance between baselines as a multiple of Size;
	// zero means 1.3.
	LineHeight float64
	Align      Align
	// ScriptMetrics sets every line's ascent and descent, and the least
	// pitch, from the reach of the language's marks (see lineMetrics):
	// Vietnamese, Thai, Khmer, Lao, Indic and Arabic paragraphs keep one
	// baseline grid and their stacked marks clear the next line. Off, a
	// line's ascent and descent follow its ink (at least 0.8 and 0.22 em)
	// and the pitch is LineHeight.
	ScriptMetrics bool
	// NoOrphan keeps a lone word off the last line (one or two characters
	// of Chinese or Japanese): lines are broken narrower, as many as at
	// full width, so a word comes down to keep it company (see
	// breakWidth). For headlines, headings and list items.
	NoOrphan bool
}

func (s Style) lineHeight() float64 {
	if s.LineHeight <= 0 {
		return 1.3
	}
	return s.LineHeight
}
