package text

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Invisible controls the engine inserts before shaping. They steer the bidi
// algorithm and the line breaker; they are never drawn or extracted.
const (
	lri = '\u2066' // left-to-right isolate
	pdi = '\u2069' // pop directional isolate
	wj  = '\u2060' // word joiner: no line break on either side
	zws = '\u200B' // zero width space: a line may break here
)

// prepared is a piece of text (one hard line) ready for shaping: the runes
// to shape, and for each the index of the input rune it stands for, or -1
// for a control the engine inserted.
type prepared struct {
	runes  []rune
	origin []int
	// keep holds the [start, end) ranges of runes (in runes) that are a
	// phone number, code or address, to be drawn in one face.
	keep [][2]int
	// longPhrase reports a line of Chinese or Japanese set by phrases
	// with a phrase over maxPhrase characters: it is prepared at each
	// phraseLevel (see phraseGlue).
	longPhrase bool
	level      phraseLevel // the level it was prepared at
	// phrased reports a line set by phrases (see phraseGlue), whose
	// lines are balanced (see balancedWidth).
	phrased bool
}

// keepTogether finds what must never be broken across lines or reordered by
// the bidi algorithm: web and e-mail addresses, and phone numbers and text
// codes made of digit groups ("1-888-373-7888", "08000 121 700",
// "1-800-THE-LOST", "(02) 1343").
var keepTogether = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(
		`(?i:(?:https?://)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|gov|net|edu|info|int|ca|uk|ie|mx|au|ph|in|eu|us|io|app)(?:/[^\s]*)?)` +
			`|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}` +
			`|\+?(?:\([0-9]+\) ?)?[0-9][0-9A-Z]*(?:[-./][0-9A-Z]+|[ \x{a0}][0-9]+)+`)
})

// protectedRanges returns [start,end) rune ranges of s matched by keepTogether,
// with trailing sentence punctuation left out.
func protectedRanges(s string) [][2]int {
	if !mayKeepTogether(s) {
		return nil
	}
	var out [][2]int
	for _, m := range keepTogether().FindAllStringIndex(s, -1) {
		a, b := m[0], m[1]
		for b > a {
			r, n := utf8.DecodeLastRuneInString(s[a:b])
			if !strings.ContainsRune(".,;:!?)]}»”’\"'›」』", r) {
				break
			}
			b -= n
		}
		if b-a < 2 {
			continue
		}
		out = append(out, [2]int{utf8.RuneCountInString(s[:a]), utf8.RuneCountInString(s[:b])})
	}
	return out
}

// mayKeepTogether reports whether keepTogether can match in s: each of its
// alternatives needs an ASCII digit (a phone number or code), an @ (an
// e-mail address) or a dot before an ASCII letter (a web address's
// top-level domain). Most paragraphs have none of them, and the regular
// expression, tried at every position, was a twentieth of a cold
// document's instructions.
func mayKeepTogether(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', c == '@':
			return true
		case c == '.' && i+1 < len(s):
			if d := s[i+1] | 0x20; 'a' <= d && d <= 'z' {
				return true
			}
		}
	}
	return false
}

// Hangul classes for keep-all breaking: a syllable (precomposed, or a
// compatibility letter standing alone), or a conjoining jamo that is the
// lead (L), vowel (V) or tail (T) of a decomposed syllable.
const (
	notHangul = iota
	hangulSyllable
	hangulL
	hangulV
	hangulT
)

func hangulClass(r rune) int {
	switch {
	case r >= 0xAC00 && r <= 0xD7A3, r >= 0x3130 && r <= 0x318F:
		return hangulSyllable
	case r >= 0x1100 && r <= 0x115F, r >= 0xA960 && r <= 0xA97F:
		return hangulL
	case r >= 0x1160 && r <= 0x11A7, r >= 0xD7B0 && r <= 0xD7C6:
		return hangulV
	case r >= 0x11A8 && r <= 0x11FF, r >= 0xD7CB && r <= 0xD7FB:
		return hangulT
	}
	return notHangul
}

