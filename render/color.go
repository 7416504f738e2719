package render

import (
	"fmt"
	"math"

	"handbill/frame"
	"handbill/render/pdf"
)

// painter sets colours. On a desktop page every colour is RGB. On a press
// page (one with a trim box) a colour the layout gives in CMYK is written
// as DeviceCMYK, and a spot colour as a Separation colour space with its
// CMYK alternate ("All", the registration colour, prints on every plate).
type painter struct {
	c     *pdf.Content
	press bool
	spots []frame.Color // the document's spot colours, in order of first use
}

// page starts a page's content.
func (pt *painter) page(p *frame.Page, c *pdf.Content) {
	pt.c, pt.press = c, p.Trim != nil
}

// spot returns the resource name of a spot colour, e.g. "/CS1".
func (pt *painter) spot(c frame.Color) string {
	for i, s := range pt.spots {
		if s.Spot == c.Spot {
			return fmt.Sprintf("/CS%d", i+1)
		}
	}
	pt.spots = append(pt.spots, c)
	return fmt.Sprintf("/CS%d", len(pt.spots))
}

// cmyk is the colour's CMYK as fractions of full ink.
func cmyk(c frame.Color) (float64, float64, float64, float64) {
	return c.CMYK[0] / 100, c.CMYK[1] / 100, c.CMYK[2] / 100, c.CMYK[3] / 100
}

func rgb(c frame.Color) (float64, float64, float64) {
	return float64(c.R) / 255, float64(c.G) / 255, float64(c.B) / 255
}

// fill sets the colour shapes and glyphs are filled with.
func (pt *painter) fill(c frame.Color) {
	switch {
	case pt.press && c.Spot != "" && c.HasCMYK:
		pt.c.FillSpace(pt.spot(c), 1)
	case pt.press && c.HasCMYK:
		pt.c.FillCMYK(cmyk(c))
	default:
		pt.c.FillRGB(rgb(c))
	}
}

// stroke sets the colour lines (and outlines of synthesized bold) are
// drawn with.
func (pt *painter) stroke(c frame.Color) {
	switch {
	case pt.press && c.Spot != "" && c.HasCMYK:
		pt.c.StrokeSpace(pt.spot(c), 1)
	case pt.press && c.HasCMYK:
		pt.c.StrokeCMYK(cmyk(c))
	default:
		pt.c.StrokeRGB(rgb(c))
	}
}

// writeSpots writes the document's spot colours as Separation colour
// spaces, each with a tint transform to its CMYK alternate, and returns
// the /ColorSpace resource entries.
func (pt *painter) writeSpots(w *pdf.Writer) string {
	s := ""
	for i, c := range pt.spots {
		r := w.Alloc()
		b := func(v float64) float64 { return math.Round(math.Max(0, math.Min(100, v))) / 100 }
		w.Object(r, fmt.Sprintf("[/Separation %s /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [%.3f %.3f %.3f %.3f] /N 1 >>]",
			pdf.Name(c.Spot), b(c.CMYK[0]), b(c.CMYK[1]), b(c.CMYK[2]), b(c.CMYK[3])))
		s += fmt.Sprintf("/CS%d %s ", i+1, r)
	}
	return s
}
