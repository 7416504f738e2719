package layouts_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/check"
	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/render"
	"handbill/source"
)

// quadrants is a 480×120 opaque image in four colours, one per quarter
// (left to right, top to bottom), with a stripe pattern inside each so
// every Adam7 pass carries different pixels.
func quadrants() *image.NRGBA {
	const w, h = 480, 120
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	cols := [4]color.NRGBA{{200, 30, 40, 255}, {20, 150, 60, 255}, {30, 60, 190, 255}, {230, 190, 20, 255}}
	for y := range h {
		for x := range w {
			c := cols[2*(2*y/h)+2*x/w]
			if x%7 == 3 && y%5 == 1 {
				c.R, c.G, c.B = c.R/2, c.G/2, c.B/2
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// interlacedPNG encodes img as an Adam7-interlaced RGBA PNG (Go's encoder
// writes only non-interlaced ones): the seven passes' rows, each with
// filter type 0, compressed together.
func interlacedPNG(t *testing.T, img *image.NRGBA) []byte {
	t.Helper()
	w, h := img.Rect.Dx(), img.Rect.Dy()
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw bytes.Buffer
	for _, p := range passes {
		x0, y0, dx, dy := p[0], p[1], p[2], p[3]
		if x0 >= w {
			continue // an empty pass has no rows at all
		}
		for y := y0; y < h; y += dy {
			raw.WriteByte(0)
			for x := x0; x < w; x += dx {
				c := img.NRGBAAt(x, y)
				raw.Write([]byte{c.R, c.G, c.B, c.A})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(kind)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 6, 1 // 8-bit RGBA, Adam7
	chunk("IHDR", ihdr)
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	data := b.Bytes()
	// The encoder is right: Go's decoder reads back the same pixels.
	back, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the interlaced PNG does not decode: %v", err)
	}
	for y := range h {
		for x := range w {
			if got := color.NRGBAModel.Convert(back.At(x, y)); got != img.NRGBAAt(x, y) {
				t.Fatalf("the interlaced PNG decodes pixel %d,%d as %v, want %v", x, y, got, img.NRGBAAt(x, y))
			}
		}
	}
	return data
}

// logoDoc composes logoLayout for a content file whose logo is data, and
// returns the frames and the image item.
func logoDoc(t *testing.T, data []byte) (layouts.Target, *frame.Doc, *frame.Image) {
	t.Helper()
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	if err := os.WriteFile(logo, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cf := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cf, []byte("organization:\n  name: Interlace Clinic\n  logo: logo.png\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(cf)
	if err != nil {
		t.Fatal(err)
	}
	d, err := set.Resolve(language.English, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	l, err := layouts.Parse("logo.yaml", []byte(logoLayout))
	if err != nil {
		t.Fatal(err)
	}
	tg := layouts.Targets(l)[0]
	e, _ := fuzzEnv()
	doc, err := layouts.Compose(e, tg, []*content.Doc{d})
	if err != nil {
		t.Fatal(err)
	}
	// The frames carry the image: nothing after composing reads the file.
	if err := os.Remove(logo); err != nil {
		t.Fatal(err)
	}
	for _, it := range doc.Pages[0].Items {
		if im, ok := it.(*frame.Image); ok {
			return tg, doc, im
		}
	}
	t.Fatal("no image in the frames")
	return tg, nil, nil
}

// TestInterlacedLogo: an Adam7-interlaced PNG logo, which handbill once
// refused for the PDF library it used, is accepted and printed exactly
// as the same image saved non-interlaced: the PDF is byte for byte the
// same, pdfimages lists one 480×120 RGB image, and rendered with
// pdftoppm each quarter of the logo has its colour.
func TestInterlacedLogo(t *testing.T) {
	img := quadrants()
	interlaced := interlacedPNG(t, img)
	if interlaced[28] != 1 {
		t.Fatal("the test image is not interlaced")
	}
	var plainPNG bytes.Buffer
	if err := png.Encode(&plainPNG, img); err != nil {
		t.Fatal(err)
	}

	tg, doc, im := logoDoc(t, interlaced)
	if im.Data == nil || im.Data.Width != 480 || im.Data.Height != 120 || im.Data.Format != "png" || !bytes.Equal(im.Data.Bytes, interlaced) {
		t.Fatalf("the image item does not carry the logo as read: %+v", im.Data)
	}
	for _, f := range check.Frames(tg, doc, "en") {
		if f.Rule == "image-resolution" {
			t.Errorf("check: %v", f.String())
		}
	}
	var got bytes.Buffer
	if err := render.Write(&got, doc); err != nil {
		t.Fatalf("the interlaced logo is not written: %v", err)
	}
	_, plainDoc, _ := logoDoc(t, plainPNG.Bytes())
	var want bytes.Buffer
	if err := render.Write(&want, plainDoc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the PDF with the interlaced logo differs from the one with the same logo not interlaced")
	}

	pdfPath := filepath.Join(t.TempDir(), "logo.pdf")
	if err := os.WriteFile(pdfPath, got.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages is not installed (poppler-utils)")
	}
	out, err := exec.Command("pdfimages", "-list", pdfPath).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages -list: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	// page num type width height color comp bpc enc …
	if len(lines) != 3 || strings.Join(strings.Fields(lines[2])[2:9], " ") != "image 480 120 rgb 3 8 image" {
		t.Fatalf("pdfimages -list: want one 480×120 8-bit RGB image without a mask:\n%s", out)
	}

	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (poppler-utils)")
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-r", "72", "-png", "-singlefile", pdfPath, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// At 72 dpi a pixel is a point: sample each quarter of the logo away
	// from its stripes and edges.
	for q := range 4 {
		fx, fy := 0.1+0.5*float64(q%2), 0.15+0.5*float64(q/2)
		x, y := int(im.X+im.W*fx), int(im.Y+im.H*fy)
		want := img.NRGBAAt(int(fx*480), int(fy*120))
		r, g, b, _ := page.At(x, y).RGBA()
		for i, v := range []int{int(r >> 8), int(g >> 8), int(b >> 8)} {
			if d := v - int([3]uint8{want.R, want.G, want.B}[i]); d < -12 || d > 12 {
				t.Errorf("quarter %d of the logo renders as %d,%d,%d at %d,%d; want about %v", q, r>>8, g>>8, b>>8, x, y, want)
				break
			}
		}
	}
}

// TestLogoErrorsStayPositioned: a logo is read when a document is
// composed (it is the content's), and what is wrong with it is reported
// at the content file's logo line.
func TestLogoErrorsStayPositioned(t *testing.T) {
	dir := t.TempDir()
	cf := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cf, []byte("organization:\n  name: Clinic\n  logo: logo.png\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\nnot really"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(cf)
	if err != nil {
		t.Fatal(err)
	}
	d, err := set.Resolve(language.English, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	l, err := layouts.Parse("logo.yaml", []byte(logoLayout))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := fuzzEnv()
	_, err = layouts.Compose(e, layouts.Targets(l)[0], []*content.Doc{d})
	if err == nil {
		t.Fatal("a logo that is not an image is accepted")
	}
	ce := source.From(err)
	if ce == nil || ce.Pos.File != cf || ce.Pos.Line != 3 || !strings.Contains(ce.Message, "is not a PNG or JPEG image") || ce.Hint == "" {
		t.Fatalf("got %v", err)
	}
}
