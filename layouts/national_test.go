package layouts_test

import (
	"strings"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// TestNationalLineNamed: where a state line comes first (Florida,
// Georgia, Tennessee), the national line's number in the band of the
// poster, the multi-language poster, the flyer, the handout's back, the
// notices (the large one too) and the stickers (on the wallet card's
// front: anywhere) is named right above it, in
// the document's (the band's: the first) language; without its name it
// reads as the state line's second number.
func TestNationalLineNamed(t *testing.T) {
	set, ls, e := builtins(t)
	for _, region := range []string{"US-FL", "US-GA", "US-TN"} {
		for _, job := range []struct {
			layout string
			langs  []string
			noBand bool // the whole page, not its band
			page   int  // the page with the band
		}{
			{"poster", []string{"en"}, false, 0}, {"poster", []string{"es"}, false, 0}, {"poster", []string{"ru"}, false, 0}, {"poster", []string{"km"}, false, 0},
			{"poster-multilang", []string{"en", "es", "ru"}, false, 0}, {"poster-multilang", []string{"es", "en"}, false, 0},
			{"flyer", []string{"en"}, false, 0}, {"flyer", []string{"ru"}, false, 0}, {"flyer", []string{"km"}, false, 0},
			{"handout", []string{"en"}, false, 1}, {"handout", []string{"ru"}, false, 1}, {"handout", []string{"km"}, false, 1},
			{"notice", []string{"en"}, false, 0}, {"notice", []string{"ru"}, false, 0}, {"notice", []string{"km"}, false, 0},
			{"notice-bold", []string{"en"}, false, 0}, {"notice-bold", []string{"ru"}, false, 0}, {"notice-bold", []string{"km"}, false, 0},
			{"notice-large", []string{"en"}, false, 0}, {"notice-large", []string{"es"}, false, 0}, {"notice-large", []string{"ru"}, false, 0}, {"notice-large", []string{"km"}, false, 0},
			{"sticker", []string{"en"}, false, 0}, {"sticker", []string{"ru"}, false, 0}, {"sticker", []string{"km"}, false, 0}, {"sticker", []string{"am"}, false, 0},
			{"wallet-card", []string{"en"}, true, 0}, {"wallet-card", []string{"ru"}, true, 0}, {"wallet-card", []string{"km"}, true, 0},
		} {
			var docs []*content.Doc
			for _, lg := range job.langs {
				d, err := set.Resolve(mustTag(lg), "community", region)
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, d)
			}
			var name, number string
			for _, h := range docs[0].Hotlines {
				if h.ID == "us-nhth" {
					name, number = h.Name.S, h.Display
				}
			}
			if name == "" || docs[0].Hotlines[0].ID == "us-nhth" {
				t.Fatalf("%s: no national line after the state line", region)
			}
			for _, tg := range layouts.Targets(ls[job.layout]) {
				doc, err := layouts.Compose(e, tg, docs)
				if err != nil {
					t.Errorf("%s %s %v: %v", tg.Name(), region, job.langs, err)
					continue
				}
				p := doc.Pages[job.page]
				band := bandTop(p)
				if job.noBand || band >= p.H {
					band = 0 // a card, or handouts side by side on a sheet: no band across the page
				}
				var num, label *frame.Text
				for _, tx := range texts(p, "") {
					if tx.Y < band {
						continue
					}
					switch strings.TrimSpace(tx.Para.Text) {
					case number:
						num = tx
					case name:
						label = tx
					}
				}
				switch {
				case num == nil:
					t.Errorf("%s %s %v: the national number %s is not in the band", tg.Name(), region, job.langs, number)
				case label == nil:
					t.Errorf("%s %s %v: the national number %s is printed without its name %q", tg.Name(), region, job.langs, number, name)
				case label.Y+label.Para.Height > num.Y+0.01 || num.Y-(label.Y+label.Para.Height) > num.Para.Style.Size/2:
					t.Errorf("%s %s %v: the name %q (%.1f–%.1f) is not right above its number (top %.1f)", tg.Name(), region, job.langs, name, label.Y, label.Y+label.Para.Height, num.Y)
				}
			}
		}
	}
}

