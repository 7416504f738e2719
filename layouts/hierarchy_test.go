package layouts_test

import (
	"strings"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// TestStickerHierarchy: on both stickers, in every language, with one
// number (US) and with two (Florida), the number is the largest text,
// the question at most 1/1.3 of it, and the text line and the line
// under it ("free · confidential · 24/7") at most 1/1.3 of the
// question: an Amharic question set small to keep its long last words
// together must not sit over a text line larger than itself.
func TestStickerHierarchy(t *testing.T) {
	set, ls, e := builtins(t)
	for _, l := range set.Languages() {
		for _, region := range []string{"US", "US-FL"} {
			d, err := set.Resolve(l.Tag, "community", region)
			if err != nil {
				t.Fatal(err)
			}
			for _, tg := range layouts.Targets(ls["sticker"]) {
				doc, err := layouts.Compose(e, tg, []*content.Doc{d})
				if err != nil {
					t.Errorf("%s %s %s: %v", tg.Name(), l.Tag, region, err)
					continue
				}
				var q, line, free *frame.Text
				number := 0.0
				for _, tx := range texts(doc.Pages[0], "") {
					switch {
					case tx.Src == d.Messages.Texts["sticker_question"].Pos:
						q = tx
					case tx.Src == d.Messages.Texts["free_line"].Pos:
						free = tx
					case strings.Contains(tx.Para.Text, d.Hotlines[0].Display):
						number = max(number, tx.Para.Style.Size)
					case strings.Contains(tx.Para.Text, "233733"):
						line = tx
					}
				}
				if q == nil || line == nil || free == nil || number == 0 {
					t.Fatalf("%s %s %s: question %v, text line %v, free line %v, number %.1f pt: not all found", tg.Name(), l.Tag, region, q != nil, line != nil, free != nil, number)
				}
				qs := q.Para.Style.Size
				if qs*layouts.HotlineRatio > number+0.01 {
					t.Errorf("%s %s %s: the question (%.1f pt) is not under the number (%.1f pt)", tg.Name(), l.Tag, region, qs, number)
				}
				for _, tx := range []*frame.Text{line, free} {
					if s := tx.Para.Style.Size; s*layouts.HotlineRatio > qs+0.01 {
						t.Errorf("%s %s %s: %q (%.1f pt) is not under the question (%.1f pt)", tg.Name(), l.Tag, region, tx.Para.Text, s, qs)
					}
				}
			}
		}
	}
}
