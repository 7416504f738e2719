package layouts

import (
	"fmt"
	"strconv"
	"strings"

	"handbill/frame"
)

// ParseColor reads "#rrggbb" (or "#rgb").
func ParseColor(s string) (frame.Color, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if ok && len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if !ok || len(h) != 6 {
		return frame.Color{}, fmt.Errorf("%q is not a colour: write #rrggbb, e.g. #1d4e89", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return frame.Color{}, fmt.Errorf("%q is not a colour: write #rrggbb, e.g. #1d4e89", s)
	}
	return frame.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}, nil
}

// color resolves a theme name or a literal colour.
func (c *composer) color(s string, def frame.Color) (frame.Color, error) {
	if s == "" {
		return def, nil
	}
	if v, ok := c.theme[s]; ok {
		return v, nil
	}
	if strings.HasPrefix(s, "#") {
		return ParseColor(s)
	}
	return frame.Color{}, fmt.Errorf("unknown colour %q: use a theme colour (%s) or #rrggbb", s, strings.Join(sortedKeys(c.theme), ", "))
}
