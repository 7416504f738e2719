package layouts_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// stackLayout is a page whose one block is a stack of four 10 pt rows
// 2 pt apart, from y = 100 pt, in a 100 pt box: the call label, the
// number, {row3} and the text line.
const stackLayout = `name: stack
description: test
product: poster
sizes:
  - {suffix: s, size: [200pt, 300pt]}
margin: 0
styles:
  s: {size: [6, 8], max_lines: 1}
  n: {size: [6, 30], max_lines: 1}
pages:
  - blocks:
      - type: stack{valign}
        box: [0, 100pt, 100%, 100pt]
        blocks:
          - {type: text, text: "{call_label}", style: s, box: [0, 0, 100%, 10pt]}
          - {type: text, text: "{hotline}", style: n, box: [0, 12pt, 100%, 10pt]{grow}}
          - {type: text, text: "{row3}", style: s, box: [0, 24pt, 100%, 10pt]}
          - {type: text, text: "{text_label} {sms}", style: s, box: [0, 36pt, 100%, 10pt]}
`

// stackTops composes the stack layout for d and returns the top of each
// text drawn, by its text.
func stackTops(t *testing.T, row3, valign, grow string, d *content.Doc) map[string]float64 {
	t.Helper()
	src := strings.NewReplacer("{row3}", row3, "{valign}", valign, "{grow}", grow).Replace(stackLayout)
	l, err := layouts.Parse("s.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := fuzzEnv()
	doc, err := layouts.Compose(e, layouts.Targets(l)[0], []*content.Doc{d})
	if err != nil {
		t.Fatal(err)
	}
	tops := map[string]float64{}
	for _, it := range doc.Pages[0].Items {
		if tx, ok := it.(*frame.Text); ok {
			tops[tx.Para.Text] = tx.Y
		}
	}
	return tops
}

// TestStack: rows of a stack with nothing to print close up, taking the
// gap below them, and the rest is placed in the stack's span as valign
// says; drawn in full, the stack is as designed.
func TestStack(t *testing.T) {
	_, docs := fuzzEnv()
	d := docs[0]
	call, num := d.Messages.Texts["call_label"].S, d.Hotlines[0].Display
	text := d.Messages.Texts["text_label"].S + " " + d.Hotlines[0].SMS
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }

	// All four rows: as designed (the rows span 46 pt of the 100 pt
	// stack and stay where they are written).
	full := stackTops(t, "{web}", "", "", d)
	if !near(full[call], 100) || !near(full[num], 112) || !near(full[d.Hotlines[0].Web], 124) || !near(full[text], 136) {
		t.Errorf("a full stack moved: %v", full)
	}
	// The third row empty: 12 pt freed (its height and the gap below it),
	// half above and half below.
	mid := stackTops(t, "{org_name}", "", "", d)
	if !near(mid[call], 106) || !near(mid[num], 118) || !near(mid[text], 130) {
		t.Errorf("valign middle: %v, want 106, 118, 130", mid)
	}
	top := stackTops(t, "{org_name}", "\n        valign: top", "", d)
	if !near(top[call], 100) || !near(top[num], 112) || !near(top[text], 124) {
		t.Errorf("valign top: %v, want 100, 112, 124", top)
	}
	bottom := stackTops(t, "{org_name}", "\n        valign: bottom", "", d)
	if !near(bottom[call], 112) || !near(bottom[text], 136) {
		t.Errorf("valign bottom: %v, want 112 … 136", bottom)
	}
	// A growing row takes the freed room: its number is set larger, and
	// the rows around it hardly move.
	grown := stackTops(t, "{org_name}", "", ", grow: true", d)
	if math.Abs(grown[call]-100) > 1 || math.Abs(grown[text]-136) > 1 || math.Abs(grown[num]-112) > 1 {
		t.Errorf("grow: %v, want the call label at 100, the number at 112 and the text line at 136", grown)
	}
	// No text line either: the last row takes the gap above it.
	noSMS := *d
	noSMS.Hotlines = append([]content.Hotline(nil), d.Hotlines...)
	noSMS.Hotlines[0].SMS, noSMS.Hotlines[0].SMSKeyword = "", ""
	two := stackTops(t, "{org_name}", "\n        valign: top", "", &noSMS)
	if len(two) != 2 || !near(two[call], 100) || !near(two[num], 112) {
		t.Errorf("two rows left: %v", two)
	}
}

// TestDroppedItems: list items of the user's beyond a block's max are
// reported as warnings at their positions; built-in items are not.
func TestDroppedItems(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(file, []byte("messages:\n  en:\n    signs+:\n      - Has a hotel key card\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := set.Resolve(mustTag("en"), "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	_, ls, e := builtins(t)
	doc, err := layouts.Compose(e, layouts.Targets(ls["poster"])[0], []*content.Doc{d})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", doc.Warnings)
	}
	w := doc.Warnings[0]
	if w.Rule != layouts.RuleDroppedItems || w.Pos.File != file || w.Pos.Line != 4 || !strings.Contains(w.Message, "Has a hotel key card") || w.Output != "poster-letter" || w.Lang != "en" {
		t.Errorf("warning %+v", w)
	}
}
