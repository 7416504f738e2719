package render_test

import (
	order "handbill/render/readers"

	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// These tests check copy, paste and search: the text poppler's pdftotext
// extracts from a PDF must be the text that was set, in reading order.
//
// Reading pdftotext's output. pdftotext lays a line's characters out left
// to right as they stand on the page, then writes every right-to-left
// section reversed between RLE (U+202B) and PDF (U+202C); on a page whose
// text is mostly right-to-left it wraps the whole line in RLE…PDF and the
// left-to-right sections in LRE (U+202A)…PDF instead. Shown by a bidi-aware
// viewer that looks like the page, but it is not reading order: in a
// right-to-left line the sections still follow each other left to right.
// With -raw, pdftotext keeps words in the order they are drawn and treats
// each word that way, starting a new line where a word is drawn left of
// the one before. handbill draws a line's runs in reading order, each run
// left to right, so a right-to-left line with a number comes out of -raw
// as a line per run, in reading order; each is read the same way, and
// they are put together (readLines). Two steps turn a line of pdftotext's
// output into reading order:
//
// (The functions are in package render/readers, which the reader tests
// share: ReadingOrder is the two steps.)
//
//  1. visualOrder undoes exactly what poppler did: each character gets the
//     embedding level the marks around it give (its own properties play no
//     part) and the bidi algorithm's reordering rule L2 puts the line back
//     in the order it has on the page, left to right.
//  2. logicalOrder reads that visual line the way handbill lays text out:
//     right-to-left letters read right to left; left-to-right letters,
//     with the neutral characters between two of them, read left to right;
//     so do numbers, with a single separator between two digits
//     ("1-888-373-7888", "3.5"); any other neutral character takes the
//     paragraph's direction. That gives each character a level (in a
//     right-to-left paragraph 1 or 2, in a left-to-right one 0 or 1), and
//     L2 — its own inverse for given levels — gives reading order.
//
// Step 2 is deliberately not the bidi algorithm run backwards. handbill
// isolates numbers, codes and addresses (LRI…PDI) so they read left to
// right as a whole, hyphens included; in Arabic a phone number that is not
// isolated is drawn "7888-373-888-1", and that is exactly what step 2 reads
// back, so the comparison fails. A reversed number is never "repaired".
//
// ZERO WIDTH SPACE (U+200B), which the Thai and Khmer samples carry
// between words as line break hints, is dropped from both sides before
// comparing; every other character, ZERO WIDTH NON-JOINER included, must
// come back.

func needPdftotext(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("HANDBILL_CI") == "1" {
			t.Fatal("pdftotext (poppler-utils) is not installed, and under CI (HANDBILL_CI=1) the reader tests must run")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	return bin
}

// pdftotext returns the text of page 1 of the PDF at path, in pdftotext's
// default (reading order) mode, or with raw in content stream order. With
// clip, only characters whose baseline lies between the top and bottom of
// clip (in points from the page top) are taken.
func pdftotext(t *testing.T, bin, path string, raw bool, clip *frame.Text, pageW float64) string {
	t.Helper()
	args := []string{"-f", "1", "-l", "1", "-enc", "UTF-8", "-nopgbrk"}
	if raw {
		args = append(args, "-raw")
	}
	if clip != nil {
		top := math.Floor(clip.Y)
		bottom := math.Ceil(clip.Y + clip.Para.Height)
		args = append(args, "-x", "0", "-y", fmt.Sprint(top), "-W", fmt.Sprint(math.Ceil(pageW)), "-H", fmt.Sprint(bottom-top))
	}
	args = append(args, path, "-")
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

const zws = '\u200B'

func normalize(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, string(zws), ""))
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// show makes bidi controls and invisible characters visible in messages.
func show(s string) string {
	return strings.NewReplacer(
		"\u202B", "<RLE>", "\u202A", "<LRE>", "\u202C", "<PDF>",
		string(zws), "<ZWSP>", "\u200C", "<ZWNJ>", "\u200D", "<ZWJ>",
	).Replace(s)
}

func writePDF(t *testing.T, doc *frame.Doc, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := render.WriteFile(path, doc); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadingOrderDecoder(t *testing.T) {
	// The decoder itself: poppler's output for an Arabic line on a mostly
	// left-to-right page, and on a right-to-left page.
	for _, c := range []struct {
		in   string
		rtl  bool
		want string
	}{
		{".1-888-373-7888 \u202b اتصل بالرقم\u202c.\u202bاعرف العلامات\u202c", true, "اعرف العلامات. اتصل بالرقم 1-888-373-7888."},
		{"\u202bاعرف العلامات\u202a .\u202cاتصل بالرقم \u202a.1-888-373-7888\u202c\u202c", true, "اعرف العلامات. اتصل بالرقم 1-888-373-7888."},
		// Drawn the way the bidi algorithm lays out an unisolated number
		// after Arabic letters: must not read back as the number.
		{".7888-373-888-1 \u202bبالرقم\u202c", true, "بالرقم 7888-373-888-1."},
		{"Know the signs. Call 1-888-373-7888.", false, "Know the signs. Call 1-888-373-7888."},
	} {
		if got := order.ReadingOrder(c.in, c.rtl); got != c.want {
			t.Errorf("order.ReadingOrder(%q) = %q, want %q", show(c.in), got, c.want)
		}
	}
}

func TestSpecimenTextExtraction(t *testing.T) {
	bin := needPdftotext(t)
	samples, err := content.Specimen()
	if err != nil {
		t.Fatal(err)
	}
	e := text.NewEngine(fonts.Builtin())
	for _, opt := range []layouts.SpecimenOptions{{}, {Size: 11, Bold: true}} {
		t.Run(fmt.Sprintf("size=%g,bold=%v", opt.Size, opt.Bold), func(t *testing.T) {
			doc, err := layouts.Specimen(e, samples, opt)
			if err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, doc, "specimen.pdf")
			page := doc.Pages[0]
			whole := lines(pdftotext(t, bin, path, false, nil, page.W))
			for _, s := range samples {
				t.Run(s.Name, func(t *testing.T) {
					rtl := order.ParagraphRTL(s.Text)
					want := normalize(s.Text)

					// The sample's line alone, in reading order and in
					// content order (-raw: how simpler extractors see it).
					item := findText(page, s.Text)
					if item == nil {
						t.Fatalf("sample not on the page")
					}
					for _, raw := range []bool{false, true} {
						got := lines(pdftotext(t, bin, path, raw, item, page.W))
						if len(got) != 1 && !raw {
							t.Errorf("pdftotext gave %d lines for the sample, want 1:\n%s", len(got), show(strings.Join(got, "\n")))
							continue
						}
						if r := normalize(readLines(got, rtl)); r != want && !(raw && sameRaw(r, want)) {
							t.Errorf("pdftotext (raw=%v) gave %q\n  read as %q\n     want %q", raw, show(strings.Join(got, "⏎")), show(r), show(want))
						}
					}

					// The whole page: some line is the sample.
					found := false
					for _, l := range whole {
						if normalize(order.ReadingOrder(l, rtl)) == want {
							found = true
							break
						}
					}
					if !found {
						t.Errorf("no line of the whole page's text reads %q", show(want))
					}
				})
			}
		})
	}
}

func findText(p *frame.Page, s string) *frame.Text {
	for _, it := range p.Items {
		if t, ok := it.(*frame.Text); ok && t.Para.Text == s {
			return t
		}
	}
	return nil
}

// paragraph sets s alone on a page, as `handbill specimen --text` does, and
// returns what pdftotext extracts, in reading order (readLines), from its
// default (reading order) mode and from -raw (content order), and the
// latter as pdftotext gave it, for messages.
func paragraph(t *testing.T, bin string, e *text.Engine, lang language.Tag, s string) (reading, raw, rawOut string) {
	t.Helper()
	doc, err := layouts.Specimen(e, nil, layouts.SpecimenOptions{Text: s, Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, doc, "paragraph.pdf")
	rtl := order.ParagraphRTL(s)
	got := lines(pdftotext(t, bin, path, false, nil, doc.Pages[0].W))
	if len(got) != 1 {
		t.Fatalf("pdftotext gave %d lines, want 1:\n%s", len(got), show(strings.Join(got, "\n")))
	}
	reading = readLines(got, rtl)
	got = lines(pdftotext(t, bin, path, true, nil, doc.Pages[0].W))
	return reading, readLines(got, rtl), strings.Join(got, "⏎")
}

// readLines reads lines of pdftotext's output for one line of text, each
// in reading order, one after the other (see the top of this file).
func readLines(ls []string, rtl bool) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(order.ReadingOrder(l, rtl))
	}
	return b.String()
}

// sameRaw compares text read from -raw with the text set. Where -raw
// splits a line it drops the space at the split (pdftotext trims the lines
// it writes), so spaces are left out of the comparison; the default mode's
// comparison, made in full, checks them.
func sameRaw(got, want string) bool {
	return strings.Join(strings.Fields(got), "") == strings.Join(strings.Fields(want), "")
}

// TestMixedDirectionExtraction: right-to-left paragraphs with a phone
// number and a web address, which must come out unreversed.
func TestMixedDirectionExtraction(t *testing.T) {
	bin := needPdftotext(t)
	e := text.NewEngine(fonts.Builtin())
	const phone, site = "1-888-373-7888", "humantraffickinghotline.org"
	for _, c := range []struct {
		lang language.Tag
		text string
	}{
		{language.Arabic, "اتصل بالخط الساخن 1-888-373-7888 أو زر humantraffickinghotline.org للمساعدة."},
		{language.Arabic, "لا تتردد: 1-888-373-7888 (humantraffickinghotline.org)"},
		{language.Persian, "با 1-888-373-7888 تماس بگیرید یا به humantraffickinghotline.org بروید."},
		{language.Urdu, "1-888-373-7888 پر کال کریں یا humantraffickinghotline.org دیکھیں۔"},
		{language.Hebrew, "התקשרו 1-888-373-7888 או בקרו ב-humantraffickinghotline.org."},
	} {
		t.Run(c.lang.String(), func(t *testing.T) {
			if !strings.Contains(c.text, phone) || !strings.Contains(c.text, site) {
				t.Fatal("test text lacks the phone number or the address")
			}
			reading, raw, rawOut := paragraph(t, bin, e, c.lang, c.text)
			for i, got := range []string{reading, raw} {
				r := normalize(got)
				if r != c.text && !(i == 1 && sameRaw(r, c.text)) {
					t.Errorf("pdftotext (raw=%v) read as %q\n     want %q\n(-raw gave %q)", i == 1, show(r), c.text, show(rawOut))
				}
				for _, tok := range []string{phone, site} {
					if !strings.Contains(r, tok) {
						t.Errorf("%q does not come out as such from %q", tok, show(r))
					}
				}
			}
		})
	}
}

// TestMarkedTextExtraction: clusters whose glyphs are not in reading order
// or not at the cluster's start (vowel marks in right-to-left text, whose
// glyphs come before their base's), joiners, and a ligature of two glyphs.
func TestMarkedTextExtraction(t *testing.T) {
	bin := needPdftotext(t)
	e := text.NewEngine(fonts.Builtin())
	for _, c := range []struct {
		lang language.Tag
		text string
	}{
		{language.Arabic, "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ"},
		{language.Hebrew, "שָׁלוֹם עֲלֵיכֶם"},
		{language.Persian, "می\u200cخواهم کتاب\u200cها را ببینم"},
		{language.Urdu, "علامات لا الله"},
		{language.Hindi, "क्षत्रिय श्रीमान् द्वार कि"},
		{language.Thai, "\u200bผู้ใหญ่\u200bน้ำ\u200b"},
		{language.Khmer, "ស្ត្រី\u200bក្មេង"},
	} {
		t.Run(c.lang.String(), func(t *testing.T) {
			reading, raw, rawOut := paragraph(t, bin, e, c.lang, c.text)
			want := normalize(c.text)
			for i, got := range []string{reading, raw} {
				if r := normalize(got); r != want && !(i == 1 && sameRaw(r, want)) {
					t.Errorf("pdftotext (raw=%v) read as %q\n     want %q\n(-raw gave %q)", i == 1, show(r), show(want), show(rawOut))
				}
			}
		})
	}
}
