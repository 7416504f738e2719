package preview_test

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"handbill/build"
	"handbill/frame"
	"handbill/preview"
	"handbill/render"
	"handbill/text"
)

var lookDir = flag.String("look", "", "write each fidelity case's preview, poppler's page and their difference as PNGs into this folder")

// fidelityDPI is the resolution pages are compared at: the web app's.
const fidelityDPI = 80

// fidelityCase is one document of the fidelity test.
type fidelityCase struct {
	content, layout, lang string
}

var fidelityCases = []fidelityCase{
	{"", "poster-letter", "en"},
	{"", "poster-letter", "ar"},
	{"", "poster-letter", "hi"},
	{"", "poster-letter", "th"},
	{"", "poster-letter", "km"},
	{"", "poster-letter", "zh-Hans"},
	{"", "wallet-card-us-sheet-avery5371", "en"},
	{"", "wallet-card-us-sheet-avery5371", "ar"},
	{"", "wallet-card-us-sheet-avery5371", "hi"},
	{"", "wallet-card-us-sheet-avery5371", "th"},
	{"", "wallet-card-us-sheet-avery5371", "km"},
	{"", "wallet-card-us-sheet-avery5371", "zh-Hans"},
	{"", "flyer-letter", "en"}, // tear-off tabs: turned text, dashed rules
	{"", "flyer-letter", "th"},
	{"logo", "poster-tabloid", "en"},
	{"logo", "poster-letter", "ar"},
}

// logoContent writes a content file naming a logo (a 240×240 PNG in four
// colours, none the band's, with a white ring) into a temporary folder.
func logoContent(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	const n = 240
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	cols := [4]color.NRGBA{{200, 30, 40, 255}, {20, 150, 60, 255}, {250, 250, 250, 255}, {230, 190, 20, 255}}
	for y := range n {
		for x := range n {
			img.SetNRGBA(x, y, cols[2*(2*y/n)+2*x/n])
			if d := math.Hypot(float64(x-n/2), float64(y-n/2)); d > 70 && d < 90 {
				img.SetNRGBA(x, y, color.NRGBA{255, 255, 255, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "content.yaml")
	yaml := "organization:\n  name: Riverside Family Clinic\n  contact: Ask at the front desk\n  logo: logo.png\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// compose builds the documents (content "logo": with a logo, see
// logoContent) of one output in one language as build
// does (build.Select, Plan, Prepare).
func compose(t testing.TB, contentFile, layout, lang string) *frame.Doc {
	t.Helper()
	if contentFile == "logo" {
		contentFile = logoContent(t)
	}
	sel, err := build.Select(build.Request{Content: contentFile, Layouts: []string{layout}, Langs: []string{lang}})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := sel.Plan()
	if len(tasks) == 0 {
		t.Fatalf("%s %s: nothing to build", layout, lang)
	}
	d := sel.Prepare(text.NewEngine(sel.Fonts), tasks[0])
	if d.Frames == nil {
		t.Fatalf("%s %s: not composed: %v", layout, lang, d.Diagnostics)
	}
	return d.Frames
}

// poppler renders page pageNo (from 1) of the document's PDF with
// pdftoppm at dpi.
func poppler(t testing.TB, doc *frame.Doc, pageNo int, dpi float64) *image.RGBA {
	t.Helper()
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "doc.pdf")
	if err := render.WriteFile(pdfPath, doc); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "page")
	cmd := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(pageNo), "-l", fmt.Sprint(pageNo), "-singlefile", pdfPath, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}

// difference measures how far two renderings of a page are apart, over
// the area both cover.
type difference struct {
	// Mean is the mean absolute difference per channel (0–255).
	Mean float64
	// Off is the share of pixels (0–1) outside the range of the other
	// image's pixels within one pixel (give or take slack), either way: a
	// glyph, rule or module drawn elsewhere, or not at all.
	Off float64
	// Worst is the most pixels off in one square of tile×tile pixels: a
	// glyph misplaced is a cluster of them, differences of anti-aliasing
	// are scattered.
	Worst int
	// diff marks the pixels counted in Off, for looking.
	diff *image.RGBA
}

// slack is how far (0–255, per channel) a pixel may be outside the range
// of the other image's pixels around it and still be the same: an edge
// drawn a fraction of a pixel apart has a value between its neighbours'.
const slack = 96

// tile is the side of the squares Worst counts pixels off in: about a
// line of small type at the test's resolution.
const tile = 16

func compare(a, b *image.RGBA) difference {
	r := a.Bounds().Intersect(b.Bounds())
	var sum float64
	off := 0
	diff := image.NewRGBA(r)
	tiles := map[image.Point]int{}
	// near reports whether p's pixel at x, y is, in each channel, within
	// the range of q's pixels within one pixel of it, give or take slack.
	near := func(p, q *image.RGBA, x, y int) bool {
		i := p.PixOffset(x, y)
		for c := range 3 {
			lo, hi := 255, 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if !(image.Pt(x+dx, y+dy).In(r)) {
						continue
					}
					v := int(q.Pix[q.PixOffset(x+dx, y+dy)+c])
					lo, hi = min(lo, v), max(hi, v)
				}
			}
			if v := int(p.Pix[i+c]); v < lo-slack || v > hi+slack {
				return false
			}
		}
		return true
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i, j := a.PixOffset(x, y), b.PixOffset(x, y)
			d := 0.0
			for c := range 3 {
				d += math.Abs(float64(a.Pix[i+c]) - float64(b.Pix[j+c]))
			}
			sum += d
			k := diff.PixOffset(x, y)
			g := uint8(255 - d/3)
			diff.Pix[k], diff.Pix[k+1], diff.Pix[k+2], diff.Pix[k+3] = g, g, g, 255
			if !near(a, b, x, y) || !near(b, a, x, y) {
				off++
				tiles[image.Pt((x-r.Min.X)/tile, (y-r.Min.Y)/tile)]++
				diff.Pix[k], diff.Pix[k+1], diff.Pix[k+2] = 255, 0, 0
			}
		}
	}
	n := float64(r.Dx() * r.Dy())
	worst := 0
	for _, v := range tiles {
		worst = max(worst, v)
	}
	return difference{Mean: sum / n / 3, Off: float64(off) / n, Worst: worst, diff: diff}
}

