package layouts_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/output"
	"handbill/text"
)

var preview = flag.String("preview", "", "write every built-in target as PDF into this folder")

func fakeDoc(lang string) *content.Doc {
	t := func(s string) content.Text {
		return content.Text{S: s, Pos: content.Pos{File: "fake.yaml", Line: 1, Col: 1}}
	}
	ts := func(ss ...string) []content.Text {
		var out []content.Text
		for _, s := range ss {
			out = append(out, t(s))
		}
		return out
	}
	return &content.Doc{
		Messages: content.Messages{Lang: language.MustParse(lang), Name: "English", Native: "English",
			Texts: map[string]content.Text{
				"headline":         t("Know the signs of child sex trafficking"),
				"intro":            t("Trading anything of value, like money, food or a place to stay, for a sex act with anyone under 18 is child sex trafficking. No force is needed. It is child abuse."),
				"signs_title":      t("Signs to look for"),
				"do_title":         t("What to do"),
				"call_label":       t("Call the National Human Trafficking Hotline"),
				"text_label":       t("Text"),
				"free_line":        t("Free · confidential · 24/7 · 200+ languages"),
				"sticker_question": t("Is someone forcing you to work or have sex?"),
				"card_front":       t("Need help? Call or text. Free, confidential, 24/7."),
				"not_alone":        t("You are not alone. It is not your fault."),
				"emergency_line":   t("In danger right now? Call 911."),
				"missing_line":     t("Report a missing child: 1-800-THE-LOST (1-800-843-5678)"),
			},
			Lists: map[string][]content.Text{
				"signs": ts("Has a much older boyfriend or girlfriend", "Has new things they cannot pay for", "Misses school or runs away often", "Seems afraid, anxious or watched", "Is not allowed to speak for themselves", "Has a hotel key card or two phones"),
				"do":    ts("Do not confront the person you suspect.", "Call or text the hotline. You can stay anonymous.", "In danger right now? Call 911."),
			}},
		Region: "US",
		Hotlines: []content.Hotline{{ID: "us-nhth", Name: t("National Human Trafficking Hotline"), Digits: "18883737888", Display: "1-888-373-7888", SMS: "233733", SMSKeyword: "BEFREE", Web: "humantraffickinghotline.org"},
			{ID: "us-ncmec", Name: t("NCMEC"), Digits: "18008435678", Display: "1-800-843-5678", Vanity: "1-800-THE-LOST", Web: "report.cybertip.org"}},
		Emergency: content.Hotline{Display: "911"},
		Org:       content.Org{Name: t("Lincoln High School"), Contact: t("Talk to Ms. Rivera, Room 114")},
	}
}

func TestPreviewBuiltins(t *testing.T) {
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	e := text.NewEngine(fonts.Builtin())
	for _, l := range ls {
		for _, tg := range layouts.Targets(l) {
			docs := []*content.Doc{fakeDoc("en")}
			if tg.Multilingual() {
				docs = append(docs, fakeDoc("en"))
			}
			d, err := layouts.Compose(e, tg, docs)
			if err != nil {
				t.Errorf("%s: %v", tg.Name(), err)
				continue
			}
			if *preview != "" {
				os.MkdirAll(*preview, 0o755)
				if err := output.WriteFile(filepath.Join(*preview, tg.Name()+".pdf"), d); err != nil {
					t.Error(err)
				}
			}
		}
	}
}
