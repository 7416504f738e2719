package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// nrgbaImage has partial transparency: alpha runs through 0, 255 and
// values between, and colour under transparent pixels is kept.
func nrgbaImage(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(5, 6))
	for y := range h {
		for x := range w {
			c := color.NRGBA{uint8(x * 255 / max(w-1, 1)), uint8(y * 255 / max(h-1, 1)), uint8(rng.Uint32()), 255}
			switch (x + 2*y) % 5 {
			case 1:
				c.A = 0
			case 2:
				c.A = 128
			case 3:
				c.A = uint8(rng.Uint32())
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// pngPredictor is the predictor of PNG filter type 4 as the PNG
// specification (section 9.4) writes it.
func pngPredictor(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	dist := func(v byte) int {
		d := p - int(v)
		if d < 0 {
			return -d
		}
		return d
	}
	pa, pb, pc := dist(a), dist(b), dist(c)
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

// unfilter undoes FlateDecode's PNG predictors (/Predictor 10–15): each
// row of colors·columns bytes led by its filter type, any of the five.
func unfilter(t *testing.T, data []byte, colors, columns int) []byte {
	t.Helper()
	stride := colors * columns
	if len(data)%(stride+1) != 0 {
		t.Fatalf("%d bytes are not whole rows of 1+%d bytes", len(data), stride)
	}
	rows := len(data) / (stride + 1)
	out := make([]byte, rows*stride)
	prev := make([]byte, stride) // the row above the first is zeros
	for y := range rows {
		in := data[y*(stride+1):]
		kind, line := in[0], in[1:stride+1]
		cur := out[y*stride : (y+1)*stride]
		for i := range stride {
			var left, upLeft byte
			if i >= colors {
				left, upLeft = cur[i-colors], prev[i-colors]
			}
			up := prev[i]
			switch kind {
			case 0:
				cur[i] = line[i]
			case 1:
				cur[i] = line[i] + left
			case 2:
				cur[i] = line[i] + up
			case 3:
				cur[i] = line[i] + byte((int(left)+int(up))/2)
			case 4:
				cur[i] = line[i] + pngPredictor(left, up, upLeft)
			default:
				t.Fatalf("row %d has filter type %d", y, kind)
			}
		}
		prev = cur
	}
	return out
}

func TestUnfilter(t *testing.T) {
	// Rows filtered by hand: [10 20 30] and [15 25 40], one colour.
	// Row 0, Sub: 10, 10, 10. Row 1, Paeth: a=left, b=up, c=up-left;
	// 15-pred(0,10,0)=15-10=5, 25-pred(15,20,10)=25-20=5 (p=25: pa=10,
	// pb=5, pc=15), 40-pred(25,30,20)=40-30=10 (p=35: pa=10, pb=5).
	data := []byte{1, 10, 10, 10, 4, 5, 5, 10}
	want := []byte{10, 20, 30, 15, 25, 40}
	if got := unfilter(t, data, 1, 3); !bytes.Equal(got, want) {
		t.Errorf("unfilter = %v, want %v", got, want)
	}
	// Up and Average, two colours: row 0 None [1 2 3 4]; row 1 Up
	// +1 each: [2 3 4 5]; row 2 Average: left/up means.
	data = []byte{0, 1, 2, 3, 4, 2, 1, 1, 1, 1, 3, 1, 1, 0, 0}
	// Row 2: i0: 1+(0+2)/2=2; i1: 1+(0+3)/2=2; i2: 0+(2+4)/2=3; i3: 0+(2+5)/2=3.
	want = []byte{1, 2, 3, 4, 2, 3, 4, 5, 2, 2, 3, 3}
	if got := unfilter(t, data, 2, 2); !bytes.Equal(got, want) {
		t.Errorf("unfilter = %v, want %v", got, want)
	}
}

// imageDoc draws the image on a page of w×h points, filling it.
func imageDoc(t *testing.T, im *Image, w, h float64) ([]byte, Ref) {
	t.Helper()
	wr := NewWriter()
	catalog, pages, page, content := wr.Alloc(), wr.Alloc(), wr.Alloc(), wr.Alloc()
	ref := wr.EmbedImage(im)
	var c Content
	c.Image("/Im1", 0, 0, w, h)
	wr.Stream(content, "", c.Bytes())
	wr.Object(page, fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources << /XObject << /Im1 %s >> >> /Contents %s >>",
		pages, Num(w), Num(h), ref, content))
	wr.Object(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", page))
	wr.Object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	data, err := wr.Finish(catalog, 0)
	if err != nil {
		t.Fatal(err)
	}
	return data, ref
}

var decodeParmsRE = regexp.MustCompile(`/DecodeParms << /Predictor (\d+) /Colors (\d+) /Columns (\d+) >>`)

// samples reads an embedded Flate image back: its dictionary and its
// samples, the predictor undone.
func samples(t *testing.T, p *parsedPDF, r Ref) (string, []byte) {
	t.Helper()
	dict, data := p.flateStream(t, r)
	m := decodeParmsRE.FindStringSubmatch(dict)
	if m == nil {
		t.Fatalf("image %d has no PNG predictor parameters: %s", r, dict)
	}
	pred, _ := strconv.Atoi(m[1])
	colors, _ := strconv.Atoi(m[2])
	columns, _ := strconv.Atoi(m[3])
	if pred < 10 || pred > 15 {
		t.Fatalf("/Predictor %d is not a PNG predictor", pred)
	}
	return dict, unfilter(t, data, colors, columns)
}

func checkImageDict(t *testing.T, dict string, w, h int, space string) {
	t.Helper()
	for _, want := range []string{"/Type /XObject", "/Subtype /Image", fmt.Sprintf("/Width %d /Height %d", w, h),
		"/ColorSpace " + space + " ", "/BitsPerComponent 8"} {
		if !strings.Contains(dict, want) {
			t.Errorf("image dictionary lacks %q: %s", want, dict)
		}
	}
}

// TestImageTransparentPNG: an NRGBA PNG with partial transparency is
// RGB samples and an 8-bit soft mask, each sample as in the source.
func TestImageTransparentPNG(t *testing.T) {
	for _, size := range [][2]int{{7, 5}, {1, 1}, {1, 9}, {64, 33}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w, h := size[0], size[1]
			src := nrgbaImage(w, h)
			src.Pix[3] = 100 // even a 1×1 image is partly transparent
			im, err := NewImage(encodePNG(t, src))
			if err != nil {
				t.Fatal(err)
			}
			if im.mask == nil {
				t.Fatal("no soft mask for a transparent image")
			}
			data, ref := imageDoc(t, im, float64(w), float64(h))
			p := parsePDF(t, data)
			dict, rgb := samples(t, p, ref)
			checkImageDict(t, dict, w, h, "/DeviceRGB")
			if !strings.Contains(dict, fmt.Sprintf("/Colors 3 /Columns %d", w)) {
				t.Errorf("image dictionary %s: want 3 colours, %d columns", dict, w)
			}
			maskDict, alpha := samples(t, p, refOf(t, dict, "/SMask"))
			checkImageDict(t, maskDict, w, h, "/DeviceGray")
			if strings.Contains(maskDict, "/SMask") {
				t.Errorf("the mask has a mask: %s", maskDict)
			}
			if len(rgb) != 3*w*h || len(alpha) != w*h {
				t.Fatalf("%d colour and %d alpha samples for %d×%d pixels", len(rgb), len(alpha), w, h)
			}
			for y := range h {
				for x := range w {
					c := src.NRGBAAt(x, y)
					i := y*w + x
					if got := (color.NRGBA{rgb[3*i], rgb[3*i+1], rgb[3*i+2], alpha[i]}); got != c {
						t.Fatalf("pixel %d,%d is %v, want %v", x, y, got, c)
					}
				}
			}
			qpdfCheck(t, data)
		})
	}
}

// TestImageNoisePNG: random samples reach every branch of the Paeth
// predictor, ties included, in colour, alpha and gray.
func TestImageNoisePNG(t *testing.T) {
	const w, h = 50, 40
	rng := rand.New(rand.NewPCG(10, 11))
	src := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range src.Pix {
		src.Pix[i] = uint8(rng.Uint32())
	}
	gray := image.NewGray(image.Rect(0, 0, w, h))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(rng.Uint32())
	}
	data, ref := imageDoc(t, mustImage(t, encodePNG(t, src)), w, h)
	p := parsePDF(t, data)
	dict, rgb := samples(t, p, ref)
	_, alpha := samples(t, p, refOf(t, dict, "/SMask"))
	for i := range w * h {
		got := []byte{rgb[3*i], rgb[3*i+1], rgb[3*i+2], alpha[i]}
		if !bytes.Equal(got, src.Pix[4*i:4*i+4]) {
			t.Fatalf("pixel %d,%d is %v, want %v", i%w, i/w, got, src.Pix[4*i:4*i+4])
		}
	}
	data, ref = imageDoc(t, mustImage(t, encodePNG(t, gray)), w, h)
	if _, g := samples(t, parsePDF(t, data), ref); !bytes.Equal(g, gray.Pix) {
		t.Error("gray noise does not come back")
	}
}

// TestImagePalettedPNG: an opaque paletted PNG is RGB without a mask; a
// palette with a transparent entry gets one.
func TestImagePalettedPNG(t *testing.T) {
	pal := color.Palette{
		color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}, color.RGBA{0, 0, 255, 255},
		color.RGBA{255, 255, 255, 255}, color.RGBA{10, 20, 30, 255},
	}
	const w, h = 6, 4
	src := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	for y := range h {
		for x := range w {
			src.SetColorIndex(x, y, uint8((x+y)%len(pal)))
		}
	}
	im, err := NewImage(encodePNG(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if im.mask != nil {
		t.Error("an opaque image has a mask")
	}
	data, ref := imageDoc(t, im, w, h)
	p := parsePDF(t, data)
	dict, rgb := samples(t, p, ref)
	checkImageDict(t, dict, w, h, "/DeviceRGB")
	if strings.Contains(dict, "/SMask") {
		t.Errorf("an opaque image has a mask: %s", dict)
	}
	for y := range h {
		for x := range w {
			c := pal[(x+y)%len(pal)].(color.RGBA)
			i := 3 * (y*w + x)
			if rgb[i] != c.R || rgb[i+1] != c.G || rgb[i+2] != c.B {
				t.Errorf("pixel %d,%d is %v, want %v", x, y, rgb[i:i+3], c)
			}
		}
	}

	// A transparent palette entry.
	tpal := append(color.Palette{color.NRGBA{0, 0, 0, 0}}, pal...)
	src = image.NewPaletted(image.Rect(0, 0, w, h), tpal)
	src.SetColorIndex(2, 1, 1)
	im, err = NewImage(encodePNG(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if im.mask == nil {
		t.Fatal("no mask for a palette with a transparent entry")
	}
	data, ref = imageDoc(t, im, w, h)
	p = parsePDF(t, data)
	dict, _ = samples(t, p, ref)
	_, alpha := samples(t, p, refOf(t, dict, "/SMask"))
	for i, a := range alpha {
		want := byte(0)
		if i == 1*w+2 {
			want = 255
		}
		if a != want {
			t.Errorf("alpha of pixel %d,%d is %d, want %d", i%w, i/w, a, want)
		}
	}
}

// TestImageGrayPNG: gray PNGs, 8 and 16 bits, are DeviceGray samples.
func TestImageGrayPNG(t *testing.T) {
	const w, h = 9, 3
	g8 := image.NewGray(image.Rect(0, 0, w, h))
	g16 := image.NewGray16(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			v := uint8(x*28 + y*3)
			g8.SetGray(x, y, color.Gray{v})
			g16.SetGray16(x, y, color.Gray16{uint16(v)<<8 | uint16(255-v)})
		}
	}
	for name, src := range map[string]image.Image{"8 bits": g8, "16 bits": g16} {
		im, err := NewImage(encodePNG(t, src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if im.mask != nil || im.space != "/DeviceGray" {
			t.Errorf("%s: space %s, mask %v; want /DeviceGray without mask", name, im.space, im.mask != nil)
		}
		data, ref := imageDoc(t, im, w, h)
		p := parsePDF(t, data)
		dict, gray := samples(t, p, ref)
		checkImageDict(t, dict, w, h, "/DeviceGray")
		if !strings.Contains(dict, fmt.Sprintf("/Colors 1 /Columns %d", w)) || strings.Contains(dict, "/SMask") {
			t.Errorf("%s: image dictionary %s", name, dict)
		}
		if len(gray) != w*h {
			t.Fatalf("%s: %d samples for %d pixels", name, len(gray), w*h)
		}
		// 16-bit samples are cut to their high byte, v.
		for y := range h {
			for x := range w {
				if want := uint8(x*28 + y*3); gray[y*w+x] != want {
					t.Errorf("%s: pixel %d,%d is %d, want %d", name, x, y, gray[y*w+x], want)
				}
			}
		}
	}
}

// TestImageJPEG: JPEG data is embedded as it is, with the colour space
// of its components.
func TestImageJPEG(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 16, 8))
	rgb := image.NewRGBA(image.Rect(0, 0, 10, 20))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i * 7)
	}
	for i := range rgb.Pix {
		rgb.Pix[i] = uint8(i * 13)
	}
	for _, tt := range []struct {
		name  string
		img   image.Image
		space string
	}{
		{"gray", gray, "/DeviceGray"},
		{"rgb", rgb, "/DeviceRGB"},
	} {
		jpg := encodeJPEG(t, tt.img)
		im, err := NewImage(jpg)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		b := tt.img.Bounds()
		data, ref := imageDoc(t, im, float64(b.Dx()), float64(b.Dy()))
		p := parsePDF(t, data)
		dict, stored := p.stream(t, ref)
		checkImageDict(t, dict, b.Dx(), b.Dy(), tt.space)
		if !strings.Contains(dict, "/Filter /DCTDecode") || strings.Contains(dict, "Flate") ||
			strings.Contains(dict, "/DecodeParms") || strings.Contains(dict, "/Decode ") || strings.Contains(dict, "/SMask") {
			t.Errorf("%s: image dictionary %s", tt.name, dict)
		}
		if !bytes.Equal(stored, jpg) {
			t.Errorf("%s: the JPEG data is not embedded as it is (%d bytes stored, %d given)", tt.name, len(stored), len(jpg))
		}
		qpdfCheck(t, data)
	}
}

// TestImageDamaged: what is not a PNG or JPEG, or a damaged one, is an
// error, not a panic.
func TestImageDamaged(t *testing.T) {
	good := encodePNG(t, nrgbaImage(20, 20))
	jpg := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	cases := map[string][]byte{
		"nil":                 nil,
		"empty":               {},
		"text":                []byte("this is not an image"),
		"garbage":             bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 64),
		"PNG signature only":  good[:8],
		"PNG header only":     good[:33],
		"PNG cut in its data": good[:len(good)/2],
		"PNG without IEND":    good[:len(good)-12],
		"JPEG marker only":    jpg[:2],
		"PDF":                 []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
	}
	// A PNG whose image data is corrupted: the CRC catches it.
	bad := bytes.Clone(good)
	idat := bytes.Index(bad, []byte("IDAT"))
	bad[idat+10] ^= 0xff
	cases["PNG with a damaged IDAT"] = bad
	for name, data := range cases {
		var im *Image
		var err error
		if msg := panics(func() { im, err = NewImage(data) }); msg != nil {
			t.Errorf("%s: NewImage panics: %v", name, msg)
			continue
		}
		if err == nil || im != nil {
			t.Errorf("%s: NewImage = %v, %v; want an error", name, im, err)
		}
	}
}

