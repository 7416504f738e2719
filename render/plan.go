package render

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"handbill/text"
)

// glyphKey is one glyph drawn as standing for one piece of text. Each
// distinct key gets its own CID in the document's font (the CIDToGIDMap
// makes that free), so a glyph used for different text in different
// places ("ब" alone and "बच्" in a conjunct; a mirrored parenthesis)
// maps back to the right text everywhere.
type glyphKey struct {
	gid  uint16
	text string // never empty (see pieces.go)
	// carrier: the glyph is an invisible carrier of text, the font's blank
	// space glyph with a width of carrierWidth (see pieces.go).
	carrier bool
}

// drawn is a glyph to draw: its key and where its origin is, in points
// from the paragraph's top-left corner.
type drawn struct {
	key glyphKey
	id  keyID // key's number in the process (see internKey)
	x   float64
}

// keyID numbers a glyphKey for the rest of the process: documents look
// glyphs up by number, not by their text.
type keyID uint32

var keys struct {
	sync.Mutex
	ids  map[glyphKey]keyID
	list []glyphKey
}

// internKey returns k's number.
func internKey(k glyphKey) keyID {
	keys.Lock()
	defer keys.Unlock()
	return internLocked(k)
}

// internPieces numbers the glyphs of the pieces, under one lock: a
// paragraph's glyphs are planned on several goroutines at once (see
// planDocument), and a lock taken for every glyph kept them waiting on
// each other.
func internPieces(ps []piece) {
	keys.Lock()
	defer keys.Unlock()
	for i := range ps {
		for j := range ps[i].glyphs {
			ps[i].glyphs[j].id = internLocked(ps[i].glyphs[j].key)
		}
	}
}

func internLocked(k glyphKey) keyID {
	id, ok := keys.ids[k]
	if !ok {
		if keys.ids == nil {
			keys.ids = map[glyphKey]keyID{}
		}
		id = keyID(len(keys.list))
		keys.ids[k] = id
		keys.list = append(keys.list, k)
	}
	return id
}

// keyOf returns the key numbered id.
func keyOf(id keyID) glyphKey {
	keys.Lock()
	defer keys.Unlock()
	return keys.list[id]
}

// piece is one text-showing operation: glyphs of one font and size on one
// baseline, drawn by one TJ whose adjustments put each glyph where the
// shaper placed it, optionally as the only operation of an ActualText span.
// Positions are in points from the paragraph's top-left corner, y down.
type piece struct {
	y      float64
	font   *fontMetrics
	size   float64
	bold   bool
	glyphs []drawn
	// adjust are the TJ adjustments that draw the glyphs (see adjustments),
	// worked out when the paragraph is planned.
	adjust []float64
	// outline: the glyphs are marks, drawn as outlines, not text (see
	// outline.go).
	outline bool
	// span: the piece is drawn inside a /Span with /ActualText actual (see
	// actualtext.go). PDFium repeats a span's text once per text-showing
	// operation inside it, so a span never holds more than this one.
	span   bool
	actual string
}

// Planning a paragraph (units, pieces) is the same work wherever it is
// placed, and layouts place the same paragraph many times (every card
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
	internPieces(ps)
	for i := range ps {
		if len(ps[i].glyphs) > 0 && !ps[i].outline {
			ps[i].adjust = ps[i].adjustments(round2(ps[i].glyphs[0].x))
		}
	}
	plans.Lock()
	if plans.m == nil || len(plans.m) >= maxPlans {
		plans.m = map[*text.Paragraph][]piece{}
	}
	plans.m[p] = ps
	plans.Unlock()
	return ps
}

