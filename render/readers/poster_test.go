package readers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// The numbers that must come back exactly: the US hotline and its text
// line, as the US poster prints them.
var exact = []string{"1-888-373-7888", "233733"}

// minScore is the share of the set characters every reader must give
// back, in every language.
const minScore = 0.98

// poster is one language's poster, written, with the strings it sets.
type poster struct {
	lang     string
	path     string
	headline string
	// want are the resolved headline, intro, and the signs and steps the
	// poster prints (it may print fewer signs than the content has).
	want []string
}

// posters writes poster-letter in every built-in language into dir.
func posters(t *testing.T, dir string) []poster {
	t.Helper()
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var target *layouts.Target
	for _, l := range ls {
		for _, tg := range layouts.Targets(l) {
			if tg.Name() == "poster-letter" {
				target = &tg
			}
		}
	}
	if target == nil {
		t.Fatal("no built-in output poster-letter")
	}
	e := text.NewEngine(fonts.Builtin())
	var out []poster
	for _, info := range set.Languages() {
		d, err := set.Resolve(info.Tag, "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := layouts.Compose(e, *target, []*content.Doc{d})
		if err != nil {
			t.Fatalf("%s: %v", info.Tag, err)
		}
		p := poster{lang: info.Tag.String(), path: filepath.Join(dir, info.Tag.String()+".pdf")}
		if err := render.WriteFile(p.path, doc); err != nil {
			t.Fatalf("%s: %v", p.lang, err)
		}
		m := d.Messages
		p.headline = m.Texts["headline"].S
		p.want = []string{p.headline, m.Texts["intro"].S}
		for _, key := range []string{"signs", "do"} {
			n := 0
			for _, item := range m.Lists[key] {
				if printed(doc, item.S) {
					p.want = append(p.want, item.S)
					n++
				}
			}
			if n < 2 {
				t.Fatalf("%s: the poster prints %d of the %s", p.lang, n, key)
			}
		}
		out = append(out, p)
	}
	if len(out) < 20 {
		t.Fatalf("only %d built-in languages", len(out))
	}
	return out
}

// printed reports whether a text item of the document sets s.
func printed(d *frame.Doc, s string) bool {
	s = norm.NFC.String(s)
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*frame.Text); ok && strings.Contains(norm.NFC.String(t.Para.Text), s) {
				return true
			}
		}
	}
	return false
}

// query is what a person types to find s: s without invisible characters
// other than the joiners, on one line.
func query(s string) string {
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u200c' || r == '\u200d':
			return r
		case r == '\u200b' || r == '\u00ad' || r == '\ufeff' || (0x200e <= r && r <= 0x200f) || (0x202a <= r && r <= 0x202e) || (0x2066 <= r && r <= 0x2069):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// finders are the readers whose own search is tested (Firefox's find bar
// through pdf.js, and PDFium's FPDFText_FindStart).
var finders = []string{"pdfjs", "pdfium"}

// TestPostersInEveryReader builds the poster in every built-in language and
// reads it back with every reader: each must give back at least 98% of the
// characters of the headline, intro, signs and steps (normalize, score),
// the hotline and text numbers exactly, and pdf.js's and PDFium's search
// must find the headline. The scores go to the test log as a table (go
// test -v -run TestPostersInEveryReader ./render/readers).
func TestPostersInEveryReader(t *testing.T) {
	dir := t.TempDir()
	ps := posters(t, dir)
	pdfs := make([]string, len(ps))
	finds := make([][]string, len(ps))
	for i, p := range ps {
		pdfs[i] = p.path
		finds[i] = []string{query(p.headline)}
	}
	table := map[string]map[string]string{} // reader → lang → cell
	for _, r := range readers {
		t.Run(r.name, func(t *testing.T) {
			if why := r.missing(); why != "" {
				t.Skipf("%s: %s", r.about, why)
			}
			got, err := r.read(pdfs, finds)
			if err != nil {
				t.Fatal(err)
			}
			table[r.name] = map[string]string{}
			for i, p := range ps {
				e := got[i]
				cell := ""
				t.Run(p.lang, func(t *testing.T) {
					if e.Error != "" {
						cell = "error"
						t.Fatalf("%s cannot read %s: %s", r.about, p.lang, e.Error)
					}
					txt := e.Text()
					s, worst, wd := score(p.want, txt)
					cell = fmt.Sprintf("%.1f", 100*s)
					if s < minScore {
						t.Errorf("%s gives back %.1f%% of the characters, want %.0f%% or more; worst: %q (%d edits) in:\n%s",
							r.about, 100*s, 100*minScore, worst, wd, txt)
					}
					line := flat(txt)
					for _, n := range exact {
						if !strings.Contains(line, n) {
							cell += " #"
							t.Errorf("%s does not give back %s exactly in:\n%s", r.about, n, txt)
						}
					}
					if slices.Contains(finders, r.name) {
						if len(e.Found) != 1 || !e.Found[0] {
							cell += " F"
							t.Errorf("%s's search does not find the headline %q", r.about, finds[i][0])
						}
					}
				})
				table[r.name][p.lang] = cell
			}
		})
	}
	t.Log("\n" + scoreTable(ps, table))
	if path := os.Getenv("HANDBILL_READER_TABLE"); path != "" {
		if err := os.WriteFile(path, []byte(scoreTable(ps, table)), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// scoreTable is the scores as a Markdown table: a row per language, a
// column per reader; "#" marks a number that did not come back exactly,
// "F" a headline the reader's search did not find.
func scoreTable(ps []poster, table map[string]map[string]string) string {
	var b strings.Builder
	b.WriteString("| lang |")
	for _, r := range readers {
		b.WriteString(" " + r.name + " |")
	}
	b.WriteString("\n|---|")
	for range readers {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, p := range ps {
		b.WriteString("| " + p.lang + " |")
		for _, r := range readers {
			c := table[r.name][p.lang]
			if c == "" {
				c = "—"
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}
