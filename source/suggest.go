package source

import (
	"sort"
	"strings"
)

// Suggest returns the candidate closest to word by edit distance
// (see editDistance; ignoring case), if it is close enough to be a likely typo:
// at most 1 edit for words of up to 4 letters, 2 up to 8, 3 beyond.
// It returns "" when nothing is close. Ties go to the earlier candidate in
// sorted order, so the answer does not depend on the order given.
func Suggest(word string, candidates []string) string {
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	w := strings.ToLower(word)
	best, bestD := "", 1<<30
	for _, c := range sorted {
		if d := editDistance(w, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	limit := 3
	switch n := len([]rune(w)); {
	case n <= 4:
		limit = 1
	case n <= 8:
		limit = 2
	}
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

// editDistance is the edit distance between a and b in runes, counting
// an insertion, a deletion, a substitution or a swap of two neighbours as
// one edit (optimal string alignment), so "nmae" is one edit from "name".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// KnownHint is a hint for an unknown name: "did you mean `x`?" when one is
// close, then the list of known names.
// KnownHint is a hint for an unknown name: a likely typo, then the known names.
func KnownHint(word string, known []string) string {
	list := "known: " + strings.Join(known, ", ")
	if s := Suggest(word, known); s != "" {
		return "did you mean `" + s + "`? " + list
	}
	return list
}
