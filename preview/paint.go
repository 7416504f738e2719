package preview

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"

	"handbill/frame"
)

// rgba is a frame colour as it shows on screen: its RGB.
func rgba(c frame.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xff} }

// drawMask draws colour c through mask (whose bounds start at 0, 0) into
// r of dst, clipped to dst.
func drawMask(dst *image.RGBA, r image.Rectangle, c *image.Uniform, mask *image.Alpha) {
	cr := r.Intersect(dst.Bounds())
	if cr.Empty() {
		return
	}
	mp := cr.Min.Sub(r.Min)
	draw.DrawMask(dst, cr, c, image.Point{}, mask, mp, draw.Over)
}

// blend paints colour c over the pixel at offset i of dst.Pix with
// coverage a (0–1).
func blend(pix []uint8, i int, c color.RGBA, a float64) {
	if a >= 1 {
		pix[i], pix[i+1], pix[i+2], pix[i+3] = c.R, c.G, c.B, 0xff
		return
	}
	if a <= 0 {
		return
	}
	a16 := uint32(a*0xffff + 0.5)
	ia := 0xffff - a16
	p := pix[i : i+4 : i+4]
	p[0] = uint8((uint32(c.R)*a16 + uint32(p[0])*ia) / 0xffff)
	p[1] = uint8((uint32(c.G)*a16 + uint32(p[1])*ia) / 0xffff)
	p[2] = uint8((uint32(c.B)*a16 + uint32(p[2])*ia) / 0xffff)
	p[3] = uint8((0xff*a16 + uint32(p[3])*ia) / 0xffff)
}

// span is a half-open interval of pixels and how much of each its edges
// cover: coverage(i) for pixel i.
type span struct{ lo, hi float64 }

func (s span) coverage(i int) float64 {
	return max(0, min(float64(i+1), s.hi)-max(float64(i), s.lo))
}

// snap rounds a span to whole pixels, keeping at least one pixel of a
// span that is not empty, as PDF viewers adjust rectangles and thin
// lines (poppler's stroke adjustment): edges stay sharp, and a hairline
// shows at any resolution.
func (s span) snap() span {
	if s.hi <= s.lo {
		return span{}
	}
	lo, hi := math.Round(s.lo), math.Round(s.hi)
	if hi <= lo {
		hi = lo + 1
	}
	return span{lo, hi}
}

// snapRing snaps a ring's outer and inner spans, keeping at least a pixel
// of ring on each side.
func snapRing(ox, oy, ix, iy span) (span, span, span, span) {
	ox, oy = ox.snap(), oy.snap()
	if ix.hi <= ix.lo || iy.hi <= iy.lo {
		return ox, oy, span{}, span{}
	}
	ix = span{max(math.Round(ix.lo), ox.lo+1), min(math.Round(ix.hi), ox.hi-1)}
	iy = span{max(math.Round(iy.lo), oy.lo+1), min(math.Round(iy.hi), oy.hi-1)}
	return ox, oy, ix, iy
}

