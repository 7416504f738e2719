package text

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
)

// TestPhrasesAsBudouXParses: each embedded model parses BudouX's own test
// sentences (tests/test_parser.py, TestDefaultParser, at the commit the
// models come from) into the phrases BudouX's tests expect.
func TestPhrasesAsBudouXParses(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"ja", []string{"Google の", "使命は、", "世界中の", "情報を", "整理し、", "世界中の", "人が", "アクセスできて", "使えるように", "する", "ことです。"}},
		{"zh-Hans", []string{"我们", "的", "使命", "是", "整合", "全球", "信息，", "供", "大众", "使用，", "让", "人", "人", "受益。"}},
		{"zh-Hant", []string{"我們", "的", "使命", "是", "匯整", "全球", "資訊，", "供", "大眾", "使用，", "使", "人", "人", "受惠。"}},
		{"zh-TW", []string{"我們", "的", "使命", "是", "匯整", "全球", "資訊，", "供", "大眾", "使用，", "使", "人", "人", "受惠。"}},
	} {
		rs := []rune(joinAll(c.want))
		m := phrasesFor(language.MustParse(c.lang))
		if m == nil {
			t.Fatalf("%s: no model", c.lang)
		}
		starts := m.phraseStarts(rs)
		var got []string
		for i, r := range rs {
			if starts[i] {
				got = append(got, "")
			}
			got[len(got)-1] += string(r)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: phrases %q, want %q", c.lang, got, c.want)
		}
	}
	if phrasesFor(language.Korean) != nil || phrasesFor(language.English) != nil {
		t.Error("a model for Korean or English: they break at spaces")
	}
}

func joinAll(ss []string) string {
	s := ""
	for _, x := range ss {
		s += x
	}
	return s
}

// TestPhraseStartsScoresEveryFeature: phraseStarts gives, on every
// built-in Chinese and Japanese text, the boundaries of BudouX's parse as
// its parsers write it, each feature's characters looked up as a string
// (phraseStarts looks them up as bytes of the line's UTF-8).
func TestPhraseStartsScoresEveryFeature(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, tag := range []string{"ja", "zh-Hans", "zh-Hant"} {
		l := language.MustParse(tag)
		m := phrasesFor(l)
		d, err := set.Resolve(l, set.DefaultAudience(), set.DefaultRegion())
		if err != nil {
			t.Fatal(err)
		}
		texts := []string{"", "一", "Google の使命", "a\xffb\xed\xa0\x80知って"}
		for _, s := range d.Messages.Texts {
			texts = append(texts, s.S)
		}
		for _, list := range d.Messages.Lists {
			for _, s := range list {
				texts = append(texts, s.S)
			}
		}
		for _, s := range texts {
			rs := []rune(s)
			got := m.phraseStarts(rs)
			want := make([]bool, len(rs))
			get := func(group string, from, to int) int {
				if from < 0 || to > len(rs) {
					return 0
				}
				return m.groups[group][string(rs[from:to])]
			}
			for i := range rs {
				score := get("UW1", i-3, i-2) + get("UW2", i-2, i-1) + get("UW3", i-1, i) +
					get("UW4", i, i+1) + get("UW5", i+1, i+2) + get("UW6", i+2, i+3) +
					get("BW1", i-2, i) + get("BW2", i-1, i+1) + get("BW3", i, i+2) +
					get("TW1", i-3, i) + get("TW2", i-2, i+1) + get("TW3", i-1, i+2) + get("TW4", i, i+3)
				want[i] = i == 0 || 2*score > m.sum
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %q: phrase starts %v, want %v", tag, s, got, want)
			}
			if slices.Contains(got[min(1, len(got)):], true) {
				checked++
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d texts have a boundary after their first character", checked)
	}
}

// TestMorphemeBreaks: inside a phrase over maxPhrase, the line may break,
// at morphemePhrases, only at a morpheme-like boundary: after a particle,
// between a Han word and the kana after it, or where BudouX nearly put a
// phrase boundary; at wholePhrases nowhere; at loosePhrases anywhere
// between two characters.
func TestMorphemeBreaks(t *testing.T) {
	for _, c := range []struct {
		text  string
		level phraseLevel
		want  string // the phrase's characters, "|" where a line may break
		long  bool   // a phrase over maxPhrase
	}{
		{"誰かに仕事や性的な行為を強制されていませんか？", morphemePhrases, "誰かに|仕事や|性的な|行為を|強制|されていませんか？", true},
		{"誰かに仕事や性的な行為を強制されていませんか？", wholePhrases, "誰かに|仕事や|性的な|行為を|強制されていませんか？", true},
		{"誰かに仕事や性的な行為を強制されていませんか？", loosePhrases, "誰かに|仕事や|性的な|行為を|強|制|さ|れ|て|い|ま|せ|ん|か|？", true},
		{"あなたはひとりではありません。", morphemePhrases, "あなたは|ひとりでは|ありません。", true},
		// A short phrase stays whole at every level.
		{"電話で相談できます。", loosePhrases, "電話で|相談できます。", false},
		// BudouX's weak boundaries: "問い|詰めない" (99) and "女|朋友"
		// (183) kept whole where they fit, broken first where not.
		{"疑わしい人を問い詰めないでください。", wholePhrases, "疑わしい|人を|問い詰めないでください。", true},
		{"疑わしい人を問い詰めないでください。", morphemePhrases, "疑わしい|人を|問い|詰めないでください。", true},
		{"zh-Hans:有年长的男朋友或女朋友，似乎在控制孩子", loosePhrases, "有|年长|的|男朋友|或|女朋友，|似乎|在|控制|孩子", false},
	} {
		lang := language.Japanese
		if tag, text, ok := strings.Cut(c.text, ":"); ok {
			lang, c.text = language.MustParse(tag), text
		}
		rs := []rune(c.text)
		glue, long := phraseGlue(lang, rs, 0, len(rs), c.level)
		got := ""
		for i, r := range rs {
			if i > 0 && !glue[i] {
				got += "|"
			}
			got += string(r)
		}
		if got != c.want || long != c.long {
			t.Errorf("%s at level %d: %s (long %v), want %s (long %v)", c.text, c.level, got, long, c.want, c.long)
		}
	}
}
