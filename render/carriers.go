package render

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Where the carriers of a left-to-right run stand.
//
// The readers that keep the order glyphs are drawn in (pdf.js, pdfminer,
// MuPDF, PDFium) read the carriers of a letter's other characters in that
// order wherever they stand. Three readers look at where they stand:
//
//   - poppler (without ActualText) sorts the pieces of a line by where
//     they start: a carrier must not start before one drawn ahead of it,
//     nor at or after the start of the glyph drawn next.
//   - PDFium sees a word space wherever a TJ adjustment moves the pen on
//     by more than half a carrier's width (in a font with no space of its
//     own, such as a Thai headline's): a carrier must not start after the
//     end of the one drawn ahead of it, and the last must reach the start
//     of the glyph drawn next.
//   - PDFBox (PDFTextStripper.processTextPosition) merges a nonspacing
//     mark (a text of one character, Unicode Mn, Lm or Sk) into the text
//     drawn just before it if that text's box holds it, after the
//     character whose part of the box holds it, so two marks merged into
//     one letter come back reversed ("मंे" for "में"); it merges a mark
//     into the text drawn just after it likewise ("បី្" for "្បី"); and
//     it drops a character drawn again where the same one was (a third of
//     its width away or less), taking it for text drawn twice to look
//     bold.
//
// So a row of carriers between two glyphs gets places, a little before
// the glyph drawn next (the row's boundary), for which PDFBox's rules,
// played out (pdfboxOrder), keep every character, in order, even when
// each place is off by the rounding of the TJ adjustments.

// carrierStep is the grid carriers are placed on, in carrier widths:
// stepsPerWidth steps make one.
const (
	carrierStep   = 0.1
	stepsPerWidth = 10
)

// placeCarriers sets where the carriers in ss (a unit's slots, drawing
// order, in a left-to-right run) stand: each row of carriers drawn
// between two glyphs of the run ends before the boundary, the end of the
// glyph before it (or, first in the unit, the start of the glyph after
// it), at the places rowPlaces finds for the row's characters.
func (u *unit) placeCarriers(ss []slot, fm *fontMetrics) {
	cw := carrierWidth * u.run.Size / 1000
	var run []int // the slots drawn in the run
	for i, s := range ss {
		if s.inRun {
			run = append(run, i)
		}
	}
	for a := 0; a < len(run); {
		if ss[run[a]].glyph >= 0 {
			a++
			continue
		}
		b := a
		texts := make([]string, 0, 4)
		for b < len(run) && ss[run[b]].glyph < 0 {
			texts = append(texts, ss[run[b]].text)
			b++
		}
		// The boundary: the end of the glyph before the row, or the start
		// of the one after it where that comes first (a conjunct's
		// second letter drawn into the first's box: "फ़्त").
		var edge float64
		over := 0
		switch {
		case a > 0:
			g := u.glyphs[ss[run[a-1]].glyph]
			end := g.X + fm.pdfAdvance(g.ID, u.run.Size)
			next := u.right
			if b < len(run) {
				next = u.glyphs[ss[run[b]].glyph].X
			}
			edge = min(end, next)
			over = min(int(math.Ceil((end-edge)/cw-0.5)), 3)
		case b < len(run):
			edge = u.glyphs[ss[run[b]].glyph].X
		}
		for k, at := range rowPlaces(texts, over) {
			ss[run[a+k]].x = edge + at*cw
		}
		a = b
	}
}

// rowPlaces returns the places of a row of carriers of texts, in carrier
// widths from the row's boundary, the glyph before the row ending over
// widths after it (0 to 3, 3 for more), found once for each kind of row
// (which characters are marks, which are the same).
func rowPlaces(texts []string, over int) []float64 {
	var key strings.Builder
	key.WriteByte(byte('0' + over))
	for i, t := range texts {
		switch {
		case pdfboxMark(t):
			key.WriteByte('m')
		default:
			key.WriteByte('c')
		}
		for j := range i {
			if texts[j] == t {
				key.WriteByte(byte('0' + j%10))
				break
			}
		}
		key.WriteByte('/')
	}
	if p, ok := rowPlacesMemo.Load(key.String()); ok {
		return p.([]float64)
	}
	p := findRowPlaces(texts, over)
	rowPlacesMemo.Store(key.String(), p)
	return p
}

var rowPlacesMemo sync.Map // rowPlaces' key → []float64

// The places tried, in carrierSteps from the boundary: from two carrier
// widths before it up to a fifth of one (no closer: the glyph drawn next
// must start after every carrier, for poppler, whatever the rounding).
const (
	placeFirst = -20
	placeLast  = -2
)

// findRowPlaces tries every row of places on the grid that poppler and
// PDFium read in order, lowest first, and returns the first
// that PDFBox reads in order, the glyph before the row ending over
// carrier widths after the boundary. A row too long to try, or with no such
// places, stands where the letter before it ends, as one.
func findRowPlaces(texts []string, over int) []float64 {
	n := len(texts)
	places := make([]float64, n)
	if n <= 5 {
		var try func(k, from int) bool
		try = func(k, from int) bool {
			if k == n {
				return places[n-1] >= -1 && pdfboxKeepsOrder(texts, places, over)
			}
			last := placeLast
			if k > 0 {
				last = min(last, from+stepsPerWidth)
			}
			for i := from; i <= last; i++ {
				places[k] = float64(i) * carrierStep
				if try(k+1, i) {
					return true
				}
			}
			return false
		}
		if try(0, placeFirst) {
			return places
		}
	}
	for k := range places {
		places[k] = -1
	}
	return places
}

// pdfboxKeepsOrder reports whether PDFBox reads a letter, the carriers of
// texts at places (carrier widths from the letter's end) and the letter
// after them in order, with each place off by up to a tenth of a width
// either way, and the row as a whole off by more.
func pdfboxKeepsOrder(texts []string, places []float64, over int) bool {
	want := "A" + strings.Join(texts, "") + "Z"
	n := len(places)
	xs := make([]float64, n)
	for shift := -0.15; shift <= 0.15+1e-9; shift += 0.3 {
		for signs := 0; signs < 1<<n; signs++ {
			for k := range places {
				d := -0.1
				if signs&(1<<k) != 0 {
					d = 0.1
				}
				xs[k] = places[k] + shift + d
			}
			if pdfboxOrder(texts, xs, float64(over)) != want {
				return false
			}
		}
	}
	return true
}

// pdfboxPos is a text position as PDFBox keeps it: where it starts, its
// width, its characters and the width of each (merged marks have none).
type pdfboxPos struct {
	x, w   float64
	text   []rune
	widths []float64
}

// pdfboxOrder plays out PDFBox 2.0's PDFTextStripper.processTextPosition
// (with TextPosition.contains, mergeDiacritic and isDiacritic) for a
// letter "A" ending at over, carriers of texts, a width wide, at xs, and
// a letter "Z" starting at 0, and returns the text it gives back.
func pdfboxOrder(texts []string, xs []float64, over float64) string {
	const letterWidth = 100 // carrier widths: a letter is far wider
	list := []*pdfboxPos{{x: over - letterWidth, w: letterWidth, text: []rune("A"), widths: []float64{letterWidth}}}
	seen := map[string][]float64{}
	add := func(p *pdfboxPos) {
		t := string(p.text)
		for _, x := range seen[t] {
			if x > p.x-p.w/3 && x < p.x+p.w/3 {
				return // drawn twice: dropped
			}
		}
		seen[t] = append(seen[t], p.x)
		prev := list[len(list)-1]
		switch {
		case p.isMark() && prev.contains(p):
			prev.merge(p)
		case prev.isMark() && p.contains(prev):
			p.merge(prev)
			list[len(list)-1] = p
		default:
			list = append(list, p)
		}
	}
	for k, t := range texts {
		add(&pdfboxPos{x: xs[k], w: 1, text: []rune(t), widths: []float64{1}})
	}
	add(&pdfboxPos{x: 0, w: letterWidth, text: []rune("Z"), widths: []float64{letterWidth}})
	var b strings.Builder
	for _, p := range list {
		b.WriteString(string(p.text))
	}
	return b.String()
}

