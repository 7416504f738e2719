package translate

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/frame"
	"handbill/text"
	"handbill/third_party/display"
)

// Sheet geometry, in points: US Letter with 0.75 in margins, and the
// ruled lines a reviewer writes corrections on.
const (
	sheetW, sheetH = 612.0, 792.0
	sheetMargin    = 54.0
	ruleGap        = 22.0
	ruleCount      = 2
)

var (
	sheetGrey  = frame.Color{R: 0x55, G: 0x55, B: 0x55}
	sheetRule  = frame.Color{R: 0xaa, G: 0xaa, B: 0xaa}
	sheetLight = frame.Color{R: 0xee, G: 0xee, B: 0xee}
)

// Sheet composes a review sheet for reviewers who would rather use a
// pen: per numbered message (numbered as in the PO file's order), its
// name, the products that print it, the English, the current translation
// (set in the language, every script shaped by handbill's engine) and
// ruled lines to write a correction on. The frames are written by
// render, as every handbill document is.
func Sheet(e *text.Engine, s *content.Set, lang language.Tag, audience string) (*frame.Doc, error) {
	units, err := Units(s, lang, audience)
	if err != nil {
		return nil, err
	}
	prods, err := Products()
	if err != nil {
		return nil, err
	}
	name := display.English.Languages().Name(lang)
	doc := &frame.Doc{Title: fmt.Sprintf("Translation review sheet: %s (%s)", name, lang), Subject: "handbill messages for review by a native speaker",
		Creator: "handbill", Lang: "en"}
	w := sheetW - 2*sheetMargin
	var page *frame.Page
	y := 0.0
	newPage := func() {
		page = &frame.Page{W: sheetW, H: sheetH}
		doc.Pages = append(doc.Pages, page)
		y = sheetMargin
	}
	add := func(p *text.Paragraph, c frame.Color, role string) {
		page.Items = append(page.Items, &frame.Text{X: sheetMargin, Y: y, Para: p, Color: c, Role: role})
		y += p.Height
	}
	en := func(s string, size float64, bold bool) (*text.Paragraph, error) {
		return e.Layout(s, text.Style{Lang: language.English, Size: size, Bold: bold}, w)
	}
	newPage()
	title, err := en(doc.Title, 16, true)
	if err != nil {
		return nil, err
	}
	add(title, frame.Black, "heading")
	intro, err := en("For each message: read the English and the current "+name+" text. If the "+name+" text is right, tick the box; if not, write the correct text on the lines. Keep the words in braces ({hotline}, {emergency}) as they are: handbill puts the numbers there.", 9.5, false)
	if err != nil {
		return nil, err
	}
	y += 6
	add(intro, sheetGrey, "body")
	y += 14
	for i, u := range units {
		head, err := en(fmt.Sprintf("%d.  %s  ·  %s", i+1, u.Context, printedOn(prods[u.Key])), 8, true)
		if err != nil {
			return nil, err
		}
		eng, err := en(u.English, 10, false)
		if err != nil {
			return nil, err
		}
		cur := u.Current
		if u.Missing {
			cur = "(not yet translated)"
		}
		tr, err := e.Layout(cur, text.Style{Lang: lang, Size: 12}, w-18)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.Context, err)
		}
		need := head.Height + 3 + eng.Height + 4 + tr.Height + 4 + ruleCount*ruleGap + 14
		if y+need > sheetH-sheetMargin {
			newPage()
		}
		page.Items = append(page.Items, &frame.Rect{X: sheetMargin - 4, Y: y - 3, W: w + 8, H: head.Height + 5, Fill: &sheetLight})
		add(head, frame.Black, "heading")
		y += 3
		add(eng, sheetGrey, "body")
		y += 4
		box := frame.Black
		page.Items = append(page.Items, &frame.Rect{X: sheetMargin, Y: y + 2, W: 10, H: 10, Stroke: &box, LineWidth: 0.6})
		page.Items = append(page.Items, &frame.Text{X: sheetMargin + 18, Y: y, Para: tr, Role: "body"})
		y += tr.Height + 4
		for range ruleCount {
			y += ruleGap
			page.Items = append(page.Items, &frame.Rule{X1: sheetMargin + 18, Y1: y, X2: sheetW - sheetMargin, Y2: y, Width: 0.5, Color: sheetRule})
		}
		y += 14
	}
	return doc, nil
}

func printedOn(p []string) string {
	if len(p) == 0 {
		return "no built-in product"
	}
	return "on " + strings.Join(p, ", ")
}
