package layouts

import (
	"fmt"

	"golang.org/x/text/language"

	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// The calibration page of a card sheet (build --calibration) lets a
// volunteer line up the backs on an office printer. It is a file of its
// own, two pages printed once, double-sided, on plain paper, rather than
// extra pages in the sheet PDF, which is printed many times on card stock.
//
// Page 1 (the front) has nine numbered crosses: the corners, the middles
// of the sides and the centre of the grid of cards. Page 2 (the back) has
// the same crosses where the backs go (mirrored for a long-edge flip, moved
// by the current back_offset), each with millimetre scales. Held against a
// light, the front's cross shows through the back, and the scales read the
// misregistration directly as the numbers to add to back_offset: + is
// right and down as seen on the back.

const (
	calArm   = 8 * mm // half the length of a cross's arms
	calScale = 5      // the scales run from -calScale to +calScale mm
)

var calGrey = frame.Color{R: 0x60, G: 0x60, B: 0x60}

// calibrationDoc composes the calibration page of the target's sheet.
func (c *composer) calibrationDoc(out *frame.Doc) (*frame.Doc, error) {
	s, ok := sheets[c.t.Mode]
	if !ok {
		return nil, fmt.Errorf("no sheet named %q", c.t.Mode)
	}
	ps := pageSizes[s.Page]
	out.Title = fmt.Sprintf("Duplex calibration page: %s, for %s", s.Name, c.t.Desktop().Name())
	out.Subject = "Front and back registration marks for printing cards double-sided on a desktop printer"
	out.Lang = "en"
	marks := s.calibrationMarks()
	ox, oy := c.t.Variant.backOffset()
	front := &frame.Page{W: ps.W, H: ps.H}
	back := &frame.Page{W: ps.W, H: ps.H}
	for i, m := range marks {
		front.Items = append(front.Items, cross(m.X, m.Y, false)...)
		bx, by := ps.W-m.X+ox, m.Y+oy
		back.Items = append(back.Items, cross(bx, by, true)...)
		for _, p := range []struct {
			page *frame.Page
			x, y float64
		}{{front, m.X, m.Y}, {back, bx, by}} {
			l, err := c.calText(fmt.Sprint(i+1), 9, true, 20, text.End)
			if err != nil {
				return nil, err
			}
			// Above and left of the cross, clear of the scales.
			l.X, l.Y = p.x-1.5*mm-l.Para.Width, p.y-1.5*mm-l.Para.Height
			p.page.Items = append(p.page.Items, l)
		}
		for _, v := range []float64{-calScale, calScale} {
			// Scale numbers: under the across scale's end ticks, and
			// beyond the ends of the down scale, right of its arm.
			l, err := c.calText(signed(v), 5, false, 12, text.Center)
			if err != nil {
				return nil, err
			}
			l.X, l.Y = bx+v*mm-6, by+2.4*mm
			back.Items = append(back.Items, l)
			l, err = c.calText(signed(v), 5, false, 12, text.Start)
			if err != nil {
				return nil, err
			}
			l.X, l.Y = bx+0.8*mm, by+v*mm+0.5*mm
			if v < 0 {
				l.Y = by + v*mm - 0.5*mm - l.Para.Height
			}
			back.Items = append(back.Items, l)
		}
	}
	// The words go in the bands between the rows of crosses.
	gx := marks[0].X + calArm + 2*mm
	gw := marks[2].X - calArm - 2*mm - gx
	top := marks[0].Y + calArm + 4*mm
	bandH := marks[3].Y - calArm - 4*mm - top
	top2 := marks[3].Y + calArm + 4*mm
	offset := fmt.Sprintf("back_offset: [%s, %s]", mmString(ox), mmString(oy))
	title := fmt.Sprintf("Duplex calibration: %s, for %s", s.Name, c.t.Desktop().Name())
	items, err := c.calBlock(title, gx, top, gw, 40, 13, true)
	if err != nil {
		return nil, err
	}
	front.Items = append(front.Items, items...)
	th := items[0].(*frame.Text).Para.Height + 3*mm
	intro := "1. Print this file on plain paper, double-sided, flipping on the long edge, at 100 % (“Actual size”, not “Fit to page”), on the printer and with the settings you will print the cards with.\n" +
		"2. Hold the sheet against a window or a lamp, the back (the page with the scales) towards you: the front’s crosses show through.\n" +
		"3. At each numbered cross, read on the back’s scales where the front’s cross lies, in millimetres: across (+ is right) and down (+ is down).\n" +
		"4. Add the readings (their average, if they differ) to back_offset under this size in the layout file, e.g. back_offset: [1.5mm, -0.5mm]. Print again: the crosses should now meet at 0."
	items, err = c.calBlock(intro, gx, top+th, gw, bandH-th, 11, false)
	if err != nil {
		return nil, err
	}
	front.Items = append(front.Items, items...)
	note := fmt.Sprintf("Now: %s (mm, right and down as seen on the back). If the readings differ a lot from cross to cross, the printer skews or scales the page: use the average, and check the ruler below.", offset)
	items, err = c.calBlock(note, gx, top2, gw, 40, 9, false)
	if err != nil {
		return nil, err
	}
	front.Items = append(front.Items, items...)
	items, err = c.ruler(gx, top2+50)
	if err != nil {
		return nil, err
	}
	front.Items = append(front.Items, items...)
	backNote := fmt.Sprintf("BACK. Hold against the light and read, at each cross, where the front’s cross falls on the scales (mm; + is right, + is down). Add the readings to back_offset in the layout. Now: %s.", offset)
	items, err = c.calBlock(backNote, gx, top, gw, bandH/2, 11, false)
	if err != nil {
		return nil, err
	}
	back.Items = append(back.Items, items...)
	out.Pages = []*frame.Page{front, back}
	return out, nil
}

// calibrationMarks are the nine points the crosses mark, row by row: the
// corners, the middles of the sides and the centre of the grid of cards.
func (s Sheet) calibrationMarks() []frame.Box {
	w := float64(s.Cols)*s.CardW + float64(s.Cols-1)*s.GapX
	h := float64(s.Rows)*s.CardH + float64(s.Rows-1)*s.GapY
	var out []frame.Box
	for _, fy := range []float64{0, 0.5, 1} {
		for _, fx := range []float64{0, 0.5, 1} {
			out = append(out, frame.Box{X: s.Left + fx*w, Y: s.Top + fy*h})
		}
	}
	return out
}

// cross is a registration cross; with scales, the arms carry millimetre
// ticks, longer every 5 mm.
func cross(x, y float64, scales bool) []frame.Item {
	const w = 0.3
	items := []frame.Item{
		&frame.Rule{X1: x - calArm, Y1: y, X2: x + calArm, Y2: y, Width: w, Color: frame.Registration},
		&frame.Rule{X1: x, Y1: y - calArm, X2: x, Y2: y + calArm, Width: w, Color: frame.Registration},
	}
	if !scales {
		return items
	}
	for v := -calScale; v <= calScale; v++ {
		if v == 0 {
			continue
		}
		l := 1.0 * mm
		if v%5 == 0 {
			l = 2 * mm
		}
		d := float64(v) * mm
		items = append(items,
			&frame.Rule{X1: x + d, Y1: y, X2: x + d, Y2: y + l, Width: 0.2, Color: calGrey},
			&frame.Rule{X1: x, Y1: y + d, X2: x + l, Y2: y + d, Width: 0.2, Color: calGrey})
	}
	return items
}

// ruler is a 100 mm line with centimetre ticks, to check the printer does
// not scale the page.
func (c *composer) ruler(x, y float64) ([]frame.Item, error) {
	items := []frame.Item{&frame.Rule{X1: x, Y1: y, X2: x + 100*mm, Y2: y, Width: 0.4, Color: frame.Black}}
	for i := 0; i <= 10; i++ {
		l := 1.5 * mm
		if i%5 == 0 {
			l = 3 * mm
		}
		items = append(items, &frame.Rule{X1: x + float64(i)*10*mm, Y1: y - l, X2: x + float64(i)*10*mm, Y2: y, Width: 0.3, Color: frame.Black})
	}
	t, err := c.calText("This line should measure 100 mm (3.94 in). If it does not, the printer scaled the page: print at 100 %.", 8, false, 100*mm, text.Start)
	if err != nil {
		return nil, err
	}
	t.X, t.Y = x, y+2*mm
	return append(items, t), nil
}

// calBlock sets instructions in a box, as large as fits up to max points.
func (c *composer) calBlock(s string, x, y, w, h, max float64, bold bool) ([]frame.Item, error) {
	st := text.Style{Lang: language.English, LineHeight: 1.25, Bold: bold}
	p, err := c.e.Fit(s, st, text.Box{W: w, H: h}, 6, max)
	if err != nil {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: c.t.Layout.Pos["sizes"], Message: fmt.Sprintf("%s: the calibration instructions do not fit: %v", c.t.Name(), err)}
	}
	return []frame.Item{&frame.Text{X: x, Y: y, Para: p, Color: frame.Black, Role: "caption", Src: c.t.Layout.Pos["sizes"], Block: c.t.Layout.Pos["sizes"]}}, nil
}

// calText is one short label.
func (c *composer) calText(s string, size float64, bold bool, w float64, align text.Align) (*frame.Text, error) {
	p, err := c.e.Layout(s, text.Style{Lang: language.English, Size: size, Bold: bold, Align: align}, w)
	if err != nil {
		return nil, err
	}
	return &frame.Text{Para: p, Color: frame.Registration, Role: "caption", Tag: "Artifact", Src: c.t.Layout.Pos["sizes"], Block: c.t.Layout.Pos["sizes"]}, nil
}

func signed(v float64) string {
	if v > 0 {
		return fmt.Sprintf("+%g", v)
	}
	if v < 0 {
		return fmt.Sprintf("−%g", -v)
	}
	return "0"
}

// mmString is a length in millimetres as a layout writes it.
func mmString(v float64) string { return num(v/mm) + "mm" }
