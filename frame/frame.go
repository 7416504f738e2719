// Package frame holds laid-out pages: items at fixed positions, each with
// the source position of the value it came from. Frames are the hinge
// between layout and the PDF writer, and their text dump is what golden
// tests compare.
package frame

import (
	"fmt"
	"strings"

	"handbill/text"
)

// Pos is a position in a source file (content or layout YAML).
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.File == "" {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Black is the default text colour.
var Black = Color{}

// Doc is a document: metadata and pages.
type Doc struct {
	Title, Subject, Author, Creator string
	// Lang is the document's main language as a BCP 47 tag.
	Lang  string
	Pages []*Page
}

// Page is one page; sizes and positions are in points from the top left.
type Page struct {
	W, H  float64
	Items []Item
}

// Item is something drawn on a page.
type Item interface {
	dump(b *strings.Builder)
}

// Text is a laid-out paragraph whose box has its top-left corner at X, Y.
type Text struct {
	X, Y  float64
	Para  *text.Paragraph
	Color Color
	Src   Pos
}

// Rect is a rectangle, filled and/or stroked.
type Rect struct {
	X, Y, W, H float64
	Fill       *Color
	Stroke     *Color
	LineWidth  float64
	Src        Pos
}

// Rule is a straight line; Dash, when set, is the on/off pattern in points.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
	Dash           []float64
	Src            Pos
}

func (t *Text) dump(b *strings.Builder) {
	fmt.Fprintf(b, "text at %.2f,%.2f color=%v src=%s\n", t.X, t.Y, t.Color, t.Src)
	for _, l := range strings.Split(strings.TrimRight(t.Para.Dump(), "\n"), "\n") {
		b.WriteString("  " + l + "\n")
	}
}

func (r *Rect) dump(b *strings.Builder) {
	fmt.Fprintf(b, "rect %.2f,%.2f %.2fx%.2f fill=%s stroke=%s lw=%.2f src=%s\n", r.X, r.Y, r.W, r.H, colorString(r.Fill), colorString(r.Stroke), r.LineWidth, r.Src)
}

func (r *Rule) dump(b *strings.Builder) {
	fmt.Fprintf(b, "rule %.2f,%.2f-%.2f,%.2f w=%.2f color=%v dash=%v src=%s\n", r.X1, r.Y1, r.X2, r.Y2, r.Width, r.Color, r.Dash, r.Src)
}

func colorString(c *Color) string {
	if c == nil {
		return "none"
	}
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// Dump returns a stable text description of the document.
func (d *Doc) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "doc title=%q lang=%s pages=%d\n", d.Title, d.Lang, len(d.Pages))
	for i, p := range d.Pages {
		fmt.Fprintf(&b, "page %d %.2fx%.2f\n", i+1, p.W, p.H)
		for _, it := range p.Items {
			it.dump(&b)
		}
	}
	return b.String()
}
