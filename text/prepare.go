package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Invisible controls the engine inserts before shaping. They steer the bidi
// algorithm and the line breaker; they are never drawn or extracted.
const (
	lri = '\u2066' // left-to-right isolate
	pdi = '\u2069' // pop directional isolate
	wj  = '\u2060' // word joiner: no line break on either side
)

// prepared is a piece of text (one hard line) ready for shaping: the runes
// to shape, and for each the index of the input rune it stands for, or -1
// for a control the engine inserted.
type prepared struct {
	runes  []rune
	origin []int
}

// keepTogether finds what must never be broken across lines or reordered by
// the bidi algorithm: web and e-mail addresses, and phone numbers and text
// codes made of digit groups ("1-888-373-7888", "08000 121 700",
// "1-800-THE-LOST", "(02) 1343").
var keepTogether = regexp.MustCompile(
	`(?i:(?:https?://)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|gov|net|edu|info|int|ca|uk|ie|mx|au|ph|in|eu|us|io|app)(?:/[^\s]*)?)` +
		`|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}` +
		`|\+?(?:\([0-9]+\) ?)?[0-9][0-9A-Z]*(?:[-./][0-9A-Z]+|[ \x{a0}][0-9]+)+`)

// protectedRanges returns [start,end) rune ranges of s matched by keepTogether,
// with trailing sentence punctuation left out.
func protectedRanges(s string) [][2]int {
	var out [][2]int
	for _, m := range keepTogether.FindAllStringIndex(s, -1) {
		a, b := m[0], m[1]
		for b > a && strings.ContainsRune(".,;:!?)»”’", rune(s[b-1])) {
			b--
		}
		if b-a < 2 {
			continue
		}
		out = append(out, [2]int{utf8.RuneCountInString(s[:a]), utf8.RuneCountInString(s[:b])})
	}
	return out
}

func isHangul(r rune) bool {
	return unicode.Is(unicode.Hangul, r)
}

func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// prepare turns one hard line of input (orig[from:to]) into shaping input:
//   - protected ranges get word joiners around every non-alphanumeric
//     character, so a hotline or address never breaks, and in a paragraph
//     with right-to-left text they are isolated (LRI…PDI) so they read left
//     to right;
//   - Hangul words get word joiners between syllables, so Korean breaks
//     between words, not syllables ("keep-all");
//   - tabs become spaces.
func prepare(orig []rune, from, to int, protect [][2]int, isolate bool) prepared {
	p := prepared{runes: make([]rune, 0, to-from+8), origin: make([]int, 0, to-from+8)}
	add := func(r rune, o int) {
		p.runes = append(p.runes, r)
		p.origin = append(p.origin, o)
	}
	inRange := func(i int) (start, end bool, in bool) {
		for _, pr := range protect {
			if i >= pr[0] && i < pr[1] {
				return i == pr[0], i == pr[1]-1, true
			}
		}
		return false, false, false
	}
	for i := from; i < to; i++ {
		r := orig[i]
		if r == '\t' {
			r = ' '
		}
		start, end, in := inRange(i)
		if in && start && isolate {
			add(lri, -1)
		}
		if i > from && len(p.runes) > 0 {
			prev := orig[i-1]
			_, _, prevIn := inRange(i - 1)
			joinProtected := in && prevIn && !start && (!isWordChar(r) || !isWordChar(prev))
			joinHangul := !unicode.IsSpace(prev) && !unicode.IsSpace(r) &&
				((isHangul(prev) && (isHangul(r) || isWordChar(r))) || (isHangul(r) && isWordChar(prev)))
			if joinProtected || joinHangul {
				add(wj, -1)
			}
		}
		add(r, i)
		if in && end && isolate {
			add(pdi, -1)
		}
	}
	return p
}

// isRTLRune reports a strong right-to-left character.
func isRTLRune(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
