package preview

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"sync"

	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/frame"
	"handbill/text"
)

// Thumb is one page of a contact sheet and the caption under it.
type Thumb struct {
	Page    *frame.Page
	Caption string
}

// The contact sheet's geometry, in pixels.
const (
	sheetMargin  = 16
	sheetGap     = 16
	thumbWidth   = 220 // a column's width, about
	captionSize  = 12  // caption type size (1 pt = 1 px on the sheet)
	captionLines = 2   // lines a caption may take; more are cut
	minCell      = 48  // a column narrower than this shows nothing legible
)

var (
	sheetBackground = color.RGBA{0xe6, 0xe6, 0xe6, 0xff}
	thumbBorder     = color.RGBA{0x99, 0x99, 0x99, 0xff}
	captionColor    = frame.Color{R: 0x1a, G: 0x1a, B: 0x1a}
)

// captions sets captions with the built-in fonts, every script.
var captions struct {
	sync.Mutex
	e *text.Engine
}

// caption lays out a caption in a column w pixels wide.
func caption(s string, w float64) (*text.Paragraph, error) {
	captions.Lock()
	defer captions.Unlock()
	if captions.e == nil {
		captions.e = text.NewEngine(fonts.Builtin())
	}
	return captions.e.Layout(s, text.Style{Lang: language.Und, Size: captionSize, Align: text.Center}, w)
}

// Sheet lays out thumbnails of many pages (each with a caption) as one
// contact sheet width pixels wide: columns about 220 pixels wide, each
// page scaled to its column's width (and to at most one and a half times
// that in height), its caption centred under it, on grey.
func Sheet(pages []Thumb, width int) (*image.RGBA, error) {
	if len(pages) == 0 {
		return nil, fmt.Errorf("preview: a contact sheet of no pages")
	}
	cols := max(1, min(len(pages), (width-2*sheetMargin+sheetGap)/(thumbWidth+sheetGap)))
	cell := (width - 2*sheetMargin - (cols-1)*sheetGap) / cols
	if cell < minCell {
		return nil, fmt.Errorf("preview: a contact sheet %d pixels wide: give at least %d", width, minCell+2*sheetMargin)
	}
	// Each page's resolution, so that it fills its cell.
	dpis := make([]float64, len(pages))
	sizes := make([]image.Point, len(pages))
	paras := make([]*text.Paragraph, len(pages))
	for i, t := range pages {
		if t.Page == nil || !(t.Page.W > 0 && t.Page.H > 0) {
			return nil, fmt.Errorf("preview: contact sheet page %d has no area", i+1)
		}
		dpis[i] = 72 * min(float64(cell)/t.Page.W, 1.5*float64(cell)/t.Page.H)
		sizes[i] = Size(t.Page, dpis[i])
		if t.Caption != "" {
			p, err := caption(t.Caption, float64(cell))
			if err != nil {
				return nil, fmt.Errorf("preview: the caption %q: %w", t.Caption, err)
			}
			paras[i] = p
		}
	}
	captionH := int(math.Ceil(captionSize * 1.3 * captionLines))
	// Rows: as tall as their tallest page, plus the captions.
	var rowY []int
	y := sheetMargin
	for i := 0; i < len(pages); i += cols {
		rowY = append(rowY, y)
		h := 0
		for j := i; j < min(i+cols, len(pages)); j++ {
			h = max(h, sizes[j].Y)
		}
		y += h + 6 + captionH + sheetGap
	}
	height := y - sheetGap + sheetMargin
	if float64(width)*float64(height) > MaxPixels {
		return nil, fmt.Errorf("preview: a contact sheet of %d pages %d pixels wide is too big: give a smaller width or fewer pages", len(pages), width)
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), image.NewUniform(sheetBackground), image.Point{}, draw.Src)

	// The pages, rasterised in parallel.
	thumbs := make([]*image.RGBA, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Go(func() {
			for i := range next {
				thumbs[i], errs[i] = Page(pages[i].Page, dpis[i])
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("preview: contact sheet page %d (%s): %w", i+1, pages[i].Caption, err)
		}
	}
	pg := &pager{img: img, k: 1}
	for i, th := range thumbs {
		row, col := i/cols, i%cols
		cx := sheetMargin + col*(cell+sheetGap)
		x := cx + (cell-sizes[i].X)/2
		y := rowY[row]
		fillRing(img, span{float64(x - 1), float64(x + sizes[i].X + 1)}, span{float64(y - 1), float64(y + sizes[i].Y + 1)},
			span{float64(x), float64(x + sizes[i].X)}, span{float64(y), float64(y + sizes[i].Y)}, thumbBorder)
		draw.Draw(img, th.Bounds().Add(image.Pt(x, y)), th, image.Point{}, draw.Src)
		if p := paras[i]; p != nil {
			// The caption's first lines, under the tallest page of the row.
			h := 0
			for j := row * cols; j < min((row+1)*cols, len(pages)); j++ {
				h = max(h, sizes[j].Y)
			}
			cut := *p
			if len(cut.Lines) > captionLines {
				cut.Lines = cut.Lines[:captionLines]
			}
			pg.text(&frame.Text{X: float64(cx), Y: float64(y + h + 6), Para: &cut, Color: captionColor})
		}
	}
	return img, nil
}
