// Package output writes frames as PDF files. It is the only package that
// imports fpdf.
//
// fpdf draws text by character, not by glyph, and knows nothing of shaping.
// handbill carries shaped glyphs through it this way: a cluster that is one
// character drawn with that character's own glyph is written as the
// character; every other glyph gets a Private Use Area code (allocated per
// font per document, every second code, which keeps fpdf's width table
// builder fast), and the font's cmap is rewritten to hold exactly the
// document's codes before fpdf subsets it. Each such cluster is wrapped in
// a /Span with /ActualText, so copy, paste, search and screen readers get
// the real text.
package output

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"handbill/fonts"
	"handbill/frame"
)

// epoch is the fixed date written into every PDF, so the same input gives
// the same bytes.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// synthBoldStroke is the outline stroke, as a fraction of the font size,
// that makes a synthesized bold face read as bold in print.
const synthBoldStroke = 0.045

// Write renders the document as PDF to w.
func Write(w io.Writer, d *frame.Doc) error {
	if len(d.Pages) == 0 {
		return fmt.Errorf("document %q has no pages", d.Title)
	}
	first := d.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.W, Ht: first.H}})
	pdf.SetCreationDate(epoch)
	pdf.SetModificationDate(epoch)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetTitle(d.Title, true)
	pdf.SetSubject(d.Subject, true)
	pdf.SetAuthor(d.Author, true)
	pdf.SetCreator(d.Creator, true)
	pdf.SetProducer(producer, false)
	if d.Lang != "" {
		pdf.SetLang(d.Lang)
	}

	fs := newFontSet()
	plans, err := plan(d, fs)
	if err != nil {
		return err
	}
	for _, df := range fs.order {
		ttf, err := fonts.WithCmap(df.face.TTF(), df.entries())
		if err != nil {
			return fmt.Errorf("%s: %w", df.face.File, err)
		}
		pdf.AddUTF8FontFromBytes(df.name, "", ttf)
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("%s: %w", df.face.File, err)
		}
	}
	for pi, p := range d.Pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: p.W, Ht: p.H})
		for _, it := range p.Items {
			switch it := it.(type) {
			case *frame.Text:
				drawText(pdf, it, plans[pi][it])
			case *frame.Rect:
				drawRect(pdf, it)
			case *frame.Rule:
				drawRule(pdf, it)
			}
		}
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// piece is one Text() call: codes drawn from a point, optionally inside an
// ActualText span.
type piece struct {
	x, y   float64
	font   *docFont
	size   float64
	bold   bool
	codes  []rune
	actual string // ActualText of the span this piece opens, if open
	open   bool   // the piece starts an ActualText span
	close  bool   // the piece ends the span
}

// plan allocates codes for every glyph of the document (fonts must be
// registered with their final cmaps before any text is drawn) and returns
// the pieces to draw, per page and text item.
func plan(d *frame.Doc, fs *fontSet) ([]map[*frame.Text][]piece, error) {
	out := make([]map[*frame.Text][]piece, len(d.Pages))
	for pi, p := range d.Pages {
		out[pi] = map[*frame.Text][]piece{}
		for _, it := range p.Items {
			t, ok := it.(*frame.Text)
			if !ok {
				continue
			}
			ps, err := planText(t, fs)
			if err != nil {
				return nil, err
			}
			out[pi][t] = ps
		}
	}
	return out, nil
}

func planText(t *frame.Text, fs *fontSet) ([]piece, error) {
	var ps []piece
	for _, l := range t.Para.Lines {
		for _, r := range l.Runs {
			df := fs.font(r.Face)
			ox := t.X + l.X + r.X
			oy := t.Y + l.Baseline
			var cur *piece
			flush := func() {
				if cur != nil {
					ps = append(ps, *cur)
					cur = nil
				}
			}
			// pen is where the PDF viewer puts the next glyph of cur.
			pen := 0.0
			for _, c := range r.Clusters {
				codes, err := df.codes(c)
				if err != nil {
					return nil, err
				}
				if !c.Simple {
					flush()
				}
				first := len(ps)
				for i, g := range c.Glyphs {
					x, y := ox+g.X, oy+g.Y
					if cur != nil && g.Y == 0 && math.Abs(x-pen) < 0.02 {
						cur.codes = append(cur.codes, rune(codes[i]))
					} else {
						flush()
						cur = &piece{x: x, y: y, font: df, size: r.Size, bold: r.Face.SynthBold, codes: []rune{rune(codes[i])}}
					}
					adv := df.pdfAdvance(g.ID, r.Size)
					pen = x + adv
					if adv == 0 || g.Y != 0 {
						flush()
					}
				}
				if !c.Simple {
					flush()
					if len(ps) > first {
						ps[first].actual, ps[first].open = c.Text, true
						ps[len(ps)-1].close = true
					}
				}
			}
			flush()
		}
	}
	return ps, nil
}

func drawText(pdf *fpdf.Fpdf, t *frame.Text, ps []piece) {
	c := t.Color
	pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	for _, p := range ps {
		if p.open {
			pdf.RawWriteStr(fmt.Sprintf("/Span <</ActualText %s>> BDC\n", utf16Hex(p.actual)))
		}
		pdf.SetFont(p.font.name, "", p.size)
		if p.bold {
			pdf.SetTextRenderingMode(2)
			pdf.SetLineWidth(p.size * synthBoldStroke)
		}
		pdf.Text(p.x, p.y, string(p.codes))
		if p.bold {
			pdf.SetTextRenderingMode(0)
		}
		if p.close {
			pdf.RawWriteStr("EMC\n")
		}
	}
}

// utf16Hex is a PDF text string in UTF-16BE with a byte order mark, as hex.
func utf16Hex(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

func drawRect(pdf *fpdf.Fpdf, r *frame.Rect) {
	style := ""
	if r.Fill != nil {
		pdf.SetFillColor(int(r.Fill.R), int(r.Fill.G), int(r.Fill.B))
		style += "F"
	}
	if r.Stroke != nil {
		pdf.SetDrawColor(int(r.Stroke.R), int(r.Stroke.G), int(r.Stroke.B))
		pdf.SetLineWidth(r.LineWidth)
		style = "D" + style
	}
	if style == "" {
		return
	}
	pdf.Rect(r.X, r.Y, r.W, r.H, style)
}

func drawRule(pdf *fpdf.Fpdf, r *frame.Rule) {
	pdf.SetDrawColor(int(r.Color.R), int(r.Color.G), int(r.Color.B))
	pdf.SetLineWidth(r.Width)
	pdf.SetDashPattern(r.Dash, 0)
	pdf.Line(r.X1, r.Y1, r.X2, r.Y2)
	pdf.SetDashPattern(nil, 0)
}
