package preview

import (
	"fmt"
	"image"
	"image/draw"
	"math"

	"handbill/frame"
)

// MaxPixels bounds the pixels of one rasterised page (a Tabloid poster at
// 600 dpi is 61 million).
const MaxPixels = 100_000_000

// pager draws one page's items: k is pixels per point.
type pager struct {
	img *image.RGBA
	k   float64
}

// Size returns the size in pixels of page p rasterised at dpi, as Page
// makes it.
func Size(p *frame.Page, dpi float64) image.Point {
	k := dpi / 72
	return image.Pt(max(1, int(math.Ceil(p.W*k-1e-9))), max(1, int(math.Ceil(p.H*k-1e-9))))
}

// Page rasterises one composed page at dpi pixels per inch on white.
func Page(p *frame.Page, dpi float64) (*image.RGBA, error) {
	if p == nil {
		return nil, fmt.Errorf("preview: no page")
	}
	if !(dpi > 0) || math.IsInf(dpi, 0) {
		return nil, fmt.Errorf("preview: a resolution of %g dpi: give a number of dots per inch above 0", dpi)
	}
	if !(p.W > 0 && p.H > 0) {
		return nil, fmt.Errorf("preview: a page of %gx%g pt has no area", p.W, p.H)
	}
	if px := (p.W * dpi / 72) * (p.H * dpi / 72); px > MaxPixels {
		return nil, fmt.Errorf("preview: a %gx%g pt page at %g dpi is %.0f million pixels, more than %d million: choose a lower --dpi",
			p.W, p.H, dpi, px/1e6, MaxPixels/1_000_000)
	}
	sz := Size(p, dpi)
	img := image.NewRGBA(image.Rectangle{Max: sz})
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	pg := &pager{img: img, k: dpi / 72}
	for _, it := range p.Items {
		if err := pg.item(it); err != nil {
			return nil, err
		}
	}
	return img, nil
}

// item draws one item, in the page's order (later items over earlier).
func (pg *pager) item(it frame.Item) error {
	switch it := it.(type) {
	case *frame.Text:
		pg.text(it)
	case *frame.Rect:
		pg.rect(it)
	case *frame.Rule:
		pg.rule(it)
	case *frame.QR:
		pg.qr(it)
	case *frame.Image:
		return pg.image(it)
	default:
		return fmt.Errorf("preview: cannot draw %T", it)
	}
	return nil
}

// text draws a paragraph's glyphs where the PDF writer puts them: each
// glyph's origin at its line's X plus its run's X plus its own offset,
// on its line's baseline plus its own offset (y down), from the text's
// top-left corner, turned counter-clockwise about that corner by Rotate.
func (pg *pager) text(t *frame.Text) {
	p := t.Para
	if p == nil {
		return
	}
	a := t.Rotate * math.Pi / 180
	cos, sin := math.Cos(a), math.Sin(a)
	c := image.NewUniform(rgba(t.Color))
	k := pg.k
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			if r.Face == nil {
				continue
			}
			fo := outlinesOf(r.Face)
			if fo == nil {
				continue
			}
			ppem := r.Size * k
			for _, cl := range r.Clusters {
				for _, g := range cl.Glyphs {
					u, v := l.X+r.X+g.X, l.Baseline+g.Y
					x := (t.X + cos*u + sin*v) * k
					y := (t.Y - sin*u + cos*v) * k
					drawGlyph(pg.img, fo, g.ID, ppem, x, y, t.Rotate, r.Face.SynthBold, g.Y != 0, c)
				}
			}
		}
	}
}