// Limits of the fidelity test: above any of these, something is
// misplaced or missing. Measured over every case (see the test's log),
// the worst are a mean difference of 2.0 (the flyer's turned Thai tabs:
// anti-aliasing), 0.007% of pixels off and 2 pixels off in one square;
// one glyph moved by 2 pt, a rectangle or the QR code moved by 1.5 pt go
// well past them (TestFidelityCatchesMisplacement).
const (
	maxMean  = 3.0
	maxOff   = 0.0005
	maxWorst = 8
)

func (d difference) bad() bool { return d.Mean > maxMean || d.Off > maxOff || d.Worst > maxWorst }

// TestFidelity renders posters and wallet cards in six scripts, and a
// Tabloid poster with a logo, with this package and with poppler (on the
// PDF render writes) at the same resolution, and compares them.
func TestFidelity(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	for _, c := range fidelityCases {
		name := c.layout + "-" + c.lang
		if c.content != "" {
			name += "-" + c.content
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc := compose(t, c.content, c.layout, c.lang)
			for pi, p := range doc.Pages {
				mine, err := preview.Page(p, fidelityDPI)
				if err != nil {
					t.Fatal(err)
				}
				theirs := poppler(t, doc, pi+1, fidelityDPI)
				if d := mine.Bounds().Size().Sub(theirs.Bounds().Size()); max(abs(d.X), abs(d.Y)) > 1 {
					t.Errorf("page %d: %v pixels, poppler's %v", pi+1, mine.Bounds().Size(), theirs.Bounds().Size())
				}
				d := compare(mine, theirs)
				t.Logf("page %d: mean difference %.3f, %.4f%% of pixels off, at most %d in a square", pi+1, d.Mean, 100*d.Off, d.Worst)
				if d.bad() {
					t.Errorf("page %d differs from poppler's: mean difference %.3f (at most %.1f), %.4f%% of pixels off (at most %.3f%%), %d in a square (at most %d)",
						pi+1, d.Mean, maxMean, 100*d.Off, 100*maxOff, d.Worst, maxWorst)
				}
				if *lookDir != "" {
					look(t, fmt.Sprintf("%s-p%d", name, pi+1), mine, theirs, d.diff)
				}
			}
		})
	}
}

