package preview_test

import (
	"fmt"
	"os/exec"
	"testing"

	"github.com/go-text/typesetting/font"
	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/frame"
	"handbill/preview"
	"handbill/text"
)

// synthBoldDoc is a page of text in a built-in face's synthesized bold
// twin (WenQuanYi's, the fallback for rare Chinese characters), and the
// same in its regular face, at several sizes: laid out by hand, since the
// text engine picks its faces itself.
func synthBoldDoc(t testing.TB) *frame.Doc {
	t.Helper()
	var bold, regular *fonts.Face
	for _, f := range fonts.Builtin().Faces() {
		if f.SynthBold && bold == nil {
			bold = f
		}
	}
	if bold == nil {
		t.Skip("no built-in face has a synthesized bold")
	}
	for _, f := range fonts.Builtin().Faces() {
		if f.Family == bold.Family && !f.Bold {
			regular = f
		}
	}
	s := "危险请拨打 Help 911"
	page := &frame.Page{W: 612, H: 400}
	y := 20.0
	for _, size := range []float64{8, 12, 20, 40} {
		for _, face := range []*fonts.Face{regular, bold} {
			page.Items = append(page.Items, &frame.Text{X: 20, Y: y, Para: handParagraph(t, face, s, size), Color: frame.Black})
			y += size * 1.5
		}
	}
	return &frame.Doc{Title: "synthesized bold", Lang: "zh-Hans", Pages: []*frame.Page{page}}
}

// handParagraph lays s out on one line in face, each character with its
// own glyph.
func handParagraph(t testing.TB, face *fonts.Face, s string, size float64) *text.Paragraph {
	t.Helper()
	f := face.Font()
	gf := font.NewFace(f)
	scale := size / float64(f.Upem())
	run := text.Run{Face: face, Size: size}
	i := 0
	for _, r := range s {
		g, ok := f.NominalGlyph(r)
		if !ok {
			t.Fatalf("%s has no glyph for %q", face.Name(), r)
		}
		adv := float64(gf.HorizontalAdvance(g)) * scale
		run.Clusters = append(run.Clusters, text.Cluster{Text: string(r), Start: i, Simple: true,
			Glyphs: []text.Glyph{{ID: uint16(g), X: run.Advance, Advance: adv}}})
		run.Advance += adv
		i++
	}
	line := text.Line{Baseline: size, Width: run.Advance, Ascent: size, Descent: size / 4, Runs: []text.Run{run}}
	return &text.Paragraph{Text: s, Style: text.Style{Lang: language.SimplifiedChinese, Size: size}, Width: 572, Height: size * 1.25, Lines: []text.Line{line}}
}

// TestFidelitySynthesizedBold compares a synthesized bold (the outline
// filled and stroked, in the PDF) with poppler's rendering, and checks
// it prints heavier than the regular face.
func TestFidelitySynthesizedBold(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	doc := synthBoldDoc(t)
	for _, dpi := range []float64{72, 100, 150} {
		t.Run(fmt.Sprint(dpi), func(t *testing.T) {
			mine, err := preview.Page(doc.Pages[0], dpi)
			if err != nil {
				t.Fatal(err)
			}
			theirs := pageFromPDF(t, doc, dpi)
			d := compare(mine, theirs)
			t.Logf("mean difference %.3f, %.4f%% of pixels off, at most %d in a square", d.Mean, 100*d.Off, d.Worst)
			if d.bad() {
				t.Errorf("differs from poppler's: mean difference %.3f, %.4f%% of pixels off, at most %d in a square", d.Mean, 100*d.Off, d.Worst)
			}
			if *lookDir != "" {
				look(t, fmt.Sprintf("synthbold-%g", dpi), mine, theirs, d.diff)
			}
			// Each bold line has more ink than the regular line above it.
			items := doc.Pages[0].Items
			for i := 0; i < len(items); i += 2 {
				reg, bold := items[i].(*frame.Text), items[i+1].(*frame.Text)
				inkOf := func(tx *frame.Text) float64 {
					k := dpi / 72
					return ink(mine, int(tx.X*k), int(tx.Y*k), int((tx.X+tx.Para.Lines[0].Width)*k), int((tx.Y+tx.Para.Height)*k))
				}
				if r, b := inkOf(reg), inkOf(bold); !(b > r*1.05) {
					t.Errorf("%g pt: bold has %.0f of ink, regular %.0f", reg.Para.Style.Size, b, r)
				}
			}
		})
	}
}