// round2 rounds a position as it is written: to 0.01 pt.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// planText returns the pieces that draw the paragraph: for each line, its
// runs in reading order (see lineRuns), each run one piece, one TJ of the
// run's letters and of invisible carriers, which stand for all of the
// run's text (pieces.go). Marks (glyphs of no advance, and glyphs the font
// raises or lowers off the baseline) follow as outlines (outline.go),
// their characters carried by the run. So every reader reads a run's text
// from one operation, in one go, and none misplaces a mark drawn apart
// from its letter or breaks a line between two marks.
func planText(p *text.Paragraph) []piece {
	var ps []piece
	for _, l := range p.Lines {
		for k, rs := range lineRuns(l) {
			r := rs[0].run
			fm := metricsOf(r.Face)
			ox := l.X + r.X
			newPiece := func(y float64) piece {
				return piece{y: y, font: fm, size: r.Size, bold: r.Face.SynthBold}
			}
			var run []piece // the run's pieces on the baseline
			main := newPiece(l.Baseline)
			var marks []piece
			flush := func() {
				main.joinFormat()
				if len(main.glyphs) > 0 {
					run = append(run, main)
				}
				main = newPiece(l.Baseline)
			}
			slotsOf := make([][]slot, len(rs))
			simple := make([]slot, len(rs)) // the one slot of each simple unit, in one array
			for i, u := range rs {
				if len(u.glyphs) == 0 {
					continue
				}
				if s, ok := u.simpleSlot(fm); ok {
					simple[i] = s
					slotsOf[i] = simple[i : i+1 : i+1]
				} else {
					slotsOf[i] = u.slots(fm)
				}
			}
			if !r.RTL {
				moveRepeatedCarriers(rs, slotsOf, fm)
			}
			n := 0
			for _, sl := range slotsOf {
				n += len(sl)
			}
			main.glyphs = make([]drawn, 0, n) // most runs are one piece
			for i, u := range rs {
				if len(u.glyphs) == 0 {
					continue
				}
				slots := slotsOf[i]
				// A glyph in the run that stands for no character (WORD
				// JOINER) would be read as one by readers that take
				// ActualText: such a unit of left-to-right text is a span
				// of its own, with its text. (Right-to-left text is not
				// split: pdf.js reorders each piece on its own.)
				span := !r.RTL && slices.ContainsFunc(slots, func(sl slot) bool { return sl.inRun && sl.text == wordJoiner })
				if span {
					flush()
					main.span, main.actual = true, typed(u.logicalText())
				}
				for _, sl := range slots {
					if sl.glyph < 0 {
						gid, _ := fm.carrier()
						main.add(drawn{key: glyphKey{gid: gid, text: sl.text, carrier: true}, x: ox + sl.x}, &marks, l.Baseline)
						continue
					}
					g := u.glyphs[sl.glyph]
					d := drawn{key: glyphKey{gid: g.ID, text: sl.text}, x: ox + g.X}
					if sl.inRun {
						main.add(d, &marks, l.Baseline)
						continue
					}
					// A mark: its outline if its characters are read from
					// the run, else a piece of text of its own height.
					y := l.Baseline + g.Y
					outline := sl.text == wordJoiner
					if n := len(marks); n == 0 || marks[n-1].y != y || marks[n-1].outline != outline {
						m := newPiece(y)
						m.outline = outline
						marks = append(marks, m)
					}
					m := &marks[len(marks)-1]
					m.glyphs = append(m.glyphs, d)
				}
				if span {
					flush()
				}
			}
			flush()
			var txt string // the run's text, which only right-to-left text needs
			if p.RTL || r.RTL {
				txt = runText(rs)
			}
			var before, after []piece // drawn before and after the run
			if p.RTL && len(run) == 1 && !run[0].span {
				var starts, ends bool
				before, after, starts, ends = run[0].splitEdgeSpaces(r.RTL)
				if starts {
					txt = strings.TrimPrefix(txt, " ")
				}
				if ends {
					txt = strings.TrimSuffix(txt, " ")
				}
			}
			if p.RTL && r.RTL && len(run) == 1 && !run[0].span && run[0].readInOrder() {
				// The readers that take ActualText (poppler, PDFium,
				// MuPDF), which sort by position, read the run's text as
				// drawn.
				run[0].span, run[0].actual = true, reverseString(txt)
			}
			if r.RTL && len(run) == 1 && slices.ContainsFunc(run[0].glyphs, func(d drawn) bool { return d.key.carrier }) {
				// Marks in right-to-left text: pdf.js needs a mark's
				// character before its letter's in the run (it reverses
				// the run), poppler after it (it joins a combining
				// character to the character before). The run's text
				// in a span settles it for poppler (and PDFium, MuPDF):
				// reversed, the order of the glyphs, which they reverse.
				run[0].span, run[0].actual = true, reverseString(txt)
			}
			if p.RTL && k > 0 && len(run) > 0 {
				if c, ok := run[0].wordStart(); ok {
					before = slices.Insert(before, 0, c)
				}
			}
			ps = append(ps, before...)
			ps = append(ps, run...)
			ps = append(ps, after...)
			ps = append(ps, marks...)
		}
	}
	return ps
}

// runText is the text of a run's units, in reading order, as typed: the
// bidi controls the layouts put around numbers (isolates) are left out, as
// from the glyphs' text (slots), or readers that take ActualText give them
// back and searches miss the text around them.
func runText(us []*unit) string {
	logical := slices.Clone(us)
	slices.SortStableFunc(logical, func(a, b *unit) int { return a.first() - b.first() })
	var b strings.Builder
	for _, u := range logical {
		b.WriteString(u.logicalText())
	}
	return typed(b.String())
}

