package layouts_test

import (
	"bytes"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/render"
	"handbill/source"
	"handbill/text"
)

// fuzzEnv is what the layout fuzz targets share within one worker process:
// an engine and the built-in content resolved in English and Spanish.
var fuzzEnv = sync.OnceValues(func() (*text.Engine, []*content.Doc) {
	set, err := content.Load("")
	if err != nil {
		panic(err)
	}
	var docs []*content.Doc
	for _, tag := range []language.Tag{language.English, language.Spanish} {
		d, err := set.Resolve(tag, "community", "US")
		if err != nil {
			panic(err)
		}
		docs = append(docs, d)
	}
	return text.NewEngine(fonts.Builtin()), docs
})

// positioned fails t unless err is a *source.Diagnostic naming a file and,
// when wantFile is given, that file at a line and column.
func positioned(t *testing.T, what string, err error, wantFile string) {
	t.Helper()
	var ce *source.Diagnostic
	if !errors.As(err, &ce) {
		t.Fatalf("%s: error without a position: %T %v", what, err, err)
	}
	if ce.Pos.File == "" || ce.Message == "" {
		t.Fatalf("%s: error without a file or message: %#v", what, ce)
	}
	if wantFile != "" && (ce.Pos.File != wantFile || ce.Pos.Line < 1 || ce.Pos.Col < 1) {
		t.Fatalf("%s: error not at a line and column of %s: %v", what, wantFile, err)
	}
}

// FuzzParseLayout: whatever the bytes, layouts.Parse returns a layout or
// a *source.Diagnostic at a line and column of the file; it never panics. A
// layout that parses is composed (its first output, in English; in English
// and Spanish for a multi-language one) and written as PDF: errors are
// fine, if they carry a position, but not panics, nor minutes of work.
// Run with `go test -fuzz FuzzParseLayout ./layouts`.
func FuzzParseLayout(f *testing.F) {
	for _, name := range []string{"poster", "sticker", "wallet-card", "poster-multilang"} {
		src, err := layouts.BuiltinSource(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"", "name: x\n", "name: x\ndescription: d\nproduct: poster\nsizes: []\nstyles: {}\npages: []\n",
		miniLayout("{type: text, text: \"{headline}\", style: body, box: [0, 0, 100%, 20%]}"),
		miniLayout("{type: text, text: \"{headline}\", style: body, box: [0, 0, 0, 0]}"),
		miniLayout("{type: text, text: \"{headline}\", style: body, box: [0, 0, -5in, 1e9pt]}"),
		miniLayout("{type: list, items: signs, style: body, max: -1, box: [0, 0, 100%, 1pt]}"),
		miniLayout("{type: tabs, text: \"{hotline}\", style: body, count: 1000000, box: [0, 80%, 100%, 20%]}"),
		miniLayout("{type: qr, content: \"https://{web}\", box: [0, 0, 1pt, 1pt]}"),
		miniLayout("{type: rule, dash: [0, 0], width: -3, box: [0, 50%, 100%, 0]}"),
		miniLayout("{type: panels, direction: rows, gap: 200%, box: [0, 0, 100%, 100%], blocks: [{type: panels, box: [0, 0, 100%, 100%], blocks: []}]}"),
		miniLayout("{type: image, src: /dev/zero, box: [0, 0, 10%, 10%]}"),
		miniLayout("{type: text, text: \"{nope}\", style: nostyle, box: [0, 0, 100%, 20%]}"),
		miniLayout("{type: rect, area: nowhere, fill: \"#zzzzzz\", box: [0, 0, 100%, 20%]}"),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := layouts.Parse("f.yaml", data)
		if err != nil {
			positioned(t, "Parse", err, "f.yaml")
			return
		}
		ts := layouts.Targets(l)
		if len(ts) == 0 {
			return
		}
		e, docs := fuzzEnv()
		if !ts[0].Multilingual() {
			docs = docs[:1]
		}
		start := time.Now()
		doc, err := layouts.Compose(e, ts[0], docs)
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("composing %s took %s", ts[0].Name(), d)
		}
		if err != nil {
			positioned(t, "Compose", err, "")
			return
		}
		if err := render.Write(io.Discard, doc); err != nil {
			t.Logf("Write: %v", err)
		}
	})
}

// miniLayout is a one-page poster layout with one style and the block b.
func miniLayout(b string) string {
	return "name: fuzz\ndescription: fuzz\nproduct: poster\nsizes:\n  - {suffix: letter, size: letter}\n" +
		"styles:\n  body: {size: [8, 24]}\npages:\n  - blocks:\n      - " + b + "\n"
}

