package check_test

import (
	"testing"

	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// product is a target of the plain test layout as another product.
func product(name string) layouts.Target {
	t := plain()
	l := *t.Layout
	l.Product = name
	t.Layout = &l
	return t
}

// runtWidth is a measure at which s, set at size pt, ends on its last
// word alone: the whole line's width less half the last word's.
func runtWidth(t *testing.T, s, last, lang string, size float64) float64 {
	t.Helper()
	whole := para(t, s, lang, size, 5000).Lines[0].Width
	word := para(t, last, lang, size, 5000).Lines[0].Width
	return whole - word/2
}

func TestLastWordLine(t *testing.T) {
	const s = "Know the signs of child sex trafficking"
	w := runtWidth(t, s, "trafficking", "en", 20)
	head := &frame.Text{X: inch, Y: inch, Para: para(t, s, "en", 20, w), Role: "heading", Block: at(7)}
	if n := len(head.Para.Lines); n != 2 {
		t.Fatalf("the test paragraph has %d lines, want 2", n)
	}
	want(t, findings(plain(), page(letter, tall, head), "last-word"), source.Warning, at(7),
		`the heading "Know the signs of child sex…" ends on a line of its own word "trafficking"`)
	// A list item's text likewise.
	item := &frame.Text{X: inch, Y: inch, Para: head.Para, Role: "body", Tag: "LBody", Block: at(9)}
	want(t, findings(plain(), page(letter, tall, item), "last-word"), source.Warning, at(9), "a list item")
	// Body text and a repeat (a tab after the first) are not judged.
	body := &frame.Text{X: inch, Y: inch, Para: head.Para, Role: "body", Block: at(9)}
	none(t, findings(plain(), page(letter, tall, body), "last-word"))
	// Two words on the last line are fine.
	w2 := para(t, s, "en", 20, 5000).Lines[0].Width - para(t, "sex trafficking", "en", 20, 5000).Lines[0].Width - 1
	two := &frame.Text{X: inch, Y: inch, Para: para(t, s, "en", 20, w2), Role: "heading", Block: at(7)}
	none(t, findings(plain(), page(letter, tall, two), "last-word"))
	// Chinese: a character alone on the last line (of a heading too long
	// to be set by phrases, which the line breaker would even out).
	const zh = "如果有人用金钱、毒品、住处或任何有价值的东西，换取与孩子的性行为，这就是儿童性贩运的迹象"
	wz := runtWidth(t, zh, "象", "zh-Hans", 20)
	cjk := &frame.Text{X: inch, Y: inch, Para: para(t, zh, "zh-Hans", 20, wz), Role: "heading", Block: at(11)}
	want(t, findings(plain(), page(letter, tall, cjk), "last-word"), source.Warning, at(11), `"象"`)
}

func TestHotlineSize(t *testing.T) {
	head := &frame.Text{X: inch, Y: inch, Para: para(t, "Know the signs", "en", 40, 500), Role: "heading", Block: at(5)}
	small := &frame.Text{X: inch, Y: 8 * inch, Para: para(t, "1-888-373-7888", "en", 44, 500), Block: at(12)}
	want(t, findings(plain(), page(letter, tall, head, small), "hotline-size"), source.Warning, at(12),
		`the hotline "1-888-373-7888" is set at 44 pt, under 1.3× the headline's 40 pt`)
	big := &frame.Text{X: inch, Y: 8 * inch, Para: para(t, "1-888-373-7888", "en", 52, 500), Block: at(12)}
	none(t, findings(plain(), page(letter, tall, head, big), "hotline-size"))
	// A text code of six digits is not the hotline; a handout is not judged.
	code := &frame.Text{X: inch, Y: 8 * inch, Para: para(t, "Text 233733", "en", 20, 500), Block: at(13)}
	none(t, findings(plain(), page(letter, tall, head, code), "hotline-size"))
	none(t, findings(product("handout"), page(letter, tall, head, small), "hotline-size"))
	// On a card the front is judged, not the back.
	card := product("card")
	doc := &frame.Doc{Pages: []*frame.Page{{W: letter, H: tall, Items: []frame.Item{head, big}}, {W: letter, H: tall, Items: []frame.Item{head, small}}}}
	none(t, findings(card, doc, "hotline-size"))
}

func TestBodySize(t *testing.T) {
	body := &frame.Text{X: inch, Y: inch, Para: para(t, "Talk often, and listen.", "en", 9, 300), Block: at(6)}
	want(t, findings(product("handout"), page(5.5*inch, 8.5*inch, body), "body-size"), source.Warning, at(6),
		`body text "Talk often, and listen." is set at 9 pt, under the 10 pt`)
	// A caption may be small; a card is not judged.
	caption := &frame.Text{X: inch, Y: inch, Para: body.Para, Role: "caption", Block: at(6)}
	none(t, findings(product("handout"), page(5.5*inch, 8.5*inch, caption), "body-size"))
	none(t, findings(product("card"), page(5.5*inch, 8.5*inch, body), "body-size"))
	ok := &frame.Text{X: inch, Y: inch, Para: para(t, "Talk often, and listen.", "en", 10, 300), Block: at(6)}
	none(t, findings(product("poster"), page(letter, tall, ok), "body-size"))
}

func TestTabSize(t *testing.T) {
	tab := &frame.Text{X: 2 * inch, Y: tall - inch, Para: para(t, "1-888-373-7888", "en", 8, 300), Rotate: 90, Role: "caption", Block: at(15)}
	want(t, findings(product("flyer"), page(letter, tall, tab), "tab-size"), source.Warning, at(15),
		`the tear-off tab "1-888-373-7888" is set at 8 pt, under the 9 pt`)
	ok := &frame.Text{X: 2 * inch, Y: tall - inch, Para: para(t, "1-888-373-7888", "en", 9, 300), Rotate: 90, Role: "caption", Block: at(15)}
	none(t, findings(product("flyer"), page(letter, tall, ok), "tab-size"))
}

func TestWhiteGap(t *testing.T) {
	band := &frame.Rect{X: 0, Y: 8 * inch, W: letter, H: tall - 8*inch, Src: at(20)}
	// The text ends some 6.7 in above the band: 61% of the page prints
	// nothing.
	text := &frame.Text{X: inch, Y: inch, Para: para(t, "Signs to look for", "en", 20, 400), Block: at(6)}
	want(t, findings(product("poster"), page(letter, tall, text, band), "white-gap"), source.Warning, at(6),
		"a strip 6.7")
	// Text down to 0.5 in above the band (4.5% of the page) is fine, and
	// so are the margins above the first text and below the band.
	lowPara := para(t, "Signs to look for", "en", 20, 400)
	low := &frame.Text{X: inch, Y: 7.5*inch - lowPara.Height, Para: lowPara, Block: at(7)}
	none(t, findings(product("poster"), page(letter, tall, low, band), "white-gap"))
	// A strip is across the whole page: a column that ends early beside
	// a longer one is not one.
	col := &frame.Text{X: 5 * inch, Y: inch, Para: para(t, "What to do", "en", 20, 200), Block: at(8)}
	longPara := para(t, "Signs to look for", "en", 20, 400)
	longPara.Height = 6.5 * inch
	long := &frame.Text{X: inch, Y: inch, Para: longPara, Block: at(9)}
	none(t, findings(product("poster"), page(letter, tall, col, long, band), "white-gap"))
	// Stickers and cards are not judged.
	none(t, findings(product("sticker"), page(letter, tall, text, band), "white-gap"))
}
