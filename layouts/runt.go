package layouts

import (
	"slices"
	"strings"
	"unicode"

	"handbill/text"
)

// A runt is a last line that holds a single word: in a headline, a
// heading or a list item the eye stops on it and it reads as an
// afterthought ("Know the signs of child sex / trafficking"). Headings
// and list items are set so that none ends on one where a narrower
// measure avoids it (see unrunt); package check warns of those left
// (rule last-word), with the same test (Runt).

// Limits of what counts as one word.
const (
	// runtMaxRunes is the most characters a last line without a word
	// space may hold to count as one word: longer, in a script that does
	// not space its words (Thai, Khmer), it is a phrase.
	runtMaxRunes = 16
	// runtMaxCJK is the most Chinese or Japanese characters a last line
	// may hold to be a runt.
	runtMaxCJK = 2
	// unruntMin is the narrowest measure, as a share of the box, at
	// which a paragraph is set to avoid a runt.
	unruntMin = 0.62
	// unruntStep is the step by which the measure narrows.
	unruntStep = 0.01
)

// Runt returns the last line of p when it is a single word, else "": a
// paragraph of two lines or more whose last line has no word space (nor
// zero width space) while the lines before it have one, and at most 16
// characters; in Chinese or Japanese text, a last line of one or two
// characters.
func Runt(p *text.Paragraph) string {
	return runtOf(nonEmptyLines(p))
}

// nonEmptyLines is the text of p's lines that hold any, spaces trimmed.
func nonEmptyLines(p *text.Paragraph) []string {
	ts := p.LineTexts()
	lines := ts[:0]
	for _, t := range ts {
		if s := strings.TrimSpace(t); s != "" {
			lines = append(lines, s)
		}
	}
	return lines
}

// loneLine reports whether a line of p other than its last holds a
// single word: setting a heading's last two words together must not
// leave one alone on the line above.
func loneLine(p *text.Paragraph) bool {
	var lines []string
	for _, t := range p.LineTexts() {
		if s := strings.TrimSpace(t); s != "" {
			lines = append(lines, s)
			if len(lines) > 1 && len(lines) < len(p.Lines) && runtOf(lines) != "" {
				return true
			}
		}
	}
	return false
}

// runtOf is Runt on lines of text.
func runtOf(lines []string) string {
	if len(lines) < 2 {
		return ""
	}
	if word, decided := runtLast(lines[len(lines)-1]); decided {
		return word
	}
	last := strings.Trim(lines[len(lines)-1], "\u200b ")
	// A heading stacked a word a line (long words in a narrow column) has
	// no runt: its last line is like the others.
	if !slices.ContainsFunc(lines[:len(lines)-1], spaced) {
		return ""
	}
	return last
}

// spaced reports whether s has a word space.
func spaced(s string) bool { return strings.ContainsAny(s, " \u00a0\u200b\u3000") }

// runtLast is runtOf's verdict from the last line alone, if it gives one:
// a runt in Chinese or Japanese (or not), or no runt for a last line of
// words or of a phrase too long for one. Otherwise the last line is one
// word, a runt where the lines before it have word spaces.
func runtLast(line string) (word string, decided bool) {
	last := strings.Trim(line, "\u200b ")
	letters, cjk := 0, 0
	for _, r := range last {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			cjk++
			letters++
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			letters++
		}
	}
	if cjk > 0 && cjk*2 >= letters {
		if cjk <= runtMaxCJK {
			return last, true
		}
		return "", true
	}
	if spaced(last) || len([]rune(last)) > runtMaxRunes {
		return "", true
	}
	return last, false
}

// unrunt sets a paragraph that ends on a runt at a narrower measure, in
// steps down to 62% of its width, and returns the first setting with no
// runt for which ok holds (the same number of lines, or a fit in the
// block's box), with how far to move it across so it keeps its
// alignment in the original width. It returns p and 0 when no narrower
// measure helps. at must set the same text in the same style and size
// as p: whether a setting holds a runt and whether ok holds depend only
// on where its lines break, so a measure that breaks them as one already
// refused is skipped (text.Paragraph.SameLinesAt).
func unrunt(p *text.Paragraph, at func(width float64) *text.Paragraph, ok func(*text.Paragraph) bool) (*text.Paragraph, float64) {
	if Runt(p) == "" {
		return p, 0
	}
	w := p.Width
	// tried is the last setting refused: a narrower measure that breaks
	// the text into the same lines is refused too, without setting it.
	tried := p
	for f := 1 - unruntStep; f >= unruntMin-1e-9; f -= unruntStep {
		if tried.SameLinesAt(tried.Style.Size, w*f) {
			continue
		}
		q := at(w * f)
		if Runt(q) != "" || !ok(q) {
			tried = q
			continue
		}
		st := q.Style
		switch {
		case st.Align == text.Center:
			return q, (w - q.Width) / 2
		case (st.Align == text.Start) == q.RTL:
			return q, w - q.Width
		}
		return q, 0
	}
	return p, 0
}
