package render

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"
)

// The text each glyph stands for.
//
// A unit's text, in reading order (backwards in right-to-left text, which
// readers reverse), is cut into one piece per glyph drawn in its run's TJ,
// in the order they are drawn, so that the pieces read in that order spell
// the text (cutText). Then each glyph stands for one character (one code
// point) of its piece, and the others go to invisible carriers: the
// font's blank space glyph, drawn with a width of next to none
// (carrierWidth), a CID for each character it carries, in a left-to-right
// run where PDFBox, poppler and PDFium read them in order (carriers.go). Ghostscript reads
// a ToUnicode entry of more than one code point as garbage ("tra昀케cking"
// for the "ffi" ligature), and the readers' rules below want it too.
//
//   - Marks (glyphs of no advance, or off the baseline) are drawn as
//     outlines (outline.go): their characters go with the letters of the
//     unit, the glyphs on the baseline with an advance. A unit with no
//     letter draws its marks in the run, carrying their own text.
//   - pdf.js takes a glyph whose text holds a nonspacing mark (Unicode Mn)
//     for a mark of no width, whatever its width, and loses its place in
//     the line by that width, and then sees a word space where there is
//     none ("संके त"). So a letter stands for a character that is no mark,
//     its first; the marks before it and the characters after it go to
//     carriers just before and after it.
//   - pdf.js drops a glyph whose text is a format character (Unicode Cf):
//     a joiner goes to the start of the next glyph's text in the run
//     (joinFormat), so that a Persian word is found as typed, with its
//     ZERO WIDTH NON-JOINER.
//   - pdfminer puts two glyphs of no width that follow each other on
//     different lines: so carriers have a width, and two marks of no width
//     in a row in a run (a unit without letters) share one glyph's text.
//   - ZERO WIDTH SPACE and bidi controls are left out: nobody types them,
//     and readers' searches (Firefox's, Chrome's) do not skip them.
//   - A letter drawn for no character of its own (Bengali and Khmer vowels
//     in two parts) stands for WORD JOINER, which readers drop or keep as
//     an invisible character; its unit gets an ActualText span (plan.go).

// wordJoiner is the text of a glyph that stands for no character.
const wordJoiner = "\u2060"

// slot is one glyph of a unit to draw: a glyph of the unit (glyph is its
// index) or an invisible carrier of text (glyph < 0), in its run's TJ
// (inRun) or after it (a mark: as an outline if it stands for WORD
// JOINER, else as text of its own).
type slot struct {
	glyph int
	text  string
	inRun bool
	zero  bool    // drawn with no advance: a mark of no width, or a carrier
	x     float64 // the carrier's origin, relative to the run (glyphs have their own)
}