func reverseString(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

// joinFormat gives the characters of carriers that stand for format
// characters alone (ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER) to the start
// of the next glyph's text in the run: pdf.js drops a glyph whose text is
// a format character, and then Firefox's find does not find a Persian
// word typed with its non-joiner. (The only glyphs that stand for more
// than one character: Ghostscript reads those wrong, but only those.)
func (p *piece) joinFormat() {
	isFormat := func(s string) bool {
		return s != wordJoiner && s != "" && strings.TrimFunc(s, func(r rune) bool { return unicode.Is(unicode.Cf, r) }) == ""
	}
	out := p.glyphs[:0]
	var held []drawn
	for _, g := range p.glyphs {
		if g.key.carrier && isFormat(g.key.text) {
			held = append(held, g)
			continue
		}
		if len(held) > 0 && !unicode.IsSpace([]rune(g.key.text)[0]) {
			var b strings.Builder
			for _, h := range held {
				b.WriteString(h.key.text)
			}
			g.key.text = b.String() + g.key.text
			held = held[:0]
		}
		out = append(out, held...)
		held = held[:0]
		out = append(out, g)
	}
	p.glyphs = append(out, held...)
}

// splitEdgeSpaces takes a space drawn first or last in the piece, a run
// of a right-to-left paragraph (rtl: the run's own direction), out of it,
// to be drawn as a piece of its own, before the run if it starts the
// run's text, after it if it ends it (starts, ends). pdf.js keeps a space
// only between two glyphs of one text item, and the runs of a
// right-to-left line, drawn in reading order, are each an item of their
// own: it lost the space where a run meets the next ("بالرقم911",
// "مجاني·سري·24/7", "SMS233733"). Drawn on its own, in reading order, the
// space is an item of its own, between the run and its neighbour: pdf.js
// keeps it, as it keeps every item, if its glyph does not stand for a
// space alone (a glyph whose text starts with a space is a space to it,
// and dropped), so the glyph stands for WORD JOINER and a space (pdf.js
// drops the joiner), and an ActualText span gives the space alone to the
// readers that take it (poppler, PDFium, MuPDF). MuPDF, which reverses
// each run and keeps the runs in the order they are drawn, reads the
// space in its place too. (Left in a run's span, a glyph standing for
// WORD JOINER and a space made MuPDF read part of the span twice.)
func (p *piece) splitEdgeSpaces(rtl bool) (before, after []piece, starts, ends bool) {
	isSpace := func(i int) bool { return !p.glyphs[i].key.carrier && p.glyphs[i].key.text == " " }
	own := func(d drawn) piece {
		d.key.text = zeroWidthSpace + " "
		return piece{y: p.y, font: p.font, size: p.size, bold: p.bold, glyphs: []drawn{d}}
	}
	// The glyph drawn last stands for the start of a right-to-left run's
	// text and for the end of another's, the one drawn first the other way
	// round.
	if n := len(p.glyphs); n >= 2 && isSpace(n-1) {
		sp := own(p.glyphs[n-1])
		p.glyphs = p.glyphs[:n-1]
		if rtl {
			before, starts = append(before, sp), true
		} else {
			after, ends = append(after, sp), true
		}
	}
	if len(p.glyphs) >= 2 && isSpace(0) {
		sp := own(p.glyphs[0])
		p.glyphs = p.glyphs[1:]
		if rtl {
			after, ends = append(after, sp), true
		} else {
			before, starts = append(before, sp), true
		}
	}
	return before, after, starts, ends
}

// readInOrder gives the glyphs of a right-to-left run of neutral
// characters alone (") · " between two Arabic words), drawn left to right,
// each other's text, so that they stand for the run's text in reading
// order, and reports whether it did. pdf.js gives such a run as drawn (its
// bidi step leaves text with no right-to-left letter as it is), and gave
// "· )" for ") ·". The run then needs an ActualText span of its text as
// drawn, for the readers that take it.
func (p *piece) readInOrder() bool {
	n := len(p.glyphs)
	if n < 2 || p.pdfjsReverses() || slices.ContainsFunc(p.glyphs, func(d drawn) bool { return d.key.carrier }) {
		return false
	}
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		p.glyphs[i].key.text, p.glyphs[j].key.text = p.glyphs[j].key.text, p.glyphs[i].key.text
	}
	return true
}

// pdfjsReverses reports whether pdf.js reverses the text of the piece, an
// item of its own: its bidi step does when three characters in ten or
// more are right-to-left letters (Hebrew, Arabic) or Arabic digits, and
// leaves the text as drawn otherwise (a number, a parenthesis).
func (p *piece) pdfjsReverses() bool {
	rtl, all := 0, 0
	for _, g := range p.glyphs {
		for _, r := range g.key.text {
			all++
			if 0x0590 <= r && r <= 0x06ff || 0xfb1d <= r && r <= 0xfdfd || 0xfe70 <= r && r <= 0xfefc {
				rtl++
			}
		}
	}
	return rtl > 0 && (all <= 4 || 10*rtl >= 3*all)
}

