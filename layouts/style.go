package layouts

import (
	"golang.org/x/text/language"

	"handbill/text"
)

// Style is a layout style resolved when the layout is loaded: its colour
// found in the theme, its alignment and role read, its size range checked
// against every size's type scale. Composing only picks the language and
// the size.
type Style struct {
	// Name is the style's name in the layout.
	Name       string
	Bold       bool
	Align      text.Align
	LineHeight float64
	// ScriptMetrics: see text.Style.ScriptMetrics.
	ScriptMetrics bool
	// NoOrphan: see text.Style.NoOrphan.
	NoOrphan bool
	// MaxLines limits the lines a paragraph may have (0: no limit).
	MaxLines int
	// Size is the [min, max] range in points as written, before a size's
	// type scale.
	Size [2]float64
	// Color is the text colour (black when the style names none).
	Color ColorRef
	// Role is body, heading or caption (body when the layout does not say).
	Role string
}

// Text is the text style for a paragraph in lang; its size is chosen when
// the paragraph is fitted.
func (s *Style) Text(lang language.Tag) text.Style {
	return text.Style{Lang: lang, Bold: s.Bold, LineHeight: s.LineHeight, Align: s.Align, ScriptMetrics: s.ScriptMetrics, NoOrphan: s.NoOrphan}
}

// Range is the size range in points with the type scale k applied (0
// means 1).
func (s *Style) Range(k float64) [2]float64 {
	if k == 0 {
		k = 1
	}
	return [2]float64{s.Size[0] * k, s.Size[1] * k}
}

// Aligns and roles a style may name.
var (
	aligns = map[string]text.Align{"": text.Start, "start": text.Start, "end": text.End, "center": text.Center}
	roles  = []string{"body", "heading", "caption"}
)