// slots returns the glyphs to draw for the unit, in drawing order, with the
// text each stands for.
func (u *unit) slots(fm *fontMetrics) []slot {
	if s, ok := u.simpleSlot(fm); ok {
		return []slot{s}
	}
	order := make([]int, len(u.glyphs))
	for i := range order {
		order[i] = i
	}
	// The glyphs stand for the unit's text without ZERO WIDTH SPACE and
	// bidi controls: break hints and layout instructions that nobody
	// types, which readers would keep in the text and searches would then
	// miss (Firefox's and Chrome's find do not skip them).
	rs := []rune(typed(u.logicalText()))
	if u.run.RTL {
		// Drawn left to right: readers reverse right-to-left text.
		slices.Reverse(rs)
	}
	const (
		letter = iota // on the baseline, with an advance: in the run
		mark          // on the baseline, no advance, in a unit without letters: in the run
		off           // a mark (no advance, or off the baseline): after the run
	)
	kinds := make([]int, len(order))
	letters := false
	for k, i := range order {
		g := u.glyphs[i]
		if g.Y == 0 && fm.width(g.ID) > 0 {
			kinds[k], letters = letter, true
		} else {
			kinds[k] = off
		}
	}
	inRun := letters
	if !letters {
		for k, i := range order {
			if u.glyphs[i].Y == 0 {
				kinds[k], inRun = mark, true
			}
		}
	}
	// The glyphs that carry text: those in the run, or, if none is, all
	// (each then stands for its own piece, after the run).
	var carriers []int
	var emptyOK []bool
	for k := range order {
		if kinds[k] != off || !inRun {
			carriers = append(carriers, k)
			emptyOK = append(emptyOK, kinds[k] != letter)
		}
	}
	texts := make([]string, len(order))
	if len(carriers) == 1 {
		texts[carriers[0]] = string(rs) // one glyph carries it all (most units)
	} else {
		cutPieces(rs, u, fm, order, carriers, emptyOK, texts)
	}

	var out []slot
	for k, i := range order {
		g := u.glyphs[i]
		t := texts[k]
		switch {
		case !inRun:
			out = append(out, slot{glyph: i, text: t})
		case kinds[k] == off || (kinds[k] == mark && t == ""):
			out = append(out, slot{glyph: i, text: wordJoiner})
		case kinds[k] == mark:
			// A mark of a unit without letters: it stands for the first
			// character of its piece, carriers for the rest.
			rs := []rune(t)
			out = append(out, slot{glyph: i, text: string(rs[0]), inRun: true, zero: true})
			for _, r := range rs[1:] {
				out = append(out, slot{glyph: -1, text: string(r), inRun: true, x: g.X})
			}
		default:
			// A letter stands for one character of its piece, its first
			// that is no mark nor format character (in a right-to-left
			// run, its last: see keepLetter), and carriers just before
			// and after it for the others, one each.
			rs := []rune(t)
			at := slices.IndexFunc(rs, isBase)
			if u.run.RTL {
				at = lastIndexFunc(rs, isBase)
			}
			if _, ok := fm.carrier(); !ok || len(rs) <= 1 {
				out = append(out, slot{glyph: i, text: t, inRun: true})
				continue
			}
			at = max(at, 0)
			if !u.run.RTL {
				// The carriers' places are set once the unit's are all
				// known (placeCarriers).
				for _, r := range rs[:at] {
					out = append(out, slot{glyph: -1, text: string(r), inRun: true})
				}
				out = append(out, slot{glyph: i, text: string(rs[at]), inRun: true})
				for _, r := range rs[at+1:] {
					out = append(out, slot{glyph: -1, text: string(r), inRun: true})
				}
				continue
			}
			// In a right-to-left run, carriers before the letter end
			// where it starts: PDFBox, which reverses the run character
			// by character, would give a mark in the letter's box to the
			// letter, after its character, and so, reversed, before it
			// ("قّدم" for "قدّم").
			before := g.X - carrierWidth*u.run.Size/1000
			for _, r := range rs[:at] {
				out = append(out, slot{glyph: -1, text: string(r), inRun: true, x: before})
			}
			out = append(out, slot{glyph: i, text: string(rs[at]), inRun: true})
			// Carriers after the letter end where it ends, not start
			// there: PDFBox gives a mark to the glyph whose box holds it,
			// and a carrier starting where the letter ends lies in the
			// next glyph's box.
			end := g.X + fm.pdfAdvance(g.ID, u.run.Size) - carrierWidth*u.run.Size/1000
			for _, r := range rs[at+1:] {
				out = append(out, slot{glyph: -1, text: string(r), inRun: true, x: end})
			}
		}
	}
	out = tidy(out)
	if !u.run.RTL && letters {
		u.placeCarriers(out, fm)
	}
	return out
}

// simpleSlot returns the one slot of the most common unit, which slots
// would find at length: one glyph on the baseline with an advance (a
// letter) standing for one typed character, drawn in the run with no
// carrier.
func (u *unit) simpleSlot(fm *fontMetrics) (slot, bool) {
	if len(u.glyphs) != 1 || len(u.parts) != 1 || u.glyphs[0].Y != 0 {
		return slot{}, false
	}
	t := u.parts[0].text
	_, n := utf8.DecodeRuneInString(t)
	if n == 0 || n != len(t) || typed(t) != t || fm.width(u.glyphs[0].ID) <= 0 {
		return slot{}, false
	}
	return slot{glyph: 0, text: t, inRun: true}, true
}

// keepLetter: PDFBox drops a glyph whose text is that of a glyph drawn
// before it at nearly the same place (within a third of its width: it
// takes it for text drawn twice to look bold). A carrier after a letter
// stands where the next glyph starts, so in a right-to-left run, where a
// ligature such as LAM WITH ALEF often follows a LAM ("للإقامة", drawn
// left to right: the ligature, then the LAM), the carriers of a letter's
// other characters go before it, at its start, and the letter stands for
// its piece's last character that is no mark: no carrier then holds the
// LAM that the next glyph draws.
func lastIndexFunc(rs []rune, f func(rune) bool) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if f(rs[i]) {
			return i
		}
	}
	return -1
}

// typed is s without ZERO WIDTH SPACE and bidi controls (marks,
// embeddings, overrides, isolates): what a person types, and searches for.
func typed(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\u200b' || r == '\u200e' || r == '\u200f' || ('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069') {
			return -1
		}
		return r
	}, s)
}

// isBase reports a character that is neither a nonspacing mark nor a
// format character: one a glyph with an advance can stand for in pdf.js.
func isBase(r rune) bool { return !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Cf, r) }

