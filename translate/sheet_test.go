package translate

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/text"
)

// TestSheet: the review sheet numbers every message the PO file has, in
// its order, with the English and the translation, set in every script.
func TestSheet(t *testing.T) {
	s, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	e := text.NewEngine(fonts.Builtin())
	for _, lang := range []string{"vi", "ar", "zh-Hant", "km", "hi"} {
		tag := language.MustParse(lang)
		d, err := Sheet(e, s, tag, "")
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		units, _ := Units(s, tag, "")
		var all []string
		for _, p := range d.Pages {
			for _, it := range p.Items {
				if tx, ok := it.(*frame.Text); ok {
					all = append(all, tx.Para.Text)
				}
			}
		}
		joined := strings.Join(all, "\n")
		for i, u := range units {
			if !strings.Contains(joined, u.English) || !strings.Contains(joined, u.Current) {
				t.Errorf("%s: message %d (%s) is not on the sheet", lang, i+1, u.Context)
			}
		}
		if !strings.Contains(joined, "58.  ") && len(units) >= 58 {
			t.Errorf("%s: numbering", lang)
		}
	}
}
