package text

import (
	"embed"
	"encoding/json"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Phrases of Chinese and Japanese, for line breaking.
//
// Chinese and Japanese are written without spaces, and a line may break
// between almost any two characters; a typesetter still keeps a phrase
// together where the measure allows ("知って/ください" reads as a word cut in
// two, "サインを/知ってください" does not), as Chrome does for CSS
// `word-break: auto-phrase`. handbill finds the phrases with BudouX
// (github.com/google/budoux, commit b8177d478ae119f1d24259f7b610a0910077fc2d,
// Apache-2.0, dict/LICENSE-budoux.txt): a small model per language of
// character n-gram scores, the same files its Python, JavaScript and Java
// parsers load. There is no Go module of it to depend on; the parser is the
// twenty lines of phraseStarts.
//
//go:embed dict/budoux-ja.json.gz dict/budoux-zh-hans.json.gz dict/budoux-zh-hant.json.gz
var phraseFiles embed.FS

// maxPhraseLine is the longest line of text, in characters, set by
// phrases: headlines, headings, names, list items and captions. A longer
// one (an intro, a notice's wording) is body text, which Chinese and
// Japanese typesetting fills to the measure, breaking between any two
// characters; broken by phrases it would run ragged and a line longer in
// a narrow column.
const maxPhraseLine = 40

// maxPhrase is the longest phrase, in characters, kept on one line. A
// longer one ("強制されていませんか？") breaks between any two characters
// as before: a narrow box (a sticker's question) must not have to shrink
// its type to hold it.
const maxPhrase = 10

// phraseModel is one language's BudouX model, read on first use: feature
// group (UW1…UW6: one character at an offset; BW1…BW3: two; TW1…TW4:
// three) → characters → score.
type phraseModel struct {
	file   string
	once   sync.Once
	groups map[string]map[string]int
	// features holds groups' maps in phraseFeatures' order.
	features [len(phraseFeatures)]map[string]int
	// sum is the sum of every score: BudouX's base score is -sum/2.
	sum int
}

// phraseFeatures are BudouX's feature groups, each with the characters it
// reads around a boundary before character i: rs[i+from : i+to].
var phraseFeatures = [...]struct {
	group    string
	from, to int
}{
	{"UW1", -3, -2}, {"UW2", -2, -1}, {"UW3", -1, 0}, {"UW4", 0, 1}, {"UW5", 1, 2}, {"UW6", 2, 3},
	{"BW1", -2, 0}, {"BW2", -1, 1}, {"BW3", 0, 2},
	{"TW1", -3, 0}, {"TW2", -2, 1}, {"TW3", -1, 2}, {"TW4", 0, 3},
}

var (
	japanesePhrases    = &phraseModel{file: "dict/budoux-ja.json.gz"}
	simplifiedPhrases  = &phraseModel{file: "dict/budoux-zh-hans.json.gz"}
	traditionalPhrases = &phraseModel{file: "dict/budoux-zh-hant.json.gz"}
)

// load reads the model once. The models are embedded and fixed (a test
// reads each), so a failure here is a fault in handbill: the model is then
// empty and text breaks between characters, as without it.
func (m *phraseModel) load() {
	m.once.Do(func() {
		data, err := gunzip(phraseFiles, m.file)
		if err != nil {
			return
		}
		var groups map[string]map[string]int
		if json.Unmarshal(data, &groups) != nil {
			return
		}
		sum := 0
		for _, g := range groups {
			for _, v := range g {
				sum += v
			}
		}
		m.groups, m.sum = groups, sum
		for k, f := range phraseFeatures {
			m.features[k] = groups[f.group]
		}
	})
}

// phrasesFor returns the model for a language, or nil: Japanese, Chinese
// in Traditional characters (zh-Hant, and Taiwan, Hong Kong and Macau
// without a script), other Chinese in Simplified.
func phrasesFor(l language.Tag) *phraseModel {
	base, _ := l.Base()
	switch base.String() {
	case "ja":
		return japanesePhrases
	case "zh":
		if s, _ := l.Script(); s.String() == "Hant" {
			return traditionalPhrases
		}
		return simplifiedPhrases
	}
	return nil
}

// phraseStarts reports, for each character of rs, whether a phrase starts
// there (BudouX's parse: a boundary before rs[i] where the n-grams around
// it score above zero).
func (m *phraseModel) phraseStarts(rs []rune) []bool {
	m.load()
	starts := make([]bool, len(rs))
	if len(rs) > 0 {
		starts[0] = true
	}
	if m.groups == nil {
		for i := range starts {
			starts[i] = true
		}
		return starts
	}
	// The characters' UTF-8, at[k] where rs[k] starts in it: a feature's
	// characters are looked up as a slice of it, without making a string.
	enc := make([]byte, 0, 3*len(rs))
	at := make([]int, len(rs)+1)
	for k, r := range rs {
		at[k] = len(enc)
		enc = utf8.AppendRune(enc, r)
	}
	at[len(rs)] = len(enc)
	for i := 1; i < len(rs); i++ {
		score := 0
		for k, f := range phraseFeatures {
			if from, to := i+f.from, i+f.to; from >= 0 && to <= len(rs) {
				score += m.features[k][string(enc[at[from]:at[to]])]
			}
		}
		starts[i] = 2*score > m.sum // score - sum/2 > 0, in integers
	}
	return starts
}

// phraseGlue marks, in orig[from:to], the characters that must not start a
// line because they continue a phrase of at most maxPhrase characters that
// began on the character before them, one of the two in Han or kana and
// neither a space ("911に" stays whole too; between other characters the
// line breaker's own rules stand). It returns nil for
// a language without a model, a line without Han or kana, or a line of
// body text (longer than maxPhraseLine).
func phraseGlue(l language.Tag, orig []rune, from, to int) []bool {
	m := phrasesFor(l)
	if m == nil || to-from > maxPhraseLine {
		return nil
	}
	cjk := false
	for i := from; i < to && !cjk; i++ {
		cjk = isIdeographic(orig[i])
	}
	if !cjk {
		return nil
	}
	starts := m.phraseStarts(orig[from:to])
	glue := make([]bool, to-from)
	for a := 0; a < len(starts); {
		b := a + 1
		for b < len(starts) && !starts[b] {
			b++
		}
		if b-a <= maxPhrase {
			for k := a + 1; k < b; k++ {
				prev, r := orig[from+k-1], orig[from+k]
				glue[k] = (isIdeographic(prev) || isIdeographic(r)) && !unicode.IsSpace(prev) && !unicode.IsSpace(r)
			}
		}
		a = b
	}
	return glue
}