// cutPieces cuts rs into the pieces of the carrying glyphs (carriers,
// indices into order) and puts them in texts (see cutText).
func cutPieces(rs []rune, u *unit, fm *fontMetrics, order, carriers []int, emptyOK []bool, texts []string) {
	gids := make([]font.GID, len(carriers))
	for j, k := range carriers {
		gids[j] = font.GID(u.glyphs[order[k]].ID)
	}
	nominal := make([]font.GID, len(rs))
	f := fm.face.Font()
	for j, r := range rs {
		if g, ok := f.NominalGlyph(r); ok {
			nominal[j] = g
		} else {
			nominal[j] = math.MaxUint32
		}
	}
	// Format characters (joiners, zero width space) are cut with the
	// character before them (or the first): they are no glyph's own.
	var plain []rune
	var plainNominal []font.GID
	var at []int // at[j]: index in rs of plain[j]
	for j, r := range rs {
		if !unicode.Is(unicode.Cf, r) {
			plain = append(plain, r)
			plainNominal = append(plainNominal, nominal[j])
			at = append(at, j)
		}
	}
	cuts := cutText(plain, gids, plainNominal, emptyOK)
	bound := func(c int) int { // where, in rs, the piece starting at plain[c] starts
		switch {
		case c == 0:
			return 0
		case c >= len(plain):
			return len(rs)
		}
		return at[c]
	}
	for j, k := range carriers {
		a, b := bound(cuts[j]), bound(cuts[j+1])
		if cuts[j] == cuts[j+1] {
			a, b = 0, 0 // an empty piece
		}
		texts[k] = string(rs[a:b])
	}
}

// tidy applies two of the rules at the top of this file to a unit's
// slots: no two glyphs of no width in a row in the run, and no glyph
// without text.
func tidy(ss []slot) []slot {
	prev := -1
	for i := range ss {
		if !ss[i].inRun {
			continue
		}
		if prev >= 0 && ss[prev].zero && ss[i].zero {
			// Two marks of no width in a row (a unit without letters).
			ss[prev].text += ss[i].text
			ss[i].inRun, ss[i].text = false, ""
			continue
		}
		prev = i
	}
	out := ss[:0]
	for _, s := range ss {
		if s.text == "" {
			if s.glyph < 0 {
				continue // a carrier with nothing to carry
			}
			s.text = wordJoiner
		}
		out = append(out, s)
	}
	return out
}

// cutText cuts rs into one piece per glyph (gids, in drawing order):
// cuts[k]:cuts[k+1] is glyph k's. A glyph's piece may be empty only if
// emptyOK[k], or if there are too few characters for the glyphs that need
// one. The cuts maximise the glyphs whose piece is exactly a character
// they are the nominal glyph of (2 points), or holds one (1 point).
func cutText(rs []rune, gids []font.GID, nominal []font.GID, emptyOK []bool) []int {
	n, m := len(gids), len(rs)
	if n == 1 {
		return []int{0, m} // one glyph: all of it (most units)
	}
	need := 0
	for _, ok := range emptyOK {
		if !ok {
			need++
		}
	}
	allowAll := need > m
	const none = -1 << 30
	// best[k][j]: the best score for glyphs [0,k) over runes [0,j).
	best := make([][]int, n+1)
	from := make([][]int, n+1)
	cells := make([]int, 2*(n+1)*(m+1))
	for k := range best {
		best[k], cells = cells[:m+1:m+1], cells[m+1:]
		from[k], cells = cells[:m+1:m+1], cells[m+1:]
		for j := range best[k] {
			best[k][j] = none
		}
	}
	best[0][0] = 0
	score := func(k, a, b int) int {
		sc := 0
		if !emptyOK[k] && !slices.ContainsFunc(rs[a:b], isBase) {
			sc = -3 // a glyph with an advance standing for marks alone
		}
		if b-a == 1 && nominal[a] == gids[k] {
			return sc + 2
		}
		for j := a; j < b; j++ {
			if nominal[j] == gids[k] {
				return sc + 1
			}
		}
		return sc
	}
	for k := 1; k <= n; k++ {
		for j := 0; j <= m; j++ {
			for a := j; a >= 0; a-- {
				if a == j && !emptyOK[k-1] && !allowAll {
					continue
				}
				if best[k-1][a] == none {
					continue
				}
				if s := best[k-1][a] + score(k-1, a, j); s > best[k][j] {
					best[k][j], from[k][j] = s, a
				}
			}
		}
	}
	cuts := make([]int, n+1)
	cuts[n] = m
	for k := n; k > 0; k-- {
		cuts[k-1] = from[k][cuts[k]]
	}
	return cuts
}

// carrierWidth is the width of a carrier, in thousandths of an em: next
// to none, but not none, or pdfminer would put two carriers in a row on
// different lines.
const carrierWidth = 1

// carrier returns the glyph that carries text invisibly: the font's
// glyph for SPACE, if it draws nothing.
func (fm *fontMetrics) carrier() (uint16, bool) {
	fm.carrierOnce.Do(func() {
		g, ok := fm.face.Font().NominalGlyph(' ')
		if ok {
			fm.mu.Lock()
			out, isOutline := fm.gf.GlyphData(g).(font.GlyphOutline)
			fm.mu.Unlock()
			ok = isOutline && len(out.Segments) == 0
		}
		fm.carrierGID, fm.carrierOK = uint16(g), ok
	})
	return fm.carrierGID, fm.carrierOK
}
