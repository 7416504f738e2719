package layouts_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// The regions every built-in product is composed for; one handbill does
// not know yet (MX, while it is being added) is skipped.
var testRegions = []string{"US", "US-CA", "US-FL", "US-GA", "US-TN", "CA", "GB", "IE", "AU", "EU", "MX"}

// listsHotlines are the products that list every line of their region;
// cards and stickers print the first at least.
var listsHotlines = []string{"poster", "multilang", "flyer", "handout"}

// printed is what a document prints: each text item's lines in logical
// order, joined by one space, without the invisible marks that keep
// numbers left to right, and the size it is set at.
type printed struct {
	text string
	size float64
	tab  bool // a tear-off tab (text turned 90°)
	page int
}

func printedText(doc *frame.Doc) []printed {
	var out []printed
	for i, p := range doc.Pages {
		for _, it := range p.Items {
			t, ok := it.(*frame.Text)
			if !ok || t.Para == nil {
				continue
			}
			s := strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Cf, r) {
					return -1
				}
				return r
			}, strings.Join(strings.Fields(strings.Join(t.Para.LineTexts(), " ")), " "))
			out = append(out, printed{text: s, size: t.Para.Style.Size, tab: t.Rotate != 0, page: i})
		}
	}
	return out
}

// largest is the size of the largest text that prints s, or 0.
func largest(ps []printed, s string) float64 {
	size := 0.0
	for _, p := range ps {
		if strings.Contains(p.text, s) {
			size = max(size, p.size)
		}
	}
	return size
}

// hasTextLine tells whether the document's region has a text line the
// layouts print: the main line's, or the national line's beside a state
// line (see layouts' fields).
func hasTextLine(d *content.Doc) string {
	tm, _ := layouts.ParseTemplate("{sms}", d.Messages.Texts["headline"].Pos)
	s, _ := tm.Fill(d, tm.Pos)
	return s
}

// TestEveryRegion composes every built-in product for every region in
// English and Arabic (right to left) and checks, from the frames: each
// line the region lists (its lines and its missing-child line) is printed
// on the products that list hotlines, and the first on every product;
// tear-off tabs each hold the first number, with the text line or else
// the web address; no text-line label is printed
// where the region has no text line, and the text line is where it has
// one; a QR code and the web address stay wherever the region has one;
// and where a state line comes first (US-FL, US-GA, US-TN) its number is
// at least as large as every other number, with the national line beside
// it at the same size on the products that list hotlines.
func TestEveryRegion(t *testing.T) {
	set, ls, e := builtins(t)
	for _, region := range testRegions {
		for _, lang := range []string{"en", "ar"} {
			d, err := set.Resolve(mustTag(lang), "community", region)
			if err != nil {
				if strings.Contains(err.Error(), "unknown region") {
					t.Logf("%s: skipped (%v)", region, err)
					break
				}
				t.Fatal(err)
			}
			for _, name := range sortedNames(ls) {
				for _, tg := range layouts.Targets(ls[name]) {
					if tg.Mode == "press" {
						continue // the same design as the desktop output
					}
					docs := []*content.Doc{d}
					if tg.Multilingual() {
						en, err := set.Resolve(mustTag("en"), "community", region)
						if err != nil {
							t.Fatal(err)
						}
						docs = []*content.Doc{en, d}
						if lang == "en" {
							es, _ := set.Resolve(mustTag("es"), "community", region)
							docs = []*content.Doc{en, es}
						}
					}
					doc, err := layouts.Compose(e, tg, docs)
					if err != nil {
						t.Errorf("%s %s %s: %v", tg.Name(), region, lang, err)
						continue
					}
					checkRegionFrames(t, fmt.Sprintf("%s %s %s", tg.Name(), region, lang), tg, d, doc)
				}
			}
		}
	}
}

