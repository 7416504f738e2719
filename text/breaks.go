package text

import (
	"unicode"
)

// MaxUnbrokenRun is the longest run of Thai, Khmer, Lao or Myanmar letters
// handbill accepts without a break opportunity.
//
// These scripts write words without spaces. The line breaker finds the
// words of Thai, Khmer and Lao in a dictionary (see Words), so text typed
// without ZERO WIDTH SPACE breaks between words; what the dictionary does
// not know (a long name, a misspelling) stays whole, and Myanmar has no
// dictionary yet, so Myanmar text needs U+200B between words.
// UnbrokenRuns finds runs too long to break.
const MaxUnbrokenRun = 24

var noSpaceScripts = []*unicode.RangeTable{unicode.Thai, unicode.Khmer, unicode.Lao, unicode.Myanmar}

// UnbrokenRuns returns the runs of Thai, Khmer, Lao or Myanmar characters in
// s longer than MaxUnbrokenRun with no place to break inside: no space, no
// zero width space, and no word boundary the dictionary knows.
func UnbrokenRuns(s string) []string {
	if !hasNoSpaceScript(s) {
		return nil // most texts: nothing to look up in the dictionary
	}
	rs := []rune(s)
	dict := dictionaryBreaks(rs, 0, len(rs))
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > MaxUnbrokenRun {
			out = append(out, string(cur))
		}
		cur = cur[:0]
	}
	for i, r := range rs {
		if dict[i] {
			flush()
		}
		if unicode.In(r, noSpaceScripts...) {
			cur = append(cur, r)
			continue
		}
		flush()
	}
	flush()
	return out
}

// hasNoSpaceScript reports whether s has a Thai, Khmer, Lao or Myanmar
// character (all at U+0E00 or above).
func hasNoSpaceScript(s string) bool {
	for _, r := range s {
		if r >= 0x0E00 && unicode.In(r, noSpaceScripts...) {
			return true
		}
	}
	return false
}
