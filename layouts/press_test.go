package layouts_test

import (
	"fmt"
	"math"
	"testing"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// pressTargets composes the press output of every built-in layout, and
// the desktop output it is made from, in English (and Spanish for the
// multi-language poster).
func eachPress(t *testing.T, f func(tg layouts.Target, press, desk *frame.Doc)) {
	t.Helper()
	set, ls, e := builtins(t)
	en, err := set.Resolve(mustTag("en"), "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	es, err := set.Resolve(mustTag("es"), "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedNames(ls) {
		l := ls[name]
		var press []layouts.Target
		for _, tg := range append(layouts.Targets(l), layouts.PressTargets(l)...) {
			if tg.Mode == "press" {
				press = append(press, tg)
			}
		}
		if len(press) == 0 {
			t.Errorf("%s has no press output", name)
		}
		for _, tg := range press {
			docs := []*content.Doc{en}
			if tg.Multilingual() {
				docs = append(docs, es)
			}
			p, err := layouts.Compose(e, tg, docs)
			if err != nil {
				t.Errorf("%s: %v", tg.Name(), err)
				continue
			}
			var d *frame.Doc
			if l.Product != "card" {
				if d, err = layouts.Compose(e, tg.Desktop(), docs); err != nil {
					t.Errorf("%s: %v", tg.Desktop().Name(), err)
					continue
				}
			}
			f(tg, p, d)
		}
	}
}

// extent is the box an item marks, in page coordinates.
func extent(it frame.Item) (frame.Box, bool) {
	switch v := it.(type) {
	case *frame.Text:
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, l := range v.Para.Lines {
			x0, x1 = min(x0, l.X), max(x1, l.X+l.Width)
			y0, y1 = min(y0, l.Baseline-l.Ascent), max(y1, l.Baseline+l.Descent)
		}
		if v.Rotate == 90 {
			// Turned counter-clockwise about X, Y: x runs up the page.
			return frame.Box{X: v.X + y0, Y: v.Y - x1, W: y1 - y0, H: x1 - x0}, true
		}
		return frame.Box{X: v.X + x0, Y: v.Y + y0, W: x1 - x0, H: y1 - y0}, true
	case *frame.QR:
		return frame.Box{X: v.X, Y: v.Y, W: v.Size, H: v.Size}, true
	case *frame.Image:
		return frame.Box{X: v.X, Y: v.Y, W: v.W, H: v.H}, true
	}
	return frame.Box{}, false
}

func inside(b, in frame.Box, margin float64) bool {
	const eps = 0.01
	return b.X >= in.X+margin-eps && b.Y >= in.Y+margin-eps &&
		b.X+b.W <= in.X+in.W-margin+eps && b.Y+b.H <= in.Y+in.H-margin+eps
}

func outside(b, out frame.Box) bool {
	return b.X >= out.X+out.W || b.Y >= out.Y+out.H || b.X+b.W <= out.X || b.Y+b.H <= out.Y
}

// TestPressPagesKeepTextInsideTheTrim checks every press page of every
// built-in product: trim and bleed boxes with the bleed the size asks for
// (1/8 in, 3 mm for metric sizes), a page background that covers the
// bleed, and no text, QR code or logo less than 1/8 in inside the trim
// (where a trim a little off could cut it), except the slug's label,
// which is outside the bleed.
func TestPressPagesKeepTextInsideTheTrim(t *testing.T) {
	eachPress(t, func(tg layouts.Target, doc, _ *frame.Doc) {
		want := 9.0
		if m := tg.Variant.Size.Name; m == "a4" || m == "a3" || m == "a5" || m == "card-eu" {
			want = 3 * 72 / 25.4
		}
		for i, p := range doc.Pages {
			where := fmt.Sprintf("%s page %d", tg.Name(), i+1)
			if p.Trim == nil || p.Bleed == nil {
				t.Fatalf("%s: no trim or bleed box", where)
			}
			if got := p.Trim.X - p.Bleed.X; math.Abs(got-want) > 0.01 || math.Abs(p.Bleed.W-p.Trim.W-2*want) > 0.01 {
				t.Errorf("%s: bleed %.2f pt, want %.2f", where, got, want)
			}
			bg, ok := p.Items[0].(*frame.Rect)
			if !ok || bg.Fill == nil || !inside(*p.Bleed, frame.Box{X: bg.X, Y: bg.Y, W: bg.W, H: bg.H}, 0) {
				t.Errorf("%s: the background does not cover the bleed", where)
			}
			for _, it := range p.Items {
				b, ok := extent(it)
				if !ok || inside(b, *p.Trim, 9) || outside(b, *p.Bleed) {
					continue
				}
				t.Errorf("%s: %T at %.1f,%.1f %.1fx%.1f is within 1/8 in of the trim (%v)", where, it, b.X, b.Y, b.W, b.H, *p.Trim)
			}
		}
	})
}

// TestPressMatchesDesktop checks that a press page is the desktop design
// moved onto the bigger sheet, item for item, but for art in the bleed
// area, whose edges on the trim run out to the bleed; and that crop marks
// stay outside the bleed.
func TestPressMatchesDesktop(t *testing.T) {
	eachPress(t, func(tg layouts.Target, press, desk *frame.Doc) {
		for i, p := range press.Pages {
			where := fmt.Sprintf("%s page %d", tg.Name(), i+1)
			var marks int
			for _, it := range p.Items {
				if r, ok := it.(*frame.Rule); ok && r.Color == frame.Registration {
					marks++
					b := frame.Box{X: min(r.X1, r.X2), Y: min(r.Y1, r.Y2), W: math.Abs(r.X2 - r.X1), H: math.Abs(r.Y2 - r.Y1)}
					if !outside(b, *p.Bleed) {
						t.Errorf("%s: crop mark %v inside the bleed", where, b)
					}
				}
			}
			if marks != 8 {
				t.Errorf("%s: %d crop marks, want 8", where, marks)
			}
			if desk == nil {
				continue
			}
			d := desk.Pages[i]
			var design []frame.Item
			for _, it := range p.Items {
				if r, ok := it.(*frame.Rule); ok && r.Color == frame.Registration {
					continue
				}
				if b, ok := extent(it); ok && outside(b, *p.Bleed) {
					continue // the slug's label
				}
				design = append(design, it)
			}
			if len(design) != len(d.Items) {
				t.Errorf("%s: %d items, the desktop page has %d", where, len(design), len(d.Items))
				continue
			}
			for j, it := range design {
				moved := frame.Shift(d.Items[j], p.Trim.X, p.Trim.Y)
				if r, ok := it.(*frame.Rect); ok {
					dr := moved.(*frame.Rect)
					// Each edge either matches or, on the trim, runs to the bleed.
					edge := func(got, want, trim, bleed float64) bool {
						return math.Abs(got-want) < 0.01 || math.Abs(want-trim) < 0.01 && math.Abs(got-bleed) < 0.01
					}
					tb, bb := *p.Trim, *p.Bleed
					if !edge(r.X, dr.X, tb.X, bb.X) || !edge(r.Y, dr.Y, tb.Y, bb.Y) ||
						!edge(r.X+r.W, dr.X+dr.W, tb.X+tb.W, bb.X+bb.W) || !edge(r.Y+r.H, dr.Y+dr.H, tb.Y+tb.H, bb.Y+bb.H) {
						t.Errorf("%s: rect %d at %.2f,%.2f %.2fx%.2f, desktop %.2f,%.2f %.2fx%.2f", where, j, r.X, r.Y, r.W, r.H, dr.X, dr.Y, dr.W, dr.H)
					}
					continue
				}
				if got, want := dumpItem(it), dumpItem(moved); got != want {
					t.Errorf("%s: item %d\n  press:   %s  desktop: %s", where, j, got, want)
				}
			}
		}
	})
}

func dumpItem(it frame.Item) string {
	d := &frame.Doc{Pages: []*frame.Page{{Items: []frame.Item{it}}}}
	s := d.Dump()
	// Drop the doc and page lines.
	for k := 0; k < 2; k++ {
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' {
				s = s[i+1:]
				break
			}
		}
	}
	return s
}