func checkRegionFrames(t *testing.T, what string, tg layouts.Target, d *content.Doc, doc *frame.Doc) {
	t.Helper()
	ps := printedText(doc)
	all := func() string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(p.text + "\n")
		}
		return b.String()
	}
	lists := slices.Contains(listsHotlines, tg.Layout.Product)
	lines := append([]content.Hotline(nil), d.Hotlines...)
	if d.Missing.Display != "" && !slices.ContainsFunc(lines, func(h content.Hotline) bool { return h.ID == d.Missing.ID }) {
		lines = append(lines, d.Missing)
	}
	for i, h := range lines {
		if (i == 0 || lists) && h.Display != "" && largest(ps, h.Display) == 0 {
			t.Errorf("%s: %s (%s) is not printed:\n%s", what, h.Name.S, h.Display, all())
		}
	}
	// The text line: its label only where there is one.
	label := d.Messages.Texts["text_label"].S
	labelled := regexp.MustCompile(regexp.QuoteMeta(label) + ` \d`)
	sms := hasTextLine(d)
	tm, _ := layouts.ParseTemplate("{web}", d.Messages.Texts["headline"].Pos)
	web, _ := tm.Fill(d, tm.Pos)
	// Tabs: each holds the first line's number, and the text line, or
	// else the web address; where the text line does not work in the
	// document's language (it has an sms_note), the numbers only. Where a
	// state line comes first, the tabs take turns: the state line's
	// number (by name), then the national line's (by name) with its text
	// line.
	note := d.Messages.Texts["sms_note"].S
	nat, _ := layouts.ParseTemplate("{national}", d.Messages.Texts["headline"].Pos)
	national, _ := nat.Fill(d, nat.Pos)
	for _, p := range ps {
		switch {
		case !p.tab:
		case national != "" && strings.Contains(p.text, d.Hotlines[0].Display):
			// The state line's tab: its name and number (see TestTabsNameTheirNumbers).
		case national != "" && !strings.Contains(p.text, national):
			t.Errorf("%s: a tear-off tab holds neither %s nor %s: %q", what, d.Hotlines[0].Display, national, p.text)
		case national == "" && !strings.Contains(p.text, d.Hotlines[0].Display):
			t.Errorf("%s: a tear-off tab does not hold the number %s: %q", what, d.Hotlines[0].Display, p.text)
		case note != "" && (labelled.MatchString(p.text) || web != "" && strings.Contains(p.text, web)):
			t.Errorf("%s: a tear-off tab promises a text line or chat that does not work in %s: %q", what, d.Messages.Lang, p.text)
		case note == "" && sms != "" && !strings.Contains(p.text, sms):
			t.Errorf("%s: a tear-off tab does not hold the text line %s: %q", what, sms, p.text)
		case note == "" && sms == "" && web != "" && !strings.Contains(p.text, web):
			t.Errorf("%s: a tear-off tab falls back to %q, not the web address %s", what, p.text, web)
		}
	}
	// Where the text line does not work in the document's language, the
	// note saying so is printed next to it.
	if note != "" && sms != "" && largest(ps, note) == 0 {
		t.Errorf("%s: the text line is printed without %q", what, note)
	}
	for _, p := range ps {
		switch {
		case sms == "" && labelled.MatchString(p.text):
			t.Errorf("%s: %q printed in a region with no text line: %q", what, label, p.text)
		case sms == "" && regexp.MustCompile(`\bSMS\b`).MatchString(p.text) && label != "SMS":
			t.Errorf("%s: SMS printed in a region with no text line: %q", what, p.text)
		}
	}
	if sms != "" && !slices.ContainsFunc(ps, func(p printed) bool { return labelled.MatchString(p.text) && strings.Contains(p.text, sms) }) {
		t.Errorf("%s: the text line %s %s is not printed:\n%s", what, label, sms, all())
	}
	// The web address and QR code stay where the region has one and the
	// design prints them.
	if web != "" && hasQR(tg) {
		found := false
		for _, p := range doc.Pages {
			for _, it := range p.Items {
				if q, ok := it.(*frame.QR); ok && strings.Contains(q.Content, web) {
					found = true
				}
			}
		}
		if !found || largest(ps, web) == 0 {
			t.Errorf("%s: the web address %s or its QR code is not printed", what, web)
		}
	}
	// A state line first: the largest number, the national line as large.
	if len(d.Hotlines) > 1 && d.Hotlines[0].SMS == "" && d.Hotlines[0].Web == "" {
		first := largest(ps, d.Hotlines[0].Display)
		for _, h := range lines[1:] {
			if s := largest(ps, h.Display); s > first+0.01 {
				t.Errorf("%s: %s is printed at %g pt, larger than the first line %s at %g pt", what, h.Display, s, d.Hotlines[0].Display, first)
			}
		}
		if nat := d.Hotlines[1]; lists && largest(ps, nat.Display) < first-0.01 {
			t.Errorf("%s: the national line %s is printed at %g pt, smaller than the state line at %g pt", what, nat.Display, largest(ps, nat.Display), first)
		}
	}
}

