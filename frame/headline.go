package frame

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Headline is the text that names the document in its own language: the
// first heading set in the document's language, or, in a document with no
// heading in it (the discreet card), its first text in that language that
// is neither an artifact nor a caption. It is nil when there is none.
// Tagged PDF takes the document's title from it, so that a screen reader
// announces the title in the language the page is written in.
func (d *Doc) Headline() *Text {
	var first *Text
	for _, p := range d.Pages {
		for _, it := range p.Items {
			t, ok := it.(*Text)
			if !ok || t.Para == nil || t.Tag == "Artifact" || t.Tag == "Lbl" || t.Role == "caption" {
				continue
			}
			if l := t.Para.Style.Lang.String(); d.Lang != "" && !strings.EqualFold(l, d.Lang) {
				continue
			}
			if t.Role == "heading" {
				return t
			}
			if first == nil {
				first = t
			}
		}
	}
	return first
}

// TitleText is t's text on one line, as a document title: NFC, without
// invisible format characters other than the joiners (which some scripts
// need), its runs of white space as one space.
func TitleText(t *Text) string {
	s := norm.NFC.String(t.Para.Text)
	s = strings.Map(func(r rune) rune {
		if r == '\u200c' || r == '\u200d' {
			return r
		}
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