// pdfboxMark reports whether PDFBox takes text for a diacritic: a single
// UTF-16 unit, a nonspacing mark or a modifier.
func pdfboxMark(t string) bool {
	rs := []rune(t)
	return len(rs) == 1 && rs[0] <= 0xffff && unicode.In(rs[0], unicode.Mn, unicode.Lm, unicode.Sk)
}

func (p *pdfboxPos) isMark() bool { return pdfboxMark(string(p.text)) }

// contains is TextPosition.contains, along the line.
func (p *pdfboxPos) contains(q *pdfboxPos) bool {
	start, end := p.x, p.x+p.w
	qStart, qEnd := q.x, q.x+q.w
	switch {
	case qEnd <= start || qStart >= end:
		return false
	case qStart > start && qEnd > end:
		return (end-qStart)/p.w > 0.15
	case qStart < start && qEnd < end:
		return (qEnd-start)/p.w > 0.15
	}
	return true
}

// merge is TextPosition.mergeDiacritic.
func (p *pdfboxPos) merge(d *pdfboxPos) {
	dStart, dEnd := d.x, d.x+d.widths[0]
	start := p.x
	for i := range p.text {
		end := start + p.widths[i]
		if dStart < start || dEnd <= end || i == len(p.text)-1 {
			p.insert(i, d.text[0])
			return
		}
		start = end
	}
}

// insert is TextPosition.insertDiacritic: r right after character i.
func (p *pdfboxPos) insert(i int, r rune) {
	p.text = append(p.text[:i+1], append([]rune{r}, p.text[i+1:]...)...)
	p.widths = append(p.widths[:i+1], append([]float64{0}, p.widths[i+1:]...)...)
}

// moveRepeatedCarriers: PDFBox drops a glyph whose text is that of a
// glyph drawn before it within a third of its width (pdfboxOrder), and
// the last carrier of a unit of a left-to-right run stands just before
// the next unit's first glyph. Where the two stand for the same character
// (Khmer "ទូរស័ព្ទទៅ": the carrier of the subscript TO of "ព្ទ", then the
// TO of "ទៅ"), PDFBox gave the text back without the second ("ទូរស័ព្ទៅ").
// The two texts being the same, the carrier is drawn after the glyph
// instead, first in the row of carriers after it: the text reads the
// same in the order the glyphs are drawn, and PDFBox keeps a carrier
// (a thousandth of an em wide) wherever it stands apart from the glyph.
// Not where either unit is drawn in an ActualText span of its own text
// (a glyph standing for WORD JOINER, see plan.go), which the carrier
// would leave or join. ss are the units' slots (slots), re-placed where a
// carrier moves.
func moveRepeatedCarriers(us []*unit, ss [][]slot, fm *fontMetrics) {
	spanned := func(s []slot) bool {
		return slices.ContainsFunc(s, func(sl slot) bool { return sl.inRun && sl.text == wordJoiner })
	}
	for i := 0; i+1 < len(us); i++ {
		a, b := ss[i], ss[i+1]
		la := lastIndexOf(a, func(sl slot) bool { return sl.inRun })
		fb := slices.IndexFunc(b, func(sl slot) bool { return sl.inRun })
		if la < 0 || fb < 0 {
			continue
		}
		c, g := a[la], b[fb]
		if c.glyph >= 0 || g.glyph < 0 || g.zero || c.text != g.text || pdfboxMark(c.text) || spanned(a) || spanned(b) {
			continue
		}
		a = slices.Delete(slices.Clone(a), la, la+1)
		b = slices.Insert(slices.Clone(b), fb+1, c)
		us[i].placeCarriers(a, fm)
		us[i+1].placeCarriers(b, fm)
		ss[i], ss[i+1] = a, b
	}
}

// lastIndexOf returns the index of the last slot for which f is true, or -1.
func lastIndexOf(s []slot, f func(slot) bool) int {
	for i := len(s) - 1; i >= 0; i-- {
		if f(s[i]) {
			return i
		}
	}
	return -1
}
