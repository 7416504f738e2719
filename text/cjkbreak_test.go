package text_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/text"
)

// Characters no line may start with (closing punctuation, small kana, the
// prolonged sound mark) or end with (opening punctuation), after JIS X 4051
// and CLREQ.
const (
	noLineStart = "、。，．：；！？）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー・"
	noLineEnd   = "（「『【〔〈《“‘"
)

// TestCJKLineBreakRules lays out built-in Japanese and Chinese sentences
// (content/builtin ja.yaml, zh-Hans.yaml and zh-Hant.yaml: intros and a
// hotline's name) at many widths: no line starts with closing punctuation,
// small kana or ー, none ends with opening punctuation, katakana words
// (ホットライン) and a number with the two characters before it (拨打911)
// never split.
func TestCJKLineBreakRules(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang, text string
		whole      []string
	}{
		{"ja", "お金、薬物、泊まる場所など価値あるものと引き換えに、18歳未満の子どもと性的な行為をするのは、子どもの性的人身取引です。強制がなくても同じです。子どもへの虐待で、子どもは決して悪くありません。男の子、女の子、LGBTQの若者も被害にあいます。",
			[]string{"LGBTQ"}},
		{"ja", "全米人身取引ホットライン（24時間、無料）に電話してください。「一人で悩まないで」！", []string{"ホットライン"}},
		{"zh-Hans", "如果有人用金钱、毒品、住处或任何有价值的东西，换取与未满18岁孩子的性行为，这就是儿童性贩运。即使没有强迫，也算。这是虐待儿童，绝不是孩子的错。男孩、女孩和LGBTQ青少年都可能受害。如果孩子现在有危险，请拨打911。",
			[]string{"拨打911。", "LGBTQ"}},
		{"zh-Hant", "如果有人用金錢、毒品、住處或任何有價值的東西，換取與未滿18歲孩子的性行為，這就是兒童性販運。（全天24小時）「您並不孤單」。",
			[]string{"LGBTQ"}},
		// A headline set by phrases, one over maxPhrase long.
		{"ja", stickerQuestion, nil},
	} {
		for width := 40.0; width <= 200; width++ {
			p, err := e.Layout(c.text, text.Style{Lang: language.MustParse(c.lang), Size: 10}, width)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range p.Lines {
				lines = append(lines, strings.TrimRight(lineText(l), " "))
			}
			for i, l := range lines {
				rs := []rune(l)
				if len(rs) == 0 {
					continue
				}
				if i > 0 && strings.ContainsRune(noLineStart, rs[0]) {
					t.Errorf("%s at %g pt: line %d starts with %q: %q", c.lang, width, i+1, rs[0], lines)
				}
				if i < len(lines)-1 && strings.ContainsRune(noLineEnd, rs[len(rs)-1]) {
					t.Errorf("%s at %g pt: line %d ends with %q: %q", c.lang, width, i+1, rs[len(rs)-1], lines)
				}
			}
			for _, w := range c.whole {
				n := 0
				for _, l := range lines {
					n += strings.Count(l, w)
				}
				if n != strings.Count(c.text, w) {
					t.Errorf("%s at %g pt: %q is split: %q", c.lang, width, w, lines)
				}
			}
		}
	}
}

// TestShortNumberStaysWithItsWord: "Call 911." and "24 hours" never break
// inside, a hotline stays whole, and the rule does not glue a hotline to
// the word after it.
func TestShortNumberStaysWithItsWord(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		text  string
		whole []string
	}{
		{"If a child is in danger right now, call 911.", []string{"call 911."}},
		{"Si un niño está en peligro ahora mismo, llame al 911.", []string{"al 911."}},
		{"Free, confidential, 24 hours a day, 7 days a week.", []string{"24 hours", "7 days"}},
		{"Call 1-888-373-7888 or text 233733 now", []string{"1-888-373-7888"}},
	} {
		for width := 30.0; width <= 200; width += 5 {
			p, err := e.Layout(c.text, text.Style{Lang: language.English, Size: 10}, width)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range p.Lines {
				lines = append(lines, lineText(l))
			}
			for _, w := range c.whole {
				found := false
				for _, l := range lines {
					found = found || strings.Contains(l, w)
				}
				if !found {
					t.Errorf("%q at %g pt: %q is split: %q", c.text, width, w, lines)
				}
			}
			// A hotline is not glued to the word after it.
			if strings.Contains(c.text, "7888 or") && width >= 110 {
				for _, l := range lines {
					if strings.Contains(l, "7888 or") && strings.HasPrefix(l, "1-888") && len(lines) > 1 && p.Lines[0].Width > width {
						t.Errorf("hotline glued to the next word: %q", lines)
					}
				}
			}
		}
	}
}