// TestMultilangStateLineNamed: where a state line comes first, the
// multi-language poster's shared band names the state line's number too
// (the panels name it, each in its language), right above it, as it
// names the national line's.
func TestMultilangStateLineNamed(t *testing.T) {
	set, ls, e := builtins(t)
	for _, langs := range [][]string{{"en", "es"}, {"ar", "en", "zh-Hans"}} {
		var docs []*content.Doc
		for _, lg := range langs {
			d, err := set.Resolve(mustTag(lg), "community", "US-FL")
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
		state := docs[0].Hotlines[0]
		for _, tg := range layouts.Targets(ls["poster-multilang"]) {
			doc, err := layouts.Compose(e, tg, docs)
			if err != nil {
				t.Errorf("%s %v: %v", tg.Name(), langs, err)
				continue
			}
			p := doc.Pages[0]
			band := bandTop(p)
			var num, label *frame.Text
			for _, tx := range texts(p, "") {
				if tx.Y < band {
					continue
				}
				switch strings.TrimSpace(tx.Para.Text) {
				case state.Display:
					num = tx
				case state.Name.S:
					label = tx
				}
			}
			switch {
			case num == nil || label == nil:
				t.Errorf("%s %v: the band's state number %s is not printed under its name %q", tg.Name(), langs, state.Display, state.Name.S)
			case label.Y+label.Para.Height > num.Y+0.01 || num.Y-(label.Y+label.Para.Height) > num.Para.Style.Size/2:
				t.Errorf("%s %v: the name %q is not right above its number", tg.Name(), langs, state.Name.S)
			}
		}
	}
}

// TestTabsNameTheirNumbers: where a state line comes first, each
// tear-off tab of the flyer names the number it carries (the state
// line's or the national line's, tabs taking turns), in the flyer's
// language: a number torn off without its name reads as the state's.
func TestTabsNameTheirNumbers(t *testing.T) {
	set, ls, e := builtins(t)
	for _, region := range []string{"US-FL", "US-GA", "US-TN"} {
		for _, lang := range []string{"en", "es", "ru", "km", "am", "ar", "zh-Hans", "ja"} {
			d, err := set.Resolve(mustTag(lang), "community", region)
			if err != nil {
				t.Fatal(err)
			}
			state, national := d.Hotlines[0], d.Hotlines[1]
			for _, tg := range layouts.Targets(ls["flyer"]) {
				doc, err := layouts.Compose(e, tg, []*content.Doc{d})
				if err != nil {
					t.Errorf("%s %s %s: %v", tg.Name(), region, lang, err)
					continue
				}
				seen := map[string]int{}
				for _, tx := range texts(doc.Pages[0], "") {
					if tx.Rotate == 0 {
						continue
					}
					s := strings.Join(tx.Para.LineTexts(), " ")
					for _, h := range []content.Hotline{state, national} {
						if !strings.Contains(s, h.Display) {
							continue
						}
						seen[h.ID]++
						if !strings.Contains(strings.Join(strings.Fields(s), ""), strings.Join(strings.Fields(h.Name.S), "")) {
							t.Errorf("%s %s %s: a tab carries %s without its name %q: %q", tg.Name(), region, lang, h.Display, h.Name.S, s)
						}
					}
				}
				if seen[state.ID] == 0 || seen[national.ID] == 0 {
					t.Errorf("%s %s %s: tabs with the state line %d, with the national line %d; want both", tg.Name(), region, lang, seen[state.ID], seen[national.ID])
				}
			}
		}
	}
}

// TestPanelTextLineNamed: where a state line comes first, the text line
// (233733) is the national line's: each panel of the multi-language
// poster that prints it names the national line before it, in the
// panel's language; under the state line's name and number alone it
// reads as the state's own (session 6 printed "Florida Human
// Trafficking Hotline / Call 1-855-352-7233 / Text 233733").
func TestPanelTextLineNamed(t *testing.T) {
	set, ls, e := builtins(t)
	for _, region := range []string{"US-FL", "US-GA", "US-TN"} {
		for _, langs := range [][]string{{"en", "es", "ru"}, {"en", "es", "hy"}, {"es", "en"}, {"ar", "en", "zh-Hans"}, {"en", "es", "km"}} {
			var docs []*content.Doc
			for _, lg := range langs {
				d, err := set.Resolve(mustTag(lg), "community", region)
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, d)
			}
			var sms string
			for _, h := range docs[0].Hotlines {
				if h.ID == "us-nhth" {
					sms = h.SMS
				}
			}
			if sms == "" || docs[0].Hotlines[0].SMS != "" {
				t.Fatalf("%s: the state line comes first without a text line of its own, the national line has one", region)
			}
			for _, tg := range layouts.Targets(ls["poster-multilang"]) {
				doc, err := layouts.Compose(e, tg, docs)
				if err != nil {
					t.Errorf("%s %s %v: %v", tg.Name(), region, langs, err)
					continue
				}
				p := doc.Pages[0]
				band := bandTop(p)
				panels := 0
				for _, tx := range texts(p, "") {
					at := strings.Index(tx.Para.Text, sms)
					if tx.Y >= band || at < 0 {
						continue
					}
					panels++
					named := false
					for _, d := range docs {
						for _, h := range d.Hotlines {
							if h.ID == "us-nhth" && strings.Contains(tx.Para.Text[:at], h.Name.S) {
								named = true
							}
						}
					}
					if !named {
						t.Errorf("%s %s %v: a panel prints the national text line %s without the national line's name: %q", tg.Name(), region, langs, sms, tx.Para.Text)
					}
				}
				if panels != len(docs) {
					t.Errorf("%s %s %v: %d panels print the text line %s, want %d", tg.Name(), region, langs, panels, sms, len(docs))
				}
			}
		}
	}
}
