package preview_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"handbill/frame"
	"handbill/preview"
)

// TestEncodePNG: what EncodePNG writes decodes to the same pixels, for a
// page and for images it hands to the standard library's encoder.
func TestEncodePNG(t *testing.T) {
	red := frame.Color{R: 200, G: 20, B: 30}
	page, err := preview.Page(&frame.Page{W: 300, H: 200, Items: []frame.Item{
		&frame.Rect{X: 10.3, Y: 10.7, W: 100, H: 50, Fill: &red},
		&frame.Rule{X1: 0, Y1: 0, X2: 300, Y2: 200, Width: 3, Color: frame.Black},
	}}, 97)
	if err != nil {
		t.Fatal(err)
	}
	sub := page.SubImage(image.Rect(5, 7, 120, 90)).(*image.RGBA)
	translucent := image.NewRGBA(image.Rect(0, 0, 20, 10))
	translucent.Set(3, 4, color.RGBA{10, 20, 30, 40})
	gray := image.NewGray(image.Rect(0, 0, 7, 3))
	gray.Pix[5] = 99
	for name, img := range map[string]image.Image{"page": page, "part of a page": sub, "translucent": translucent, "gray": gray} {
		var b bytes.Buffer
		if err := preview.EncodePNG(&b, img); err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(&b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if back.Bounds().Size() != img.Bounds().Size() {
			t.Fatalf("%s: decodes to %v, want %v", name, back.Bounds().Size(), img.Bounds().Size())
		}
		bad := 0
		r := img.Bounds()
		for y := range r.Dy() {
			for x := range r.Dx() {
				if color.NRGBAModel.Convert(back.At(x, y)) != color.NRGBAModel.Convert(img.At(r.Min.X+x, r.Min.Y+y)) {
					bad++
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d pixels differ after a round trip", name, bad)
		}
	}
}