// TestImageRandomDamage flips bytes of a PNG and a JPEG: NewImage may
// accept or refuse them but must not panic.
func TestImageRandomDamage(t *testing.T) {
	inputs := [][]byte{encodePNG(t, nrgbaImage(12, 9)), encodeJPEG(t, nrgbaImage(12, 9))}
	rng := rand.New(rand.NewPCG(8, 9))
	for range 500 {
		for _, in := range inputs {
			data := bytes.Clone(in)
			for range 1 + rng.IntN(4) {
				data[rng.IntN(len(data))] = byte(rng.Uint32())
			}
			data = data[:rng.IntN(len(data)+1)]
			if msg := panics(func() { NewImage(data) }); msg != nil {
				t.Fatalf("NewImage(% x) panics: %v", data, msg)
			}
		}
	}
}

// TestImageSize: Size counts the samples and the mask.
func TestImageSize(t *testing.T) {
	im, err := NewImage(encodePNG(t, nrgbaImage(10, 10)))
	if err != nil {
		t.Fatal(err)
	}
	data, ref := imageDoc(t, im, 10, 10)
	p := parsePDF(t, data)
	dict, a := p.stream(t, ref)
	_, b := p.stream(t, refOf(t, dict, "/SMask"))
	if im.Size() != len(a)+len(b) {
		t.Errorf("Size %d, but the image and mask streams hold %d bytes", im.Size(), len(a)+len(b))
	}
}

