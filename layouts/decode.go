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

// DecodeYAMLNode decodes a block and records where it and each of its
// values are.
func (b *Block) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	err := d.Decode(n, name, (*blockFields)(b))
	b.Pos = d.Pos(n)
	b.at = valuePositions(d, n)
	if err != nil {
		return err
	}
	return checkBlockNumbers(d, n, b)
}

// valuePos is where the block's value of key is written, or the block's
// position when it does not give one.
func (b *Block) valuePos(key string) source.Pos {
	if p, ok := b.at[key]; ok {
		return p
	}
	return b.Pos
}

type variantFields Variant

// DecodeYAMLNode decodes a size and records where it and its type scale
// are.
func (v *Variant) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	err := d.Decode(n, name, (*variantFields)(v))
	v.Pos = d.Pos(n)
	v.scalePos = d.Pos(valueNode(n, "type_scale"))
	return err
}

type pageFields PageSpec

// DecodeYAMLNode decodes a page and records where it and its background
// are.
func (p *PageSpec) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	err := d.Decode(n, name, (*pageFields)(p))
	p.Pos = d.Pos(n)
	p.backgroundPos = d.Pos(valueNode(n, "background"))
	return err
}

// valuePositions maps each key of mapping n to where its value is.
func valuePositions(d *source.Decoder, n *yaml.Node) map[string]source.Pos {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	at := make(map[string]source.Pos, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		at[n.Content[i].Value] = d.Pos(n.Content[i+1])
	}
	return at
}
