package text

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"slices"
	"sync"
	"unicode"
)

// Word lists for the scripts written without spaces between words, one
// word a line, sorted, gzipped (text/dict/README.md says where each comes
// from and under which licence):
//   - th: Thai, PyThaiNLP's words_th.txt (62,000 words, Apache-2.0);
//   - km: Khmer, SIL's khmerdict.txt (the list ICU uses; 59,000 words, MIT);
//   - lo: Lao, Wilson and Campbell's Lao dictionary (the list ICU uses;
//     11,000 words, BSD-2-Clause).
//
//go:embed dict/th.txt.gz dict/km.txt.gz dict/lo.txt.gz
var dictFiles embed.FS

// DictLicenses holds the licence texts of the word lists, under "dict/"
// (LICENSE-th.txt, LICENSE-km.txt, LICENSE-lo.txt); `handbill version
// --licenses` prints them.
//
//go:embed dict/LICENSE-*.txt
var DictLicenses embed.FS

// dictionary is one script's word list, read on first use.
type dictionary struct {
	file  string
	once  sync.Once
	words map[string]struct{}
	// longest is the longest word in runes.
	longest int
}

var (
	thaiDict  = &dictionary{file: "dict/th.txt.gz"}
	khmerDict = &dictionary{file: "dict/km.txt.gz"}
	laoDict   = &dictionary{file: "dict/lo.txt.gz"}
)

// load reads the word list once. The lists are embedded and fixed (a test
// reads each), so a failure here is a fault in handbill: the dictionary is
// then empty, and text in its script breaks only where it has spaces.
func (d *dictionary) load() {
	d.once.Do(func() {
		d.words = map[string]struct{}{}
		data, err := gunzip(dictFiles, d.file)
		if err != nil {
			return
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			w := string(bytes.TrimSpace(sc.Bytes()))
			if w == "" {
				continue
			}
			d.words[w] = struct{}{}
			d.longest = max(d.longest, len([]rune(w)))
		}
	})
}

// gunzip reads the gzipped file name of fsys.
func gunzip(fsys embed.FS, name string) ([]byte, error) {
	raw, err := fsys.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// dictFor returns the word list for a letter of a script written without
// spaces, or nil.
func dictFor(r rune) *dictionary {
	switch {
	case unicode.Is(unicode.Thai, r):
		return thaiDict
	case unicode.Is(unicode.Khmer, r):
		return khmerDict
	case unicode.Is(unicode.Lao, r):
		return laoDict
	}
	return nil
}

// segmentable reports whether r belongs to a word of a dictionary script:
// a letter or mark of Thai, Khmer or Lao, or a sign that stays with its
// word (ๆ). Their sentence punctuation (Khmer ។ and ៕, Thai ฯ) and digits
// end a run: the line breaker already knows where they may break.
func segmentable(r rune) bool {
	if r == 'ฯ' || r == 'ຯ' || (r >= 0x17D4 && r <= 0x17DA) || unicode.IsDigit(r) {
		return false
	}
	return dictFor(r) != nil && !unicode.IsSpace(r)
}

// mayBreakBefore reports whether a word may start at rs[i] within a run of
// one script: not before a combining mark or a sign that belongs to the
// letter before it, and not after a Thai or Lao vowel written before its
// consonant or a Khmer coeng (the sign that subscripts the next
// consonant).
func mayBreakBefore(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	r, prev := rs[i], rs[i-1]
	if unicode.IsMark(r) || r == 'ๆ' || r == 'ໆ' {
		return false
	}
	switch {
	case prev >= 'เ' && prev <= 'ไ', prev >= 'ເ' && prev <= 'ໄ', prev == 0x17D2:
		return false
	}
	return true
}

// wordBreaks returns where words start inside rs, a run of letters of one
// dictionary script, as indexes into rs (never 0 or len(rs)): the
// segmentation into dictionary words that leaves the fewest characters
// outside any word and, among those, has the fewest words (the longest
// words win, as in ICU's dictionary breaking). Characters in no word make
// one word together (a name the list lacks does not break into letters).
func wordBreaks(rs []rune) []int {
	if len(rs) < 2 {
		return nil
	}
	d := dictFor(rs[0])
	if d == nil {
		return nil
	}
	d.load()
	n := len(rs)
	type cost struct{ unknown, words int }
	less := func(a, b cost) bool { return a.unknown < b.unknown || a.unknown == b.unknown && a.words < b.words }
	const inf = 1 << 30
	best := make([]cost, n+1)
	from := make([]int, n+1)
	known := make([]bool, n+1) // whether the piece ending at i is a word
	for i := 1; i <= n; i++ {
		best[i] = cost{inf, inf}
	}
	for i := 0; i < n; i++ {
		if best[i].unknown == inf || !mayBreakBefore(rs, i) {
			continue
		}
		// Every dictionary word starting at i.
		for l := 1; l <= d.longest && i+l <= n; l++ {
			j := i + l
			if !mayBreakBefore(rs, j) {
				continue
			}
			if _, ok := d.words[string(rs[i:j])]; !ok {
				continue
			}
			c := cost{best[i].unknown, best[i].words + 1}
			if less(c, best[j]) {
				best[j], from[j], known[j] = c, i, true
			}
		}
		// Or one character (with its marks) in no word.
		j := i + 1
		for j < n && !mayBreakBefore(rs, j) {
			j++
		}
		c := cost{best[i].unknown + (j - i), best[i].words + 1}
		if less(c, best[j]) {
			best[j], from[j], known[j] = c, i, false
		}
	}
	var starts []int
	for j := n; j > 0; j = from[j] {
		i := from[j]
		// Two pieces in no word are one word.
		if i > 0 && (known[j] || known[i]) {
			starts = append(starts, i)
		}
	}
	for a, b := 0, len(starts)-1; a < b; a, b = a+1, b-1 {
		starts[a], starts[b] = starts[b], starts[a]
	}
	return starts
}

// dictionaryBreaks returns the indexes of rs (between from and to) before
// which a line may break because a word of a Thai, Khmer or Lao run starts
// there, as a set. Text that holds a ZERO WIDTH SPACE has its words marked
// by its writer (as handbill's built-in texts do), and gets none: the
// writer's marks are kept as they are, compounds and all.
func dictionaryBreaks(rs []rune, from, to int) map[int]bool {
	if slices.Contains(rs[from:to], zws) {
		return nil
	}
	var out map[int]bool
	for i := from; i < to; {
		if !segmentable(rs[i]) {
			i++
			continue
		}
		j := i
		d := dictFor(rs[i])
		for j < to && dictFor(rs[j]) == d && segmentable(rs[j]) {
			j++
		}
		for _, b := range wordBreaks(rs[i:j]) {
			if out == nil {
				out = map[int]bool{}
			}
			out[i+b] = true
		}
		i = j
	}
	return out
}

// Words splits s into its words where it is Thai, Khmer or Lao written
// without spaces, as the line breaker sees them: the text between two
// places a line may break inside such a run. Other text is returned as it
// is, in pieces at the run boundaries.
func Words(s string) []string {
	rs := []rune(s)
	breaks := dictionaryBreaks(rs, 0, len(rs))
	var out []string
	last := 0
	for i := range rs {
		if breaks[i] {
			out = append(out, string(rs[last:i]))
			last = i
		}
	}
	return append(out, string(rs[last:]))
}
