package readers_test

import (
	order "handbill/render/readers"

	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"unicode"

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

// minScoreNoBidi is the share pdfminer must give back in right-to-left
// languages. pdfminer has no bidi algorithm: it keeps a line's characters
// in the order they are drawn and starts a new line wherever the next
// character is drawn far from the last. handbill draws a line's runs in
// reading order, each run left to right, because that is what pdf.js
// (Firefox) and PDFium (Chrome) read right (each reverses a right-to-left
// run itself; drawn right to left, pdf.js loses every space between
// right-to-left words, and PDFium reverses the text). So pdfminer gives
// right-to-left runs reversed (decode puts them back, as its users do with
// python-bidi), and splits a line that mixes right-to-left words and a
// number at each run, in an order of its own: the intro's "18" and the
// steps' "911" cost about 3% of the characters in Arabic and Persian.
const minScoreNoBidi = 0.96

// poster is one language's poster, written, with the strings it sets.
type poster struct {
	lang     string
	path     string
	headline string
	// finds are what a person searches for to find the headline: the
	// headline, or, where it breaks between lines with no space (Thai,
	// Khmer: no reader's search matches across such a break, Firefox's
	// included), each of its lines.
	finds []string
	rtl   bool // the language is written right to left
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
		p.rtl = order.ParagraphRTL(p.headline)
		p.finds = headlineFinds(doc, p.headline)
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

// headlineFinds returns what to search for to find the headline (see
// poster.finds).
func headlineFinds(d *frame.Doc, headline string) []string {
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			t, ok := it.(*frame.Text)
			if !ok || norm.NFC.String(t.Para.Text) != norm.NFC.String(headline) {
				continue
			}
			src := []rune(t.Para.Text)
			var lines []string
			atSpaces := true
			for i, l := range t.Para.Lines {
				var cs []text.Cluster
				for _, r := range l.Runs {
					cs = append(cs, r.Clusters...)
				}
				slices.SortStableFunc(cs, func(a, b text.Cluster) int { return a.Start - b.Start })
				var b strings.Builder
				for _, c := range cs {
					b.WriteString(c.Text)
				}
				lines = append(lines, query(b.String()))
				if i > 0 && len(cs) > 0 {
					if s := cs[0].Start; s <= 0 || s > len(src) || !unicode.IsSpace(src[s-1]) {
						atSpaces = false
					}
				}
			}
			if atSpaces {
				return []string{query(headline)}
			}
			return lines
		}
	}
	return []string{query(headline)}
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
		finds[i] = p.finds
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
					asGiven, _, _ := score(p.want, txt)
					if r.decode != nil {
						txt = r.decode(txt, p.rtl)
					}
					s, worst, wd := score(p.want, txt)
					cell = fmt.Sprintf("%.1f", 100*s)
					if s-asGiven > 0.001 {
						cell += fmt.Sprintf(" (%.1f as given)", 100*asGiven)
					}
					floor := minScore
					if r.name == "pdfminer" && p.rtl {
						floor = minScoreNoBidi
					}
					if s < floor {
						t.Errorf("%s gives back %.1f%% of the characters, want %.0f%% or more; worst: %q (%d edits) in:\n%s",
							r.about, 100*s, 100*floor, worst, wd, txt)
					}
					line := flat(txt)
					for _, n := range exact {
						if !strings.Contains(line, n) {
							cell += " #"
							t.Errorf("%s does not give back %s exactly in:\n%s", r.about, n, txt)
						}
					}
					if slices.Contains(finders, r.name) {
						for k, q := range finds[i] {
							if k >= len(e.Found) || !e.Found[k] {
								cell += " F"
								t.Errorf("%s's search does not find %q of the headline", r.about, q)
							}
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
