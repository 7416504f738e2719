package check

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// The typographic rules check can measure on composed pages (issue 13):
// a one-word last line in a headline, heading or list item; a hotline
// number that is not clearly the largest text (under 1.3 times the
// headline); body text under 10 pt on posters and handouts; tear-off tabs
// set too small to read in the hand. Text too near the paper's edge (or,
// in press output, the trim) is checked with the geometry: rules
// paper-edge and trim-margin.
const (
	// bodyMin is the smallest body text on posters and handouts, in
	// points.
	bodyMin = 10.0
	// tabMin is the smallest text on a tear-off tab, in points: a tab is
	// read in the hand, like a card (whose body may be 7.5 pt), and its
	// number is set bold.
	tabMin = 9.0
)

// checkTypography runs the typographic rules on every page of a
// document.
func checkTypography(t layouts.Target, doc *frame.Doc, add adder) {
	if t.Calibration {
		return
	}
	product := t.Layout.Product
	for i, p := range doc.Pages {
		checkRunts(p, add)
		switch product {
		case "poster", "multilang", "flyer", "sticker":
			checkHotlineSize(p, add)
		case "card":
			if i == 0 { // the front: on a sheet, the page of fronts
				checkHotlineSize(p, add)
			}
		}
		if product == "poster" || product == "multilang" || product == "handout" {
			checkBodySize(p, add)
		}
		if product == "poster" || product == "flyer" || product == "handout" {
			checkWhiteGap(p, add)
		}
		checkTabSize(p, add)
	}
}

// checkRunts warns of a headline, heading or list item whose last line
// is one word (in Chinese and Japanese, one or two characters; see
// layouts.Runt): the
// reader's eye stops on it, and it reads as an afterthought.
func checkRunts(p *frame.Page, add adder) {
	found := map[source.Pos]*frame.Text{}
	for _, it := range p.Items {
		t, ok := it.(*frame.Text)
		if !ok || t.Rotate != 0 || t.Tag == "Artifact" || (t.Role != "heading" && t.Tag != "LBody") {
			continue
		}
		if _, ok := found[t.Block]; !ok && layouts.Runt(t.Para) != "" {
			found[t.Block] = t
		}
	}
	for _, pos := range slices.SortedFunc(maps.Keys(found), comparePos) {
		t := found[pos]
		kind := "the heading"
		if t.Tag == "LBody" {
			kind = "a list item"
		}
		add(source.Warning, pos, "last-word",
			fmt.Sprintf("%s %q ends on a line of its own word %q", kind, clip(strings.TrimSpace(t.Para.Text)), layouts.Runt(t.Para)),
			"shorten or reword the text so its last line holds two words or more, give the block more width, or turn on the style's `balance` where the text engine has it")
	}
}

// checkHotlineSize warns where the hotline's number is not clearly the
// largest text on a page that has a headline: its digits under 1.3 times
// the headline's size. The headline is the largest heading; the hotline
// the largest text holding a phone number (seven digits or more) that is
// not turned (a tear-off tab's number is read in the hand).
func checkHotlineSize(p *frame.Page, add adder) {
	var head, number *frame.Text
	for _, it := range p.Items {
		t, ok := it.(*frame.Text)
		if !ok || t.Rotate != 0 || len(t.Para.Lines) == 0 {
			continue
		}
		size := t.Para.Style.Size
		if t.Role == "heading" && (head == nil || size > head.Para.Style.Size) {
			head = t
		}
		if isHotline(t.Para.Text) && (number == nil || size > number.Para.Style.Size) {
			number = t
		}
	}
	if head == nil || number == nil {
		return
	}
	hs, ns := head.Para.Style.Size, number.Para.Style.Size
	if ns < layouts.HotlineRatio*hs-0.01 {
		add(source.Warning, number.Block, "hotline-size",
			fmt.Sprintf("the hotline %q is set at %.4g pt, under %.1f× the headline's %.4g pt (%q): the number should be the largest thing on the page", clip(firstLine(number)), ns, layouts.HotlineRatio, hs, clip(firstLine(head))),
			fmt.Sprintf("give the number's block more room or a larger size, or set the headline at %.4g pt or less", ns/layouts.HotlineRatio))
	}
}

// isHotline reports whether s holds a phone number: a number of seven
// digits or more.
func isHotline(s string) bool {
	return len(numbersIn(s, numberRE(), 7)) > 0
}

// checkBodySize warns of body text (not a heading, caption or decoration)
// set under 10 pt on a poster or handout: read at arm's length, smaller
// type is skipped.
func checkBodySize(p *frame.Page, add adder) {
	isBody := func(t *frame.Text) bool {
		return t.Role != "caption" && t.Role != "heading" && t.Tag != "Artifact" && t.Tag != "Lbl" && t.Rotate == 0 && !isMark(t.Color)
	}
	smallest := smallestUnder(p, bodyMin, isBody)
	for _, pos := range slices.SortedFunc(maps.Keys(smallest), comparePos) {
		t := smallest[pos]
		add(source.Warning, pos, "body-size",
			fmt.Sprintf("body text %q is set at %.4g pt, under the %g pt a poster or handout needs to be read at arm's length", clip(firstLine(t)), t.Para.DrawnSize(), bodyMin),
			"give the block more room, raise the style's smallest size to 10 pt, or shorten the text (mark small print such as a footer `role: caption`)")
	}
}

// checkTabSize warns of tear-off tabs (text turned 90°) set under 9 pt:
// a tab is read in the hand, away from the flyer.
func checkTabSize(p *frame.Page, add adder) {
	smallest := smallestUnder(p, tabMin, func(t *frame.Text) bool { return t.Rotate != 0 })
	for _, pos := range slices.SortedFunc(maps.Keys(smallest), comparePos) {
		t := smallest[pos]
		add(source.Warning, pos, "tab-size",
			fmt.Sprintf("the tear-off tab %q is set at %.4g pt, under the %g pt a tab needs to be read in the hand", clip(firstLine(t)), t.Para.DrawnSize(), tabMin),
			"make the tabs taller or fewer, or print less on each (the number and the text line only)")
	}
}

// smallestUnder returns, per layout block, the smallest text of the page
// set under floor points among the texts that keep holds (texts with no
// lines are never taken).
func smallestUnder(p *frame.Page, floor float64, keep func(*frame.Text) bool) map[source.Pos]*frame.Text {
	smallest := map[source.Pos]*frame.Text{}
	for _, it := range p.Items {
		t, ok := it.(*frame.Text)
		if !ok || len(t.Para.Lines) == 0 || !keep(t) {
			continue
		}
		s := t.Para.DrawnSize() // the size on paper
		if cur, ok := smallest[t.Block]; s < floor-0.01 && (!ok || s < cur.Para.DrawnSize()) {
			smallest[t.Block] = t
		}
	}
	return smallest
}
