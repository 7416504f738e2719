package layouts

import (
	"fmt"

	"handbill/source"

	"gopkg.in/yaml.v3"
)

// Numbers in a layout file are checked as they are read, at their
// position, against the ranges the JSON Schema gives (see Schema): a
// negative line width or line height is a mistake to report, not a value
// to draw with.

type styleFields StyleSpec

// DecodeYAMLNode decodes a style and checks its numbers.
func (s *StyleSpec) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	err := d.Decode(n, name, (*styleFields)(s))
	s.Pos, s.at = d.Pos(n), valuePositions(d, n)
	if err != nil {
		return err
	}
	if len(s.Size) != 1 && len(s.Size) != 2 {
		return d.Errorf(valueNode(n, "size"), "write [min, max], e.g. [16, 20], or one number", "`size` must be [min, max] in points or one number")
	}
	for _, v := range s.Size {
		if v <= 0 || v > 1000 {
			return d.Errorf(valueNode(n, "size"), "type sizes are points, e.g. [16, 20]", "`size` must be more than 0 and at most 1000 pt, got %g", v)
		}
	}
	if len(s.Size) == 2 && s.Size[0] > s.Size[1] {
		return d.Errorf(valueNode(n, "size"), fmt.Sprintf("write the smaller size first: [%g, %g]", s.Size[1], s.Size[0]), "`size` is [min, max], but %g is more than %g", s.Size[0], s.Size[1])
	}
	if s.LineHeight < 0 || s.LineHeight > 10 {
		return d.Errorf(valueNode(n, "line_height"), "a multiple of the size, e.g. 1.3", "`line_height` must be between 0 and 10, got %g", s.LineHeight)
	}
	if s.MaxLines < 0 {
		return d.Errorf(valueNode(n, "max_lines"), "0 means no limit", "`max_lines` must be 0 or more, got %d", s.MaxLines)
	}
	return nil
}

// checkBlockNumbers checks a block's numbers as read from node n.
func checkBlockNumbers(d *source.Decoder, n *yaml.Node, b *Block) error {
	if b.Width < 0 || b.Width > 100 {
		return d.Errorf(valueNode(n, "width"), "a line width in points, e.g. 1", "`width` must be between 0 and 100 pt, got %g", b.Width)
	}
	for _, v := range b.Dash {
		if v <= 0 || v > 1000 {
			return d.Errorf(valueNode(n, "dash"), "dash and gap lengths in points, e.g. [4, 3]", "`dash` lengths must be more than 0 and at most 1000 pt, got %g", v)
		}
	}
	if len(b.Dash) > 16 {
		return d.Errorf(valueNode(n, "dash"), "dash and gap lengths in points, e.g. [4, 3]", "`dash` has %d lengths; at most 16", len(b.Dash))
	}
	if b.Max < 0 {
		return d.Errorf(valueNode(n, "max"), "0 shows every item", "`max` must be 0 or more, got %d", b.Max)
	}
	if b.Count < 0 {
		return d.Errorf(valueNode(n, "count"), "tear-off tabs: between 2 and 20", "`count` must be 0 or more, got %d", b.Count)
	}
	return nil
}

// valueNode returns the value of key in mapping n, or n itself.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	}
	return n
}
