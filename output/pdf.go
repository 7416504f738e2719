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
// the real text. How spans are placed and what text they carry, so that
// extractors (poppler's pdftotext above all) give back the input in
// reading order, is explained in actualtext.go; extract_test.go checks it
// for every script of the specimen.
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
	"handbill/text"
)

// epoch is the fixed date written into every PDF, so the same input gives
// the same bytes.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// synthBoldStroke is the outline stroke, as a fraction of the font size,
// that makes a synthesized bold face read as bold in print.
const synthBoldStroke = 0.045

// WriteOptions say how a document is written.
type WriteOptions struct {
	// Created, when not zero, is the creation date written into the PDF;
	// otherwise a fixed date is, so the same input gives the same bytes.
	Created time.Time
	// OutputIntent, when set, is written as the document's PDF/X output
	// intent (see ReadProfile).
	OutputIntent *Profile
}

// Write renders the document as PDF to w, with a fixed date.
func Write(w io.Writer, d *frame.Doc) error { return WriteWith(w, d, WriteOptions{}) }

// WriteWith renders the document as PDF to w.
func WriteWith(w io.Writer, d *frame.Doc, opts WriteOptions) error {
	if len(d.Pages) == 0 {
		return fmt.Errorf("document %q has no pages", d.Title)
	}
	first := d.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.W, Ht: first.H}})
	created := epoch
	if !opts.Created.IsZero() {
		created = opts.Created
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetTitle(d.Title, true)
	pdf.SetSubject(d.Subject, true)
	author := d.Author
	if author == "" {
		// No organisation named: the tool that made it is all that is known.
		author = d.Creator
	}
	pdf.SetAuthor(author, true)
	pdf.SetCreator(d.Creator, true)
	pdf.SetProducer(producer, false)
	if d.Lang != "" {
		pdf.SetLang(d.Lang)
	}
	if opts.OutputIntent != nil {
		opts.OutputIntent.add(pdf)
	}
	pt := newPainter(pdf)

	fs := newFontSet()
	plans, err := plan(d, fs)
	if err != nil {
		return err
	}
	for _, df := range fs.order {
		ttf, err := fonts.ForPDF(df.face.TTF(), df.entries())
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
		setPageBoxes(pdf, p)
		pt.page(p)
		for _, it := range p.Items {
			switch it := it.(type) {
			case *frame.Text:
				if it.Rotate != 0 {
					pdf.TransformBegin()
					pdf.TransformRotate(it.Rotate, it.X, it.Y)
				}
				drawText(pdf, pt, it, plans[pi][it])
				if it.Rotate != 0 {
					pdf.TransformEnd()
				}
			case *frame.Rect:
				drawRect(pdf, pt, it)
			case *frame.Rule:
				drawRule(pdf, pt, it)
			case *frame.QR:
				drawQR(pdf, pt, it)
			case *frame.Image:
				if err := drawImage(pdf, it); err != nil {
					return err
				}
			default:
				return fmt.Errorf("output: cannot draw %T", it)
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
	out := sortSpotColors(sortPageBoxes(buf.Bytes()))
	if opts.OutputIntent != nil {
		out = opts.OutputIntent.patch(out)
	}
	_, err = w.Write(out)
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
	// tc is the character spacing (PDF Tc) the piece is drawn with. Only a
	// span's last piece, holding one glyph, has one: it moves no ink and
	// stretches the span's extent to the cluster's advance (see stretch).
	tc float64
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

// pieceBuilder collects Text() calls. Consecutive glyphs share a call
// while they sit on the baseline and the PDF viewer's pen (the piece's
// start, as fpdf rounds it, plus fpdf's rounded widths) stays within 0.02 pt
// of where the shaper put the next glyph.
type pieceBuilder struct {
	ps  []piece
	cur *piece
	pen float64 // where the PDF viewer puts the next glyph of cur
}

func (b *pieceBuilder) flush() {
	if b.cur != nil {
		b.ps = append(b.ps, *b.cur)
		b.cur = nil
	}
}

func (b *pieceBuilder) glyph(df *docFont, r *text.Run, code uint16, gid uint16, x, y float64, onBaseline bool) {
	adv := df.pdfAdvance(gid, r.Size)
	c := b.cur
	if c != nil && onBaseline && c.font == df && c.size == r.Size && c.bold == r.Face.SynthBold && c.y == y && math.Abs(x-b.pen) < 0.02 {
		c.codes = append(c.codes, rune(code))
		b.pen += adv
	} else {
		b.flush()
		b.cur = &piece{x: x, y: y, font: df, size: r.Size, bold: r.Face.SynthBold, codes: []rune{rune(code)}}
		b.pen = math.Round(x*100)/100 + adv
	}
	if adv == 0 || !onBaseline {
		b.flush()
	}
}

func planText(t *frame.Text, fs *fontSet) ([]piece, error) {
	var b pieceBuilder
	for _, l := range t.Para.Lines {
		oy := t.Y + l.Baseline
		us, err := lineUnits(l, fs)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if len(u.glyphs) == 0 {
				continue
			}
			r := u.run
			df := fs.font(r.Face)
			ox := t.X + l.X + r.X
			if u.simple && !u.short(df) {
				g := u.glyphs[0]
				b.glyph(df, r, u.codes[0], g.ID, ox+g.X, oy+g.Y, g.Y == 0)
				continue
			}
			b.flush()
			first := len(b.ps)
			order := u.drawOrder()
			for k, i := range order {
				g := u.glyphs[i]
				x, y := ox+g.X, oy+g.Y
				if k == len(order)-1 {
					if tc := stretch(x, ox+u.right, df.pdfAdvance(g.ID, r.Size)); tc != 0 {
						b.flush()
						b.glyph(df, r, u.codes[i], g.ID, x, y, false)
						b.ps[len(b.ps)-1].tc = tc
						continue
					}
				}
				b.glyph(df, r, u.codes[i], g.ID, x, y, g.Y == 0)
			}
			b.flush()
			if len(b.ps) > first {
				b.ps[first].actual, b.ps[first].open = u.actualText(), true
				b.ps[len(b.ps)-1].close = true
			}
		}
		b.flush()
	}
	return b.ps, nil
}

func drawText(pdf *fpdf.Fpdf, pt *painter, t *frame.Text, ps []piece) {
	pt.text(t.Color)
	for _, p := range ps {
		if p.open {
			pdf.RawWriteStr(fmt.Sprintf("/Span <</ActualText %s>> BDC\n", utf16Hex(p.actual)))
		}
		pdf.SetFont(p.font.name, "", p.size)
		if p.bold {
			pdf.SetTextRenderingMode(2)
			pdf.SetLineWidth(p.size * synthBoldStroke)
		}
		// Character spacing is reset before the span ends: poppler takes
		// the spacing in force at EMC off the span's width.
		if p.tc != 0 {
			pdf.RawWriteStr(fmt.Sprintf("%.3f Tc\n", p.tc))
		}
		pdf.Text(p.x, p.y, string(p.codes))
		if p.tc != 0 {
			pdf.RawWriteStr("0 Tc\n")
		}
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

func drawRect(pdf *fpdf.Fpdf, pt *painter, r *frame.Rect) {
	style := ""
	if r.Fill != nil {
		pt.fill(*r.Fill)
		style += "F"
	}
	if r.Stroke != nil {
		pt.stroke(*r.Stroke)
		pdf.SetLineWidth(r.LineWidth)
		style = "D" + style
	}
	if style == "" {
		return
	}
	pdf.Rect(r.X, r.Y, r.W, r.H, style)
}

func drawRule(pdf *fpdf.Fpdf, pt *painter, r *frame.Rule) {
	pt.stroke(r.Color)
	pdf.SetLineWidth(r.Width)
	pdf.SetDashPattern(r.Dash, 0)
	pdf.Line(r.X1, r.Y1, r.X2, r.Y2)
	pdf.SetDashPattern(nil, 0)
}
