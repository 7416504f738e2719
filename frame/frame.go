// Package frame holds laid-out pages: items at fixed positions, each with
// the source position of the value it came from. Frames are the hinge
// between layout and the PDF writer, and their text dump is what golden
// tests compare.
package frame

import (
	"fmt"
	"strings"

	"handbill/source"
	"handbill/text"
)

// Pos is a position in a source file (content or layout YAML).
type Pos = source.Pos

// Color is a colour: RGB, which screens and desktop printers get, and,
// when the layout gives them, its press equivalents, which press output
// writes instead: process inks (CMYK, in percent) and optionally a spot
// ink's name, with CMYK as the spot colour's alternate. Color stays
// comparable with ==.
type Color struct {
	R, G, B uint8
	// CMYK is the colour in process inks, 0–100 each, when HasCMYK.
	CMYK    [4]float64
	HasCMYK bool
	// Spot, when set, names the ink (e.g. "PANTONE 2955 C"); CMYK is the
	// alternate a device without that ink prints. "All" is the
	// registration colour, printed on every plate.
	Spot string
}

// Black is the default text colour.
var Black = Color{}

// Registration is the colour of crop and registration marks: black on a
// desktop printer, every separation (/All) in press output.
var Registration = Color{HasCMYK: true, CMYK: [4]float64{100, 100, 100, 100}, Spot: "All"}

// Doc is a document: metadata and pages.
type Doc struct {
	Title, Subject, Author, Creator string
	// Lang is the document's main language as a BCP 47 tag.
	Lang  string
	Pages []*Page
	// Warnings are what composing found that does not stop the document:
	// items of the user's lists beyond what a block shows (rule
	// "dropped-items"), each at the item's position.
	Warnings []source.Diagnostic
}

// Page is one page; sizes and positions are in points from the top left
// of the media.
type Page struct {
	W, H float64
	// Trim and Bleed, when set, are the page's trim box (the finished size)
	// and bleed box (trim plus the art that runs past it), written into the
	// PDF for print shops.
	Trim, Bleed *Box
	Items       []Item
}

// Box is a rectangle: top-left corner and size, in points.
type Box struct{ X, Y, W, H float64 }

// Item is something drawn on a page.
type Item interface {
	dump(b *strings.Builder)
}

// Text is a laid-out paragraph whose box has its top-left corner at X, Y.
// Rotate turns it counter-clockwise by that many degrees around X, Y.
type Text struct {
	X, Y   float64
	Para   *text.Paragraph
	Color  Color
	Rotate float64
	// Role is the layout style's role: body, heading or caption.
	Role string
	// Tag, when set, is the text's place in the PDF's structure where the
	// role does not say it: "Lbl" (a list item's bullet), "LBody" (a list
	// item's text), "Artifact" (text that is no part of the document's
	// content: the repeats of a tear-off tab, a slug line).
	Tag string
	// Src is where the text comes from (a content message, usually);
	// Block is the layout block that placed it.
	Src, Block Pos
}

// QR is a QR code drawn as vector squares: Modules[y][x] is true for a
// dark module; Size is the side of the whole symbol (quiet zone excluded).
type QR struct {
	X, Y, Size float64
	Modules    [][]bool
	Color      Color
	// Content is what the code encodes, for the dump and for checks.
	Content string
	// Alt is the code's alternate text in tagged PDF; empty means "QR
	// code: " and where it leads.
	Alt string
	// Artifact marks a repeat (a card's copies on a sheet after the
	// first), which tagged PDF leaves out of the structure.
	Artifact bool
	Src      Pos
}

// DarkRuns calls yield for each horizontal run of dark modules, row by
// row from the top: modules x0 to x1-1 of row y. Drawing one rectangle a
// run (not a module) keeps the code's squares joined without seams.
func (q *QR) DarkRuns(yield func(y, x0, x1 int)) {
	for y, row := range q.Modules {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			yield(y, start, x)
		}
	}
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
	rot := ""
	if t.Rotate != 0 {
		rot = fmt.Sprintf(" rotate=%g", t.Rotate)
	}
	p := t.Para
	dir := "ltr"
	if p.RTL {
		dir = "rtl"
	}
	fmt.Fprintf(b, "text %.2f,%.2f%s %s size=%g %s %s lines=%d color=%s src=%s\n",
		t.X, t.Y, rot, p.Style.Lang, p.Style.Size, dir, p.Style.Align, len(p.Lines), colorString(&t.Color), t.Src)
	for _, l := range p.Lines {
		var faces []string
		for _, r := range l.Runs {
			if n := r.Face.Name(); len(faces) == 0 || faces[len(faces)-1] != n {
				faces = append(faces, n)
			}
		}
		fmt.Fprintf(b, "  | x=%.2f base=%.2f w=%.2f %q [%s]\n", l.X, l.Baseline, l.Width, strings.TrimRight(l.LogicalText(), " "), strings.Join(faces, ", "))
	}
}

