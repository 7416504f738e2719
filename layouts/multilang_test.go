package layouts_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// multilangDocs resolves languages for the US.
func multilangDocs(t *testing.T, set *content.Set, langs ...string) []*content.Doc {
	t.Helper()
	var docs []*content.Doc
	for _, l := range langs {
		d, err := set.Resolve(mustTag(l), "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// texts are a page's texts whose words start with prefix.
func texts(p *frame.Page, prefix string) []*frame.Text {
	var out []*frame.Text
	for _, it := range p.Items {
		if t, ok := it.(*frame.Text); ok && strings.HasPrefix(untied(t.Para.Text), prefix) {
			out = append(out, t)
		}
	}
	return out
}

// TestMultilangPanelsComplete: every panel of the multi-language poster,
// at every size, in two and three languages (one of them right to left,
// one Chinese), holds its language's headline, intro, signs title, three
// signs, what-to-do title, the three steps (the last with 911) and the
// line's name with "call" and "text" in its language; the headlines are
// at one height and one size across the panels; no text of a panel
// runs into the band; and fit_rows sets the panels' body text no
// smaller than without it, and larger on some.
func TestMultilangPanelsComplete(t *testing.T) {
	set, ls, e := builtins(t)
	l := ls["poster-multilang"]
	grew := 0
	defer func() {
		if grew == 0 {
			t.Error("fit_rows set the body text larger on no poster")
		}
	}()
	for _, langs := range [][]string{{"en", "es"}, {"en", "es", "ar"}, {"en", "es", "zh-Hans"}, {"ar", "en"}} {
		docs := multilangDocs(t, set, langs...)
		for _, tg := range layouts.Targets(l) {
			doc, err := layouts.Compose(e, tg, docs)
			if err != nil {
				t.Fatalf("%s %v: %v", tg.Name(), langs, err)
			}
			p := doc.Pages[0]
			var heads []*frame.Text
			for _, d := range docs {
				m := d.Messages
				want := []string{m.Texts["headline"].S, m.Texts["signs_title"].S, m.Texts["do_title"].S, m.Lists["signs"][2].S, m.Lists["do"][2].S}
				for _, w := range want {
					if len(texts(p, w)) == 0 {
						t.Errorf("%s %v: the %s panel has no %q", tg.Name(), langs, m.Lang, w)
					}
				}
				if !strings.Contains(m.Lists["do"][2].S, "911") {
					t.Errorf("%s: the third step %q has no 911", m.Lang, m.Lists["do"][2].S)
				}
				intro := strings.Fields(m.Texts["intro"].S)[0]
				if len(texts(p, intro)) == 0 {
					t.Errorf("%s %v: the %s panel has no intro", tg.Name(), langs, m.Lang)
				}
				call := texts(p, "") // the call block: the line's name, then "call" and "text" in the panel's language
				found := false
				for _, c := range call {
					if strings.Contains(c.Para.Text, m.Texts["call_label"].S+" 1-888-373-7888") && strings.Contains(c.Para.Text, m.Texts["text_label"].S) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s %v: the %s panel does not say %q and %q", tg.Name(), langs, m.Lang, m.Texts["call_label"].S, m.Texts["text_label"].S)
				}
				if ts := texts(p, m.Texts["headline"].S); len(ts) > 0 {
					heads = append(heads, ts[0])
				}
			}
			for _, h := range heads[1:] {
				if math.Abs(h.Y-heads[0].Y) > 0.01 || math.Abs(h.Para.Style.Size-heads[0].Para.Style.Size) > 0.01 {
					t.Errorf("%s %v: the headlines are not at one height and one size: %q at %.1f, %.2f pt; %q at %.1f, %.2f pt", tg.Name(), langs,
						clip(heads[0].Para.Text), heads[0].Y, heads[0].Para.Style.Size, clip(h.Para.Text), h.Y, h.Para.Style.Size)
				}
			}
			// The panels end over the band: no text of a panel below it.
			band := bandTop(p)
			for _, tx := range texts(p, "") {
				if tx.Y < band && tx.Y+tx.Para.Height > band+0.01 {
					t.Errorf("%s %v: %q runs into the band", tg.Name(), langs, tx.Para.Text)
				}
			}
			fitted := bodySize(p, docs[0])
			flat := *l
			flat.Pages = []layouts.PageSpec{l.Pages[0]}
			flat.Pages[0].Blocks = append([]layouts.Block(nil), l.Pages[0].Blocks...)
			flat.Pages[0].Blocks[0].FitRows = false
			ftg := tg
			ftg.Layout = &flat
			fdoc, err := layouts.Compose(e, ftg, docs)
			if err != nil {
				t.Fatalf("%s %v without fit_rows: %v", tg.Name(), langs, err)
			}
			plain := bodySize(fdoc.Pages[0], docs[0])
			if fitted < plain {
				t.Errorf("%s %v: body at %.2f pt with fit_rows, %.2f pt without: fitting the rows set it smaller", tg.Name(), langs, fitted, plain)
			}
			if fitted > plain {
				grew++
			}
		}
	}
}

// bandTop is the top of the shared band: the highest rect filled with
// the accent that spans the page.
func bandTop(p *frame.Page) float64 {
	top := p.H
	for _, it := range p.Items {
		if r, ok := it.(*frame.Rect); ok && r.W >= p.W && r.Y > 0 && r.Y < top {
			top = r.Y
		}
	}
	return top
}

// bodySize is the size of the first panel's intro.
func bodySize(p *frame.Page, d *content.Doc) float64 {
	ts := texts(p, strings.Fields(d.Messages.Texts["intro"].S)[0])
	if len(ts) == 0 {
		return 0
	}
	return ts[0].Para.Style.Size
}

// TestMultilangBandNotMirrored: the shared band is laid out the same
// whichever language comes first: with Arabic first, the number and the
// QR code are where they are with English first, the number set from the
// left.
func TestMultilangBandNotMirrored(t *testing.T) {
	set, ls, e := builtins(t)
	l := ls["poster-multilang"]
	for _, tg := range layouts.Targets(l) {
		at := map[string][2]float64{}
		for _, first := range []string{"en", "ar"} {
			langs := []string{"en", "es", "ar"}
			if first == "ar" {
				langs = []string{"ar", "en", "es"}
			}
			doc, err := layouts.Compose(e, tg, multilangDocs(t, set, langs...))
			if err != nil {
				t.Fatal(err)
			}
			p := doc.Pages[0]
			band := bandTop(p)
			for _, it := range p.Items {
				switch it := it.(type) {
				case *frame.QR:
					if it.Y > band {
						at[first+" qr"] = [2]float64{it.X, it.Y}
					}
				case *frame.Text:
					if it.Y > band && strings.Contains(it.Para.Text, "1-888-373-7888") && len(it.Para.Lines) > 0 {
						at[first+" number"] = [2]float64{it.X + it.Para.Lines[0].X, it.Y}
					}
				}
			}
		}
		for _, what := range []string{"qr", "number"} {
			en, ar := at["en "+what], at["ar "+what]
			// Across, exactly; down, within 3 pt (the band's words are
			// in the first language, and an Arabic line is taller).
			if en == ([2]float64{}) || math.Abs(en[0]-ar[0]) > 0.01 || math.Abs(en[1]-ar[1]) > 3 {
				t.Errorf("%s: the band's %s is at %v with English first, at %v with Arabic first", tg.Name(), what, en, ar)
			}
		}
	}
}

// TestMultilangHeadingsWithoutRunts: no heading of any panel ends on a
// word of its own, whatever the third language, at every size: Armenian's
// long words, which a panel's column holds one or two to a line, stack a
// word a line rather than leave "նշանները" alone under a line of two.
func TestMultilangHeadingsWithoutRunts(t *testing.T) {
	set, ls, e := builtins(t)
	for _, third := range []string{"hy", "ru", "vi", "am", "km", "ar", "fa", "ur", "so", "hmn", "pa"} {
		docs := multilangDocs(t, set, "en", "es", third)
		for _, tg := range layouts.Targets(ls["poster-multilang"]) {
			doc, err := layouts.Compose(e, tg, docs)
			if err != nil {
				t.Fatalf("%s en-es-%s: %v", tg.Name(), third, err)
			}
			for _, x := range texts(doc.Pages[0], "") {
				if r := layouts.Runt(x.Para); x.Role == "heading" && r != "" {
					t.Errorf("%s en-es-%s: the heading %q ends on %q alone (lines %q)", tg.Name(), third, x.Para.Text, r, x.Para.LineTexts())
				}
			}
		}
	}
}

// TestMultilangRefusesFourLanguages: four languages on the multi-language
// poster (which overflowed its rows, the error naming an intro box) are
// refused at the layout's size, with the maximum and a hint that says
// how to print them all.
func TestMultilangRefusesFourLanguages(t *testing.T) {
	set, ls, e := builtins(t)
	docs := multilangDocs(t, set, "en", "es", "vi", "zh-Hans")
	for _, tg := range layouts.Targets(ls["poster-multilang"]) {
		_, err := layouts.Compose(e, tg, docs)
		var d *source.Diagnostic
		if !errors.As(err, &d) {
			t.Fatalf("%s with four languages: %v, want a diagnostic", tg.Name(), err)
		}
		if d.Severity != source.Error || !strings.Contains(d.Message, "at most 3 languages") || !strings.Contains(d.Hint, "--lang en,es,zh-Hans") ||
			!strings.HasSuffix(d.Pos.File, "poster-multilang.yaml") || d.Pos.Line == 0 {
			t.Errorf("%s with four languages: %s", tg.Name(), d.Error())
		}
		t.Logf("%s\n  hint: %s", d.Error(), d.Hint)
		if _, err := layouts.Compose(e, tg, docs[:3]); err != nil {
			t.Errorf("%s with three languages: %v", tg.Name(), err)
		}
	}
}

// untied is s with its no-break spaces as spaces: a heading whose last
// two words are tied (see layouts' titleAt) says the same words.
func untied(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// TestListTitleTiedNotShrunk: the Russian signs title ("На что обратить
// внимание") ends on a one-word line at every measure that keeps it two
// lines; tied ("На что / обратить внимание") it keeps the size of the
// panel's other title instead of being set smaller with its list, which
// held the Russian column at its minimum with white under its rows.
func TestListTitleTiedNotShrunk(t *testing.T) {
	set, ls, e := builtins(t)
	var docs []*content.Doc
	for _, lg := range []string{"en", "es", "ru"} {
		d, err := set.Resolve(mustTag(lg), "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	m := docs[2].Messages
	for _, tg := range layouts.Targets(ls["poster-multilang"]) {
		doc, err := layouts.Compose(e, tg, docs)
		if err != nil {
			t.Fatal(err)
		}
		p := doc.Pages[0]
		signs, do := first(p, m.Texts["signs_title"].S), first(p, m.Texts["do_title"].S)
		if signs == nil || do == nil {
			t.Fatalf("%s: the Russian titles are not drawn", tg.Name())
		}
		if r := layouts.Runt(signs.Para); r != "" {
			t.Errorf("%s: %q ends on %q", tg.Name(), signs.Para.Text, r)
		}
		if s, d := signs.Para.Style.Size, do.Para.Style.Size; math.Abs(s-d) > 0.01 {
			t.Errorf("%s: the signs title at %.2f pt, the what-to-do title at %.2f pt", tg.Name(), s, d)
		}
	}
}
