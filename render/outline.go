package render

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"handbill/render/pdf"
)

// Marks drawn as outlines.
//
// A mark (a glyph the shaper gives no advance, or places off the baseline:
// Thai tone marks, Devanagari vowel signs above, Arabic harakat) cannot be
// drawn in its run's TJ without being read, by one reader or another, in
// the wrong place: pdfminer breaks the line between two marks, poppler
// joins a combining character to the character before it in the content,
// PDFium reads a glyph drawn apart as an extra character with spaces
// around it. Its characters are read from the run instead (pieces.go). So
// the mark itself is drawn as what it looks like, not as text: its
// glyph's outline, a form XObject made once per glyph and document,
// painted like the text (filled, and stroked for a synthesized bold).

// glyphForms holds a document's mark outlines as form XObjects.
type glyphForms struct {
	w      *pdf.Writer
	byKey  map[formKey]string // → resource name
	res    string             // the /XObject resource entries
	fontID map[*fontMetrics]int
}

type formKey struct {
	fm   *fontMetrics
	gid  uint16
	bold bool
}

// form returns the resource name of the outline of glyph gid of fm,
// writing it the first time.
func (gf *glyphForms) form(fm *fontMetrics, gid uint16, bold bool) string {
	k := formKey{fm, gid, bold}
	if name, ok := gf.byKey[k]; ok {
		return name
	}
	if gf.fontID == nil {
		gf.fontID = map[*fontMetrics]int{}
	}
	id, ok := gf.fontID[fm]
	if !ok {
		id = len(gf.fontID) + 1
		gf.fontID[fm] = id
	}
	name := fmt.Sprintf("/G%d.%d", id, gid)
	if bold {
		name += "b"
	}
	path, box := fm.outline(gid)
	paint := "f"
	if bold {
		// The stroke of a synthesized bold, in font units.
		lw := synthBoldStroke * fm.upem
		path = pdf.Num(lw) + " w\n" + path
		paint = "B"
		for i := range box {
			if i < 2 {
				box[i] -= lw
			} else {
				box[i] += lw
			}
		}
	}
	ref := gf.w.Alloc()
	gf.w.Stream(ref, fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [%s %s %s %s]",
		pdf.Num(box[0]), pdf.Num(box[1]), pdf.Num(box[2]), pdf.Num(box[3])), []byte(path+paint+"\n"))
	gf.byKey[k] = name
	gf.res += fmt.Sprintf("%s %s ", name, ref)
	return name
}

// outline returns the glyph's outline as PDF path operators, in font units
// (y up), and its bounding box.
func (fm *fontMetrics) outline(gid uint16) (string, [4]float64) {
	fm.mu.Lock()
	data := fm.gf.GlyphData(font.GID(gid))
	fm.mu.Unlock()
	o, _ := data.(font.GlyphOutline)
	var b []byte
	box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	pt := func(p ot.SegmentPoint) {
		x, y := float64(p.X), float64(p.Y)
		box[0], box[1] = min(box[0], x), min(box[1], y)
		box[2], box[3] = max(box[2], x), max(box[3], y)
		b = strconv.AppendFloat(b, math.Round(x*10)/10, 'f', -1, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, math.Round(y*10)/10, 'f', -1, 64)
		b = append(b, ' ')
	}
	var cur ot.SegmentPoint
	open := false
	for _, s := range o.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			if open {
				b = append(b, "h\n"...)
			}
			pt(s.Args[0])
			b = append(b, "m\n"...)
			open = true
			cur = s.Args[0]
		case ot.SegmentOpLineTo:
			pt(s.Args[0])
			b = append(b, "l\n"...)
			cur = s.Args[0]
		case ot.SegmentOpQuadTo:
			// A quadratic Bézier as a cubic one.
			q, e := s.Args[0], s.Args[1]
			pt(ot.SegmentPoint{X: cur.X + 2*(q.X-cur.X)/3, Y: cur.Y + 2*(q.Y-cur.Y)/3})
			pt(ot.SegmentPoint{X: e.X + 2*(q.X-e.X)/3, Y: e.Y + 2*(q.Y-e.Y)/3})
			pt(e)
			b = append(b, "c\n"...)
			cur = e
		case ot.SegmentOpCubeTo:
			pt(s.Args[0])
			pt(s.Args[1])
			pt(s.Args[2])
			b = append(b, "c\n"...)
			cur = s.Args[2]
		}
	}
	if open {
		b = append(b, "h\n"...)
	}
	if math.IsInf(box[0], 0) {
		box = [4]float64{}
	}
	return string(b), box
}

// marks draws the glyphs of a paragraph's mark pieces as outlines, in the
// paragraph's coordinates (after its text object: a text object holds no
// XObject).
func (pw *pageWriter) marks(ps []piece) {
	for _, p := range ps {
		if !p.outline {
			continue
		}
		s := p.size / p.font.upem
		for _, g := range p.glyphs {
			name := pw.forms.form(p.font, g.key.gid, p.bold)
			pw.c.Save()
			pw.c.Transform(s, 0, 0, s, g.x, -p.y)
			pw.c.XObject(name)
			pw.c.Restore()
		}
	}
}
