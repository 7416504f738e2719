package text_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/text"
)

// TestWordsWithoutZeroWidthSpace checks that Thai, Khmer and Lao typed
// without ZERO WIDTH SPACE are split into their words by the dictionaries:
// strings from content/builtin (th.yaml, km.yaml) with their U+200B taken
// out, and a Lao phrase.
func TestWordsWithoutZeroWidthSpace(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"สัญญาณที่ควรสังเกต", "สัญญาณ|ที่|ควร|สังเกต"},
		{"รู้จักสัญญาณของการค้ามนุษย์เด็กทางเพศ", "รู้จัก|สัญญาณ|ของ|การค้า|มนุษย์|เด็ก|ทางเพศ"},
		{"มีแฟนที่อายุมากกว่า ซึ่งดูเหมือนคอยควบคุมเด็ก", "มี|แฟน|ที่|อายุ|มากกว่า ซึ่ง|ดูเหมือน|คอย|ควบคุม|เด็ก"},
		{"หนีออกจากบ้าน", "หนี|ออกจาก|บ้าน"},
		{"សញ្ញាដែលត្រូវសង្កេត", "សញ្ញា|ដែល|ត្រូវ|សង្កេត"},
		{"មានសង្សារចាស់ជាង ដែលហាក់ដូចជាគ្រប់គ្រងកុមារ", "មាន|សង្សារ|ចាស់|ជាង ដែល|ហាក់ដូចជា|គ្រប់គ្រង|កុមារ"},
		{"ស្គាល់សញ្ញានៃការជួញដូរកុមារដើម្បីផ្លូវភេទ។", "ស្គាល់|សញ្ញា|នៃ|ការ|ជួញ|ដូរ|កុមារ|ដើម្បី|ផ្លូវ|ភេទ។"},
		{"ພາສາລາວ", "ພາສາ|ລາວ"},
		// Other scripts and digits are left alone.
		{"Call 911", "Call 911"},
		{"โทร 1-888-373-7888", "โทร 1-888-373-7888"},
	} {
		if got := strings.Join(text.Words(c.in), "|"); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestThaiKhmerWithoutZeroWidthSpaceBreakBetweenWords lays out built-in
// Thai and Khmer intros with their U+200B removed in a narrow box: the text
// breaks into lines that fit, never inside a word.
func TestThaiKhmerWithoutZeroWidthSpaceBreakBetweenWords(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang  string
		text  string
		words []string // words no line may split
	}{
		{"th", "หากมีใครให้เงิน ยาเสพติด ที่พัก หรือสิ่งมีค่าใดๆ เพื่อแลกกับการมีเพศสัมพันธ์กับเด็กอายุต่ำกว่า 18\u00a0ปี นั่นคือการค้ามนุษย์เด็กทางเพศ ไม่จำเป็นต้องมีการบังคับ",
			[]string{"เด็ก", "เพศสัมพันธ์", "บังคับ", "จำเป็น", "มนุษย์", "ต่ำกว่า"}},
		{"km", "ប្រសិនបើនរណាម្នាក់ផ្ដល់លុយ គ្រឿងញៀន កន្លែងស្នាក់នៅ ឬអ្វីដែលមានតម្លៃ ដើម្បីដូរនឹងការរួមភេទជាមួយកុមារអាយុក្រោម 18 ឆ្នាំ",
			[]string{"កុមារ", "ស្នាក់", "តម្លៃ", "ជាមួយ", "ក្រោម", "ដើម្បី"}},
	} {
		st := text.Style{Lang: language.MustParse(c.lang), Size: 10}
		const width = 90
		p, err := e.Layout(c.text, st, width)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Lines) < 4 {
			t.Errorf("%s: %d lines in %d pt: the text did not break", c.lang, len(p.Lines), width)
		}
		var lines []string
		for i, l := range p.Lines {
			if l.Width > width+0.01 {
				t.Errorf("%s: line %d is %.1f pt wide, box %d", c.lang, i+1, l.Width, width)
			}
			lines = append(lines, lineText(l))
		}
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(c.text, " ", "") {
			t.Errorf("%s: lines %q do not spell the text", c.lang, lines)
		}
		for i := 1; i < len(lines); i++ {
			prev, next := strings.TrimRight(lines[i-1], " "), lines[i]
			for _, w := range c.words {
				for k := 1; k < len([]rune(w)); k++ {
					a, b := string([]rune(w)[:k]), string([]rune(w)[k:])
					if strings.HasSuffix(prev, a) && strings.HasPrefix(next, b) {
						t.Errorf("%s: %q is split across lines %d and %d: %q / %q", c.lang, w, i, i+1, prev, next)
					}
				}
			}
		}
	}
}

// lineText is a line's characters in logical order (left-to-right lines).
func lineText(l text.Line) string {
	var b strings.Builder
	for _, r := range l.Runs {
		for _, c := range r.Clusters {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// TestUnbrokenRunsKnowsTheDictionary: Thai and Khmer without U+200B are
// no longer reported; Myanmar, which has no dictionary, still is.
func TestUnbrokenRunsKnowsTheDictionary(t *testing.T) {
	for _, s := range []string{
		"หากมีใครให้เงินยาเสพติดที่พักหรือสิ่งมีค่าใดๆเพื่อแลกกับการมีเพศสัมพันธ์กับเด็ก",
		"ប្រសិនបើនរណាម្នាក់ផ្ដល់លុយគ្រឿងញៀនកន្លែងស្នាក់នៅឬអ្វីដែលមានតម្លៃ",
	} {
		if runs := text.UnbrokenRuns(s); len(runs) > 0 {
			t.Errorf("UnbrokenRuns(%q) = %q, want none: the dictionary breaks it", s, runs)
		}
	}
	my := "လူကုန်ကူးမှုလက္ခဏာများကိုသိပါကလေးများကိုကာကွယ်ပါ"
	if runs := text.UnbrokenRuns(my); !slices.Equal(runs, []string{my}) {
		t.Errorf("UnbrokenRuns(Myanmar) = %q, want the whole run", runs)
	}
}

// TestWriterMarkedWordsAreKept: text that carries U+200B is broken only
// where its writer marked (ជួញដូរ, "trade", is one word here, though the
// dictionary would split it).
func TestWriterMarkedWordsAreKept(t *testing.T) {
	if got := strings.Join(text.Words("ការ\u200bជួញដូរ\u200bកុមារ"), "|"); got != "ការ\u200bជួញដូរ\u200bកុមារ" {
		t.Errorf("Words split writer-marked text: %q", got)
	}
	if got := strings.Join(text.Words("ការជួញដូរកុមារ"), "|"); got != "ការ|ជួញ|ដូរ|កុមារ" {
		t.Errorf("Words(unmarked) = %q", got)
	}
}
