package check

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"handbill/frame"
	"handbill/source"
)

// Numbers on the page must read left to right, in order, on one line:
// checked on the glyphs as drawn, not on the text that went in, so a
// reversal by the bidi algorithm (a control character in user text,
// right-to-left text around a number the engine did not isolate) is
// caught whatever caused it.

// numberRE finds what is read as a number: a phone number, text code or
// vanity form made of groups ("1-888-373-7888", "08000 121 700",
// "1-800-THE-LOST", "(02) 1343", "+1 888…"), or a run of digits, in any
// script's digits.
var numberRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\+?(?:\(\p{Nd}+\)[ \x{a0}]?)?\p{Nd}[\p{Nd}A-Z]*(?:[-./\x{2010}\x{2011}][\p{Nd}A-Z]+|[ \x{a0}]\p{Nd}+)*`)
})

// span is a match in a text, in runes: [start, end).
type span struct {
	start, end int
	text       string
}

// numbersIn returns the numbers of s (see numberRE) with at least min
// digits, each not glued to a letter or digit before it.
func numbersIn(s string, re *regexp.Regexp, min int) []span {
	if !strings.ContainsFunc(s, unicode.IsDigit) {
		return nil // every number starts with a digit (\p{Nd}); most texts have none
	}
	k := numbersKey{s, re, min}
	numbersMemo.Lock()
	out, ok := numbersMemo.m[k]
	numbersMemo.Unlock()
	if ok {
		return out
	}
	out = findNumbers(s, re, min)
	numbersMemo.Lock()
	if len(numbersMemo.m) >= numbersMemoSize {
		clear(numbersMemo.m)
	}
	numbersMemo.m[k] = out
	numbersMemo.Unlock()
	return out
}

// numbersMemo remembers numbersIn's spans (callers only read them): a
// batch checks the same hotline texts on every clinic's documents, and
// the patterns are slow. It starts again past numbersMemoSize texts.
var numbersMemo = struct {
	sync.Mutex
	m map[numbersKey][]span
}{m: map[numbersKey][]span{}}

const numbersMemoSize = 4096

type numbersKey struct {
	s   string
	re  *regexp.Regexp
	min int
}

// findNumbers is numbersIn, worked out.
func findNumbers(s string, re *regexp.Regexp, min int) []span {
	var out []span
	for _, m := range re.FindAllStringIndex(s, -1) {
		if m[0] > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		t := s[m[0]:m[1]]
		if len(asciiDigits(t)) < min {
			continue
		}
		a := utf8.RuneCountInString(s[:m[0]])
		out = append(out, span{start: a, end: a + utf8.RuneCountInString(t), text: t})
	}
	return out
}

// asciiDigits returns the digits of s (in any script) as ASCII digits.
func asciiDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if v, ok := digitValue(r); ok {
			b.WriteByte('0' + byte(v))
		}
	}
	return b.String()
}

// digitValue is the value of a decimal digit of any script. Unicode's
// decimal digits come in runs of ten from zero, so a digit's value is its
// distance from the start of its run, modulo ten.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	first := r
	for unicode.Is(unicode.Nd, first-1) {
		first--
	}
	return int(r-first) % 10, true
}

// drawnCluster is a cluster as placed on its line.
type drawnCluster struct {
	line  int
	x     float64
	start int
	text  string
}

// drawnClusters lists the clusters of a paragraph with where each is
// drawn along its line (line-relative, left to right), in visual order.
func drawnClusters(t *frame.Text) []drawnCluster {
	var out []drawnCluster
	for li, l := range t.Para.Lines {
		for _, r := range l.Runs {
			for _, c := range r.Clusters {
				if c.Start < 0 {
					continue
				}
				x := l.X + r.X
				if len(c.Glyphs) > 0 {
					x += c.Glyphs[0].X
				}
				out = append(out, drawnCluster{line: li, x: x, start: c.Start, text: c.Text})
			}
		}
	}
	return out
}

// bidiControls are the characters that steer the bidi algorithm; one in
// a text is the likely reason a number is drawn backwards.
var bidiControls = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		'\u061C': "ARABIC LETTER MARK",
		'\u200E': "LEFT-TO-RIGHT MARK",
		'\u200F': "RIGHT-TO-LEFT MARK",
		'\u202A': "LEFT-TO-RIGHT EMBEDDING",
		'\u202B': "RIGHT-TO-LEFT EMBEDDING",
		'\u202C': "POP DIRECTIONAL FORMATTING",
		'\u202D': "LEFT-TO-RIGHT OVERRIDE",
		'\u202E': "RIGHT-TO-LEFT OVERRIDE",
		'\u2066': "LEFT-TO-RIGHT ISOLATE",
		'\u2067': "RIGHT-TO-LEFT ISOLATE",
		'\u2068': "FIRST STRONG ISOLATE",
		'\u2069': "POP DIRECTIONAL ISOLATE",
	}
})

// orderHint says why a number is drawn out of order and what to do.
func orderHint(s string) string {
	for _, r := range s {
		if r == '\u2066' || r == '\u2069' {
			continue // handbill's own isolates around a list of lines
		}
		if name, ok := bidiControls()[r]; ok {
			return fmt.Sprintf("the text holds U+%04X %s, which reorders what follows it: remove every bidirectional control character from the text", r, name)
		}
	}
	return "right-to-left text around the number reorders it: write the number with ASCII digits and hyphens (handbill keeps those left to right), or wrap it in U+2066 LEFT-TO-RIGHT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE"
}

// checkNumberOrder finds the numbers of a text that are not drawn left to
// right in reading order (their clusters, ordered by where they are
// drawn, are not in the order of the text), or that are broken across
// lines.
func checkNumberOrder(t *frame.Text, add adder) {
	if t.Para == nil || len(t.Para.Lines) == 0 {
		return
	}
	nums := numbersIn(t.Para.Text, numberRE(), 3)
	if len(nums) == 0 {
		return
	}
	drawn := drawnClusters(t)
	for _, n := range nums {
		var cs []drawnCluster
		for _, c := range drawn {
			if c.start >= n.start && c.start < n.end {
				cs = append(cs, c)
			}
		}
		if len(cs) == 0 {
			continue
		}
		lines := map[int]bool{}
		for _, c := range cs {
			lines[c.line] = true
		}
		if len(lines) > 1 {
			add(source.Error, t.Src, "number-order", fmt.Sprintf("the number %q is broken across lines", n.text),
				"give the block more room or a smaller minimum size in the layout: a number must stay on one line")
			continue
		}
		slices.SortStableFunc(cs, func(a, b drawnCluster) int { return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.start, b.start)) })
		ordered := slices.IsSortedFunc(cs, func(a, b drawnCluster) int { return cmp.Compare(a.start, b.start) })
		if ordered {
			continue
		}
		var seen strings.Builder
		for _, c := range cs {
			seen.WriteString(c.text)
		}
		add(source.Error, t.Src, "number-order",
			fmt.Sprintf("the number %q is drawn out of order: it reads %q from left to right", n.text, seen.String()),
			orderHint(t.Para.Text))
	}
}

// hasPhoneNumber reports whether s holds something to call or text: a
// number of three digits or more (911, 233733, 1-888-373-7888) that is
// not a time or a fraction ("24/7").
func hasPhoneNumber(s string) bool {
	for _, n := range numbersIn(s, numberRE(), 3) {
		if !strings.ContainsAny(n.text, "/:") {
			return true
		}
	}
	return false
}
