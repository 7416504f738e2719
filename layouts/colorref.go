package layouts

import (
	"fmt"
	"strings"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
)

// ColorRef is a colour a layout names (a style's colour, a block's fill or
// stroke, a page's background), resolved when the layout is loaded: a
// theme colour, black or white, or "#rrggbb".
type ColorRef struct {
	// Name is the colour as written; "" when none is given.
	Name  string
	Color frame.Color
}

// IsZero tells whether no colour was given.
func (r ColorRef) IsZero() bool { return r.Name == "" }

// accent is the theme colour an organisation's colour replaces.
const accent = "accent"

// Or is the colour for a document whose organisation colour is brand
// (nil when none): def when no colour was given, the organisation's
// colour for the theme's accent, else the colour resolved at load.
func (r ColorRef) Or(def frame.Color, brand *frame.Color) frame.Color {
	switch {
	case r.Name == "":
		return def
	case r.Name == accent && brand != nil:
		return *brand
	}
	return r.Color
}

// brandColor is an organisation's colour for frames (nil when none).
func brandColor(c content.Color) *frame.Color {
	if c == "" {
		return nil
	}
	r, g, b := c.RGB()
	return &frame.Color{R: r, G: g, B: b}
}

// resolveColor finds a colour named at pos: a theme colour first, then a
// literal "#rrggbb".
func resolveColor(s string, theme map[string]frame.Color, pos source.Pos) (ColorRef, error) {
	if s == "" {
		return ColorRef{}, nil
	}
	if v, ok := theme[s]; ok {
		return ColorRef{Name: s, Color: v}, nil
	}
	if strings.HasPrefix(s, "#") {
		v, err := ParseColor(s)
		if err != nil {
			return ColorRef{}, &source.Diagnostic{Severity: source.Error, Pos: pos, Message: err.Error(), Hint: "write colours as #rrggbb, or name a theme colour"}
		}
		return ColorRef{Name: s, Color: v}, nil
	}
	return ColorRef{}, &source.Diagnostic{Severity: source.Error, Pos: pos,
		Message: fmt.Sprintf("unknown colour %q: use a theme colour (%s) or #rrggbb", s, strings.Join(sortedKeys(theme), ", ")),
		Hint:    nearHint(s, sortedKeys(theme), "add it to the layout's theme, or write the colour itself, quoted: \"#1d4e89\"")}
}