// joinHangul reports whether a word joiner goes between prev and r: between
// two Hangul syllables of a word, or a syllable and a letter or digit
// touching it, but never inside a decomposed syllable (that would stop the
// jamo from composing).
func joinHangul(prev, r rune) bool {
	pc, rc := hangulClass(prev), hangulClass(r)
	if pc == notHangul && rc == notHangul {
		return false
	}
	endsSyllable := pc == hangulSyllable || pc == hangulV || pc == hangulT
	startsSyllable := rc == hangulSyllable || rc == hangulL
	switch {
	case pc != notHangul && rc != notHangul:
		return endsSyllable && startsSyllable
	case pc != notHangul:
		return endsSyllable && isWordChar(r) && !unicode.IsMark(r)
	default:
		return startsSyllable && isWordChar(prev)
	}
}

// isKatakana reports a katakana letter or the prolonged sound mark (not
// the middle dot ・, which separates words).
func isKatakana(r rune) bool {
	return r >= 0x30A1 && r <= 0x30FA || r >= 0x30FC && r <= 0x30FF || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9F
}

// isIdeographic reports a Han character or kana: text written without
// spaces, where a line may otherwise break between any two characters.
func isIdeographic(r rune) bool {
	// None of the three scripts has a character below U+2E80 (CJK
	// Radicals Supplement), and the tables are long: most text is
	// answered without them.
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// digitRun returns the length of the run of ASCII digits starting at i
// (going forward, or backward from i when back is set) in rs[from:to].
func digitRun(rs []rune, i, from, to int, back bool) int {
	n := 0
	for i >= from && i < to && rs[i] >= '0' && rs[i] <= '9' {
		n++
		if back {
			i--
		} else {
			i++
		}
	}
	return n
}

// shortNumber is the most digits of a number kept with the word beside it
// ("Call 911", "24 hours", "拨打911"): longer ones are hotlines and codes,
// which keepTogether handles.
const shortNumber = 4

// glueSpace reports whether the space orig[i] must not break: between a
// word and a short number that ends a phrase ("Call 911.", "Llame al
// 911."), or, when the number is not kept with the word before it, between
// a short number and the word after it ("24 hours", "18 years").
func glueSpace(orig []rune, i, from, to int) bool {
	if i-1 < from || i+1 >= to {
		return false
	}
	// word␠number
	if n := digitRun(orig, i+1, from, to, false); n > 0 && n <= shortNumber &&
		(i+1+n >= to || endsNumber(orig[i+1+n]) && orig[i+1+n] != ' ' && orig[i+1+n] != '\u00a0') && unicode.IsLetter(orig[i-1]) {
		return true
	}
	// number␠word, the number not glued to a word before it
	if n := digitRun(orig, i-1, from, to, true); n > 0 && n <= shortNumber && unicode.IsLetter(orig[i+1]) {
		start := i - n // index of the number's first digit
		if start-1 < from {
			return true
		}
		if orig[start-1] == ' ' && start-2 >= from && unicode.IsLetter(orig[start-2]) {
			return false
		}
		return orig[start-1] == ' ' || strings.ContainsRune("\u00a0(«“‘「『（，、,", orig[start-1])
	}
	return false
}

// isSeparator reports a dot set between the items of a list on one line
// ("Free · confidential · 24/7"): it stays at the end of a line, never
// starts one (JIS X 4051 and CLREQ forbid a middle dot at a line start;
// in Latin a line that opens with "·" reads as a stray bullet).
func isSeparator(r rune) bool {
	return strings.ContainsRune("\u00b7\u2022\u2027\u22c5\u30fb", r)
}

// shortItem is the longest item, in characters, of a dotted list in
// Chinese or Japanese that is kept on one line ("保密", "全天24小时").
const shortItem = 8

// dottedItems marks, in orig[from:to], the characters of the short items
// of a dotted list ("免费 · 保密 · 全天24小时") written in Han or kana: each
// such item stays whole on one line, as a Chinese or Japanese typesetter
// keeps a short phrase, instead of breaking between any two characters
// ("保/密"). It returns nil when the line has no separator dot (most
// texts) or no such item.
func dottedItems(orig []rune, from, to int) []bool {
	seps := 0
	for i := from; i < to; i++ {
		if isSeparator(orig[i]) {
			seps++
		}
	}
	if seps == 0 {
		return nil
	}
	var keep []bool
	start := from
	for i := from; i <= to; i++ {
		if i < to && !isSeparator(orig[i]) {
			continue
		}
		a, b := start, i
		for a < b && unicode.IsSpace(orig[a]) {
			a++
		}
		for b > a && unicode.IsSpace(orig[b-1]) {
			b--
		}
		cjk := false
		for k := a; k < b; k++ {
			cjk = cjk || isIdeographic(orig[k])
		}
		if cjk && b-a <= shortItem {
			if keep == nil {
				keep = make([]bool, to-from)
			}
			for k := a + 1; k < b; k++ {
				keep[k-from] = true
			}
		}
		start = i + 1
	}
	return keep
}

// endsNumber reports a character that may follow a short number kept with
// its word: a space or sentence punctuation (not a hyphen or slash, which
// make it part of a longer code).
func endsNumber(r rune) bool {
	return r == ' ' || r == '\u00a0' || strings.ContainsRune(".,;:!?)»”’」』）。，、！？", r)
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
//     between words, not syllables ("keep-all"), and so do katakana words
//     (ホットライン);
//   - a separator dot stays with the word before it ("24/7 ·", never a
//     line that starts with "·"): see isSeparator; and a short item of
//     such a list in Chinese or Japanese stays whole: see dottedItems;
//   - in a short line of Chinese or Japanese (a headline, a list item), a
//     phrase stays whole (サインを / 知ってください, not 知って / ください),
//     as firmly as level says: see phraseGlue;
//   - a short number stays with the word before it ("Call 911", "拨打911")
//     or, failing that, after it ("24 hours"): see glueSpace;
//   - Thai, Khmer and Lao runs get zero width spaces between their words,
//     found in a dictionary (see wordBreaks), so they break between words
//     as the writer typed them, without spaces;
//   - tabs become spaces.
func prepare(orig []rune, from, to int, protect [][2]int, isolate bool, lang language.Tag, level phraseLevel) prepared {
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
	dict := dictionaryBreaks(orig, from, to)
	items := dottedItems(orig, from, to)
	phrases, long := phraseGlue(lang, orig, from, to, level)
	p.longPhrase, p.level, p.phrased = long, level, phrases != nil
	for i := from; i < to; i++ {
		r := orig[i]
		if dict[i] {
			add(zws, -1)
		}
		if r == '\t' {
			r = ' '
		}
		start, end, in := inRange(i)
		if in && start {
			if isolate {
				add(lri, -1)
			}
			p.keep = append(p.keep, [2]int{len(p.runes), len(p.runes)})
		}
		if i > from && len(p.runes) > 0 {
			prev := orig[i-1]
			_, _, prevIn := inRange(i - 1)
			joinProtected := in && prevIn && !start && (!isWordChar(r) || !isWordChar(prev))
			// Katakana words (ホットライン) stay whole, and a short
			// number stays with the two Han or kana characters before
			// it (拨打911: most such verbs are two characters).
			joinKana := isKatakana(prev) && isKatakana(r)
			joinNumber := isIdeographic(prev) && r >= '0' && r <= '9' && digitRun(orig, i, from, to, false) <= shortNumber ||
				isIdeographic(prev) && isIdeographic(r) && i+1 < to && digitRun(orig, i+1, from, to, false) > 0 && digitRun(orig, i+1, from, to, false) <= shortNumber
			joinItem := items != nil && items[i-from] || phrases != nil && phrases[i-from]
			if joinProtected || joinHangul(prev, r) || joinKana || joinNumber || joinItem {
				add(wj, -1)
			}
		}
		add(r, i)
		if r == ' ' && !in && (glueSpace(orig, i, from, to) || i+1 < to && isSeparator(orig[i+1])) {
			add(wj, -1)
		}
		if in {
			p.keep[len(p.keep)-1][1] = len(p.runes)
		}
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
