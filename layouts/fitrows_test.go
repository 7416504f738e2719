package layouts_test

import (
	"strings"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// TestFitRowsOverflowingRow: a row of the multi-language poster too tall
// for its box at the minimum size (Russian's and Somali's what-to-do for
// educators, Somali's signs for youth, on Letter and A4) takes the room
// the rows above it leave: every audience, size and language is
// composed, the body text at 10 pt or more, each panel's rows in order
// without overlapping (intro, signs, what to do, the line) and above the
// band.
func TestFitRowsOverflowingRow(t *testing.T) {
	set, ls, e := builtins(t)
	l := ls["poster-multilang"]
	for _, aud := range content.Audiences {
		for _, langs := range [][]string{{"en", "es", "ru"}, {"en", "es", "so"}} {
			var docs []*content.Doc
			for _, lg := range langs {
				d, err := set.Resolve(mustTag(lg), aud, "US")
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, d)
			}
			for _, tg := range layouts.Targets(l) {
				doc, err := layouts.Compose(e, tg, docs)
				if err != nil {
					t.Errorf("%s %s %v: %v", tg.Name(), aud, langs, err)
					continue
				}
				p := doc.Pages[0]
				band := bandTop(p)
				for _, d := range docs {
					m := d.Messages
					name := tg.Name() + " " + aud + " " + m.Lang.String()
					intro := first(p, string([]rune(m.Texts["intro"].S)[:20]))
					if intro == nil {
						t.Errorf("%s: no intro", name)
						continue
					}
					if intro.Para.Style.Size < 10-0.01 {
						t.Errorf("%s: body at %.2f pt, below 10 pt", name, intro.Para.Style.Size)
					}
					rows := []*frame.Text{
						intro,
						first(p, m.Texts["signs_title"].S),
						first(p, m.Lists["signs"][2].S), // the poster shows three
						first(p, m.Texts["do_title"].S),
						first(p, m.Lists["do"][2].S),
						containing(p, m.Texts["call_label"].S+" 1-888-373-7888"), // the line's name, call and text
					}
					for i, r := range rows {
						if r == nil {
							t.Errorf("%s: row text %d not drawn", name, i)
							break
						}
						if r.Y+r.Para.Height > band+0.01 {
							t.Errorf("%s: %q runs into the band", name, r.Para.Text)
						}
						// intro → signs title, the last sign shown →
						// do title, the last step → the line's name.
						if (i == 1 || i == 3 || i == 5) && rows[i-1] != nil && rows[i-1].Y+rows[i-1].Para.Height > r.Y+0.01 {
							t.Errorf("%s: %q (bottom %.1f) runs into %q (top %.1f)", name, clip(rows[i-1].Para.Text), rows[i-1].Y+rows[i-1].Para.Height, clip(r.Para.Text), r.Y)
						}
					}
				}
			}
		}
	}
}

// first is the first of a page's texts whose words start with prefix, or
// nil.
func first(p *frame.Page, prefix string) *frame.Text {
	if ts := texts(p, prefix); len(ts) > 0 {
		return ts[0]
	}
	return nil
}

// containing is the first of a page's texts that contains s, or nil.
func containing(p *frame.Page, s string) *frame.Text {
	for _, t := range texts(p, "") {
		if strings.Contains(untied(t.Para.Text), s) {
			return t
		}
	}
	return nil
}

// clip is s cut to 30 characters.
func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
