package render

import (
	"math"
	"sync"

	"handbill/text"
)

// piece is one text-showing operation: glyphs drawn from a point,
// optionally inside an ActualText span. Positions are in points from the
// paragraph's top-left corner, y down.
type piece struct {
	x, y  float64
	font  *fontMetrics
	size  float64
	bold  bool
	codes []rune   // the glyphs' codes (see docFont)
	gids  []uint16 // and the glyphs they draw
	texts []string // and what each stands for, if not its code's character (see glyphTexts)
	// actual is the ActualText of the span this piece opens, if open.
	actual string
	open   bool // the piece starts an ActualText span
	close  bool // the piece ends the span
	// tc is the character spacing (PDF Tc) the piece is drawn with. Only a
	// span's last piece, holding one glyph, has one: it moves no ink and
	// stretches the span's extent to the cluster's advance (see stretch).
	tc float64
}

// Planning a paragraph (units, spans, pieces) is the same work wherever it
// is placed, and layouts place the same paragraph many times (every card
// of a sheet; every clinic's poster of a batch, the text engine handing
// back the same *text.Paragraph). So plans are remembered per paragraph
// for the rest of the process; past maxPlans paragraphs the memo starts
// again empty. The map keeps its paragraphs alive, so a key is never
// reused for another paragraph.
const maxPlans = 4096

var plans struct {
	sync.Mutex
	m map[*text.Paragraph][]piece
}

// planFor returns the pieces that draw the paragraph.
func planFor(p *text.Paragraph) []piece {
	plans.Lock()
	ps, ok := plans.m[p]
	plans.Unlock()
	if ok {
		return ps
	}
	ps = planText(p)
	plans.Lock()
	if plans.m == nil || len(plans.m) >= maxPlans {
		plans.m = map[*text.Paragraph][]piece{}
	}
	plans.m[p] = ps
	plans.Unlock()
	return ps
}

// pieceBuilder collects pieces. Consecutive glyphs share a piece while
// they sit on the baseline and the PDF viewer's pen (the piece's start,
// rounded to 0.01 pt as it is written, plus the widths, rounded to
// 1/1000 em as they are written) stays within 0.02 pt of where the shaper
// put the next glyph.
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

func (b *pieceBuilder) glyph(fm *fontMetrics, r *text.Run, code rune, gid uint16, txt string, x, y float64, onBaseline bool) {
	adv := fm.pdfAdvance(gid, r.Size)
	c := b.cur
	if c != nil && onBaseline && c.font == fm && c.size == r.Size && c.bold == r.Face.SynthBold && c.y == y && math.Abs(x-b.pen) < 0.02 {
		c.codes = append(c.codes, code)
		c.gids = append(c.gids, gid)
		c.texts = append(c.texts, txt)
		b.pen += adv
	} else {
		b.flush()
		b.cur = &piece{x: x, y: y, font: fm, size: r.Size, bold: r.Face.SynthBold, codes: []rune{code}, gids: []uint16{gid}, texts: []string{txt}}
		b.pen = round2(x) + adv
	}
	if adv == 0 || !onBaseline {
		b.flush()
	}
}

// round2 rounds a position as it is written: to 0.01 pt.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// planText returns the pieces that draw the paragraph.
func planText(p *text.Paragraph) []piece {
	var b pieceBuilder
	for _, l := range p.Lines {
		oy := l.Baseline
		for _, u := range lineUnits(l) {
			if len(u.glyphs) == 0 {
				continue
			}
			r := u.run
			fm := metricsOf(r.Face)
			ox := l.X + r.X
			if u.simple && !u.short(fm) {
				g := u.glyphs[0]
				b.glyph(fm, r, u.codes[0], g.ID, "", ox+g.X, oy+g.Y, g.Y == 0)
				continue
			}
			b.flush()
			first := len(b.ps)
			order := u.drawOrder()
			texts := u.glyphTexts(fm, order)
			for k, i := range order {
				g := u.glyphs[i]
				x, y := ox+g.X, oy+g.Y
				if k == len(order)-1 {
					if tc := stretch(x, ox+u.right, fm.pdfAdvance(g.ID, r.Size)); tc != 0 {
						b.flush()
						b.glyph(fm, r, u.codes[i], g.ID, texts[i], x, y, false)
						b.ps[len(b.ps)-1].tc = tc
						continue
					}
				}
				b.glyph(fm, r, u.codes[i], g.ID, texts[i], x, y, g.Y == 0)
			}
			b.flush()
			if len(b.ps) > first {
				b.ps[first].actual, b.ps[first].open = u.actualText(), true
				b.ps[len(b.ps)-1].close = true
			}
		}
		b.flush()
	}
	return b.ps
}