// TestSeparatorNeverStartsALine: in a line of items set between middle
// dots, a break falls after a dot, never before one, in Latin and CJK
// text alike, at every width; and a short Chinese or Japanese item
// (保密, 全天24小時) is never split.
func TestSeparatorNeverStartsALine(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang language.Tag
		text string
	}{
		{language.English, "Text 233733 · Free · confidential · 24/7"},
		{language.TraditionalChinese, "傳簡訊 233733（僅限英文或西班牙文） · 免費 · 保密 · 全天24小時"},
		{language.Japanese, "SMS 233733 ・ 無料 ・ 秘密厳守 ・ 24時間365日"},
	} {
		broke := false
		for width := 30.0; width <= 300; width += 3 {
			p, err := e.Layout(c.text, text.Style{Lang: c.lang, Size: 10}, width)
			if err != nil {
				t.Fatal(err)
			}
			for k, l := range p.Lines {
				s := strings.TrimSpace(lineText(l))
				if k > 0 && strings.ContainsAny(s[:len(string([]rune(s)[0]))], "·・") {
					t.Errorf("%s at %g pt: line %d starts with a separator: %q", c.lang, width, k+1, s)
				}
				if k == 0 {
					continue
				}
				prev := strings.TrimSpace(lineText(p.Lines[k-1]))
				for _, item := range []string{"保密", "全天24小時", "無料", "秘密厳守", "24時間365日"} {
					rs := []rune(item)
					for n := 1; n < len(rs); n++ {
						if strings.HasSuffix(prev, string(rs[:n])) && strings.HasPrefix(s, string(rs[n:])) {
							t.Errorf("%s at %g pt: %q split: %q / %q", c.lang, width, item, prev, s)
						}
					}
				}
			}
			broke = broke || len(p.Lines) > 2
		}
		if !broke {
			t.Errorf("%s: never broke into more than two lines: the test tries too few widths", c.lang)
		}
	}
}

// stickerQuestion is the Japanese stickers' question: its last phrase,
// "強制されていませんか？", is eleven characters, over maxPhrase.
const stickerQuestion = "誰かに仕事や性的な行為を強制されていませんか？"

// TestPhrasesStayWhole: a Chinese or Japanese headline breaks between
// phrases (BudouX's), never inside a short one, at every width that holds
// the phrase: "サインを / 知ってください", not "知って / ください"; "贩运"
// and "跡象" are not cut in two. A phrase over maxPhrase stays whole where
// it fits the line ("強制されていませんか？" from 110 pt at 10 pt) and
// where it does not breaks at a morpheme-like boundary ("強制 /
// されていませんか？", not "されてい / ませんか？"), where BudouX's weakest
// boundaries are too ("問い / 詰めないでください。" only where the phrase
// does not fit; "女朋友" whole).
func TestPhrasesStayWhole(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang, text string
		whole      []string
		from       float64 // the narrowest width tried: holds the longest phrase
	}{
		{"ja", "子どもの性的人身取引のサインを知ってください", []string{"子どもの", "サインを", "知ってください"}, 75},
		{"zh-Hans", "了解儿童性贩运的迹象", []string{"了解", "贩运", "迹象"}, 35},
		{"zh-Hant", "認識兒童性販運的跡象", []string{"認識", "販運", "跡象"}, 35},
		{"ja", stickerQuestion, []string{"誰かに", "仕事や", "性的な", "行為を", "されていませんか？"}, 90},
		{"ja", stickerQuestion, []string{"強制されていませんか？"}, 110},
		// Words BudouX cuts with a weak boundary: 問い詰める, 女朋友.
		{"ja", "疑わしい人を問い詰めないでください。子どもがもっと危険になるかもしれません。", []string{"問い詰めないでください。"}, 120},
		{"zh-Hans", "有年长的男朋友或女朋友，似乎在控制孩子", []string{"男朋友", "女朋友，"}, 40},
	} {
		broke := false
		for width := c.from; width <= 250; width += 2 {
			p, err := e.Layout(c.text, text.Style{Lang: language.MustParse(c.lang), Size: 10, Bold: true}, width)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range p.Lines {
				lines = append(lines, strings.TrimSpace(lineText(l)))
			}
			broke = broke || len(lines) > 2
			for _, w := range c.whole {
				n := 0
				for _, l := range lines {
					n += strings.Count(l, w)
				}
				if n == 0 {
					t.Errorf("%s at %g pt: %q is split: %q", c.lang, width, w, lines)
				}
			}
		}
		if !broke {
			t.Errorf("%s: never broke into three lines: the test tries too few widths", c.lang)
		}
	}
}

