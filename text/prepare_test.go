package text

import (
	"testing"
	"unicode"

	"handbill/content"
)

// TestMayKeepTogether: where mayKeepTogether says keepTogether cannot
// match, it does not, on every built-in text and list item in every
// language and on hand-made cases; and it lets through every text that
// holds a number or an address.
func TestMayKeepTogether(t *testing.T) {
	texts := []string{
		"Call 1-888-373-7888", "Text 233733", "help@example.org", "www.example.ORG/help",
		"example.com.", "Nothing to see here.", "A. B. c", "a.b", "(02) 1343", "١٢٣ ٤٥٦",
		"Llama al 1-888-373-7888.", "no digits, no dots", "x@y", "end.", ".A", "",
	}
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range set.Languages() {
		d, err := set.Resolve(l.Tag, set.DefaultAudience(), set.DefaultRegion())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Messages.Texts {
			texts = append(texts, s.S)
		}
		for _, list := range d.Messages.Lists {
			for _, s := range list {
				texts = append(texts, s.S)
			}
		}
	}
	skipped, matched := 0, 0
	for _, s := range texts {
		m := keepTogether().FindStringIndex(s)
		if m != nil {
			matched++
		}
		if mayKeepTogether(s) {
			continue
		}
		skipped++
		if m != nil {
			t.Errorf("%q: mayKeepTogether says no, but keepTogether matches %q", s, s[m[0]:m[1]])
		}
	}
	if skipped == 0 || matched == 0 {
		t.Errorf("of %d texts, %d skipped and %d with a match: the test checks nothing", len(texts), skipped, matched)
	}
}

// TestIsIdeographic: isIdeographic is unicode.In of Han, Hiragana and
// Katakana on every code point.
func TestIsIdeographic(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isIdeographic(r), unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana); got != want {
			t.Fatalf("isIdeographic(%U) = %v, want %v", r, got, want)
		}
	}
}