// TestImagePdfimages lists and extracts the images with poppler: sizes,
// colour spaces, the soft mask, and every sample.
func TestImagePdfimages(t *testing.T) {
	tool(t, "pdfimages")
	const w, h = 13, 7
	src := nrgbaImage(w, h)
	im, err := NewImage(encodePNG(t, src))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := imageDoc(t, im, 2*w, 2*h)
	path := writeTemp(t, "image.pdf", data)
	out, errs := run(t, "pdfimages", "-list", path)
	if errs != "" {
		t.Errorf("pdfimages complains:\n%s", errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("pdfimages lists %d images, want an image and its mask:\n%s", len(lines)-2, out)
	}
	// page num type width height color comp bpc enc interp object ID …
	for i, want := range [][]string{
		{"1", "0", "image", strconv.Itoa(w), strconv.Itoa(h), "rgb", "3", "8", "image"},
		{"1", "1", "smask", strconv.Itoa(w), strconv.Itoa(h), "gray", "1", "8", "image"},
	} {
		f := strings.Fields(lines[2+i])
		if len(f) < len(want) || strings.Join(f[:len(want)], " ") != strings.Join(want, " ") {
			t.Errorf("pdfimages -list line %d: %q, want it to start %q", i, lines[2+i], strings.Join(want, " "))
		}
	}

	// Extracted, the image and the mask are the source's colour and alpha.
	prefix := filepath.Join(filepath.Dir(path), "x")
	run(t, "pdfimages", "-png", path, prefix)
	colour := readPNG(t, prefix+"-000.png")
	mask := readPNG(t, prefix+"-001.png")
	for y := range h {
		for x := range w {
			c := src.NRGBAAt(x, y)
			r, g, b, _ := colour.At(x, y).RGBA()
			a, _, _, _ := mask.At(x, y).RGBA()
			if got := (color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}); got != c {
				t.Fatalf("pdfimages extracts pixel %d,%d as %v, want %v", x, y, got, c)
			}
		}
	}

	// A JPEG is listed as one.
	jdata, _ := imageDoc(t, mustImage(t, encodeJPEG(t, image.NewGray(image.Rect(0, 0, 24, 16)))), 24, 16)
	out, _ = run(t, "pdfimages", "-list", writeTemp(t, "jpeg.pdf", jdata))
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("pdfimages lists %d images, want 1:\n%s", len(lines)-2, out)
	}
	if f := strings.Fields(lines[2]); len(f) < 9 || strings.Join(f[2:9], " ") != "image 24 16 gray 1 8 jpeg" {
		t.Errorf("pdfimages -list: %q, want a 24×16 gray JPEG", lines[2])
	}
}