// fillRing fills the axis-aligned rectangle outer minus the rectangle
// inner (in pixels; inner may be empty), its edges snapped to whole
// pixels (snapRing).
func fillRing(dst *image.RGBA, ox, oy, ix, iy span, c color.RGBA) {
	ox, oy, ix, iy = snapRing(ox, oy, ix, iy)
	b := dst.Bounds()
	x0, x1 := max(b.Min.X, int(math.Floor(ox.lo))), min(b.Max.X, int(math.Ceil(ox.hi)))
	y0, y1 := max(b.Min.Y, int(math.Floor(oy.lo))), min(b.Max.Y, int(math.Ceil(oy.hi)))
	if x0 >= x1 || y0 >= y1 {
		return
	}
	hasInner := ix.hi > ix.lo && iy.hi > iy.lo
	// The columns wholly inside inner, skipped on rows wholly inside it.
	skip0, skip1 := 0, 0
	if hasInner {
		skip0, skip1 = int(math.Ceil(ix.lo)), int(math.Floor(ix.hi))
	}
	cov := make([]float64, x1-x0)
	icov := make([]float64, x1-x0)
	for x := x0; x < x1; x++ {
		cov[x-x0] = ox.coverage(x)
		if hasInner {
			icov[x-x0] = ix.coverage(x)
		}
	}
	var row []uint8 // a full row of colour, copied onto whole pixels
	for y := y0; y < y1; y++ {
		cy := oy.coverage(y)
		icy := 0.0
		if hasInner {
			icy = iy.coverage(y)
		}
		base := dst.PixOffset(0, y)
		for x := x0; x < x1; x++ {
			if icy >= 1 && cy >= 1 && x >= skip0 && x < skip1 {
				x = skip1 - 1
				continue
			}
			a := cov[x-x0]*cy - icov[x-x0]*icy
			if a >= 1 && !hasInner {
				// A run of whole pixels: copy it.
				end := x
				for end < x1 && cov[end-x0] >= 1 {
					end++
				}
				if row == nil {
					row = make([]uint8, 4*(x1-x0))
					for i := 0; i < len(row); i += 4 {
						row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, 0xff
					}
				}
				if cy >= 1 {
					copy(dst.Pix[base+4*x:base+4*end], row)
					x = end - 1
					continue
				}
			}
			blend(dst.Pix, base+4*x, c, a)
		}
	}
}

// fillRect fills an axis-aligned rectangle given in pixels.
func fillRect(dst *image.RGBA, x, y, w, h float64, c color.RGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	fillRing(dst, span{x, x + w}, span{y, y + h}, span{}, span{}, c)
}

// path is a polygon or a set of them, in pixels.
type path [][][2]float64