// zeroWidthSpace stands, with a space, for a space drawn on its own (see
// splitEdgeSpaces).
const zeroWidthSpace = "\u200b"

// wordStart returns a piece to draw before p: an invisible carrier
// standing for WORD JOINER a quarter of an em to the left of p's first
// glyph, so that PDFBox starts a new word at p (see wordGap). It is a
// piece of its own: first in p's TJ, MuPDF read a right-to-left run after
// it in visual order, and inside p's ActualText span (if p has one) read
// part of the span's text twice. Its own span has an empty ActualText:
// poppler, which sorts by position, put the carrier among the glyphs of
// the run to the left and a space either side of it (". 1-888-373-7888"),
// and the readers that take ActualText (poppler, PDFium, MuPDF) read
// nothing from it.
func (p *piece) wordStart() (piece, bool) {
	gid, ok := p.font.carrier()
	if !ok || len(p.glyphs) == 0 {
		return piece{}, false
	}
	c := drawn{key: glyphKey{gid: gid, text: wordJoiner, carrier: true}, x: p.glyphs[0].x - wordGap*p.size}
	return piece{y: p.y, font: p.font, size: p.size, bold: p.bold, glyphs: []drawn{c}, span: true}, true
}

// wordGap, in ems: PDFBox keeps the glyphs in the order they are drawn,
// starts a new word where a glyph starts further right than the last one
// ended, by a gap of half a space or so, and puts each word, not the
// line, through the bidi algorithm as text in visual order. The runs of
// a right-to-left line are drawn in reading order, each further left
// than the one before: with no gap between them, a line's runs made one
// word, which the bidi step put back to front ("18مقابل الجنس مع طفل
// دون" after the words that follow it). A carrier standing for WORD
// JOINER drawn a quarter of an em to the left of each run after the
// first gives it the gap: each run is then a word of its own, reordered
// on its own, as pdf.js reorders each run. (The carrier ends the word
// before: a bidi mark there would set that word's direction, and PDFBox
// mirrored a parenthesis alone in a run after a RIGHT-TO-LEFT MARK.)
// pdf.js drops the carrier, as it drops every format character, and
// pdfminer keeps it as an invisible character. Measured over every
// product in Arabic, Persian and Urdu: PDFBox from 79-89 % to 98 % or
// more; the others read what they read before, within 0.2 points
// (render/readers).
const wordGap = 0.25

// add appends a glyph to a run's piece, unless it has no advance and
// follows another that has none (pdfminer puts such glyphs on different
// lines): then its text joins that glyph's, and it is drawn after the run
// (in marks), standing for WORD JOINER, or not at all if it only carried
// text.
func (p *piece) add(d drawn, marks *[]piece, baseline float64) {
	if n := len(p.glyphs); n > 0 && p.advance(d.key) == 0 && p.advance(p.glyphs[n-1].key) == 0 {
		p.glyphs[n-1].key.text += d.key.text
		if d.key.carrier {
			return
		}
		d.key.text = wordJoiner
		if m := len(*marks); m == 0 || (*marks)[m-1].y != baseline || !(*marks)[m-1].outline {
			*marks = append(*marks, piece{y: baseline, font: p.font, size: p.size, bold: p.bold, outline: true})
		}
		mk := &(*marks)[len(*marks)-1]
		mk.glyphs = append(mk.glyphs, d)
		return
	}
	p.glyphs = append(p.glyphs, d)
}

// advance is the advance, in points, a viewer gives the glyph of key.
func (p *piece) advance(k glyphKey) float64 {
	if k.carrier {
		return carrierWidth * p.size / 1000
	}
	return p.font.pdfAdvance(k.gid, p.size)
}

// adjustments returns the TJ adjustments that draw the piece's glyphs
// where the shaper put them, given that the piece starts at x0 (its first
// glyph's origin, as written) and a viewer advances the pen by each
// glyph's width as written in the font (1/1000 em). adj[i] is in
// thousandths of an em, rounded as written (ShowSpaced), and the pen is
// carried with the rounded values, so errors do not add up.
func (p *piece) adjustments(x0 float64) []float64 {
	adj := make([]float64, len(p.glyphs))
	pen := x0
	for i, g := range p.glyphs {
		if i > 0 {
			a := math.Round((pen-g.x)*1000/p.size*10) / 10
			adj[i] = a
			pen -= a * p.size / 1000
		}
		pen += p.advance(g.key)
	}
	return adj
}
