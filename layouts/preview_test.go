package layouts_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"handbill/content"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

var preview = flag.String("preview", "", "also write every composed document as PDF into this folder")

// TestEveryLanguageBuildsEveryProduct composes every output of every
// built-in layout in every built-in language, for every audience: no
// overflow, no missing glyph. With -preview DIR it writes the PDFs too.
func TestEveryLanguageBuildsEveryProduct(t *testing.T) {
	set, ls, e := builtins(t)
	audiences := content.Audiences
	if testing.Short() {
		audiences = audiences[:1]
	}
	en := resolveOrFail(t, set, "en", "community")
	for _, l := range set.Languages() {
		for _, aud := range audiences {
			d := resolveOrFail(t, set, l.Tag.String(), aud)
			for _, name := range sortedNames(ls) {
				for _, tg := range layouts.Targets(ls[name]) {
					docs := []*content.Doc{d}
					if tg.Multilingual() {
						docs = []*content.Doc{en, d}
					}
					doc, err := layouts.Compose(e, tg, docs)
					if err != nil {
						t.Errorf("%s %s %s: %v", tg.Name(), l.Tag, aud, err)
						continue
					}
					if *preview != "" && aud == "community" {
						path := filepath.Join(*preview, l.Tag.String(), tg.Name()+".pdf")
						if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := render.WriteFile(path, doc); err != nil {
							t.Error(err)
						}
					}
				}
			}
		}
	}
}

func resolveOrFail(t *testing.T, set *content.Set, tag, audience string) *content.Doc {
	t.Helper()
	d, err := set.Resolve(mustTag(tag), audience, "US")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBuiltinTextCarriesBreaks checks handbill's rule for Thai and Khmer:
// every built-in string carries zero width spaces between words, so no run
// of letters is too long to break.
func TestBuiltinTextCarriesBreaks(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range set.Languages() {
		for _, aud := range content.Audiences {
			d := resolveOrFail(t, set, l.Tag.String(), aud)
			for k, v := range d.Messages.Texts {
				if runs := text.UnbrokenRuns(v.S); len(runs) > 0 {
					t.Errorf("%s %s %s: %q has no break opportunity", v.Pos, aud, k, runs[0])
				}
			}
			for k, vs := range d.Messages.Lists {
				for _, v := range vs {
					if runs := text.UnbrokenRuns(v.S); len(runs) > 0 {
						t.Errorf("%s %s %s: %q has no break opportunity", v.Pos, aud, k, runs[0])
					}
				}
			}
		}
	}
}

// TestEveryRegionBuildsEveryProduct composes every product for every
// region's hotlines (some regions have one line, no text line or no web
// address), in English and Arabic.
func TestEveryRegionBuildsEveryProduct(t *testing.T) {
	set, ls, e := builtins(t)
	for _, r := range set.Regions() {
		var docs []*content.Doc
		for _, lang := range []string{"en", "ar"} {
			d, err := set.Resolve(mustTag(lang), "community", r.Code)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
		for _, name := range sortedNames(ls) {
			for _, tg := range layouts.Targets(ls[name]) {
				for _, d := range docs {
					in := []*content.Doc{d}
					if tg.Multilingual() {
						in = docs
					}
					if _, err := layouts.Compose(e, tg, in); err != nil {
						t.Errorf("%s %s %s: %v", r.Code, tg.Name(), d.Messages.Lang, err)
					}
				}
			}
		}
	}
}
