package render

import (
	"fmt"

	"handbill/frame"
	"handbill/render/pdf"
)

// pageWriter draws one page's items into its content stream. y is
// flipped: frames measure from the top left, PDF from the bottom left.
type pageWriter struct {
	c      *pdf.Content
	h      float64
	pt     *painter
	images *imageSet
	fonts  *fontSet
	forms  *glyphForms
	tags   *tagger
}

func (pw *pageWriter) rect(r *frame.Rect) {
	if r.Fill == nil && r.Stroke == nil {
		return
	}
	if r.Fill != nil {
		pw.pt.fill(*r.Fill)
	}
	if r.Stroke != nil {
		pw.pt.stroke(*r.Stroke)
		pw.c.LineWidth(r.LineWidth)
	}
	pw.c.Rect(r.X, pw.h-r.Y-r.H, r.W, r.H)
	switch {
	case r.Fill != nil && r.Stroke != nil:
		pw.c.FillStroke()
	case r.Fill != nil:
		pw.c.Fill()
	default:
		pw.c.Stroke()
	}
}

func (pw *pageWriter) rule(r *frame.Rule) {
	pw.pt.stroke(r.Color)
	pw.c.LineWidth(r.Width)
	if len(r.Dash) > 0 {
		pw.c.Dash(r.Dash)
	}
	pw.c.Line(r.X1, pw.h-r.Y1, r.X2, pw.h-r.Y2)
	pw.c.Stroke()
	if len(r.Dash) > 0 {
		pw.c.Dash(nil)
	}
}

// qr draws a QR code as one filled path of squares: sharp at any size,
// unlike a raster image. The path is drawn in module units (one unit per
// module, y down, from the symbol's corner), so every edge is exact and
// adjacent modules meet without seams.
func (pw *pageWriter) qr(q *frame.QR) {
	n := len(q.Modules)
	if n == 0 {
		return
	}
	m := q.Size / float64(n)
	pw.pt.fill(q.Color)
	pw.c.Save()
	pw.c.Transform(m, 0, 0, -m, q.X, pw.h-q.Y)
	q.DarkRuns(func(y, start, end int) {
		pw.c.Rect(float64(start), float64(y), float64(end-start), 1)
	})
	pw.c.Fill()
	pw.c.Restore()
}

// imageSet holds a document's images, each embedded once under the path
// it was read from (one path is one image within a document: the image's
// data is read and checked once, when the layout or content naming it is
// loaded, and shared by every item that draws it).
type imageSet struct {
	w      *pdf.Writer
	byPath map[string]string // path → resource name
	res    string            // the /XObject resource entries
}

// image draws an image item from the data it carries: nothing is read
// from disk here.
func (pw *pageWriter) image(im *frame.Image) error {
	if im.Data == nil {
		return fmt.Errorf("an image item without its image data")
	}
	s := pw.images
	name, ok := s.byPath[im.Data.Path]
	if !ok {
		prepared, err := embeddableImage(im.Data)
		if err != nil {
			return fmt.Errorf("%s: cannot embed the image: %w", im.Data.Path, err)
		}
		name = fmt.Sprintf("/Im%d", len(s.byPath)+1)
		s.byPath[im.Data.Path] = name
		s.res += fmt.Sprintf("%s %s ", name, s.w.EmbedImage(prepared))
	}
	pw.c.Image(name, im.X, pw.h-im.Y-im.H, im.W, im.H)
	return nil
}

// pageBoxes returns the page dictionary's box entries: the media box and,
// for a print-shop page, the bleed and trim boxes.
func pageBoxes(p *frame.Page) string {
	s := fmt.Sprintf("/MediaBox [0 0 %s %s]", pdf.Num(p.W), pdf.Num(p.H))
	box := func(name string, b *frame.Box) {
		if b != nil {
			y := p.H - b.Y - b.H
			s += fmt.Sprintf(" /%s [%s %s %s %s]", name, pdf.Num(b.X), pdf.Num(y), pdf.Num(b.X+b.W), pdf.Num(y+b.H))
		}
	}
	box("BleedBox", p.Bleed)
	box("TrimBox", p.Trim)
	return s
}
