package text_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/text"
)

// TestLatinInOtherScriptsUsesLatinFace: Latin words and digits inside
// Chinese, Japanese, Korean, Arabic and Hindi sentences (from
// content/builtin) are set in Noto Sans, the hotline whole, and the
// sentence's own letters in its script's face.
func TestLatinInOtherScriptsUsesLatinFace(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang, text string
		latin      []string // clusters' text drawn in Noto Sans
		native     string   // a character drawn in the script's face
		face       string
	}{
		{"zh-Hans", "如有需要，请拨打 1-888-373-7888，男孩、女孩和LGBTQ青少年都可能受害。", []string{"1-888-373-7888", "LGBTQ"}, "拨", "Noto Sans CJK SC"},
		{"zh-Hant", "請撥打 1-888-373-7888 或發短信 233733", []string{"1-888-373-7888", "233733"}, "撥", "Noto Sans CJK TC"},
		{"ja", "全米人身取引ホットライン 1-888-373-7888 に電話してください", []string{"1-888-373-7888"}, "ホ", "Noto Sans CJK JP"},
		{"ko", "하루 24시간 1-888-373-7888로 전화하세요", []string{"24", "1-888-373-7888"}, "하", "Noto Sans CJK KR"},
		{"ar", "اتصل على 1-888-373-7888 أو أرسل رسالة نصية", []string{"1-888-373-7888"}, "ص", "Noto Sans Arabic"},
		{"hi", "1-888-373-7888 पर कॉल करें, 24 घंटे", []string{"1-888-373-7888", "24"}, "क", "Noto Sans Devanagari"},
	} {
		p, err := e.Layout(c.text, text.Style{Lang: language.MustParse(c.lang), Size: 10}, 10000)
		if err != nil {
			t.Fatal(err)
		}
		inFace := map[string]string{} // text of each run → face family
		var runs []string
		for _, l := range p.Lines {
			for _, r := range l.Runs {
				var b strings.Builder
				for _, cl := range r.Clusters {
					b.WriteString(cl.Text)
				}
				inFace[b.String()] = r.Face.Family
				runs = append(runs, b.String()+"["+r.Face.Family+"]")
			}
		}
		for _, want := range c.latin {
			found := false
			for s, fam := range inFace {
				if strings.Contains(s, want) && fam == "Noto Sans" {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: %q is not set in Noto Sans as one run: %q", c.lang, want, runs)
			}
		}
		found := false
		for s, fam := range inFace {
			if strings.Contains(s, c.native) {
				found = fam == c.face
			}
		}
		if !found {
			t.Errorf("%s: %q is not set in %s: %q", c.lang, c.native, c.face, runs)
		}
	}
}

// TestUserFontKeepsLatin: with a user's font first, its face sets the
// digits it has (the user chose it for everything it covers).
func TestUserFontKeepsLatin(t *testing.T) {
	reg, err := fonts.Builtin().WithUserFonts("../fonts/files/wqy-microhei.ttc#0")
	if err != nil {
		t.Fatal(err)
	}
	p, err := text.NewEngine(reg).Layout("请拨打 1-888-373-7888", text.Style{Lang: language.Chinese, Size: 10}, 10000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Lines[0].Runs {
		if r.Face.Family != "WenQuanYi Micro Hei" {
			t.Errorf("run in %s, want the user's WenQuanYi Micro Hei", r.Face.Name())
		}
	}
}