func mustImage(t *testing.T, data []byte) *Image {
	t.Helper()
	im, err := NewImage(data)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestImageRenders draws images with poppler, 10 points a pixel: an
// opaque one shows its colours, a transparent one its colours blended
// with the white page by its alpha.
func TestImageRenders(t *testing.T) {
	const w, h, scale = 6, 4, 10
	src := nrgbaImage(w, h)
	opaque := image.NewNRGBA(src.Rect)
	copy(opaque.Pix, src.Pix)
	for i := 3; i < len(opaque.Pix); i += 4 {
		opaque.Pix[i] = 255
	}
	for name, img := range map[string]*image.NRGBA{"opaque": opaque, "transparent": src} {
		im := mustImage(t, encodePNG(t, img))
		data, _ := imageDoc(t, im, w*scale, h*scale)
		out := render(t, data)
		if b := out.Bounds(); b.Dx() != w*scale || b.Dy() != h*scale {
			t.Fatalf("%s: rendered %v, want %d×%d", name, b, w*scale, h*scale)
		}
		for y := range h {
			for x := range w {
				c := img.NRGBAAt(x, y)
				blend := func(v uint8) int { return (int(v)*int(c.A) + 255*(255-int(c.A)) + 127) / 255 }
				want := [3]int{blend(c.R), blend(c.G), blend(c.B)}
				// The first image row is the top one.
				r, g, b, _ := out.At(x*scale+scale/2, y*scale+scale/2).RGBA()
				got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
				for i := range got {
					if d := got[i] - want[i]; d < -3 || d > 3 {
						t.Errorf("%s: pixel %d,%d renders as %v, want %v", name, x, y, got, want)
						break
					}
				}
			}
		}
	}
}
