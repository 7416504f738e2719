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

// maxPhrase is the longest phrase, in characters, that always stays
// whole, even where that takes a smaller size to fit its box. A longer one
// ("強制されていませんか？") stays whole where it fits the measure; where it
// does not (a sticker's question), it breaks at a morpheme-like boundary
// inside it ("強制 / されていませんか？"), and only where a piece is still
// too long between any two characters: see phraseLevel.
const maxPhrase = 10

// phraseLevel is how firmly a line's phrases are kept whole: a line with a
// phrase over maxPhrase characters is prepared at each level, and the line
// breaker takes the first whose lines fit the measure (see wrapPiece), as
// Chrome's `word-break: auto-phrase` breaks inside a phrase only when it
// cannot fit a line.
type phraseLevel int

const (
	// wholePhrases keeps every phrase whole.
	wholePhrases phraseLevel = iota
	// morphemePhrases breaks a phrase over maxPhrase characters only at a
	// morpheme-like boundary (see morphemeBreaks).
	morphemePhrases
	// loosePhrases breaks a phrase over maxPhrase characters between any
	// two characters, by the line breaker's own rules (kinsoku).
	loosePhrases
	phraseLevels = int(loosePhrases) + 1
)

// nearBoundary is how far below BudouX's threshold (in twice its score
// units, as phraseScores gives them) a boundary inside an over-long phrase
// may score and still be taken as a morpheme-like boundary: the model's
// own second choice ("ひとりでは / ありません。" scores -1063; cuts inside a
// word, "いま / せんか", -5000 and lower).
const nearBoundary = 2500

// weakBoundary is the score (as phraseScores gives it) a boundary BudouX
// finds must pass to break a line where the phrases around it fit. Of the
// built-in texts' boundaries under it, about half in Chinese are inside a
// word ("女 / 朋友" 183, "行 / 為" 74, "日 / 期" 506, "馬 / 上" 580), and
// one in Japanese ("問い / 詰めない" 99); the rest are between words, where
// holding the two together costs only a less even right edge, while a
// word cut in two reads wrong. So such a boundary is taken as a
// morpheme-like boundary inside a longer phrase: kept whole where it
// fits, broken there first where it does not.
const weakBoundary = 1000

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
	scores := m.phraseScores(rs)
	starts := make([]bool, len(rs))
	for i, s := range scores {
		starts[i] = s > 0
	}
	return starts
}

// phraseScores gives, for each character of rs, twice BudouX's score of a
// phrase boundary before it less the sum of the model's scores (so above
// zero where BudouX starts a phrase), in integers; the first character's
// is 1, and every character's is 1 when the model could not be read.
func (m *phraseModel) phraseScores(rs []rune) []int {
	m.load()
	scores := make([]int, len(rs))
	if len(rs) > 0 {
		scores[0] = 1
	}
	if m.groups == nil {
		for i := range scores {
			scores[i] = 1
		}
		return scores
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
		scores[i] = 2*score - m.sum // score - sum/2 > 0, in integers
	}
	return scores
}

// phraseGlue marks, in orig[from:to], the characters that must not start a
// line because they continue a phrase (BudouX's, joined across a boundary
// it scores under weakBoundary) that began on the character before
// them, one of the two in Han or kana and neither a space ("911に" stays
// whole too; between other characters the line breaker's own rules
// stand): every phrase at wholePhrases, and at the other levels phrases of
// at most maxPhrase characters, a longer one glued at morphemePhrases
// except at its morpheme-like boundaries (morphemeBreaks) and not at all
// at loosePhrases. long reports a phrase over maxPhrase characters (the
// levels differ only then). It returns nil for a language without a
// model, a line without Han or kana, or a line of body text (longer than
// maxPhraseLine).
func phraseGlue(l language.Tag, orig []rune, from, to int, level phraseLevel) (glue []bool, long bool) {
	m := phrasesFor(l)
	if m == nil || to-from > maxPhraseLine {
		return nil, false
	}
	cjk := false
	for i := from; i < to && !cjk; i++ {
		cjk = isIdeographic(orig[i])
	}
	if !cjk {
		return nil, false
	}
	rs := orig[from:to]
	scores := m.phraseScores(rs)
	glue = make([]bool, to-from)
	for a := 0; a < len(scores); {
		b := a + 1
		for b < len(scores) && scores[b] <= weakBoundary {
			b++
		}
		over := b-a > maxPhrase
		long = long || over
		if !over || level != loosePhrases {
			var cut []bool
			if over && level == morphemePhrases {
				cut = morphemeBreaks(rs, scores, a, b)
			}
			for k := a + 1; k < b; k++ {
				prev, r := rs[k-1], rs[k]
				glue[k] = (cut == nil || !cut[k-a]) &&
					(isIdeographic(prev) || isIdeographic(r)) && !unicode.IsSpace(prev) && !unicode.IsSpace(r)
			}
		}
		a = b
	}
	return glue, long
}

// morphemeBreaks marks, in the phrase rs[a:b] (cut[k-a] for rs[k]), where
// it may break when it cannot fit a line: at a boundary BudouX scores
// under weakBoundary ("女 / 朋友"); before Han or katakana after
// hiragana, as after a particle ("…を / 強制"); before Han after katakana;
// between two or more Han or katakana and two or more hiragana
// ("強制 / されていませんか？", "相談 / できます", but not "知 / って" or
// "行為 / を", whose kana is an ending or a particle); and at the boundary
// inside it that BudouX scores highest, when that is within nearBoundary
// of a phrase boundary ("ひとりでは / ありません。").
func morphemeBreaks(rs []rune, scores []int, a, b int) []bool {
	cut := make([]bool, b-a)
	best := -1
	for k := a + 1; k < b; k++ {
		prev, r := rs[k-1], rs[k]
		switch {
		case scores[k] > 0: // a weak boundary
			cut[k-a] = true
		case isHiragana(prev) && (isHan(r) || isKatakana(r)),
			isKatakana(prev) && isHan(r):
			cut[k-a] = true
		case isHiragana(r) && (isHan(prev) || isKatakana(prev)):
			before := 0
			for j := k - 1; j >= a && (isHan(rs[j]) || isKatakana(rs[j])); j-- {
				before++
			}
			after := 0
			for j := k; j < b && isHiragana(rs[j]); j++ {
				after++
			}
			cut[k-a] = before >= 2 && after >= 2
		}
		if best < 0 || scores[k] > scores[best] {
			best = k
		}
	}
	if best > 0 && scores[best] > -nearBoundary {
		cut[best-a] = true
	}
	return cut
}

// isHiragana reports a hiragana letter (ぁ to ゖ).
func isHiragana(r rune) bool { return r >= 0x3041 && r <= 0x3096 }

// isHan reports a Han character.
func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }
