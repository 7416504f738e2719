package layouts_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

func specimenDoc(t testing.TB, opt layouts.SpecimenOptions) string {
	samples, err := content.Specimen()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layouts.Specimen(text.NewEngine(fonts.Builtin()), samples, opt)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Dump()
}

func TestSpecimenLabelsEveryScriptWithItsFace(t *testing.T) {
	dump := specimenDoc(t, layouts.SpecimenOptions{})
	for _, want := range []string{
		`"Arabic · العربية · ar · Noto Sans Arabic + Noto Sans"`,
		`"Urdu · اردو · ur · Noto Naskh Arabic + Noto Sans"`,
		`"Korean · 한국어 · ko · Noto Sans CJK KR + Noto Sans"`,
		`"Chinese (Traditional) · 繁體中文 · zh-Hant · Noto Sans CJK TC + Noto Sans"`,
		`"Japanese · 日本語 · ja · Noto Sans CJK JP + Noto Sans"`,
		`"Khmer · ខ្មែរ · km · Noto Sans Khmer + Noto Sans"`,
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("specimen lacks label %s", want)
		}
	}
	if n := strings.Count(dump, "size=16 "); n < 15 {
		t.Errorf("only %d samples at the full 16 pt; samples should not shrink for tall scripts", n)
	}
}

func TestSpecimenTextStaysOnOneLine(t *testing.T) {
	long := "If you see something that does not feel right, call or text the hotline at any hour of the day or night."
	dump := specimenDoc(t, layouts.SpecimenOptions{Text: long, Lang: language.English, Size: 40})
	if !strings.Contains(dump, "lines=1") {
		t.Errorf("text broke over several lines:\n%s", dump)
	}
}

func TestSpecimenTextReportsMissingGlyph(t *testing.T) {
	samples, _ := content.Specimen()
	_, err := layouts.Specimen(text.NewEngine(fonts.Builtin()), samples, layouts.SpecimenOptions{Text: "hello \U00010000", Lang: language.English})
	var mg *text.MissingGlyphError
	if !errors.As(err, &mg) || mg.Rune != 0x10000 {
		t.Fatalf("want a MissingGlyphError for U+10000, got %v", err)
	}
}

func TestSpecimenPDFIsDeterministic(t *testing.T) {
	samples, _ := content.Specimen()
	var outs [2][]byte
	for i := range outs {
		doc, err := layouts.Specimen(text.NewEngine(fonts.Builtin()), samples, layouts.SpecimenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := render.Write(&b, doc); err != nil {
			t.Fatal(err)
		}
		outs[i] = b.Bytes()
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs gave different PDF bytes")
	}
}

// BenchmarkMultilingualPage lays out the 19-script specimen page and writes
// its PDF, fonts already parsed: cache=warm as a build's later documents
// are (paragraphs, plans and font subsets remembered), cache=cold with
// every cache emptied first, as the first document of a run.
func BenchmarkMultilingualPage(b *testing.B) {
	samples, err := content.Specimen()
	if err != nil {
		b.Fatal(err)
	}
	for _, cold := range []bool{false, true} {
		name := "cache=warm"
		if cold {
			name = "cache=cold"
		}
		b.Run(name, func(b *testing.B) {
			e := text.NewEngine(fonts.Builtin())
			warm, _ := layouts.Specimen(e, samples, layouts.SpecimenOptions{})
			render.Write(&bytes.Buffer{}, warm)
			for b.Loop() {
				if cold {
					e = text.NewEngine(fonts.Builtin())
					render.ForgetMemos()
				}
				doc, err := layouts.Specimen(e, samples, layouts.SpecimenOptions{})
				if err != nil {
					b.Fatal(err)
				}
				var buf bytes.Buffer
				if err := render.Write(&buf, doc); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(buf.Len()))
			}
		})
	}
}