func (q *QR) dump(b *strings.Builder) {
	fmt.Fprintf(b, "qr %.2f,%.2f size=%.2f modules=%d color=%s %q src=%s\n", q.X, q.Y, q.Size, len(q.Modules), colorString(&q.Color), q.Content, q.Src)
}

func (r *Rect) dump(b *strings.Builder) {
	fmt.Fprintf(b, "rect %.2f,%.2f %.2fx%.2f fill=%s stroke=%s lw=%.2f src=%s\n", r.X, r.Y, r.W, r.H, colorString(r.Fill), colorString(r.Stroke), r.LineWidth, r.Src)
}

func (r *Rule) dump(b *strings.Builder) {
	fmt.Fprintf(b, "rule %.2f,%.2f-%.2f,%.2f w=%.2f color=%s dash=%v src=%s\n", r.X1, r.Y1, r.X2, r.Y2, r.Width, colorString(&r.Color), r.Dash, r.Src)
}

func colorString(c *Color) string {
	if c == nil {
		return "none"
	}
	s := fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	if c.HasCMYK {
		s += fmt.Sprintf("/cmyk(%g,%g,%g,%g)", c.CMYK[0], c.CMYK[1], c.CMYK[2], c.CMYK[3])
	}
	if c.Spot != "" {
		s += fmt.Sprintf("/spot(%s)", strings.ReplaceAll(c.Spot, " ", "_"))
	}
	return s
}

// Dump returns a stable text description of the document.
func (d *Doc) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "doc title=%q lang=%s pages=%d\n", d.Title, d.Lang, len(d.Pages))
	for i, p := range d.Pages {
		fmt.Fprintf(&b, "page %d %.2fx%.2f", i+1, p.W, p.H)
		if p.Trim != nil {
			fmt.Fprintf(&b, " trim=%.2f,%.2f,%.2fx%.2f", p.Trim.X, p.Trim.Y, p.Trim.W, p.Trim.H)
		}
		if p.Bleed != nil {
			fmt.Fprintf(&b, " bleed=%.2f,%.2f,%.2fx%.2f", p.Bleed.X, p.Bleed.Y, p.Bleed.W, p.Bleed.H)
		}
		b.WriteString("\n")
		for _, it := range p.Items {
			it.dump(&b)
		}
	}
	return b.String()
}

// Shift returns a copy of the item moved by dx, dy.
func Shift(it Item, dx, dy float64) Item {
	switch v := it.(type) {
	case *Text:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *Rect:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *Rule:
		c := *v
		c.X1, c.Y1, c.X2, c.Y2 = c.X1+dx, c.Y1+dy, c.X2+dx, c.Y2+dy
		return &c
	case *Image:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *QR:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	}
	return it
}

// Repeat returns a copy of the item marked as a repeat of content already
// given (the second and later cards of a sheet): tagged PDF writes it as an
// artifact, so it is read once. Rects and rules are artifacts already.
func Repeat(it Item) Item {
	switch v := it.(type) {
	case *Text:
		c := *v
		c.Tag = "Artifact"
		return &c
	case *Image:
		c := *v
		c.Artifact = true
		return &c
	case *QR:
		c := *v
		c.Artifact = true
		return &c
	}
	return it
}

// VExtent returns how far an item reaches from top to bottom: its top
// and bottom edges (a rotated text's box turned about its corner, a
// rule's ends and width).
func VExtent(it Item) (top, bottom float64) {
	switch v := it.(type) {
	case *Text:
		h := 0.0
		if v.Para != nil {
			h = v.Para.Height
		}
		if v.Rotate == 90 && v.Para != nil {
			return v.Y - v.Para.Width, v.Y
		}
		return v.Y, v.Y + h
	case *Rect:
		return v.Y, v.Y + v.H
	case *Rule:
		return min(v.Y1, v.Y2) - v.Width/2, max(v.Y1, v.Y2) + v.Width/2
	case *Image:
		return v.Y, v.Y + v.H
	case *QR:
		return v.Y, v.Y + v.Size
	}
	return 0, 0
}