func abs(v int) int { return max(v, -v) }

// pageFromPDF is poppler's rendering of the first page of the document.
func pageFromPDF(t testing.TB, doc *frame.Doc, dpi float64) *image.RGBA {
	return poppler(t, doc, 1, dpi)
}

// ink sums how dark the pixels of img in x0, y0 – x1, y1 are (0–1 each).
func ink(img *image.RGBA, x0, y0, x1, y1 int) float64 {
	sum := 0.0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			c := img.RGBAAt(x, y)
			sum += 1 - (float64(c.R)+float64(c.G)+float64(c.B))/3/255
		}
	}
	return sum
}

// look writes the three images for a person to look at.
func look(t *testing.T, name string, imgs ...image.Image) {
	t.Helper()
	if err := os.MkdirAll(*lookDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, suffix := range []string{"preview", "poppler", "diff"} {
		var b bytes.Buffer
		if err := preview.EncodePNG(&b, imgs[i]); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*lookDir, name+"-"+suffix+".png"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFidelityCatchesMisplacement: the fidelity test fails when one
// glyph, a rectangle or the QR code is drawn out of place. Each case
// moves one item of the preview's frames (poppler draws the PDF of the
// frames as composed) and expects the comparison to fail.
func TestFidelityCatchesMisplacement(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	doc := compose(t, "", "poster-letter", "en")
	page := doc.Pages[0]
	theirs := poppler(t, doc, 1, fidelityDPI)
	if d := compare(mustPage(t, page), theirs); d.bad() {
		t.Fatalf("the page as composed already differs: %+v", d)
	}
	moved := func(name string, change func(p *frame.Page) bool) {
		t.Run(name, func(t *testing.T) {
			p := *page
			p.Items = slices.Clone(page.Items)
			if !change(&p) {
				t.Fatal("no such item on the page")
			}
			d := compare(mustPage(t, &p), theirs)
			t.Logf("mean difference %.3f, %.4f%% of pixels off, at most %d in a square", d.Mean, 100*d.Off, d.Worst)
			if !d.bad() {
				t.Error("the comparison passes a page with an item out of place")
			}
		})
	}
	moved("glyph", func(p *frame.Page) bool {
		// The first glyph of the last paragraph at body size (13 to 20
		// pt), 2 pt to the right. Not a caption's: how many pixels a
		// small glyph's move turns depends on where it falls on the
		// pixel grid, and can be just what the comparison allows.
		for i := len(p.Items) - 1; i >= 0; i-- {
			tx, ok := p.Items[i].(*frame.Text)
			if !ok || tx.Para.Style.Size > 20 || tx.Para.Style.Size < 13 || len(tx.Para.Lines) == 0 {
				continue
			}
			c := *tx
			para := *tx.Para
			para.Lines = slices.Clone(para.Lines)
			l := &para.Lines[0]
			l.Runs = slices.Clone(l.Runs)
			r := &l.Runs[0]
			r.Clusters = slices.Clone(r.Clusters)
			cl := &r.Clusters[0]
			cl.Glyphs = slices.Clone(cl.Glyphs)
			cl.Glyphs[0].X += 2
			c.Para = &para
			p.Items[i] = &c
			return true
		}
		return false
	})
	moved("rect", func(p *frame.Page) bool {
		// The white box behind the QR code (the last rectangle), 1.5 pt down.
		for i := len(p.Items) - 1; i >= 0; i-- {
			if r, ok := p.Items[i].(*frame.Rect); ok && r.Fill != nil {
				p.Items[i] = frame.Shift(r, 0, 1.5)
				return true
			}
		}
		return false
	})
	moved("qr", func(p *frame.Page) bool {
		for i, it := range p.Items {
			if q, ok := it.(*frame.QR); ok {
				p.Items[i] = frame.Shift(q, 1.5, 0)
				return true
			}
		}
		return false
	})
}

func mustPage(t *testing.T, p *frame.Page) *image.RGBA {
	t.Helper()
	img, err := preview.Page(p, fidelityDPI)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
