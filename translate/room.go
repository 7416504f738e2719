package translate

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/text"
)

// roomCap is the longest text Room tries: past it, a message has room
// enough ("1000+").
const roomCap = 1000

// Room measures, for each text message (not lists) of lang and each
// built-in product that prints it, the longest text that fits, in
// characters (Unicode code points), by laying the product out with
// handbill's own text engine: the message's current text, repeated or
// cut to the length tried, at the layout's minimum sizes, on every size
// of the product (the smallest room counts). It is a measure of this
// language's words in this script: a text of other words fits a little
// more or less. Products that cannot be composed for the language at all
// (the multilingual poster, which needs two languages) are left out.
// The result: key → product → characters (roomCap for "at least").
func Room(s *content.Set, lang language.Tag, audience string, reg *fonts.Registry) (map[string]map[string]int, error) {
	doc, err := s.Resolve(lang, audience, "US")
	if err != nil {
		return nil, err
	}
	ls, err := layouts.Builtin()
	if err != nil {
		return nil, err
	}
	prods, err := Products()
	if err != nil {
		return nil, err
	}
	type job struct {
		key     string
		product string
		t       layouts.Target
	}
	var jobs []job
	for _, key := range content.MessageKeys {
		if content.IsListKey(key) || doc.Messages.Texts[key].S == "" {
			continue
		}
		for _, p := range prods[key] {
			l := ls[p]
			if l.Product == "multilang" {
				continue
			}
			for _, t := range layouts.Targets(l) {
				jobs = append(jobs, job{key, p, t})
			}
		}
	}
	out := map[string]map[string]int{}
	var mu sync.Mutex
	ch := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := text.NewEngine(reg)
			for j := range ch {
				n, ok := roomFor(e, j.t, doc, j.key)
				if !ok {
					continue
				}
				mu.Lock()
				if out[j.key] == nil {
					out[j.key] = map[string]int{}
				}
				if old, seen := out[j.key][j.product]; !seen || n < old {
					out[j.key][j.product] = n
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	return out, nil
}

// roomFor finds the longest text for key that t fits, by bisection; ok
// is false when t does not compose with the current text.
func roomFor(e *text.Engine, t layouts.Target, doc *content.Doc, key string) (int, bool) {
	base := []rune(doc.Messages.Texts[key].S)
	fits := func(n int) bool {
		d := *doc
		d.Messages.Texts = maps.Clone(doc.Messages.Texts)
		tx := d.Messages.Texts[key]
		tx.S = strings.TrimSpace(string(repeat(base, n)))
		d.Messages.Texts[key] = tx
		_, err := layouts.Compose(e, t, []*content.Doc{&d})
		return err == nil
	}
	if !fits(len(base)) {
		return 0, false
	}
	lo, hi := len(base), len(base)*2
	for hi < roomCap && fits(hi) {
		lo, hi = hi, hi*2
	}
	if hi >= roomCap {
		if fits(roomCap) {
			return roomCap, true
		}
		hi = roomCap
	}
	for hi-lo > max(1, lo/50) { // to within 2%
		mid := (lo + hi) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, true
}

// repeat is r repeated (with a space between) and cut to n runes.
func repeat(r []rune, n int) []rune {
	out := make([]rune, 0, n)
	for len(out) < n {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, r...)
	}
	return out[:n]
}

// roomLine is the translator's note on a key's room.
func roomLine(room map[string]int) string {
	if len(room) == 0 {
		return ""
	}
	var parts []string
	for _, p := range slices.Sorted(maps.Keys(room)) {
		n := room[p]
		if n >= roomCap {
			parts = append(parts, p+" "+"1000+")
			continue
		}
		parts = append(parts, p+" "+itoa(n))
	}
	return "Room (longest text that fits at the smallest type size, in characters, measured with this text): " + strings.Join(parts, ", ") + "."
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