// hasQR tells whether the target's layout has a QR code block.
func hasQR(tg layouts.Target) bool {
	src, err := layouts.BuiltinSource(tg.Layout.Name)
	return err == nil && strings.Contains(string(src), "type: qr")
}

// TestOwnLineEverywhere: the user's own line and organisation are printed
// on every built-in product that has room: posters, flyer, handout,
// notices, the multi-language poster, the wallet cards' backs, the large
// sticker; the discreet card prints the line's number, with no name.
func TestOwnLineEverywhere(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(file, []byte(`organization:
  name: Riverside Family Clinic
  contact: Ask at the front desk
hotlines:
  - id: riverside-clinic-line
    name: Riverside nurse line
    country: US
    digits: "9515550142"
    display: 951-555-0142
    hours: Mon–Fri 8am–6pm
`), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	_, ls, e := builtins(t)
	for _, region := range []string{"US", "US-FL", "GB"} {
		for _, lang := range []string{"en", "ar"} {
			d, err := set.Resolve(mustTag(lang), "community", region)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range sortedNames(ls) {
				for _, tg := range layouts.Targets(ls[name]) {
					if tg.Mode != "" || tg.Variant.Suffix == "3x3" {
						continue // the small sticker has room for the hotline only
					}
					docs := []*content.Doc{d}
					if tg.Multilingual() {
						en, _ := set.Resolve(mustTag("en"), "community", region)
						docs = []*content.Doc{en, d}
					}
					doc, err := layouts.Compose(e, tg, docs)
					if err != nil {
						t.Errorf("%s %s %s: %v", tg.Name(), region, lang, err)
						continue
					}
					ps := printedText(doc)
					if largest(ps, "951-555-0142") == 0 {
						t.Errorf("%s %s %s: the user's own line is not printed", tg.Name(), region, lang)
					}
					discreet := tg.Layout.Name == "wallet-card-discreet"
					if largest(ps, "Riverside Family Clinic") == 0 && !discreet {
						t.Errorf("%s %s %s: the organisation is not printed", tg.Name(), region, lang)
					}
					if discreet && (largest(ps, "Riverside") > 0) {
						t.Errorf("%s %s %s: the discreet card prints a name, which could say what it is about", tg.Name(), region, lang)
					}
				}
			}
		}
	}
}

// TestOrganisationOnStateLineNotices: with the user's organisation, the
// notices where a state line comes first (Florida: both numbers, each
// under its name) compose in every built-in language, the organisation
// printed once (in the band): the national line's name has room for its
// lines at its least size (Russian's did not: "Национальная горячая
// линия по борьбе с торговлей людьми" overflowed its box by 2.5 pt, and
// by 10.5 pt on the large-type notice).
func TestOrganisationOnStateLineNotices(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(file, []byte("organization:\n  name: Riverside Family Clinic\n  contact: 555-0100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	_, ls, e := builtins(t)
	for _, li := range set.Languages() {
		lang := li.Tag
		d, err := set.Resolve(lang, "community", "US-FL")
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"notice", "notice-bold", "notice-large"} {
			for _, tg := range layouts.Targets(ls[name]) {
				doc, err := layouts.Compose(e, tg, []*content.Doc{d})
				if err != nil {
					t.Errorf("%s %s: %v", tg.Name(), lang, err)
					continue
				}
				n := 0
				for _, s := range printedText(doc) {
					n += strings.Count(s.text, "Riverside Family Clinic")
				}
				if n != 1 {
					t.Errorf("%s %s: the organisation is printed %d times, not once", tg.Name(), lang, n)
				}
			}
		}
	}
}
