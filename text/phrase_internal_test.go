package text

import (
	"slices"
	"testing"

	"golang.org/x/text/language"
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
