package check_test

import (
	"testing"

	"handbill/check"
	"handbill/frame"
	"handbill/source"
)

// testLayout is a Letter poster with a 0.5 in margin: a headline in the
// safe area (block 0, line 11), a band (1) with the call label (2) and
// the number (3), and tear-off tabs (4) at the bottom of the trim.
const testLayout = `name: t
description: test
product: poster
sizes:
  - {suffix: letter, size: letter}
margin: 0.5in
styles:
  body: {size: [12, 16]}
pages:
  - blocks:
      - {type: text, text: "{headline}", style: body, box: [0, 0, 100%, 10%]}
      - {type: rect, area: bleed, box: [0, 70%, 100%, 15%], fill: black}
      - {type: text, text: "{call_label}", style: body, box: [0, 72%, 100%, 5%]}
      - {type: text, text: "{hotline}", style: body, box: [0, 78%, 100%, 5%]}
      - {type: tabs, count: 4, text: "{hotline}", style: body, area: trim, box: [0, 86%, 100%, 14%]}
`

func TestOffPage(t *testing.T) {
	tx := textItem(t, "Call 1-888-373-7888", letter-60, 3*inch, at(10))
	want(t, findings(plain(), page(letter, tall, tx), "off-page"), source.Error, at(10),
		`text "Call 1-888-373-7888" runs`, "past the right edge of the page")
	tx = textItem(t, "Call 1-888-373-7888", inch, tall+10, at(10))
	want(t, findings(plain(), page(letter, tall, tx), "off-page"), source.Error, at(10),
		"is outside the page: nothing of it is printed")
	q := qrItem(t, "https://example.org", -2*inch, inch, inch, at(12))
	want(t, findings(plain(), page(letter, tall, q), "off-page"), source.Error, at(12), `the QR code for "https://example.org" is outside the page`)
	none(t, findings(plain(), page(letter, tall, textItem(t, "Call 1-888-373-7888", inch, inch, at(10))), "off-page"))
}

func TestOffArea(t *testing.T) {
	tg := parsed(t, testLayout, "")
	head := tg.Layout.Pages[0].Blocks[0].Pos
	tx := textItem(t, "Know the signs", 20, 40, head)
	want(t, findings(tg, page(letter, tall, tx), "off-area"), source.Error, head,
		"past the left edge of the safe area (inside the layout's 0.50 in (12.7 mm) margin)")
	none(t, findings(tg, page(letter, tall, textItem(t, "Know the signs", 36, 40, head)), "off-area"))
	// Tabs are measured in the trim: the margin is theirs to use.
	tabs := tg.Layout.Pages[0].Blocks[4].Pos
	none(t, findings(tg, page(letter, tall, textItem(t, "1-888-373-7888", 20, 700, tabs)), "off-area"))
}

func TestOverlap(t *testing.T) {
	a := textItem(t, "Know the signs", inch, inch, at(10))
	b := textItem(t, "Call 1-888-373-7888", inch+20, inch+5, at(11))
	want(t, findings(plain(), page(letter, tall, a, b), "overlap"), source.Error, at(11),
		`text "Call 1-888-373-7888" is drawn over text "Know the signs" (the block at l.yaml:10:9)`)
	// Touching is not overlapping: the second text starts where the
	// first one's last line ends.
	c := textItem(t, "Call 1-888-373-7888", inch, inch+a.Para.Height, at(11))
	none(t, findings(plain(), page(letter, tall, a, c), "overlap"))
	// Side by side on one baseline.
	w := a.Para.Lines[0].Width
	d := textItem(t, "Call", inch+w, inch, at(11))
	none(t, findings(plain(), page(letter, tall, a, d), "overlap"))
}

func TestQRSize(t *testing.T) {
	small := qrItem(t, "https://example.org", inch, inch, 0.5*inch, at(12))
	want(t, findings(plain(), page(letter, tall, small), "qr-size"), source.Error, at(12),
		`the QR code for "https://example.org" is 0.50 in (12.7 mm) wide, under the 20 mm (0.8 in)`)
	none(t, findings(plain(), page(letter, tall, qrItem(t, "https://example.org", inch, inch, 0.8*inch, at(12))), "qr-size"))
}

func TestQRQuietZone(t *testing.T) {
	q := qrItem(t, "https://example.org", 3*inch, 3*inch, inch, at(12))
	module := inch / float64(len(q.Modules))
	near := textItem(t, "Scan me", 3*inch+inch+2*module, 3*inch, at(13))
	want(t, findings(plain(), page(letter, tall, q, near), "qr-quiet-zone"), source.Error, at(12),
		`text "Scan me" (l.yaml:13:9) is inside the quiet zone of the QR code for "https://example.org": 4 modules`)
	clear := textItem(t, "Scan me", 3*inch+inch+4*module+1, 3*inch, at(13))
	none(t, findings(plain(), page(letter, tall, q, clear), "qr-quiet-zone"))
	// A rule through the quiet zone is a mark too.
	rule := &frame.Rule{X1: 0, Y1: 3*inch - module, X2: letter, Y2: 3*inch - module, Width: 0.6, Src: at(14)}
	want(t, findings(plain(), page(letter, tall, q, rule), "qr-quiet-zone"), source.Error, at(12), "a line (l.yaml:14:9) is inside the quiet zone")
}

