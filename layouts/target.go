package layouts

import (
	"fmt"
	"strings"
)

// Target is one output file's worth of a layout: a size variant, printed
// one design per page (Mode "") or, for cards, for a print shop ("press")
// or imposed on a desktop sheet (a sheet name).
type Target struct {
	Layout  *Layout
	Variant Variant
	Mode    string
}

// Name is the output's base name: the layout name, the size suffix and
// the mode, e.g. "poster-letter", "wallet-card-us-press",
// "wallet-card-us-sheet-avery5371".
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

// Multilingual reports whether one document holds several languages.
func (t Target) Multilingual() bool { return t.Layout.Product == "multilang" }

// Targets lists every output a layout makes.
func Targets(l *Layout) []Target {
	var out []Target
	for _, v := range l.Sizes {
		if l.Product != "card" {
			out = append(out, Target{Layout: l, Variant: v})
			continue
		}
		out = append(out, Target{Layout: l, Variant: v, Mode: "press"})
		for _, s := range v.Sheets {
			out = append(out, Target{Layout: l, Variant: v, Mode: s})
		}
	}
	return out
}

// Describe is a one-line description of the target's paper.
func (t Target) Describe() string {
	ps := t.Size()
	switch {
	case t.Mode == "press":
		return fmt.Sprintf("%s, one per page with bleed and crop marks", ps.Name)
	case t.Mode != "":
		return fmt.Sprintf("%s, imposed on %s", ps.Name, sheets[t.Mode].Name)
	}
	return ps.Name
}
