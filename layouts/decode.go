package layouts

import (
	"gopkg.in/yaml.v3"

	"handbill/source"
)

// decodeLayout decodes a layout file strictly (see source.DecodeYAML).
func decodeLayout(file string, data []byte, l *Layout) error {
	return source.DecodeYAML(file, data, l)
}

type layoutFields Layout

// DecodeYAMLNode decodes a layout and keeps the positions of its top-level
// keys and theme colours, for messages about them.
func (l *Layout) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	l.Pos = map[string]source.Pos{}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			l.Pos[k.Value] = d.Pos(k)
			if k.Value == "theme" && v.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(v.Content); j += 2 {
					l.Pos["theme."+v.Content[j].Value] = d.Pos(v.Content[j+1])
				}
			}
		}
	}
	pos := l.Pos
	err := d.Decode(n, name, (*layoutFields)(l))
	l.Pos = pos
	if err == nil && (l.MinSize < 0 || l.MinSize > 1000) {
		return d.Errorf(valueNode(n, "min_size"), "the smallest type size in points, e.g. 16", "`min_size` must be between 0 and 1000 pt, got %g", l.MinSize)
	}
	return err
}

type blockFields Block

// DecodeYAMLNode decodes a block and records where it is.
func (b *Block) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	err := d.Decode(n, name, (*blockFields)(b))
	b.Pos = d.Pos(n)
	if err != nil {
		return err
	}
	return checkBlockNumbers(d, n, b)
}
