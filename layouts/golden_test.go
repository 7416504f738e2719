package layouts_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/layouts"
)

var update = flag.Bool("update", false, "rewrite the golden frame dumps")

// TestFrameGolden composes every output of every built-in layout in
// English, one right-to-left language (Arabic) and the CJK languages
// (Simplified and Traditional Chinese, Japanese, Korean: each its own
// face and line-breaking rules) and compares the frame dumps with
// testdata/frames/*.golden, and every output in English for Florida (a
// state line first); -update rewrites them.
func TestFrameGolden(t *testing.T) {
	set, ls, e := builtins(t)
	resolve := func(tag string) *content.Doc {
		d, err := set.Resolve(mustTag(tag), "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Messages.Lang.String(); got != tag {
			t.Fatalf("%s is not built in (resolved to %s)", tag, got)
		}
		return d
	}
	for _, lang := range []string{"en", "ar", "zh-Hans", "zh-Hant", "ja", "ko"} {
		for _, name := range sortedNames(ls) {
			for _, tg := range layouts.Targets(ls[name]) {
				docs := []*content.Doc{resolve(lang)}
				if tg.Multilingual() {
					docs = []*content.Doc{resolve("en"), resolve("es")}
					if lang != "en" {
						docs = append(docs, resolve(lang))
					}
				}
				doc, err := layouts.Compose(e, tg, docs)
				if err != nil {
					t.Errorf("%s %s: %v", tg.Name(), lang, err)
					continue
				}
				checkGolden(t, filepath.Join("testdata", "frames", tg.Name()+"."+lang+".golden"), doc.Dump())
			}
		}
	}
	// Florida in English: a state line before the national one, each
	// named, in every product's band (two numbers where one was).
	fl, err := set.Resolve(mustTag("en"), "community", "US-FL")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedNames(ls) {
		for _, tg := range layouts.Targets(ls[name]) {
			docs := []*content.Doc{fl}
			if tg.Multilingual() {
				es, err := set.Resolve(mustTag("es"), "community", "US-FL")
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, es)
			}
			doc, err := layouts.Compose(e, tg, docs)
			if err != nil {
				t.Errorf("%s en US-FL: %v", tg.Name(), err)
				continue
			}
			checkGolden(t, filepath.Join("testdata", "frames", tg.Name()+".en-US-FL.golden"), doc.Dump())
		}
	}
}

func mustTag(s string) language.Tag { return language.MustParse(s) }

func sortedNames(m map[string]*layouts.Layout) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v (run go test ./layouts -run FrameGolden -update)", path, err)
		return
	}
	if string(want) != got {
		t.Errorf("%s differs (run with -update to accept):\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}
