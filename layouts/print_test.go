package layouts_test

import (
	"math"
	"strings"
	"testing"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/text"
)

const mm = 72 / 25.4

// testCard is a small card layout; {extra} is replaced in its first size.
const testCard = `name: test-card
description: Test card
product: card
sizes:
  - {suffix: us, size: card-us, sheets: [avery5371]{extra}}
  - {suffix: eu, size: card-eu, sheets: [avery-c32011]}
margin: 0.125in
theme:
  ink: {rgb: "#1a1a1a", cmyk: [0, 0, 0, 100]}
  accent: {rgb: "#0b3d6e", spot: "PANTONE 2955 C", cmyk: [100, 55, 0, 55]}
  paper: "#fff"
styles:
  number: {size: [10, 20], bold: true, color: paper, max_lines: 1}
  body: {size: [7, 9], color: ink}
pages:
  - name: front
    background: accent
    blocks:
      - {type: text, text: "{hotline}", style: number, box: [0, 30%, 100%, 40%]}
  - name: back
    background: paper
    blocks:
      - {type: text, text: "{web}", style: body, box: [0, 0, 100%, 30%]}
`

func parseCard(t *testing.T, extra string) *layouts.Layout {
	t.Helper()
	l, err := layouts.Parse("card.yaml", []byte(strings.Replace(testCard, "{extra}", extra, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func composeTarget(t *testing.T, tg layouts.Target) *frame.Doc {
	t.Helper()
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	d, err := set.Resolve(mustTag("en"), "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layouts.Compose(text.NewEngine(fonts.Builtin()), tg, []*content.Doc{d})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func target(t *testing.T, l *layouts.Layout, name string, all ...[]layouts.Target) layouts.Target {
	t.Helper()
	for _, ts := range append(all, layouts.Targets(l), layouts.PressTargets(l), layouts.CalibrationTargets(l)) {
		for _, tg := range ts {
			if tg.Name() == name {
				return tg
			}
		}
	}
	t.Fatalf("no target %s", name)
	return layouts.Target{}
}

// TestThemeColorsInCMYKAndSpot: a theme colour is "#rrggbb" or
// {rgb, cmyk, spot}; frames carry the press values along with the RGB.
func TestThemeColorsInCMYKAndSpot(t *testing.T) {
	l := parseCard(t, "")
	doc := composeTarget(t, target(t, l, "test-card-us-press"))
	bg := doc.Pages[0].Items[0].(*frame.Rect).Fill
	want := frame.Color{R: 0x0b, G: 0x3d, B: 0x6e, HasCMYK: true, CMYK: [4]float64{100, 55, 0, 55}, Spot: "PANTONE 2955 C"}
	if *bg != want {
		t.Errorf("front background %+v, want %+v", *bg, want)
	}
	if paper := doc.Pages[1].Items[0].(*frame.Rect).Fill; *paper != (frame.Color{R: 255, G: 255, B: 255}) {
		t.Errorf("paper %+v: a plain colour has no press values", *paper)
	}
	var ink *frame.Color
	for _, it := range doc.Pages[1].Items {
		if tx, ok := it.(*frame.Text); ok && tx.Role != "caption" {
			ink = &tx.Color
		}
	}
	if ink == nil || !ink.HasCMYK || ink.CMYK != [4]float64{0, 0, 0, 100} || ink.Spot != "" {
		t.Errorf("ink %+v", ink)
	}
	if !strings.Contains(doc.Dump(), "color=#1a1a1a/cmyk(0,0,0,100)") {
		t.Error("the dump does not show the CMYK values")
	}
}

func TestThemeColorErrors(t *testing.T) {
	for _, c := range []struct{ theme, want string }{
		{`{rgb: "#0b3d6e", cmyk: [100, 70, 0]}`, "card.yaml:10:34: `accent.cmyk` needs four values, got 3"},
		{`{rgb: "#0b3d6e", cmyk: [100, 70, 0, 120]}`, "card.yaml:10:34: `accent.cmyk`: 120 is not between 0 and 100"},
		{`{rgb: "#0b3d6e", spot: "PANTONE 2955 C"}`, "card.yaml:10:34: `accent.spot` needs a cmyk alternate"},
		{`{rgb: "#0b3d6e", spot: "PANTONE (2955)", cmyk: [100, 70, 0, 45]}`, "`accent.spot`: \"PANTONE (2955)\" has the character '('"},
		{`{rgb: "#0b3d6e", spot: "All", cmyk: [100, 70, 0, 45]}`, "is reserved in PDF"},
		{`{cmyk: [100, 70, 0, 45]}`, "rgb"},
		{`{rgb: "blue"}`, "card.yaml:10:17: `accent.rgb`: \"blue\" is not a colour"},
		{`"#0b3d6"`, "card.yaml:10:11: `accent`: \"#0b3d6\" is not a colour"},
		{`{rgb: "#0b3d6e", pantone: "2955 C"}`, "pantone"},
	} {
		src := strings.Replace(strings.Replace(testCard, "{extra}", "", 1),
			`accent: {rgb: "#0b3d6e", spot: "PANTONE 2955 C", cmyk: [100, 55, 0, 55]}`, "accent: "+c.theme, 1)
		_, err := layouts.Parse("card.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("accent: %s\n  got  %v\n  want …%s…", c.theme, err, c.want)
		}
	}
}

// TestBleedBySize: 1/8 in, 3 mm for metric sizes, or the layout's own.
func TestBleedBySize(t *testing.T) {
	src := `name: sizes
description: Sizes
product: poster
sizes:
  - {suffix: letter, size: letter}
  - {suffix: a3, size: a3}
  - {suffix: eu, size: [85mm, 55mm]}
  - {suffix: sq, size: [3in, 3in]}
  - {suffix: big, size: tabloid, bleed: 0.25in}
  - {suffix: mm, size: a4, bleed: 5mm}
styles:
  body: {size: [12]}
pages:
  - blocks:
      - {type: text, text: "{headline}", style: body, box: [0, 0, 100%, 50%]}
`
	l, err := layouts.Parse("sizes.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"letter": 9, "a3": 3 * mm, "eu": 3 * mm, "sq": 9, "big": 18, "mm": 5 * mm}
	for _, tg := range layouts.PressTargets(l) {
		if got := tg.Bleed(); math.Abs(got-want[tg.Variant.Suffix]) > 0.001 {
			t.Errorf("%s: bleed %.3f pt, want %.3f", tg.Name(), got, want[tg.Variant.Suffix])
		}
	}
	for _, bad := range []string{`bleed: 10%`, `bleed: 2in`, `sheets: [avery5371]`, `back_offset: [1mm, 1mm]`} {
		_, err := layouts.Parse("sizes.yaml", []byte(strings.Replace(src, "bleed: 0.25in", bad, 1)))
		if err == nil {
			t.Errorf("%s on a poster: no error", bad)
		}
	}
}

// crosses finds the calibration crosses of a page: their centres, in
// drawing order (the crosses are numbered in that order).
func crosses(p *frame.Page) []frame.Box {
	var out []frame.Box
	for _, it := range p.Items {
		r, ok := it.(*frame.Rule)
		if ok && r.Color == frame.Registration && r.Y1 == r.Y2 && math.Abs(r.X2-r.X1-16*mm) < 0.01 {
			out = append(out, frame.Box{X: (r.X1 + r.X2) / 2, Y: r.Y1})
		}
	}
	return out
}

// TestBackOffsetAndCalibration: back_offset moves every item of the backs
// of a sheet and nothing of the fronts; the calibration page has nine
// numbered crosses on the front at the grid's corners, side middles and
// centre, and on the back the same crosses mirrored for a long-edge flip
// and moved by back_offset.
func TestBackOffsetAndCalibration(t *testing.T) {
	plain := parseCard(t, "")
	moved := parseCard(t, ", back_offset: [2mm, -0.04in]")
	dx, dy := 2*mm, -0.04*72
	a := composeTarget(t, target(t, plain, "test-card-us-sheet-avery5371"))
	b := composeTarget(t, target(t, moved, "test-card-us-sheet-avery5371"))
	for i := range a.Pages[0].Items {
		if dumpItem(a.Pages[0].Items[i]) != dumpItem(b.Pages[0].Items[i]) {
			t.Fatalf("front item %d moved", i)
		}
	}
	if len(a.Pages[1].Items) != len(b.Pages[1].Items) || len(a.Pages[1].Items) == 0 {
		t.Fatal("backs differ in items")
	}
	for i, it := range a.Pages[1].Items {
		if got, want := dumpItem(b.Pages[1].Items[i]), dumpItem(frame.Shift(it, dx, dy)); got != want {
			t.Fatalf("back item %d:\n  got  %s  want %s", i, got, want)
		}
	}

	for _, c := range []struct {
		layout *layouts.Layout
		name   string
		w      float64
		ox, oy float64
		xs, ys []float64 // the grid's left, centre and right; top, middle, bottom
	}{
		{plain, "test-card-us-sheet-avery5371-calibration", 612, 0, 0, []float64{54, 306, 558}, []float64{36, 396, 756}},
		{moved, "test-card-us-sheet-avery5371-calibration", 612, dx, dy, []float64{54, 306, 558}, []float64{36, 396, 756}},
		{plain, "test-card-eu-sheet-avery-c32011-calibration", 210 * mm, 0, 0, []float64{15 * mm, 105 * mm, 195 * mm}, []float64{13.5 * mm, 148.5 * mm, 283.5 * mm}},
	} {
		doc := composeTarget(t, target(t, c.layout, c.name))
		if len(doc.Pages) != 2 || doc.Lang != "en" || !strings.Contains(doc.Title, "calibration") {
			t.Fatalf("%s: %d pages, lang %s, title %q", c.name, len(doc.Pages), doc.Lang, doc.Title)
		}
		front, back := crosses(doc.Pages[0]), crosses(doc.Pages[1])
		if len(front) != 9 || len(back) != 9 {
			t.Fatalf("%s: %d and %d crosses, want 9 and 9", c.name, len(front), len(back))
		}
		for i := range front {
			x, y := c.xs[i%3], c.ys[i/3]
			if math.Abs(front[i].X-x) > 0.01 || math.Abs(front[i].Y-y) > 0.01 {
				t.Errorf("%s: front cross %d at %.2f,%.2f, want %.2f,%.2f", c.name, i+1, front[i].X, front[i].Y, x, y)
			}
			bx, by := c.w-x+c.ox, y+c.oy
			if math.Abs(back[i].X-bx) > 0.01 || math.Abs(back[i].Y-by) > 0.01 {
				t.Errorf("%s: back cross %d at %.2f,%.2f, want %.2f,%.2f", c.name, i+1, back[i].X, back[i].Y, bx, by)
			}
		}
		// The crosses are numbered, on both sides.
		for p, page := range doc.Pages {
			labels := map[string]bool{}
			for _, it := range page.Items {
				if tx, ok := it.(*frame.Text); ok {
					labels[tx.Para.Text] = true
				}
			}
			for _, n := range []string{"1", "5", "9"} {
				if !labels[n] {
					t.Errorf("%s page %d: no label %s", c.name, p+1, n)
				}
			}
		}
	}
	if got := composeTarget(t, target(t, moved, "test-card-us-sheet-avery5371-calibration")).Dump(); !strings.Contains(got, "back_offset: [2mm, -1.016mm]") {
		t.Error("the calibration page does not say the current back_offset")
	}
}
