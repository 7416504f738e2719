package preview_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/frame"
	"handbill/preview"
	"handbill/text"
)

func rgbaAt(img *image.RGBA, x, y int) color.RGBA { return img.RGBAAt(x, y) }

var (
	white = color.RGBA{255, 255, 255, 255}
	red   = frame.Color{R: 200, G: 20, B: 30}
)

func TestPageRefusesBadInput(t *testing.T) {
	letter := &frame.Page{W: 612, H: 792}
	for _, c := range []struct {
		name string
		p    *frame.Page
		dpi  float64
		want string
	}{
		{"no page", nil, 72, "no page"},
		{"zero dpi", letter, 0, "above 0"},
		{"negative dpi", letter, -5, "above 0"},
		{"NaN dpi", letter, math.NaN(), "above 0"},
		{"infinite dpi", letter, math.Inf(1), "above 0"},
		{"too many pixels", letter, 5000, "million pixels"},
		{"no area", &frame.Page{W: 0, H: 792}, 72, "no area"},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := preview.Page(c.p, c.dpi)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, %v; want an error saying %q", img != nil, err, c.want)
			}
		})
	}
}

func TestPageSize(t *testing.T) {
	letter := &frame.Page{W: 612, H: 792}
	for _, c := range []struct {
		dpi  float64
		w, h int
	}{{72, 612, 792}, {100, 850, 1100}, {80, 680, 880}, {50, 425, 550}} {
		img, err := preview.Page(letter, c.dpi)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got != image.Pt(c.w, c.h) || preview.Size(letter, c.dpi) != got {
			t.Errorf("%g dpi: %v (Size says %v), want %dx%d", c.dpi, got, preview.Size(letter, c.dpi), c.w, c.h)
		}
		if rgbaAt(img, c.w/2, c.h/2) != white {
			t.Errorf("%g dpi: an empty page is not white", c.dpi)
		}
	}
}

// TestPageShapes draws rectangles, a dashed rule and a QR code at 72 dpi
// (one pixel a point) and checks pixels inside, outside and at the edges.
func TestPageShapes(t *testing.T) {
	stroke := frame.Color{B: 200}
	p := &frame.Page{W: 100, H: 100, Items: []frame.Item{
		&frame.Rect{X: 10, Y: 10, W: 20, H: 10, Fill: &red},
		&frame.Rect{X: 50, Y: 10, W: 30, H: 30, Stroke: &stroke, LineWidth: 2},
		&frame.Rule{X1: 10, Y1: 60, X2: 90, Y2: 60, Width: 2, Color: frame.Black, Dash: []float64{4, 4}},
		&frame.QR{X: 10, Y: 70, Size: 20, Color: frame.Black, Modules: [][]bool{{true, false}, {false, true}}},
	}}
	img, err := preview.Page(p, 72)
	if err != nil {
		t.Fatal(err)
	}
	black := color.RGBA{0, 0, 0, 255}
	for _, c := range []struct {
		what string
		x, y int
		want color.RGBA
	}{
		{"fill inside", 15, 15, color.RGBA{200, 20, 30, 255}},
		{"fill's last column", 29, 19, color.RGBA{200, 20, 30, 255}},
		{"right of the fill", 30, 15, white},
		{"below the fill", 15, 20, white},
		{"stroke's left edge", 49, 20, color.RGBA{0, 0, 200, 255}},
		{"stroke's inside", 50, 20, color.RGBA{0, 0, 200, 255}},
		{"inside the stroked box", 65, 25, white},
		{"outside the stroked box", 47, 20, white},
		{"first dash", 12, 60, black},
		{"first gap", 16, 60, white},
		{"second dash", 20, 59, black},
		{"beside the rule", 12, 62, white},
		{"dark module", 14, 74, black},
		{"light module", 25, 74, white},
		{"second dark module", 25, 85, black},
	} {
		if got := rgbaAt(img, c.x, c.y); got != c.want {
			t.Errorf("%s (%d,%d): %v, want %v", c.what, c.x, c.y, got, c.want)
		}
	}
}

// TestPageText draws a word, then the same word turned by 90°: ink falls
// in the paragraph's box, and the turned copy runs upwards from its corner.
func TestPageText(t *testing.T) {
	e := text.NewEngine(fonts.Builtin())
	para, err := e.Layout("HHHH", text.Style{Lang: language.English, Size: 20}, 200)
	if err != nil {
		t.Fatal(err)
	}
	w := para.Lines[0].Width
	p := &frame.Page{W: 300, H: 300, Items: []frame.Item{
		&frame.Text{X: 20, Y: 20, Para: para, Color: frame.Black},
		&frame.Text{X: 200, Y: 280, Para: para, Color: red, Rotate: 90},
	}}
	img, err := preview.Page(p, 72)
	if err != nil {
		t.Fatal(err)
	}
	ink := func(r image.Rectangle, is func(color.RGBA) bool) int {
		n := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if is(rgbaAt(img, x, y)) {
					n++
				}
			}
		}
		return n
	}
	// Mostly ink: dark grey, or red.
	dark := func(c color.RGBA) bool { return c.R == c.G && c.R < 128 }
	reddish := func(c color.RGBA) bool { return int(c.R)-int(c.G) > 100 }
	base := int(20 + para.Lines[0].Baseline)
	level := image.Rect(20, base-16, 20+int(w), base)
	if n := ink(level, dark); n < level.Dx()*level.Dy()/10 {
		t.Errorf("%d black pixels in the text's box %v, want at least a tenth of it", n, level)
	}
	if n := ink(image.Rect(0, base+2, 300, 60), dark); n > 0 {
		t.Errorf("%d black pixels below the baseline of capitals", n)
	}
	// Turned: the baseline is the vertical line x = 200 + baseline, the
	// text from y = 280 up to 280 - w.
	bx := int(200 + para.Lines[0].Baseline)
	turned := image.Rect(bx-16, 280-int(w), bx, 280)
	if n := ink(turned, reddish); n < turned.Dx()*turned.Dy()/10 {
		t.Errorf("%d red pixels in the turned text's box %v, want at least a tenth of it", n, turned)
	}
	if n := ink(image.Rect(0, 0, 300, 280-int(w)-2), reddish); n > 0 {
		t.Errorf("%d red pixels above the turned text", n)
	}
}

