package layouts

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"handbill/frame"
	"handbill/source"
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

// ThemeColor is a theme colour as a layout gives it: "#rrggbb", or a
// mapping with the RGB colour and its press equivalents,
//
//	accent: {rgb: "#0b3d6e", cmyk: [100, 70, 0, 45]}
//	accent: {rgb: "#0b3d6e", spot: "PANTONE 2955 C", cmyk: [100, 70, 0, 45]}
//
// Desktop output uses rgb; press output uses cmyk (DeviceCMYK) or the
// spot ink (a Separation colour space whose alternate is cmyk).
type ThemeColor struct {
	RGB string `yaml:"rgb,required"`
	// CMYK is [c, m, y, k] in percent (0–100).
	CMYK []float64 `yaml:"cmyk"`
	Spot string    `yaml:"spot"`
}

type themeColorFields ThemeColor

// DecodeYAMLNode reads "#rrggbb" or {rgb, cmyk, spot}, and checks the
// values where they are written.
func (t *ThemeColor) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	const hint = `write "#rrggbb", or {rgb: "#0b3d6e", cmyk: [100, 70, 0, 45]} (optionally with spot: "PANTONE 2955 C")`
	if n.Kind == yaml.ScalarNode {
		if _, err := ParseColor(n.Value); err != nil {
			return d.Errorf(n, hint, "`%s`: %v", name, err)
		}
		*t = ThemeColor{RGB: n.Value}
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return d.Errorf(n, hint, "`%s` must be a colour", name)
	}
	if err := d.Decode(n, name, (*themeColorFields)(t)); err != nil {
		return err
	}
	at := func(key string) *yaml.Node {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
		return n
	}
	if _, err := ParseColor(t.RGB); err != nil {
		return d.Errorf(at("rgb"), hint, "`%s.rgb`: %v", name, err)
	}
	if t.CMYK != nil {
		if len(t.CMYK) != 4 {
			return d.Errorf(at("cmyk"), "write four percentages [c, m, y, k], e.g. [100, 70, 0, 45]", "`%s.cmyk` needs four values, got %d", name, len(t.CMYK))
		}
		for _, v := range t.CMYK {
			if v < 0 || v > 100 {
				return d.Errorf(at("cmyk"), "each ink is a percentage from 0 to 100", "`%s.cmyk`: %g is not between 0 and 100", name, v)
			}
		}
	}
	if t.Spot != "" {
		if t.CMYK == nil {
			return d.Errorf(at("spot"), "add cmyk: [c, m, y, k], what a press without this ink prints instead (the ink maker's CMYK equivalent)", "`%s.spot` needs a cmyk alternate", name)
		}
		if err := checkSpotName(t.Spot); err != nil {
			return d.Errorf(at("spot"), "use letters, digits, spaces and . - + _ only, e.g. PANTONE 2955 C", "`%s.spot`: %v", name, err)
		}
	}
	return nil
}

// checkSpotName accepts ink names that can be written as a PDF name.
func checkSpotName(s string) error {
	if strings.TrimSpace(s) != s || len(s) > 63 {
		return fmt.Errorf("%q is not a usable ink name", s)
	}
	if strings.EqualFold(s, "All") || strings.EqualFold(s, "None") {
		return fmt.Errorf("%q is reserved in PDF", s)
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" .-+_", r)
		if !ok {
			return fmt.Errorf("%q has the character %q", s, r)
		}
	}
	return nil
}

// Color is the colour for frames: RGB, with its press equivalents.
func (t ThemeColor) Color() (frame.Color, error) {
	c, err := ParseColor(t.RGB)
	if err != nil {
		return c, err
	}
	if len(t.CMYK) == 4 {
		c.HasCMYK = true
		copy(c.CMYK[:], t.CMYK)
		c.Spot = t.Spot
	}
	return c, nil
}
