package layouts_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/text"
)

// designLayout is a poster page with a headline `under` the numbers'
// group, a heading that ends on one word at its measure, and the number.
const designLayout = `name: design
description: test
product: poster
sizes:
  - {suffix: s, size: [400pt, 400pt]}
margin: 0
{official}styles:
  head: {size: [10, 60], bold: true, max_lines: 3, role: heading}
  sub: {size: [20, 20], bold: true, max_lines: 3, role: heading}
  n: {size: [10, 40], max_lines: 1}
pages:
  - blocks:
      - {type: text, text: "{headline}", style: head, under: numbers, box: [0, 0, 100%, 150pt]}
      - {type: text, text: "Signs to look for today", style: sub, box: [0, 160pt, {subw}, 80pt]}
      - {type: text, text: "{hotline}", style: n, group: numbers, box: [0, 250pt, 100%, 60pt]}
`

// composeDesign composes designLayout in English for the US.
func composeDesign(t *testing.T, official, subw string, intro string) *frame.Doc {
	t.Helper()
	src := strings.NewReplacer("{official}", official, "{subw}", subw).Replace(designLayout)
	l, err := layouts.Parse("d.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	set, _, e := builtins(t)
	if intro != "" {
		if set, err = content.LoadData("c.yaml", []byte("messages:\n  en:\n    intro: "+intro+"\n")); err != nil {
			t.Fatal(err)
		}
	}
	d, err := set.Resolve(language.English, "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layouts.Compose(e, layouts.Targets(l)[0], []*content.Doc{d})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// textSizes returns the size each text is set at, by its text.
func textSizes(doc *frame.Doc) map[string]*frame.Text {
	out := map[string]*frame.Text{}
	for _, it := range doc.Pages[0].Items {
		if tx, ok := it.(*frame.Text); ok {
			out[tx.Para.Text] = tx
		}
	}
	return out
}

// TestUnderNumbers: a headline `under: numbers` is set at most 1/1.3 of
// the numbers' size, although its own range and box allow more.
func TestUnderNumbers(t *testing.T) {
	ts := textSizes(composeDesign(t, "", "100%", ""))
	head, num := ts["Know the signs of child sex trafficking"], ts["1-888-373-7888"]
	if head == nil || num == nil {
		t.Fatalf("headline or number missing: %v", ts)
	}
	hs, ns := head.Para.Style.Size, num.Para.Style.Size
	if hs*layouts.HotlineRatio > ns+0.01 {
		t.Errorf("headline at %g pt, number at %g pt: the number should be at least %.1f× the headline", hs, ns, layouts.HotlineRatio)
	}
	if hs < ns/layouts.HotlineRatio-0.3 {
		t.Errorf("headline at %g pt, number at %g pt: the headline should be as large as the rule allows", hs, ns)
	}
}

// TestNoRuntHeading: a heading that would end on one word at its measure
// is set narrower (or smaller), so that its last line holds two words.
func TestNoRuntHeading(t *testing.T) {
	_, _, e := builtins(t)
	st := text.Style{Lang: language.English, Size: 20, Bold: true}
	whole, err := e.Layout("Signs to look for today", st, 5000)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := e.Layout("today", st, 5000)
	w := whole.Lines[0].Width - last.Lines[0].Width/2
	if p, _ := e.Layout("Signs to look for today", st, w); layouts.Runt(p) != "today" {
		t.Fatalf("at %g pt the heading does not end on one word: the test needs another measure", w)
	}
	ts := textSizes(composeDesign(t, "", fmt.Sprintf("%gpt", w), ""))
	sub := ts["Signs to look for today"]
	if sub == nil {
		t.Fatalf("heading missing: %v", ts)
	}
	if r := layouts.Runt(sub.Para); r != "" {
		t.Errorf("heading ends on %q alone: %q", r, lines(sub))
	}
	if len(sub.Para.Lines) < 2 {
		t.Fatalf("heading on %d line, want it broken: the test needs a narrower box", len(sub.Para.Lines))
	}
}

func lines(t *frame.Text) []string {
	var out []string
	for _, l := range t.Para.Lines {
		out = append(out, l.LogicalText())
	}
	return out
}

// TestOfficialWording: a notice (`official: intro`) warns while the intro
// is handbill's own, not once the content file gives the law's wording.
func TestOfficialWording(t *testing.T) {
	doc := composeDesign(t, "official: intro\n", "100%", "")
	if len(doc.Warnings) != 1 || doc.Warnings[0].Rule != layouts.RuleNoticeWording || doc.Warnings[0].Pos.Line != 7 {
		t.Fatalf("warnings %v, want one %s at d.yaml:7", doc.Warnings, layouts.RuleNoticeWording)
	}
	if doc.Warnings[0].Hint == "" {
		t.Error("no hint")
	}
	if doc := composeDesign(t, "official: intro\n", "100%", "The law's own words."); len(doc.Warnings) != 0 {
		t.Errorf("warnings with the law's wording: %v", doc.Warnings)
	}
	if doc := composeDesign(t, "", "100%", ""); len(doc.Warnings) != 0 {
		t.Errorf("warnings without official: %v", doc.Warnings)
	}
}

// TestRunt: what counts as a one-word last line.
func TestRunt(t *testing.T) {
	_, _, e := builtins(t)
	for _, c := range []struct {
		s, lang string
		width   float64
		want    string
	}{
		{"Know the signs of child sex trafficking", "en", 340, "trafficking"},
		{"Know the signs of child sex trafficking", "en", 2000, ""},
		{"Call or text the hotline now", "en", 150, ""},
		// Two characters alone (a short line set by phrases is evened
		// out, "了解儿童性 / 贩运的迹象": a longer one is not).
		{"如果有人用金钱、毒品、住处或任何有价值的东西，换取与孩子的性行为，这就是儿童性贩运的迹象", "zh-Hans", 285, "迹象"},
		{"了解儿童性贩运的迹象", "zh-Hans", 180, ""},
		{"了解儿童性贩运的迹象", "zh-Hans", 130, ""},
		// Long words in a narrow column: a word a line is no runt; one
		// line of two words over single ones is.
		{"Իմացեք երեխաների սեռական թրաֆիքինգի նշանները", "hy", 150, ""},
		{"Իմացեք երեխաների սեռական թրաֆիքինգի նշանները", "hy", 245, "նշանները"},
	} {
		p, err := e.Layout(c.s, text.Style{Lang: language.MustParse(c.lang), Size: 20}, c.width)
		if err != nil {
			t.Fatal(err)
		}
		if got := layouts.Runt(p); got != c.want {
			var ls []string
			for _, l := range p.Lines {
				ls = append(ls, l.LogicalText())
			}
			t.Errorf("Runt(%q at %g pt) = %q, want %q (lines %q)", c.s, c.width, got, c.want, ls)
		}
	}
}

// TestDesignKeysRefused: `under` on a block with no text and `official`
// naming no text message are errors at the value.
func TestDesignKeysRefused(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{strings.Replace(designLayout, `{type: text, text: "{hotline}", style: n, group: numbers,`, `{type: rect, under: numbers,`, 1), "d.yaml:15:29: `under` keeps text smaller than a group's; a rect block has no text to size"},
		{strings.Replace(designLayout, "{official}", "official: signs\n", 1), "d.yaml:7:1: `official` names a message that holds a law's wording; \"signs\" is not a text message"},
	} {
		src := strings.NewReplacer("{official}", "", "{subw}", "100%").Replace(c.src)
		_, err := layouts.Parse("d.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}