func TestSheet(t *testing.T) {
	letter := &frame.Page{W: 612, H: 792, Items: []frame.Item{&frame.Rect{X: 0, Y: 0, W: 612, H: 100, Fill: &red}}}
	card := &frame.Page{W: 252, H: 144}
	thumbs := []preview.Thumb{{letter, "en/poster-letter.pdf p1"}, {card, "ar/wallet-card p2 العربية"}, {letter, "中文（简体） p1"}}
	img, err := preview.Sheet(thumbs, 800)
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w != 800 {
		t.Errorf("sheet %d pixels wide, want 800", w)
	}
	if c := rgbaAt(img, 2, 2); c == white {
		t.Error("the sheet's background is white: pages would not stand out")
	}
	// Three columns of about 245 pixels: the first page's red band is at
	// its top, and its caption below it is dark ink.
	reds, darks := 0, 0
	for y := range img.Bounds().Dy() {
		for x := range 260 {
			c := rgbaAt(img, x, y)
			if c == (color.RGBA{200, 20, 30, 255}) {
				reds++
			}
			if c.R < 80 && c.G < 80 && c.B < 80 {
				darks++
			}
		}
	}
	if reds < 1000 || darks < 50 {
		t.Errorf("first column: %d red pixels (the page's band), %d dark ones (its caption)", reds, darks)
	}
	if _, err := preview.Sheet(thumbs, 40); err == nil {
		t.Error("a sheet 40 pixels wide: no error")
	}
	if _, err := preview.Sheet(nil, 800); err == nil {
		t.Error("a sheet of no pages: no error")
	}
	var b bytes.Buffer
	if err := preview.EncodePNG(&b, img); err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Bounds() != img.Bounds() {
		t.Errorf("PNG decodes to %v, want %v", back.Bounds(), img.Bounds())
	}
}

// TestPageConcurrent: pages drawn at once (the web app's sessions) come
// out as each does alone; run with -race.
func TestPageConcurrent(t *testing.T) {
	var pages []*frame.Page
	for _, lang := range []string{"en", "ar", "th", "zh-Hans"} {
		pages = append(pages, compose(t, "", "poster-letter", lang).Pages[0])
	}
	preview.ResetCache()
	alone := make([]*image.RGBA, len(pages))
	for i, p := range pages {
		alone[i] = mustPage(t, p)
	}
	preview.ResetCache()
	together := make([]*image.RGBA, 2*len(pages))
	var wg sync.WaitGroup
	for i := range together {
		wg.Go(func() {
			img, err := preview.Page(pages[i%len(pages)], fidelityDPI)
			if err != nil {
				t.Error(err)
			}
			together[i] = img
		})
	}
	wg.Wait()
	for i, img := range together {
		if img == nil || !bytes.Equal(img.Pix, alone[i%len(pages)].Pix) {
			t.Errorf("page %d drawn concurrently differs from the page drawn alone", i%len(pages))
		}
	}
}

// TestPageOddItems: items partly or wholly off the page, of no size, or
// with values no layout makes draw what is on the page and never panic.
func TestPageOddItems(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	e := text.NewEngine(fonts.Builtin())
	para, err := e.Layout("Call 1-888-373-7888", text.Style{Lang: language.English, Size: 12}, 200)
	if err != nil {
		t.Fatal(err)
	}
	p := &frame.Page{W: 200, H: 100, Items: []frame.Item{
		&frame.Rect{X: -50, Y: -50, W: 100, H: 100, Fill: &red},
		&frame.Rect{X: nan, Y: 0, W: 10, H: 10, Fill: &red, Stroke: &red},
		&frame.Rect{X: 0, Y: 0, W: inf, H: -inf, Fill: &red, Stroke: &red, LineWidth: nan},
		&frame.Rect{X: 10, Y: 10, W: 0, H: 0, Stroke: &red},
		&frame.Rule{X1: 0, Y1: 0, X2: 1e9, Y2: 1e9, Width: 1, Dash: []float64{0, 0}},
		&frame.Rule{X1: 0, Y1: 0, X2: 100, Y2: 0, Width: 1, Dash: []float64{-1, 2}},
		&frame.Rule{X1: nan, Y1: 0, X2: 100, Y2: inf, Width: 1},
		&frame.QR{X: 150, Y: 50, Size: 100, Modules: [][]bool{{true}}},
		&frame.QR{X: nan, Y: 0, Size: inf, Modules: [][]bool{{true, true}, {true}}},
		&frame.Text{X: 190, Y: 90, Para: para},
		&frame.Text{X: nan, Y: inf, Para: para, Rotate: 33},
		&frame.Text{X: 10, Y: 10},
	}}
	img, err := preview.Page(p, 72)
	if err != nil {
		t.Fatal(err)
	}
	if c := rgbaAt(img, 40, 20); c != (color.RGBA{200, 20, 30, 255}) {
		t.Errorf("the part of a rectangle on the page: %v", c)
	}
}
