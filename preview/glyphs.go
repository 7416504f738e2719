package preview

import (
	"image"
	"image/draw"
	"math"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"

	"handbill/fonts"
)

// synthBoldStroke is the outline stroke, as a fraction of the font size,
// that the PDF writer gives a synthesized bold face (render's constant of
// the same name): the glyph grows by half of it on every side.
const synthBoldStroke = 0.045

// boldSupersample is how many subpixels a side a synthesized bold glyph
// is drawn with (see render).
const boldSupersample = 4

// outline is a glyph's outline in font units (y up), read once per font
// file and glyph.
type outline struct {
	segs []ot.Segment
	// box is the outline's bounding box: xmin, ymin, xmax, ymax.
	box [4]float64
	// mark: the glyph has no advance (in the PDF's thousandths of an em),
	// so the PDF draws it as an outline, not as text (render/outline.go).
	mark bool
}

// fontOutlines holds the outlines read from one font file (a synthesized
// bold shares its regular face's file).
type fontOutlines struct {
	upem float64
	mu   sync.Mutex // go-text faces are not safe for concurrent use
	face *font.Face
	gl   map[uint16]*outline
}

var outlines sync.Map // *font.Font → *fontOutlines

func outlinesOf(f *fonts.Face) *fontOutlines {
	k := f.Font()
	if k == nil {
		return nil // a face that cannot load: the text engine reports it
	}
	if fo, ok := outlines.Load(k); ok {
		return fo.(*fontOutlines)
	}
	fo, _ := outlines.LoadOrStore(k, &fontOutlines{upem: float64(k.Upem()), face: font.NewFace(k), gl: map[uint16]*outline{}})
	return fo.(*fontOutlines)
}

