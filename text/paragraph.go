package text

import "handbill/fonts"

// Paragraph is text laid out in a box of a given width. Coordinates are in
// points; x grows to the right from the box's left edge, y grows downwards
// from the box's top edge.
type Paragraph struct {
	Text  string
	Style Style
	RTL   bool
	// Width is the box width the lines were broken for; Height is the
	// distance from the box top to the last line's descent.
	Width, Height float64
	Lines         []Line
	// breaks is the range of widths the lines were broken at that break
	// them the same (see SameLinesAt).
	breaks breakRange
	// texts remembers LineTexts.
	texts *lineTextsMemo
}

// DrawnSize is the largest size the paragraph's glyphs are drawn at: its
// Style.Size, or more when a script that reads small is set larger (see
// scriptScale). A minimum type size, a law's included, is met by it.
func (p *Paragraph) DrawnSize() float64 {
	s := p.Style.Size
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			s = max(s, r.Size)
		}
	}
	return s
}

// Line is one line of a paragraph, its runs in visual order (left to right).
type Line struct {
	// X is where the line starts after alignment; Baseline is the baseline's
	// distance from the box top.
	X, Baseline float64
	// Width is the advance of the line's content, trailing spaces excluded.
	Width           float64
	Ascent, Descent float64
	Runs            []Run
}

// Run is a sequence of glyphs of one face and direction, its clusters in
// visual order.
type Run struct {
	Face *fonts.Face
	Size float64
	RTL  bool
	// X is the run's start relative to the line's X.
	X        float64
	Advance  float64
	Clusters []Cluster
}

// Cluster is the smallest unit of text and glyphs that go together: one or
// more input characters drawn by one or more glyphs (a ligature, a conjunct,
// a base with its marks).
type Cluster struct {
	// Text is the cluster's characters from the input, in logical order,
	// without the invisible controls the engine inserts.
	Text string
	// Start is the index in runes of the cluster's first character in the
	// input text.
	Start int
	// Simple reports that the cluster is a single character drawn with that
	// character's own glyph (from the font's cmap), so a writer can emit the
	// character itself.
	Simple bool
	Glyphs []Glyph
}

// Glyph is a glyph id at a position relative to the run's X and the line's
// baseline (Y grows downwards).
type Glyph struct {
	ID      uint16
	X, Y    float64
	Advance float64
}
