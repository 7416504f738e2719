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

// Empty places: a tear-off tab is there to be torn off with the number
// on it, and a hotline band to show the number; one that prints no
// number (its template left out for a region with no value for a
// placeholder) is an error, not a blank strip on the page.

// contactFields are the template fields of a hotline band: a number, or
// the label or name that introduces one. (A band of only a web address
// or a QR code is not one: it asks for no number.)
var contactFields = []string{"hotline", "hotline2", "national", "sms", "whatsapp", "emergency", "more_hotlines", "other_hotlines", "local_hotlines", "local_numbers",
	"hotline_name", "hotline2_name", "hotline2_vanity", "national_name", "sms_keyword", "call_label", "text_label"}

// numberFields are the fields that print a number to call or text.
// (The optional lines — {national}, {other_hotlines}, your own
// {local_hotlines} — print a number where the region or the user has
// one; a page that names only them need not print one.)
var numberFields = []string{"hotline", "hotline2", "sms", "emergency", "more_hotlines"}

// names lists the placeholders a block's text names (none for a block
// without text, or whose text does not parse).
func names(b *layouts.Block) []string {
	if b == nil || b.Text == "" {
		return nil
	}
	tp, err := layouts.ParseTemplate(b.Text, b.Pos)
	if err != nil {
		return nil
	}
	return tp.Names()
}

func namesAny(b *layouts.Block, fields []string) bool {
	return slices.ContainsFunc(names(b), func(n string) bool { return slices.Contains(fields, n) })
}

// checkEmpty finds tear-off tabs with no number, hotline bands with no
// number, and design pages whose layout places a number that print none.
func checkEmpty(t layouts.Target, doc *frame.Doc, add adder) {
	if t.Calibration {
		return
	}
	blocks := blocksOf(t.Layout)
	for i, p := range doc.Pages {
		checkTabs(p, blocks, add)
		checkBands(p, blocks, add)
		checkPageNumber(t, i, p, blocks, add)
	}
}

// checkTabs: every tab of a tabs block that is drawn must print a phone
// number.
func checkTabs(p *frame.Page, blocks map[source.Pos]blockInfo, add adder) {
	texts := map[source.Pos][]*frame.Text{}
	drawn := map[source.Pos]bool{}
	for _, it := range p.Items {
		switch v := it.(type) {
		case *frame.Text:
			if bi, ok := blocks[v.Block]; ok && bi.b.Type == "tabs" {
				texts[v.Block] = append(texts[v.Block], v)
				drawn[v.Block] = true
			}
		case *frame.Rule:
			if bi, ok := blocks[v.Src]; ok && bi.b.Type == "tabs" {
				drawn[v.Src] = true
			}
		}
	}
	for _, pos := range slices.SortedFunc(maps.Keys(drawn), comparePos) {
		ts := texts[pos]
		empty := 0
		sample := ""
		for _, tx := range ts {
			if !hasPhoneNumber(tx.Para.Text) {
				empty++
				sample = tx.Para.Text
			}
		}
		if len(ts) > 0 && empty == 0 {
			continue
		}
		msg := fmt.Sprintf("the tear-off tabs print no text (%q)", blocks[pos].b.Text)
		if len(ts) > 0 && strings.TrimSpace(sample) != "" {
			msg = fmt.Sprintf("%d of %d tear-off tabs print no phone number (%q)", empty, len(ts), clip(strings.ReplaceAll(sample, "\n", " ")))
		} else if len(ts) > 0 {
			msg = fmt.Sprintf("%d of %d tear-off tabs print nothing: their text %q is empty for this document", empty, len(ts), blocks[pos].b.Text)
		}
		add(source.Error, pos, "empty-tab", msg,
			"a tab is torn off to take the number away: put {hotline} in the tabs block's text, where no placeholder the region has no value for (such as {sms}) leaves it out")
	}
}

// checkBands: a filled rectangle of the layout with the text of a
// hotline block on it (the call label, the number, the text line: see
// contactFields) is a hotline band, and must print a number.
func checkBands(p *frame.Page, blocks map[source.Pos]blockInfo, add adder) {
	for ri, it := range p.Items {
		r, ok := it.(*frame.Rect)
		if !ok || r.Fill == nil {
			continue
		}
		if bi, ok := blocks[r.Src]; !ok || bi.b.Type != "rect" {
			continue
		}
		band := frame.Box{X: r.X, Y: r.Y, W: r.W, H: r.H}
		contact, number := false, false
		var seen []string
		for _, o := range p.Items[ri+1:] {
			b, ok := markBox(o)
			if !ok {
				continue
			}
			if cx, cy := centre(b); !contains(band, cx, cy) {
				continue
			}
			v, ok := o.(*frame.Text)
			if !ok || isMark(v.Color) {
				continue
			}
			if bi, ok := blocks[v.Block]; ok && namesAny(bi.b, contactFields) {
				contact = true
			}
			number = number || hasPhoneNumber(v.Para.Text)
			seen = append(seen, fmt.Sprintf("%q", clip(firstLine(v))))
		}
		if !contact || number {
			continue
		}
		add(source.Error, r.Src, "empty-band", fmt.Sprintf("the hotline band prints no phone number, only %s", strings.Join(seen, ", ")),
			"put a block with {hotline} on the band, where no placeholder the region has no value for (such as {sms}) leaves it out")
	}
}

// checkPageNumber: a design page whose layout has a block for a number
// ({hotline}, {sms}, {emergency}, {more_hotlines}) must print one.
func checkPageNumber(t layouts.Target, i int, p *frame.Page, blocks map[source.Pos]blockInfo, add adder) {
	if i >= len(t.Layout.Pages) {
		return
	}
	var want *layouts.Block
	var walk func(bs []layouts.Block)
	walk = func(bs []layouts.Block) {
		for j := range bs {
			b := &bs[j]
			if want == nil && (b.Type == "text" || b.Type == "tabs") && namesAny(b, numberFields) &&
				(len(b.Only) == 0 || slices.Contains(b.Only, t.Variant.Suffix)) {
				want = b
			}
			walk(b.Blocks)
		}
	}
	walk(t.Layout.Pages[i].Blocks)
	if want == nil {
		return
	}
	for _, it := range p.Items {
		if tx, ok := it.(*frame.Text); ok && !isMark(tx.Color) && hasPhoneNumber(tx.Para.Text) {
			return
		}
	}
	side := fmt.Sprintf("page %d", i+1)
	if n := t.Layout.Pages[i].Name; n != "" {
		side = "the " + n
	}
	add(source.Error, want.Pos, "no-number", fmt.Sprintf("%s prints no phone number: the block for %q prints nothing for this document", side, want.Text),
		"every product must print a number to call: check that the region has the line the block names, or name {hotline} in a block of its own")
}
