// Package check finds what is wrong with a document: in its resolved
// content (stale hotlines, text with nowhere to break, what content found
// while resolving) and on its composed frames (contrast, type size,
// logos, QR codes; numbers drawn out of order or unlike the hotline
// directory; blocks off their page or area, text over text, QR codes too
// small or crowded, text at the paper's edge, cards without a back; tabs
// and hotline bands with no number; typography: one-word last lines, a
// hotline smaller than the headline, small body text and tabs). Every finding is a
// source.Diagnostic naming the file:line:col of the value it concerns.
// Compliance presets, which judge a whole set of documents, are in
// package presets.
package check

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// Thresholds of the checks on composed pages.
const (
	// WCAG 2.1 AA contrast: 4.5:1 for body text, 3:1 for large text
	// (18 pt, or 14 pt bold).
	contrastBody  = 4.5
	contrastLarge = 3.0
	// A logo printed under 150 pixels per inch looks soft; under 100 it
	// looks broken.
	ppiWarn  = 150
	ppiError = 100
)

// Frames checks a composed document: text contrast against what it is
// printed on, body text under the layout's (or a preset's) minimum size,
// logos with too few pixels for their printed size, QR codes that do not
// decode back to what they should say; numbers drawn out of order or
// broken across lines; the geometry (see checkGeometry) and empty tabs,
// bands and pages (see checkEmpty). Numbers are checked against the
// hotline directory by Numbers. (A compliance preset's own minimum type
// size is checked by package presets.)
func Frames(t layouts.Target, doc *frame.Doc, lang string) []source.Diagnostic {
	var out []source.Diagnostic
	add := func(sev source.Severity, pos source.Pos, rule, msg, hint string) {
		out = append(out, source.Diagnostic{Severity: sev, Pos: pos, Output: t.Name(), Lang: lang, Message: msg, Hint: hint, Rule: rule})
	}
	checkGeometry(t, doc, add)
	checkEmpty(t, doc, add)
	checkTypography(t, doc, add)
	order := map[*frame.Text]bool{}
	min := t.Layout.MinSize
	for _, p := range doc.Pages {
		smallest := map[source.Pos]float64{}
		for i, it := range p.Items {
			switch it := it.(type) {
			case *frame.Text:
				checkContrast(p, i, it, add)
				if !order[it] {
					order[it] = true // a paragraph repeated on a sheet is read once
					checkNumberOrder(it, add)
				}
				if s := it.Para.DrawnSize(); min > 0 && it.Role != "caption" && it.Tag != "Lbl" && s < min-0.01 && len(it.Para.Lines) > 0 {
					if cur, ok := smallest[it.Block]; !ok || s < cur {
						smallest[it.Block] = s
					}
				}
			case *frame.Image:
				checkImage(it, add)
			case *frame.QR:
				checkQR(it, add)
			}
		}
		for pos, s := range smallest {
			add(source.Warning, pos, "min-size", fmt.Sprintf("text set at %.4g pt, under the minimum of %g pt", s, min),
				"shorten the text so it fits at a larger size, or give its block more room")
		}
	}
	return dedupe(out)
}

// adder records a finding.
type adder func(sev source.Severity, pos source.Pos, rule, msg, hint string)

// dedupe drops repeated findings (a card imposed ten times on a sheet).
func dedupe(fs []source.Diagnostic) []source.Diagnostic {
	seen := map[string]bool{}
	var out []source.Diagnostic
	for _, f := range fs {
		k := string(f.Severity) + f.Pos.String() + f.Message
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// background is the colour under a point of the page: the last filled
// rectangle drawn before item i that covers it, else white paper.
func background(p *frame.Page, i int, x, y float64) frame.Color {
	bg := frame.Color{R: 255, G: 255, B: 255}
	for _, it := range p.Items[:i] {
		if r, ok := it.(*frame.Rect); ok && r.Fill != nil && x >= r.X && x <= r.X+r.W && y >= r.Y && y <= r.Y+r.H {
			bg = *r.Fill
		}
	}
	return bg
}

func checkContrast(p *frame.Page, i int, t *frame.Text, add adder) {
	if len(t.Para.Lines) == 0 {
		return
	}
	// Sample the background under the middle of the first line.
	l := t.Para.Lines[0]
	x, y := t.X+l.X+l.Width/2, t.Y+l.Baseline-l.Ascent/2
	if t.Rotate == 90 {
		x, y = t.X+l.Baseline-l.Ascent/2, t.Y-l.X-l.Width/2
	}
	bg := background(p, i, x, y)
	ratio := ContrastRatio(t.Color, bg)
	st := t.Para.Style
	large := st.Size >= 18 || (st.Bold && st.Size >= 14)
	need := contrastBody
	if large {
		need = contrastLarge
	}
	if ratio < need-0.005 {
		add(source.Error, t.Block, "contrast",
			fmt.Sprintf("contrast %.2f:1 between text %s and its background %s is under WCAG 2.1 AA's %.1f:1 for %s text (%q)",
				ratio, hex(t.Color), hex(bg), need, map[bool]string{true: "large", false: "body"}[large], clip(t.Para.Text)),
			"use a darker text colour or a lighter background in the layout's theme (contrast is judged on luminance, as printed in black and white)")
	}
}

// ContrastRatio is the WCAG 2.1 contrast ratio of two colours (1 to 21).
func ContrastRatio(a, b frame.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c frame.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func hex(c frame.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func clip(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:27]) + "…"
	}
	return s
}

// checkImage judges an image's resolution at its printed size, from the
// pixel size read when the image was loaded (the file is not read again).
func checkImage(im *frame.Image, add adder) {
	if im.Data == nil || im.W <= 0 {
		return
	}
	w, h := im.Data.Width, im.Data.Height
	ppi := im.PPI()
	hint := fmt.Sprintf("use a larger image: at least %d×%d pixels for this size", int(math.Ceil(im.W/72*ppiWarn)), int(math.Ceil(im.H/72*ppiWarn)))
	switch {
	case ppi < ppiError:
		add(source.Error, im.Src, "image-resolution", fmt.Sprintf("image %s is %d×%d pixels: %.0f ppi at its printed size, under %d", im.Data.Path, w, h, ppi, ppiError), hint)
	case ppi < ppiWarn:
		add(source.Warning, im.Src, "image-resolution", fmt.Sprintf("image %s is %d×%d pixels: %.0f ppi at its printed size, under %d", im.Data.Path, w, h, ppi, ppiWarn), hint)
	}
}

// checkQR decodes the module matrix as drawn and compares it with what the
// code should say.
func checkQR(q *frame.QR, add adder) {
	key := qrKey(q.Content, q.Modules)
	if qrPassed(key) {
		return
	}
	got, err := DecodeQR(q.Modules)
	if err == nil && got == q.Content {
		qrPass(key)
	}
	if err != nil || got != q.Content {
		add(source.Error, q.Src, "qr", fmt.Sprintf("the QR code does not decode back to %q (got %q, %v)", q.Content, got, err),
			"report this as a handbill bug; meanwhile leave the QR block out of the layout")
	}
}

// DecodeQR reads a QR code from its module matrix, drawn as a bitmap with
// a quiet zone, using a decoder independent of the encoder.
func DecodeQR(modules [][]bool) (string, error) {
	const scale, quiet = 4, 4
	n := len(modules)
	size := (n + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, size, size))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y, row := range modules {
		for x, dark := range row {
			if !dark {
				continue
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray((x+quiet)*scale+dx, (y+quiet)*scale+dy, color.Gray{})
				}
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}
