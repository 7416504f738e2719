package pdf

import (
	"math"
	"strconv"
)

// Content is a page's content stream under construction. Coordinates are
// PDF user space: points from the bottom left. Colour components are
// fractions 0–1 and written with three decimals; positions with at most
// two, lengths with at most three.
type Content struct {
	b []byte
}

// Bytes returns the stream's operators.
func (c *Content) Bytes() []byte { return c.b }

func (c *Content) op(s string) { c.b = append(c.b, s...); c.b = append(c.b, '\n') }

func (c *Content) num(v float64, prec int) {
	c.b = appendNum(c.b, v, prec)
	c.b = append(c.b, ' ')
}

func (c *Content) fixed(v float64) {
	c.b = appendFixed(c.b, v, 3)
	c.b = append(c.b, ' ')
}

// Save and Restore push and pop the graphics state (q, Q).
func (c *Content) Save()    { c.op("q") }
func (c *Content) Restore() { c.op("Q") }

// Transform concatenates the matrix [a b c d e f] to the current one (cm).
func (c *Content) Transform(a, b, cc, d, e, f float64) {
	for _, v := range []float64{a, b, cc, d} {
		c.num(v, 5)
	}
	c.num(e, 3)
	c.num(f, 3)
	c.op("cm")
}

// FillRGB and StrokeRGB set DeviceRGB colours (rg, RG).
func (c *Content) FillRGB(r, g, b float64)   { c.fixed(r); c.fixed(g); c.fixed(b); c.op("rg") }
func (c *Content) StrokeRGB(r, g, b float64) { c.fixed(r); c.fixed(g); c.fixed(b); c.op("RG") }

// FillCMYK and StrokeCMYK set DeviceCMYK colours (k, K).
func (c *Content) FillCMYK(cy, m, y, k float64) {
	c.fixed(cy)
	c.fixed(m)
	c.fixed(y)
	c.fixed(k)
	c.op("k")
}

func (c *Content) StrokeCMYK(cy, m, y, k float64) {
	c.fixed(cy)
	c.fixed(m)
	c.fixed(y)
	c.fixed(k)
	c.op("K")
}

// FillSpace and StrokeSpace select a colour space resource (e.g. a
// Separation) and a one-component colour in it: "/CS1 cs 1.000 scn".
func (c *Content) FillSpace(name string, tint float64) {
	c.b = append(c.b, name...)
	c.b = append(c.b, " cs "...)
	c.fixed(tint)
	c.op("scn")
}

func (c *Content) StrokeSpace(name string, tint float64) {
	c.b = append(c.b, name...)
	c.b = append(c.b, " CS "...)
	c.fixed(tint)
	c.op("SCN")
}

// LineWidth sets the stroke width (w).
func (c *Content) LineWidth(w float64) { c.num(w, 3); c.op("w") }

// Dash sets the dash pattern (d); an empty pattern draws solid lines.
func (c *Content) Dash(pattern []float64) {
	c.b = append(c.b, '[')
	for i, v := range pattern {
		if i > 0 {
			c.b = append(c.b, ' ')
		}
		c.b = appendNum(c.b, v, 3)
	}
	c.op("] 0 d")
}

// Rect adds a rectangle to the path (re); x, y is its bottom-left corner.
func (c *Content) Rect(x, y, w, h float64) {
	c.num(x, 2)
	c.num(y, 2)
	c.num(w, 3)
	c.num(h, 3)
	c.op("re")
}

// Line adds a straight segment to the path (m, l).
func (c *Content) Line(x1, y1, x2, y2 float64) {
	c.num(x1, 2)
	c.num(y1, 2)
	c.op("m")
	c.num(x2, 2)
	c.num(y2, 2)
	c.op("l")
}

// Fill, Stroke and FillStroke paint the path (f, S, B).
func (c *Content) Fill()       { c.op("f") }
func (c *Content) Stroke()     { c.op("S") }
func (c *Content) FillStroke() { c.op("B") }

// BeginText and EndText bracket text operators (BT, ET).
func (c *Content) BeginText() { c.op("BT") }
func (c *Content) EndText()   { c.op("ET") }

// Font sets the font resource and size (Tf).
func (c *Content) Font(name string, size float64) {
	c.b = append(c.b, name...)
	c.b = append(c.b, ' ')
	c.num(size, 3)
	c.op("Tf")
}

// TextMove starts a new text line dx, dy from the start of the current
// one (Td); the first starts at the text space origin.
func (c *Content) TextMove(dx, dy float64) {
	c.num(dx, 2)
	c.num(dy, 2)
	c.op("Td")
}

// TextRender sets the text rendering mode (Tr): 0 fill, 2 fill and stroke.
func (c *Content) TextRender(mode int) {
	c.b = strconv.AppendInt(c.b, int64(mode), 10)
	c.op(" Tr")
}

// CharSpacing sets the extra space after every glyph (Tc).
func (c *Content) CharSpacing(tc float64) { c.num(tc, 3); c.op("Tc") }

// ShowCIDs draws two-byte codes (the CIDs of an Identity-H font) at the
// text position (Tj).
func (c *Content) ShowCIDs(cids []uint16) {
	c.b = append(c.b, '<')
	for _, cid := range cids {
		c.b = appendHex16(c.b, cid)
	}
	c.op("> Tj")
}

// ShowSpaced draws two-byte codes (the CIDs of an Identity-H font) in one
// text-showing operation (TJ), each after its adjustment: adjust[i], in
// thousandths of an em, moves glyph i left (right if negative) of where
// the previous glyph's advance left the pen; adjust[0] is not used (a
// text-showing operation starts where the text position is). Adjustments
// are written with one decimal, and the codes between two adjustments as
// one string.
func (c *Content) ShowSpaced(cids []uint16, adjust []float64) {
	c.b = append(c.b, '[', '<')
	for i, cid := range cids {
		if i > 0 {
			if a := math.Round(adjust[i]*10) / 10; a != 0 {
				c.b = append(c.b, '>', ' ')
				c.b = appendNum(c.b, a, 1)
				c.b = append(c.b, ' ', '<')
			}
		}
		c.b = appendHex16(c.b, cid)
	}
	c.op(">] TJ")
}

// BeginActualText opens a /Span whose text, for copying and searching,
// is s (BDC); EndMarked closes it (EMC).
func (c *Content) BeginActualText(s string) {
	c.b = append(c.b, "/Span <</ActualText "...)
	c.b = append(c.b, Text(s)...)
	c.op(">> BDC")
}

func (c *Content) EndMarked() { c.op("EMC") }

// BeginTagged opens marked content of structure type tag (a name without
// its slash) with marked-content identifier mcid (BDC).
func (c *Content) BeginTagged(tag string, mcid int) {
	c.op("/" + tag + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
}

// BeginArtifact opens an artifact: content that is no part of the
// document's structure (BMC).
func (c *Content) BeginArtifact() { c.op("/Artifact BMC") }

// XObject paints a form or image XObject resource (Do) in the current
// coordinates.
func (c *Content) XObject(name string) {
	c.b = append(c.b, name...)
	c.op(" Do")
}

// Image draws an image XObject resource into the box with bottom-left
// corner x, y.
func (c *Content) Image(name string, x, y, w, h float64) {
	c.Save()
	c.Transform(w, 0, 0, h, x, y)
	c.b = append(c.b, name...)
	c.op(" Do")
	c.Restore()
}
