package layouts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"handbill/source"

	"gopkg.in/yaml.v3"
)

// Length is a distance in a layout file: "0.5in", "12mm", "36pt", or "40%"
// of the area it is measured in (its width for x and w, its height for y
// and h). A bare number is in points.
type Length struct {
	V       float64
	Percent bool
	// Src is the length as written in a layout file ("" when made in
	// code), for messages.
	Src string
}

// written is the length as written, for messages.
func (l Length) written() string {
	if l.Src != "" {
		return l.Src
	}
	if l.Percent {
		return fmt.Sprintf("%g%%", l.V)
	}
	return fmt.Sprintf("%gpt", l.V)
}

// Resolve returns the length in points; whole is what 100% is.
func (l Length) Resolve(whole float64) float64 {
	if l.Percent {
		return l.V / 100 * whole
	}
	return l.V
}

// maxLength bounds lengths: 200 in (the largest page size), or 1000%.
const maxLength = 200 * inch

// ParseLength reads a length; it returns an error naming the accepted units.
// A length must be finite and at most 200 in (or 1000%) either way.
func ParseLength(s string) (Length, error) {
	l, err := finite(parseLength(s))
	if err != nil {
		return l, err
	}
	if (l.Percent && math.Abs(l.V) > 1000) || (!l.Percent && math.Abs(l.V) > maxLength) {
		return Length{}, fmt.Errorf("%q is not a length of at most 200in or 1000%%", s)
	}
	return l, nil
}

func parseLength(s string) (Length, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		pt     float64
	}{{"in", inch}, {"mm", mm}, {"cm", 10 * mm}, {"pt", 1}, {"%", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil {
				break
			}
			if u.suffix == "%" {
				return Length{V: v, Percent: true}, nil
			}
			return Length{V: v * u.pt}, nil
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return Length{V: v}, nil
	}
	return Length{}, fmt.Errorf("%q is not a length: write a number with in, mm, cm, pt or %%, e.g. 0.5in", s)
}

// finite refuses NaN and infinities ("nanin", "infpt"), which ParseFloat reads.
func finite(l Length, err error) (Length, error) {
	if err == nil && (math.IsNaN(l.V) || math.IsInf(l.V, 0)) {
		return Length{}, fmt.Errorf("not a finite length")
	}
	return l, err
}

// DecodeScalar reads a length from a layout file.
func (l *Length) DecodeScalar(value string, _ source.Pos) error {
	v, err := ParseLength(value)
	if _, err2 := finite(parseLength(value)); err != nil && err2 == nil {
		return &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("must be a length of at most 200in (or 1000%%) either way, got %q", value), Hint: "lengths are measured on the page: give one that fits it"}
	}
	if err != nil {
		return &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("must be a length such as 0.5in or 12mm, got %q", value), Hint: "write a number with in, mm, cm, pt or %, e.g. 0.5in"}
	}
	v.Src = value
	*l = v
	return nil
}

// SizeSpec is a page or card size: a name ("letter", "a4", "card-us") or
// two lengths [width, height].
type SizeSpec struct {
	Name string
	W, H Length
}

// DecodeYAMLNode reads a size name or a [width, height] pair.
func (s *SizeSpec) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	hint := "write a size name (" + strings.Join(sortedKeys(pageSizes), ", ") + ") or [width, height] such as [3.5in, 2in]"
	switch n.Kind {
	case yaml.ScalarNode:
		if _, err := LookupPageSize(n.Value); err != nil {
			return d.Errorf(n, hint, "`%s`: unknown size %q", name, n.Value)
		}
		*s = SizeSpec{Name: n.Value}
		return nil
	case yaml.SequenceNode:
		if len(n.Content) == 2 {
			var wh [2]Length
			for i, c := range n.Content {
				what := [2]string{"width", "height"}[i]
				l, err := finite(parseLength(c.Value))
				switch {
				case c.Kind != yaml.ScalarNode:
					return d.Errorf(c, hint, "`%s`: the %s must be a length such as 3.5in or 85mm", name, what)
				case err != nil:
					return d.Errorf(c, hint, "`%s`: the %s must be a length such as 3.5in or 85mm, got %q", name, what, c.Value)
				case l.Percent:
					return d.Errorf(c, hint, "`%s`: the %s must be in in, mm, cm or pt, not a percentage, got %q", name, what, c.Value)
				case l.V <= 0 || l.V >= 200*inch:
					return d.Errorf(c, hint, "`%s`: the %s must be more than 0 and less than 200in, got %q", name, what, c.Value)
				}
				l.Src = c.Value
				wh[i] = l
			}
			*s = SizeSpec{W: wh[0], H: wh[1]}
			return nil
		}
	}
	return d.Errorf(n, hint, "`%s` must be a size name or [width, height] in in, mm or pt", name)
}

// Resolve returns the size in points.
func (s SizeSpec) Resolve() PageSize {
	if s.Name != "" {
		ps, _ := LookupPageSize(s.Name)
		return ps
	}
	return PageSize{Name: fmt.Sprintf("%.4gx%.4gpt", s.W.V, s.H.V), W: s.W.V, H: s.H.V}
}