// logoLayout is a poster with the organisation's logo and a headline.
const logoLayout = `name: logo
description: a poster with a logo
product: poster
sizes:
  - {suffix: letter, size: letter}
styles:
  body: {size: [12, 24]}
pages:
  - blocks:
      - {type: image, src: logo, box: [0, 0, 30%, 10%]}
      - {type: text, text: "{org_name}", style: body, box: [0, 12%, 100%, 10%]}
`

// FuzzLogo feeds bytes to a real build as an organisation's logo: a
// content file names logo.png, the bytes are that file, and a poster with
// the logo is composed and written as PDF. Loading and composing may fail
// with a *source.Diagnostic at the logo's line in the content file; an image
// they accept must then be written without error. Nothing panics, and a
// hostile image (a header claiming 100000×100000 pixels, a truncated or
// damaged file) is refused before it is decoded in full. Run with
// `go test -fuzz FuzzLogo ./layouts`.
func FuzzLogo(f *testing.F) {
	for _, seed := range logoSeeds() {
		f.Add(seed)
	}
	dir, err := os.MkdirTemp("", "fuzzlogo")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { os.RemoveAll(dir) })
	contentFile := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(contentFile, []byte("organization:\n  name: Fuzz Clinic\n  logo: logo.png\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	l, err := layouts.Parse("logo.yaml", []byte(logoLayout))
	if err != nil {
		f.Fatal(err)
	}
	target := layouts.Targets(l)[0]
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, "logo.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := content.Load(contentFile)
		if err != nil {
			positioned(t, "Load", err, contentFile)
			return
		}
		d, err := set.Resolve(language.English, "", "US")
		if err != nil {
			t.Fatal(err)
		}
		e, _ := fuzzEnv()
		doc, err := layouts.Compose(e, target, []*content.Doc{d})
		if err != nil {
			positioned(t, "Compose", err, contentFile)
			return
		}
		if err := render.Write(io.Discard, doc); err != nil {
			t.Fatalf("the logo composes, but the PDF is not written: %v", err)
		}
	})
}

// logoSeeds are small images of each kind the decoders handle, and some
// broken ones.
func logoSeeds() [][]byte {
	encPNG := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			panic(err)
		}
		return b.Bytes()
	}
	encJPEG := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 50}); err != nil {
			panic(err)
		}
		return b.Bytes()
	}
	r := image.Rect(0, 0, 6, 4)
	rgba := image.NewRGBA(r)
	nrgba := image.NewNRGBA(r)
	gray := image.NewGray(r)
	gray16 := image.NewGray16(r)
	rgba64 := image.NewNRGBA64(r)
	pal := image.NewPaletted(r, color.Palette{color.Black, color.Transparent, color.RGBA{200, 0, 0, 255}})
	for y := range 4 {
		for x := range 6 {
			c := color.NRGBA{uint8(40 * x), uint8(60 * y), 90, uint8(255 - 30*x)}
			rgba.Set(x, y, c)
			nrgba.Set(x, y, c)
			gray.Set(x, y, c)
			gray16.Set(x, y, c)
			rgba64.Set(x, y, c)
			pal.SetColorIndex(x, y, uint8((x+y)%3))
		}
	}
	full := encPNG(rgba)
	seeds := [][]byte{
		full, encPNG(nrgba), encPNG(gray), encPNG(gray16), encPNG(rgba64), encPNG(pal),
		encJPEG(rgba), encJPEG(gray),
		full[:len(full)/2], // truncated PNG
		full[:33],          // signature and header only
		hugePNGHeader(100000, 100000),
		hugePNGHeader(0x7fffffff, 1),
		[]byte("\x89PNG\r\n\x1a\n"),
		[]byte("\xff\xd8\xff\xe0garbage"),
		append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...),
	}
	return seeds
}

// hugePNGHeader is the start of a PNG claiming w×h RGBA pixels: a valid
// signature and header chunk (with its CRC), then an empty IDAT and IEND.
func hugePNGHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := []byte{byte(w >> 24), byte(w >> 16), byte(w >> 8), byte(w), byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h), 8, 6, 0, 0, 0}
	writeChunk(&b, "IHDR", ihdr)
	writeChunk(&b, "IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	writeChunk(&b, "IEND", nil)
	return b.Bytes()
}

func writeChunk(b *bytes.Buffer, kind string, data []byte) {
	n := uint32(len(data))
	b.Write([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	b.WriteString(kind)
	b.Write(data)
	s := crc.Sum32()
	b.Write([]byte{byte(s >> 24), byte(s >> 16), byte(s >> 8), byte(s)})
}