// glyph returns the outline of glyph gid (empty for a glyph that draws
// nothing, or is no outline: a bitmap or SVG glyph).
func (fo *fontOutlines) glyph(gid uint16) *outline {
	fo.mu.Lock()
	defer fo.mu.Unlock()
	if o, ok := fo.gl[gid]; ok {
		return o
	}
	o := &outline{mark: math.Round(float64(fo.face.HorizontalAdvance(font.GID(gid)))*1000/fo.upem) == 0}
	if data, ok := fo.face.GlyphData(font.GID(gid)).(font.GlyphOutline); ok && len(data.Segments) > 0 {
		o.segs = data.Segments
		o.box = [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, s := range data.Segments {
			for _, p := range s.ArgsSlice() {
				x, y := float64(p.X), float64(p.Y)
				o.box[0], o.box[1] = min(o.box[0], x), min(o.box[1], y)
				o.box[2], o.box[3] = max(o.box[2], x), max(o.box[3], y)
			}
		}
	}
	fo.gl[gid] = o
	return o
}

// maskKey is a glyph drawn at one size, rotation, weight and phase (the
// fraction of a pixel its origin falls at, in quarters).
type maskKey struct {
	fo       *fontOutlines
	gid      uint16
	ppem     float64 // pixels per em
	rotate   float64
	bold     bool
	phx, phy uint8
}

// glyphMask is a glyph's coverage, to be drawn with its top-left corner at
// the origin's whole pixel plus (dx, dy).
type glyphMask struct {
	img    *image.Alpha
	dx, dy int
}

// maxMasks and maxMaskBytes bound the mask cache (glyphs, and bytes of
// coverage: a page of large type at 600 dpi has big masks); past either,
// it starts again empty.
const (
	maxMasks     = 1 << 16
	maxMaskBytes = 64 << 20
)

var masks struct {
	sync.Mutex
	m     map[maskKey]*glyphMask
	bytes int
}

// phases is the number of sub-pixel positions a glyph's origin is rounded
// to, in each direction.
const phases = 4

// drawGlyph draws glyph gid of fo, ppem pixels per em, with its origin at
// (x, y) in pixels, turned counter-clockwise by rotate degrees, in colour
// c; bold emboldens it as the PDF's synthesized bold does. A mark (set
// true for a glyph off the baseline) is placed as the PDF's outlines are.
func drawGlyph(dst *image.RGBA, fo *fontOutlines, gid uint16, ppem float64, x, y, rotate float64, bold, mark bool, c *image.Uniform) {
	// Origins are placed as poppler places glyphs: at the whole pixel
	// above (horizontal strokes stay sharp at small sizes), at the
	// quarter of a pixel to the left (spacing stays even), whatever the
	// rotation. A mark (the PDF draws marks as outlines, filled as paths,
	// not as glyphs): at the nearest quarter pixel both ways.
	if !mark && !fo.glyph(gid).mark {
		x = math.Floor(x*phases) / phases
		y = math.Floor(y)
	} else {
		x = math.Round(x*phases) / phases
		y = math.Round(y*phases) / phases
	}
	fx, fy := math.Floor(x), math.Floor(y)
	phx, phy := uint8((x-fx)*phases), uint8((y-fy)*phases)
	k := maskKey{fo, gid, ppem, rotate, bold, phx, phy}
	masks.Lock()
	m, ok := masks.m[k]
	masks.Unlock()
	if !ok {
		m = k.render()
		masks.Lock()
		if masks.m == nil || len(masks.m) >= maxMasks || masks.bytes >= maxMaskBytes {
			masks.m, masks.bytes = map[maskKey]*glyphMask{}, 0
		}
		masks.m[k] = m
		if m != nil {
			masks.bytes += len(m.img.Pix)
		}
		masks.Unlock()
	}
	if m == nil {
		return
	}
	ox, oy := int(fx)+m.dx, int(fy)+m.dy
	r := m.img.Bounds().Add(image.Pt(ox, oy))
	drawMask(dst, r, c, m.img)
}

// rasterizers are reused: each holds buffers the size of what it drew.
var rasterizers = sync.Pool{New: func() any { return vector.NewRasterizer(0, 0) }}

// render rasterises the glyph of k into a mask (nil if it draws nothing).
func (k maskKey) render() *glyphMask {
	o := k.fo.glyph(k.gid)
	if len(o.segs) == 0 {
		return nil
	}
	s := k.ppem / k.fo.upem
	a := k.rotate * math.Pi / 180
	cos, sin := math.Cos(a), math.Sin(a)
	// Font units (y up) to pixels from the origin (y down), turned
	// counter-clockwise: x' = cos·x − sin·y, y' = −sin·x − cos·y.
	m := [4]float64{cos * s, -sin * s, -sin * s, -cos * s}
	px, py := float64(k.phx)/phases, float64(k.phy)/phases
	tr := func(x, y float64) (float64, float64) {
		return px + m[0]*x + m[1]*y, py + m[2]*x + m[3]*y
	}
	// The outline's box, turned, plus the bold stroke and a pixel. A
	// synthesized bold is the outline filled and stroked (with r, half the
	// stroke's width, on each side).
	r := 0.0
	if k.bold {
		r = synthBoldStroke * k.ppem / 2
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{o.box[0], o.box[1]}, {o.box[0], o.box[3]}, {o.box[2], o.box[1]}, {o.box[2], o.box[3]}} {
		x, y := tr(c[0], c[1])
		minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
	}
	x0, y0 := int(math.Floor(minX-r))-1, int(math.Floor(minY-r))-1
	x1, y1 := int(math.Ceil(maxX+r))+1, int(math.Ceil(maxY+r))+1
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 || w > 1<<14 || h > 1<<14 {
		return nil
	}
	img := image.NewAlpha(image.Rect(0, 0, w, h))
	z := rasterizers.Get().(*vector.Rasterizer)
	defer rasterizers.Put(z)
	// A synthesized bold is drawn supersampled, ss×ss subpixels a pixel:
	// its stroke's shapes overlap the fill, and the rasteriser, summing
	// their coverage, would darken every edge pixel they share.
	ss := 1.0
	if r > 0 {
		ss = boldSupersample
	}
	z.Reset(w*int(ss), h*int(ss))
	dx, dy := -float64(x0), -float64(y0)
	pt := func(p ot.SegmentPoint) (float32, float32) {
		x, y := tr(float64(p.X), float64(p.Y))
		return float32((x + dx) * ss), float32((y + dy) * ss)
	}
	for _, sg := range o.segs {
		switch sg.Op {
		case ot.SegmentOpMoveTo:
			z.ClosePath()
			z.MoveTo(pt(sg.Args[0]))
		case ot.SegmentOpLineTo:
			z.LineTo(pt(sg.Args[0]))
		case ot.SegmentOpQuadTo:
			bx, by := pt(sg.Args[0])
			cx, cy := pt(sg.Args[1])
			z.QuadTo(bx, by, cx, cy)
		case ot.SegmentOpCubeTo:
			bx, by := pt(sg.Args[0])
			cx, cy := pt(sg.Args[1])
			ex, ey := pt(sg.Args[2])
			z.CubeTo(bx, by, cx, cy, ex, ey)
		}
	}
	z.ClosePath()
	z.DrawOp = draw.Src
	if r == 0 {
		z.Draw(img, img.Bounds(), image.Opaque, image.Point{})
		return &glyphMask{img: img, dx: x0, dy: y0}
	}
	stroke(z, o, tr, dx, dy, r, ss)
	big := image.NewAlpha(image.Rect(0, 0, w*int(ss), h*int(ss)))
	z.Draw(big, big.Bounds(), image.Opaque, image.Point{})
	n := int(ss)
	for y := range h {
		for x := range w {
			sum := 0
			for j := range n {
				row := big.Pix[(y*n+j)*big.Stride+x*n:]
				for i := range n {
					sum += int(row[i])
				}
			}
			img.Pix[y*img.Stride+x] = uint8(sum / (n * n))
		}
	}
	return &glyphMask{img: img, dx: x0, dy: y0}
}

// stroke adds to z, as filled shapes, the stroke of o's outline r pixels
// to each side: a quadrilateral along each flattened segment and a
// polygon round each vertex, all turning the way the outline's outer
// contours turn, so that the rasteriser's winding sums them with the
// fill into their union (x/image/vector clamps coverage at one; shapes
// turning the other way would cancel the fill).
func stroke(z *vector.Rasterizer, o *outline, tr func(x, y float64) (float64, float64), dx, dy, r, ss float64) {
	// The outline flattened into polygons, in pixels.
	var polys [][][2]float64
	var cur [2]float64
	add := func(p [2]float64) {
		polys[len(polys)-1] = append(polys[len(polys)-1], p)
		cur = p
	}
	at := func(p ot.SegmentPoint) [2]float64 {
		x, y := tr(float64(p.X), float64(p.Y))
		return [2]float64{(x + dx) * ss, (y + dy) * ss}
	}
	const steps = 6
	for _, sg := range o.segs {
		switch sg.Op {
		case ot.SegmentOpMoveTo:
			polys = append(polys, nil)
			add(at(sg.Args[0]))
		case ot.SegmentOpLineTo:
			add(at(sg.Args[0]))
		case ot.SegmentOpQuadTo:
			p0, p1, p2 := cur, at(sg.Args[0]), at(sg.Args[1])
			for i := 1; i <= steps; i++ {
				t := float64(i) / steps
				u := 1 - t
				add([2]float64{u*u*p0[0] + 2*u*t*p1[0] + t*t*p2[0], u*u*p0[1] + 2*u*t*p1[1] + t*t*p2[1]})
			}
		case ot.SegmentOpCubeTo:
			p0, p1, p2, p3 := cur, at(sg.Args[0]), at(sg.Args[1]), at(sg.Args[2])
			for i := 1; i <= steps; i++ {
				t := float64(i) / steps
				u := 1 - t
				a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
				add([2]float64{a*p0[0] + b*p1[0] + c*p2[0] + d*p3[0], a*p0[1] + b*p1[1] + c*p2[1] + d*p3[1]})
			}
		}
	}
	// The sign of the outer contours' turn: that of the biggest contour.
	area, big := 0.0, 0.0
	for _, p := range polys {
		a := 0.0
		for i := range p {
			q := p[(i+1)%len(p)]
			a += p[i][0]*q[1] - q[0]*p[i][1]
		}
		if math.Abs(a) > big {
			big, area = math.Abs(a), a
		}
	}
	shape := func(pts ...[2]float64) {
		a := 0.0
		for i := range pts {
			q := pts[(i+1)%len(pts)]
			a += pts[i][0]*q[1] - q[0]*pts[i][1]
		}
		if (a < 0) != (area < 0) {
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
		}
		z.MoveTo(float32(pts[0][0]), float32(pts[0][1]))
		for _, p := range pts[1:] {
			z.LineTo(float32(p[0]), float32(p[1]))
		}
		z.ClosePath()
	}
	r *= ss
	var disc [8][2]float64
	for i := range disc {
		t := float64(i) * math.Pi / 4
		disc[i] = [2]float64{r * math.Cos(t) / math.Cos(math.Pi/8), r * math.Sin(t) / math.Cos(math.Pi/8)}
	}
	for _, p := range polys {
		for i, a := range p {
			b := p[(i+1)%len(p)]
			if l := math.Hypot(b[0]-a[0], b[1]-a[1]); l > 0 {
				nx, ny := -(b[1]-a[1])/l*r, (b[0]-a[0])/l*r
				shape([2]float64{a[0] + nx, a[1] + ny}, [2]float64{b[0] + nx, b[1] + ny}, [2]float64{b[0] - nx, b[1] - ny}, [2]float64{a[0] - nx, a[1] - ny})
			}
			var v [8][2]float64
			for j, d := range disc {
				v[j] = [2]float64{a[0] + d[0], a[1] + d[1]}
			}
			shape(v[:]...)
		}
	}
}

// ResetCache empties the caches of glyph masks and scaled images (the
// outlines read from font files are kept): for benchmarks of a first
// preview, and for a long-running server that wants its memory back.
func ResetCache() {
	masks.Lock()
	masks.m, masks.bytes = nil, 0
	masks.Unlock()
	images.Lock()
	images.scaled, images.decoded = nil, nil
	images.Unlock()
}
