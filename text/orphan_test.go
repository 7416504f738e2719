package text_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/text"
)

// TestNoOrphan: built-in headlines whose last line is one word at full
// measure ("trafficking", "sex?", "पहचानें"; one or two characters of a
// Chinese sentence) get two words or more on it with NoOrphan, in as many
// lines, the lines fitting the box; without it the lone word stays. (A
// short line of Chinese or Japanese is balanced instead: see
// TestPhrasesBalanced.)
func TestNoOrphan(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang, text string
		size       float64
	}{
		{"en", "Know the signs of child sex trafficking", 20},
		{"en", "Is a child being bought or sold for sex?", 20},
		{"hi", "बाल यौन तस्करी के संकेत पहचानें", 20},
		{"zh-Hans", "如果有人用金钱、毒品、住处或任何有价值的东西，换取与未满18岁孩子的性行为，这就是儿童性贩运。", 20},
	} {
		st := text.Style{Lang: language.MustParse(c.lang), Size: c.size}
		// The widest box at which the last line is a lone word.
		var width float64
		for w := 400.0; w > 40; w-- {
			p, err := e.Layout(c.text, st, w)
			if err != nil {
				t.Fatal(err)
			}
			if last := lineText(p.Lines[len(p.Lines)-1]); len(p.Lines) > 1 && lone(last) {
				width = w
				break
			}
		}
		if width == 0 {
			t.Fatalf("%s: no width leaves a lone word on the last line", c.text)
		}
		before, _ := e.Layout(c.text, st, width)
		on := st
		on.NoOrphan = true
		after, err := e.Layout(c.text, on, width)
		if err != nil {
			t.Fatal(err)
		}
		last := lineText(after.Lines[len(after.Lines)-1])
		if lone(last) {
			t.Errorf("%s at %g pt: last line %q is still a lone word", c.text, width, last)
		}
		if len(after.Lines) != len(before.Lines) {
			t.Errorf("%s at %g pt: %d lines, want %d", c.text, width, len(after.Lines), len(before.Lines))
		}
		for _, l := range after.Lines {
			if l.Width > width+0.01 {
				t.Errorf("%s: line %.1f pt wide in a %g pt box", c.text, l.Width, width)
			}
		}
		if after.Width != width {
			t.Errorf("%s: paragraph width %g, want the box's %g", c.text, after.Width, width)
		}
	}
}

func lone(s string) bool {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " ") {
		return false
	}
	n := 0
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			n++
		}
	}
	return n == 0 || n <= 2
}
