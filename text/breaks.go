package text

import (
	"unicode"
)

// MaxUnbrokenRun is the longest run of Thai, Khmer, Lao or Myanmar letters
// handbill accepts without a break opportunity.
//
// These scripts write words without spaces, and the line breaker has no
// dictionary: it can only break where the text says it may. handbill's rule
// is that such text carries ZERO WIDTH SPACE (U+200B) between words (or
// ordinary spaces between phrases); every built-in string does, and
// UnbrokenRuns finds text that does not.
const MaxUnbrokenRun = 24

var noSpaceScripts = []*unicode.RangeTable{unicode.Thai, unicode.Khmer, unicode.Lao, unicode.Myanmar}

// UnbrokenRuns returns the runs of Thai, Khmer, Lao or Myanmar characters in
// s longer than MaxUnbrokenRun with no space or zero width space inside.
func UnbrokenRuns(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > MaxUnbrokenRun {
			out = append(out, string(cur))
		}
		cur = cur[:0]
	}
	for _, r := range s {
		if unicode.In(r, noSpaceScripts...) {
			cur = append(cur, r)
			continue
		}
		flush()
	}
	flush()
	return out
}
