package layouts

import (
	"fmt"
	"math"
	"strings"
)

// Target is one output file's worth of a layout: a size variant, printed
// one design per page (Mode ""), for a print shop ("press": one design per
// page with bleed and crop marks) or imposed on a desktop sheet (a sheet
// name). A Calibration target is the duplex calibration page of a sheet.
type Target struct {
	Layout      *Layout
	Variant     Variant
	Mode        string
	Calibration bool
}

// Name is the output's base name: the layout name, the size suffix and
// the mode, e.g. "poster-letter", "poster-letter-press",
// "wallet-card-us-press", "wallet-card-us-sheet-avery5371",
// "wallet-card-us-sheet-avery5371-calibration".
func (t Target) Name() string {
	parts := []string{t.Layout.Name}
	if t.Variant.Suffix != "" {
		parts = append(parts, t.Variant.Suffix)
	}
	switch {
	case t.Mode == "press":
		parts = append(parts, "press")
	case t.Mode != "":
		parts = append(parts, "sheet", t.Mode)
	}
	if t.Calibration {
		parts = append(parts, "calibration")
	}
	return strings.Join(parts, "-")
}

// Size is the finished (trim) size of one design.
func (t Target) Size() PageSize {
	ps := t.Variant.Size.Resolve()
	if t.Variant.Orientation == "landscape" && ps.H > ps.W {
		ps.W, ps.H = ps.H, ps.W
	}
	return ps
}

// Bleed is how far art marked area: bleed runs past the trim in press
// output: the variant's bleed if the layout gives one, else 3 mm for
// metric sizes (the A series, the EU card, and [w, h] sizes in whole
// millimetres that are not whole eighths of an inch) and 1/8 in for the
// others.
func (t Target) Bleed() float64 {
	if b := t.Variant.Bleed; b.V > 0 && !b.Percent {
		return b.V
	}
	if metricSize(t.Variant.Size) {
		return 3 * mm
	}
	return inch / 8
}

// metricSize reports whether a size is measured in millimetres.
func metricSize(s SizeSpec) bool {
	switch strings.ToLower(s.Name) {
	case "a2", "a3", "a4", "a5", "card-eu":
		return true
	case "":
	default:
		return false
	}
	whole := func(v, unit float64) bool {
		n := v / unit
		return math.Abs(n-math.Round(n)) < 0.01
	}
	imperial := whole(s.W.V, inch/8) && whole(s.H.V, inch/8)
	metric := whole(s.W.V, mm) && whole(s.H.V, mm)
	return metric && !imperial
}

// Multilingual reports whether one document holds several languages.
func (t Target) Multilingual() bool { return t.Layout.Product == "multilang" }

// Targets lists every output a layout makes by default: each size, and
// the sheets it is imposed on (for a card its press output too).
func Targets(l *Layout) []Target {
	var out []Target
	for _, v := range l.Sizes {
		if l.Product != "card" {
			out = append(out, Target{Layout: l, Variant: v})
			for _, s := range v.Sheets { // two handouts on a Letter sheet
				out = append(out, Target{Layout: l, Variant: v, Mode: s})
			}
			continue
		}
		out = append(out, Target{Layout: l, Variant: v, Mode: "press"})
		for _, s := range v.Sheets {
			out = append(out, Target{Layout: l, Variant: v, Mode: s})
		}
	}
	return out
}

// PressTargets lists the press outputs a layout makes on request (build
// --press): one per size for every product but cards, which always have
// one (see Targets).
func PressTargets(l *Layout) []Target {
	if l.Product == "card" {
		return nil
	}
	var out []Target
	for _, v := range l.Sizes {
		out = append(out, Target{Layout: l, Variant: v, Mode: "press"})
	}
	return out
}

// CalibrationTargets lists the duplex calibration pages of a card
// layout's sheets (build --calibration).
func CalibrationTargets(l *Layout) []Target {
	var out []Target
	if l.Product != "card" {
		return nil
	}
	for _, v := range l.Sizes {
		for _, s := range v.Sheets {
			out = append(out, Target{Layout: l, Variant: v, Mode: s, Calibration: true})
		}
	}
	return out
}

// Desktop is the target a press or calibration target is made from: the
// plain size, or the sheet.
func (t Target) Desktop() Target {
	d := t
	d.Calibration = false
	if t.Mode == "press" && t.Layout.Product != "card" {
		d.Mode = ""
	}
	return d
}

// Describe is a one-line description of the target's paper.
func (t Target) Describe() string {
	ps := t.Size()
	switch {
	case t.Calibration:
		return fmt.Sprintf("duplex calibration page for %s", sheets[t.Mode].Name)
	case t.Mode == "press":
		return fmt.Sprintf("%s, one per page with bleed and crop marks", ps.Name)
	case t.Mode != "":
		return fmt.Sprintf("%s, imposed on %s", ps.Name, sheets[t.Mode].Name)
	}
	return ps.Name
}

// checkPrint checks a variant's print settings: a bleed in absolute
// units, and a back_offset of two small absolute lengths on a card sheet.
func (v Variant) checkPrint(product string) error {
	if v.Bleed.Percent || v.Bleed.V < 0 || v.Bleed.V > 0.5*inch {
		return fmt.Errorf("`bleed` must be a length from 0 to 0.5in such as 0.125in or 3mm, got %q", v.Bleed.written())
	}
	if v.BackOffset == nil {
		return nil
	}
	if product != "card" || len(v.Sheets) == 0 {
		return fmt.Errorf("back_offset applies to card sheets only")
	}
	if len(v.BackOffset) != 2 {
		return fmt.Errorf("back_offset needs two lengths [x, y], got %d", len(v.BackOffset))
	}
	for _, o := range v.BackOffset {
		if o.Percent || o.V < -20*mm || o.V > 20*mm {
			return fmt.Errorf("`back_offset` lengths must be in mm or in, within ±20mm, such as 1.5mm, got %q", o.written())
		}
	}
	return nil
}
