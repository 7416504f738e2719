package check_test

import (
	"testing"

	"handbill/frame"
	"handbill/source"
)

// tabsPage draws the test layout's tabs block: cut lines and a text per
// tab, rotated as layouts draws them.
func tabsPage(t *testing.T, block source.Pos, s string) *frame.Doc {
	var items []frame.Item
	tw := letter / 4
	for i := range 4 {
		x := float64(i) * tw
		items = append(items, &frame.Rule{X1: x, Y1: 0.86 * tall, X2: x, Y2: tall, Width: 0.6, Dash: []float64{4, 3}, Src: block})
		items = append(items, &frame.Text{X: x + 40, Y: tall - 30, Rotate: 90, Para: para(t, s, "en", 14, 80), Src: block, Block: block})
	}
	return page(letter, tall, items...)
}

func TestEmptyTabs(t *testing.T) {
	tg := parsed(t, testLayout, "")
	tabs := tg.Layout.Pages[0].Blocks[4].Pos
	want(t, findings(tg, tabsPage(t, tabs, ""), "empty-tab"), source.Error, tabs,
		`4 of 4 tear-off tabs print nothing: their text "{hotline}" is empty for this document`)
	want(t, findings(tg, tabsPage(t, tabs, "humantraffickinghotline.org"), "empty-tab"), source.Error, tabs,
		`4 of 4 tear-off tabs print no phone number ("humantraffickinghotline.org")`)
	none(t, findings(tg, tabsPage(t, tabs, "1-888-373-7888"), "empty-tab"))
	none(t, findings(tg, tabsPage(t, tabs, "Text 233733"), "empty-tab"))
}

func TestEmptyBand(t *testing.T) {
	tg := parsed(t, testLayout, "")
	bs := tg.Layout.Pages[0].Blocks
	dark := frame.Color{R: 0x0b, G: 0x3d, B: 0x6e}
	band := &frame.Rect{X: 0, Y: 0.7 * tall, W: letter, H: 0.15 * tall, Fill: &dark, Src: bs[1].Pos}
	label := textItem(t, "Call the hotline", 36, 0.72*tall, bs[2].Pos)
	number := textItem(t, "1-888-373-7888", 36, 0.78*tall, bs[3].Pos)
	want(t, findings(tg, page(letter, tall, band, label), "empty-band"), source.Error, bs[1].Pos,
		`the hotline band prints no phone number, only "Call the hotline"`)
	none(t, findings(tg, page(letter, tall, band, label, number), "empty-band"))
	// A band of colour behind a headline is not a hotline band.
	head := textItem(t, "Know the signs", 36, 0.72*tall, bs[0].Pos)
	none(t, findings(tg, page(letter, tall, band, head), "empty-band"))
}

func TestPageWithoutNumber(t *testing.T) {
	tg := parsed(t, testLayout, "")
	bs := tg.Layout.Pages[0].Blocks
	head := textItem(t, "Know the signs", 36, 36, bs[0].Pos)
	want(t, findings(tg, page(letter, tall, head), "no-number"), source.Error, bs[3].Pos,
		`page 1 prints no phone number: the block for "{hotline}" prints nothing for this document`)
	none(t, findings(tg, page(letter, tall, head, textItem(t, "Call 911", 36, 500, bs[2].Pos)), "no-number"))
	// A layout with no block for a number asks for none.
	none(t, findings(plain(), page(letter, tall, head), "no-number"))
}
