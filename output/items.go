package output

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"sort"

	"codeberg.org/go-pdf/fpdf"

	"handbill/frame"
)

// drawQR draws a QR code as one filled path of squares: sharp at any
// size, unlike a raster image.
func drawQR(pdf *fpdf.Fpdf, pt *painter, q *frame.QR) {
	n := len(q.Modules)
	if n == 0 {
		return
	}
	m := q.Size / float64(n)
	pt.fill(q.Color)
	for y, row := range q.Modules {
		// Runs of dark modules become one rectangle each; a hair of overlap
		// keeps viewers from showing seams between them.
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			pdf.Rect(q.X+float64(start)*m, q.Y+float64(y)*m, float64(x-start)*m+0.01, m+0.01, "F")
		}
	}
}

// drawImage places a PNG or JPEG file; images are registered once per
// document under their path.
func drawImage(pdf *fpdf.Fpdf, im *frame.Image) (err error) {
	// Layouts check images before they get here; should fpdf still choke
	// on one, the document fails, the program does not.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: cannot embed the image: %v", im.Path, r)
		}
	}()
	data, err := os.ReadFile(im.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", im.Path, err)
	}
	tp := "png"
	if bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
		tp = "jpg"
	}
	opt := fpdf.ImageOptions{ImageType: tp}
	if pdf.GetImageInfo(im.Path) == nil {
		pdf.RegisterImageOptionsReader(im.Path, opt, bytes.NewReader(data))
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("%s: %w", im.Path, err)
		}
	}
	pdf.ImageOptions(im.Path, im.X, im.Y, im.W, im.H, false, opt, 0, "")
	return pdf.Error()
}

// setPageBoxes writes the trim and bleed boxes of a print-shop page. PDF
// boxes are measured from the bottom left.
func setPageBoxes(pdf *fpdf.Fpdf, p *frame.Page) {
	boxes := []struct {
		name string
		b    *frame.Box
	}{{"trim", p.Trim}, {"bleed", p.Bleed}}
	for _, x := range boxes {
		if x.b != nil {
			pdf.SetPageBox(x.name, x.b.X, p.H-x.b.Y-x.b.H, x.b.W, x.b.H)
		}
	}
}

// boxLines matches a run of page box entries in a page object.
var boxLines = regexp.MustCompile(`(?m)(^/(?:TrimBox|BleedBox|CropBox|ArtBox) \[[^\]]*\]\n)+`)

// sortPageBoxes puts each page's box entries in a fixed order: fpdf writes
// them from a map, in random order, which would make the same input give
// different bytes. The entries keep their lengths, so offsets stay right.
func sortPageBoxes(pdf []byte) []byte {
	return boxLines.ReplaceAllFunc(pdf, func(run []byte) []byte {
		lines := bytes.SplitAfter(run, []byte("\n"))
		sort.Slice(lines, func(i, j int) bool { return bytes.Compare(lines[i], lines[j]) < 0 })
		return bytes.Join(lines, nil)
	})
}
