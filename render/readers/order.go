// Package readers holds what the reader tests share: reading back the
// order in which PDF readers give right-to-left text. Two readers give it
// in an order of their own, and render's tests and the reader tests read
// it back with these functions (ReadingOrder, RunOrder, ParagraphRTL):
//
//   - poppler's pdftotext writes each line as it stands on the page, left
//     to right, with every right-to-left section reversed between bidi
//     embedding marks (RLE…PDF, LRE…PDF): visualOrder undoes that, and
//     logicalOrder reads the visual line in reading order.
//   - pdfminer has no bidi algorithm: it gives each line's characters in
//     the order they are drawn. handbill draws a line's runs in reading
//     order and each run left to right (as pdf.js and PDFium need), so
//     pdfminer gives right-to-left words in visual order; its users put
//     such text through the bidi algorithm (python-bidi's get_display).
//     runOrder reverses each run of right-to-left characters where it
//     stands, which is what the bidi algorithm does to them (and what
//     pdf.js does to each run). The table says what pdfminer gives
//     without it.
package readers

import (
	"slices"

	"golang.org/x/text/unicode/bidi"
)

const (
	lre = '\u202A'
	rle = '\u202B'
	pdf = '\u202C'
)

// visualOrder returns a line of pdftotext output in the order its
// characters stand on the page, left to right (step 1 above).
func visualOrder(line string) []rune {
	var rs []rune
	var levels []int
	stack := []int{0}
	for _, r := range line {
		top := stack[len(stack)-1]
		switch r {
		case rle:
			stack = append(stack, top+1|1)
		case lre:
			stack = append(stack, (top+2)&^1)
		case pdf:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		default:
			rs = append(rs, r)
			levels = append(levels, top)
		}
	}
	return reorderL2(rs, levels)
}

// kind is how a character takes part in reading order.
type kind int

const (
	neutral kind = iota
	letterLTR
	number
	letterRTL
)

func kindOf(r rune) kind {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL:
		return letterRTL
	case bidi.L:
		return letterLTR
	case bidi.EN, bidi.AN:
		return number
	}
	return neutral
}

// separator reports a character that joins two numbers into one (the bidi
// algorithm's rule W4: a single European or common separator).
func separator(r rune) bool {
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.ES || p.Class() == bidi.CS
}

// ParagraphRTL reports whether the first strong character of s is
// right-to-left (rules P2 and P3 of the bidi algorithm).
func ParagraphRTL(s string) bool {
	for _, r := range s {
		switch kindOf(r) {
		case letterRTL:
			return true
		case letterLTR:
			return false
		}
	}
	return false
}

// logicalOrder returns a visual line (left to right) in reading order, for
// a paragraph of the given direction (step 2 above). Levels follow the
// bidi algorithm's rules W4, N1 and N2 with every number treated as
// isolated, the way handbill sets numbers: letters take their own
// direction and numbers read left to right; a run of neutral characters
// reads left to right between two left-to-right letters, or as one
// separator between two numbers, right to left between two right-to-left
// letters, and otherwise in the paragraph's direction.
func logicalOrder(v []rune, paraRTL bool) string {
	return string(reorderL2(v, levelsOf(v, paraRTL)))
}

// RunOrder reverses, where it stands, each run of characters logicalOrder
// reads right to left (an odd level).
func RunOrder(line string, paraRTL bool) string {
	v := []rune(line)
	levels := levelsOf(v, paraRTL)
	for i := 0; i < len(v); {
		if levels[i]%2 == 0 {
			i++
			continue
		}
		j := i
		for j < len(v) && levels[j]%2 == 1 {
			j++
		}
		slices.Reverse(v[i:j])
		i = j
	}
	return string(v)
}

// levelsOf gives each character of a visual line its level, as
// logicalOrder says.
func levelsOf(v []rune, paraRTL bool) []int {
	ltrLevel, rtlLevel := 0, 1
	if paraRTL {
		ltrLevel = 2
	}
	kinds := make([]kind, len(v))
	for i, r := range v {
		kinds[i] = kindOf(r)
	}
	levels := make([]int, len(v))
	for i := 0; i < len(v); {
		switch kinds[i] {
		case letterRTL:
			levels[i] = rtlLevel
			i++
			continue
		case letterLTR, number:
			levels[i] = ltrLevel
			i++
			continue
		}
		j := i
		for j < len(v) && kinds[j] == neutral {
			j++
		}
		var before, after kind = neutral, neutral
		if i > 0 {
			before = kinds[i-1]
		}
		if j < len(v) {
			after = kinds[j]
		}
		level := rtlLevel
		switch {
		case before == letterLTR && after == letterLTR,
			before == number && after == number && j-i == 1 && separator(v[i]):
			level = ltrLevel
		case before == letterRTL && after == letterRTL:
			level = rtlLevel
		case !paraRTL:
			level = ltrLevel
		}
		for k := i; k < j; k++ {
			levels[k] = level
		}
		i = j
	}
	return levels
}

// reorderL2 applies rule L2 of the bidi algorithm: from the highest level
// down to the lowest odd one, reverse every run of characters at that level
// or higher.
func reorderL2(rs []rune, levels []int) []rune {
	out := slices.Clone(rs)
	lv := slices.Clone(levels)
	if len(lv) == 0 {
		return out
	}
	hi, lo := slices.Max(lv), slices.Min(lv)|1
	for level := hi; level >= lo; level-- {
		for i := 0; i < len(out); {
			if lv[i] < level {
				i++
				continue
			}
			j := i
			for j < len(out) && lv[j] >= level {
				j++
			}
			slices.Reverse(out[i:j])
			slices.Reverse(lv[i:j])
			i = j
		}
	}
	return out
}

// ReadingOrder turns one line of pdftotext output into reading order.
func ReadingOrder(line string, paraRTL bool) string {
	return logicalOrder(visualOrder(line), paraRTL)
}