// TestFitKeepsLongPhrasesWhole: Fit sets a line up to a tenth smaller to
// keep a phrase over maxPhrase whole ("強制されていませんか？", 110 pt wide
// at 10 pt, in 105 pt); where that takes more, it keeps the size and
// breaks the phrase at its morpheme-like boundary ("強制 /
// されていませんか？" in 95 pt, not between any two characters).
func TestFitKeepsLongPhrasesWhole(t *testing.T) {
	e := engine()
	st := text.Style{Lang: language.Japanese, Bold: true}
	for _, c := range []struct {
		width   float64
		lines   []string
		atLeast float64 // the least size Fit may choose
	}{
		{105, []string{"強制されていませんか？"}, 9},
		{95, []string{"強制", "されていませんか？"}, 10},
		{200, []string{"強制されていませんか？"}, 10},
	} {
		p, err := e.Fit("強制されていませんか？", st, text.Box{W: c.width, H: 100}, 6, 10)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range p.Lines {
			lines = append(lines, strings.TrimSpace(lineText(l)))
		}
		if strings.Join(lines, "/") != strings.Join(c.lines, "/") || p.Style.Size < c.atLeast {
			t.Errorf("in %g pt: %q at %g pt, want %q at %g pt or more", c.width, lines, p.Style.Size, c.lines, c.atLeast)
		}
	}
}

// TestPhrasesBalanced: a short line of Chinese or Japanese set by phrases
// is broken into lines as even as its phrases allow, as many as at the
// box's width: the Japanese headline in two lines is
// "子どもの性的人身取引の / サインを知ってください", not
// "子どもの性的人身取引のサインを / 知ってください"; the Chinese headline
// never ends on "迹象" alone where a line holds two of its phrases.
func TestPhrasesBalanced(t *testing.T) {
	e := engine()
	ja := text.Style{Lang: language.Japanese, Size: 20, Bold: true}
	twice := 0
	for width := 240.0; width <= 440; width += 10 {
		p, err := e.Layout("子どもの性的人身取引のサインを知ってください", ja, width)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range p.Lines {
			lines = append(lines, strings.TrimSpace(lineText(l)))
		}
		if len(lines) == 2 {
			twice++
			if lines[0] != "子どもの性的人身取引の" {
				t.Errorf("at %g pt: %q, want the line broken before サインを", width, lines)
			}
		}
	}
	if twice == 0 {
		t.Error("the Japanese headline never set in two lines: the test tries the wrong widths")
	}
	zh := text.Style{Lang: language.MustParse("zh-Hans"), Size: 20}
	for width := 100.0; width <= 400; width += 5 {
		p, err := e.Layout("了解儿童性贩运的迹象", zh, width)
		if err != nil {
			t.Fatal(err)
		}
		if last := strings.TrimSpace(lineText(p.Lines[len(p.Lines)-1])); len(p.Lines) > 1 && last == "迹象" {
			t.Errorf("at %g pt: last line %q alone", width, last)
		}
	}
}