// fill fills the path (non-zero winding) in colour c.
func (p path) fill(dst *image.RGBA, c color.RGBA) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range p {
		for _, q := range poly {
			minX, minY = min(minX, q[0]), min(minY, q[1])
			maxX, maxY = max(maxX, q[0]), max(maxY, q[1])
		}
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(dst.Bounds())
	if r.Empty() {
		return
	}
	z := rasterizers.Get().(*vector.Rasterizer)
	defer rasterizers.Put(z)
	z.Reset(r.Dx(), r.Dy())
	dx, dy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range p {
		for i, q := range poly {
			x, y := float32(q[0]-dx), float32(q[1]-dy)
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	}
	z.DrawOp = draw.Over
	z.Draw(dst, r, image.NewUniform(c), image.Point{})
}

// rect draws a frame rectangle: filled, then stroked (the stroke centred
// on the edges, mitred corners), as the PDF's re f / re S / re B.
func (pg *pager) rect(r *frame.Rect) {
	k := pg.k
	if r.Fill != nil {
		fillRect(pg.img, r.X*k, r.Y*k, r.W*k, r.H*k, rgba(*r.Fill))
	}
	if r.Stroke != nil {
		lw := pg.lineWidth(r.LineWidth)
		x0, y0, x1, y1 := r.X*k, r.Y*k, (r.X+r.W)*k, (r.Y+r.H)*k
		inner := [2]span{{x0 + lw/2, x1 - lw/2}, {y0 + lw/2, y1 - lw/2}}
		if inner[0].hi <= inner[0].lo || inner[1].hi <= inner[1].lo {
			inner = [2]span{}
		}
		fillRing(pg.img, span{x0 - lw/2, x1 + lw/2}, span{y0 - lw/2, y1 + lw/2}, inner[0], inner[1], rgba(*r.Stroke))
	}
}

// lineWidth is a stroke's width in pixels: PDF's width 0 is the thinnest
// line the device draws, one pixel.
func (pg *pager) lineWidth(w float64) float64 {
	if w <= 0 {
		return 1
	}
	return w * pg.k
}

// rule draws a straight line with butt ends, dashed as its pattern says
// (PDF's dash array, phase 0).
func (pg *pager) rule(r *frame.Rule) {
	k := pg.k
	x1, y1, x2, y2 := r.X1*k, r.Y1*k, r.X2*k, r.Y2*k
	lw := pg.lineWidth(r.Width)
	length := math.Hypot(x2-x1, y2-y1)
	if length == 0 {
		return
	}
	// Only the part of the line on the page is drawn (a line running far
	// off it would lose its precision in the rasteriser's float32s, and
	// its dashes could be numberless).
	lo, hi := clipLine(x1, y1, x2, y2, pg.img.Bounds(), lw+2)
	lo, hi = lo*length, hi*length
	if !(lo < hi) {
		return
	}
	c := rgba(r.Color)
	seg := func(a, b float64) { // from a to b along the line, in pixels
		a, b = max(a, lo), min(b, hi)
		if a >= b {
			return
		}
		ax, ay := x1+(x2-x1)*a/length, y1+(y2-y1)*a/length
		bx, by := x1+(x2-x1)*b/length, y1+(y2-y1)*b/length
		switch {
		case ay == by: // horizontal
			fillRect(pg.img, min(ax, bx), ay-lw/2, math.Abs(bx-ax), lw, c)
		case ax == bx: // vertical
			fillRect(pg.img, ax-lw/2, min(ay, by), lw, math.Abs(by-ay), c)
		default:
			nx, ny := -(y2-y1)/length*lw/2, (x2-x1)/length*lw/2
			path{{{ax + nx, ay + ny}, {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}}}.fill(pg.img, c)
		}
	}
	dash := r.Dash
	total := 0.0
	for _, d := range dash {
		total += max(d, 0)
	}
	if len(dash) == 0 || total <= 0 {
		seg(0, length)
		return
	}
	// Whole cycles of the pattern before the page are skipped (an odd
	// pattern's cycle is twice its length: on and off swap).
	cycle := total * k
	if len(dash)%2 == 1 {
		cycle *= 2
	}
	for at, i := math.Floor(lo/cycle)*cycle, 0; at < hi; i++ {
		d := max(dash[i%len(dash)], 0) * k
		if i%2 == 0 && d > 0 {
			seg(at, at+d)
		}
		// An odd pattern repeats with on and off swapped (PDF reads [3]
		// as [3 3]): i's parity, not its place in the pattern, says which.
		at += d
	}
}

// qr draws a QR code as one path of squares, one per run of dark
// modules, as the PDF does: adjacent modules meet without seams.
func (pg *pager) qr(q *frame.QR) {
	n := len(q.Modules)
	if n == 0 {
		return
	}
	k := pg.k
	m := q.Size / float64(n) * k
	x0, y0 := q.X*k, q.Y*k
	var p path
	q.DarkRuns(func(y, start, end int) {
		ax, bx := x0+float64(start)*m, x0+float64(end)*m
		ay, by := y0+float64(y)*m, y0+float64(y+1)*m
		p = append(p, [][2]float64{{ax, ay}, {bx, ay}, {bx, by}, {ax, by}})
	})
	p.fill(pg.img, rgba(q.Color))
}

// clipLine returns the part of the line from (x1, y1) to (x2, y2) that
// lies within margin of r, as fractions of the line (lo ≥ hi: none of
// it; NaN values give none).
func clipLine(x1, y1, x2, y2 float64, r image.Rectangle, margin float64) (lo, hi float64) {
	lo, hi = 0, 1
	dx, dy := x2-x1, y2-y1
	// Liang–Barsky: each edge of the box bounds t.
	for _, e := range [4][2]float64{
		{-dx, x1 - (float64(r.Min.X) - margin)},
		{dx, float64(r.Max.X) + margin - x1},
		{-dy, y1 - (float64(r.Min.Y) - margin)},
		{dy, float64(r.Max.Y) + margin - y1},
	} {
		p, q := e[0], e[1]
		switch {
		case math.IsNaN(p) || math.IsNaN(q):
			return 0, 0
		case p == 0:
			if q < 0 {
				return 0, 0
			}
		case p < 0:
			lo = max(lo, q/p)
		default:
			hi = min(hi, q/p)
		}
	}
	return lo, hi
}