func TestQROnDarkGround(t *testing.T) {
	dark := frame.Color{R: 0x0b, G: 0x3d, B: 0x6e}
	white := frame.Color{R: 255, G: 255, B: 255}
	band := &frame.Rect{X: 0, Y: 2 * inch, W: letter, H: 3 * inch, Fill: &dark, Src: at(11)}
	q := qrItem(t, "https://example.org", 3*inch, 3*inch, inch, at(12))
	want(t, findings(plain(), page(letter, tall, band, q), "qr-quiet-zone"), source.Error, at(12),
		`is on #0b3d6e, not on a light quiet zone: its modules are #000000`)
	// A light square under the code and its quiet zone, as background:
	// paper draws.
	module := inch / float64(len(q.Modules))
	square := &frame.Rect{X: 3*inch - 4*module, Y: 3*inch - 4*module, W: inch + 8*module, H: inch + 8*module, Fill: &white, Src: at(12)}
	none(t, findings(plain(), page(letter, tall, band, square, q), "qr-quiet-zone"))
}

func TestPaperEdge(t *testing.T) {
	tx := textItem(t, "Tear here", 10, 5*inch, at(10))
	want(t, findings(plain(), page(letter, tall, tx), "paper-edge"), source.Warning, at(10),
		`text "Tear here" is 0.14 in (3.5 mm) from the left edge of the paper`)
	none(t, findings(plain(), page(letter, tall, textItem(t, "Tear here", 20, 5*inch, at(10))), "paper-edge"))
	// A 3×3 in sticker is not office paper.
	none(t, findings(plain(), page(3*inch, 3*inch, textItem(t, "Tear", 10, inch, at(10))), "paper-edge"))
	// Rotated tab text near the bottom edge: its line runs up the page.
	tab := &frame.Text{X: 2 * inch, Y: tall - 4, Para: para(t, "1-888-373-7888", "en", 14, 300), Rotate: 90, Block: at(15)}
	want(t, findings(plain(), page(letter, tall, tab), "paper-edge"), source.Warning, at(15), "0.06 in (1.4 mm) from the bottom edge")
}

func TestTrimMargin(t *testing.T) {
	tg := plain()
	tg.Mode = "press"
	trim := frame.Box{X: 27, Y: 27, W: letter, H: tall}
	pg := &frame.Page{W: letter + 54, H: tall + 54, Trim: &trim, Bleed: &frame.Box{X: 18, Y: 18, W: letter + 18, H: tall + 18}}
	pg.Items = []frame.Item{textItem(t, "Call", 27+4, 200, at(10))}
	doc := &frame.Doc{Pages: []*frame.Page{pg}}
	want(t, findings(tg, doc, "trim-margin"), source.Warning, at(10), `text "Call" is 0.06 in (1.4 mm) inside the left edge of the trim`)
	none(t, findings(tg, doc, "paper-edge"))
	pg.Items = []frame.Item{textItem(t, "Call", 27+10, 200, at(10))}
	none(t, findings(tg, doc, "trim-margin"))
	// The slug's label, in the registration colour, is outside on purpose.
	label := textItem(t, "poster-letter · en", 27, tall+27+12, at(1))
	label.Color = frame.Registration
	pg.Items = []frame.Item{label}
	none(t, check.Frames(tg, doc, "en"))
}

const cardLayout = `name: c
description: card
product: card
sizes:
  - {suffix: us, size: card-us, sheets: [avery5371]}
margin: 0.125in
styles:
  body: {size: [8, 9]}
pages:
  - name: front
    blocks:
      - {type: text, text: "{hotline}", style: body, box: [0, 0, 100%, 50%]}
`

func TestCardBack(t *testing.T) {
	tg := parsed(t, cardLayout, "press")
	want(t, findings(tg, &frame.Doc{}, "card-back"), source.Error, source.Pos{File: "l.yaml", Line: 9, Col: 1},
		"card layout c has 1 page: a card needs a front and a back")
	two := parsed(t, cardLayout+`  - name: back
    blocks:
      - {type: text, text: "{web}", style: body, box: [0, 0, 100%, 50%]}
`, "press")
	none(t, findings(two, &frame.Doc{}, "card-back"))
}

// On a sheet each card is a design of its own: text running from one
// card into the next is outside its card.
func TestSheetCards(t *testing.T) {
	tg := parsed(t, cardLayout, "avery5371")
	block := tg.Layout.Pages[0].Blocks[0].Pos
	// The first card is 3.5×2 in at 0.75 in, 0.5 in.
	in := textItem(t, "1-888-373-7888", 0.75*inch+9, 0.5*inch+9, block)
	none(t, findings(tg, page(letter, tall, in), "off-page"))
	across := textItem(t, "1-888-373-7888", 0.75*inch+3.5*inch-60, 0.5*inch+9, block)
	want(t, findings(tg, page(letter, tall, across), "off-page"), source.Error, block, "past the right edge of the card")
}
