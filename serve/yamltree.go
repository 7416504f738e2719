package serve

import (
	"bytes"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The project is its content file, edited as a YAML node tree: the form
// sets the keys it owns, and what `translate import` or an earlier version
// of the file wrote elsewhere (messages, provenance, comments) stays.

// parseTree reads a content file into a node tree (an empty mapping for
// an empty file).
func parseTree(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, err
		}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	return &doc, nil
}

// encodeTree writes a node tree as YAML, indented by two.
func encodeTree(doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// child returns the value of key in the mapping m, or nil.
func child(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// mapAt returns the mapping at the path under m, making it if need be.
func mapAt(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		c := child(m, k)
		if c == nil || c.Kind != yaml.MappingNode {
			c = &yaml.Node{Kind: yaml.MappingNode}
			set(m, k, c)
		}
		m = c
	}
	return m
}

// set puts v under key in the mapping m, in place if key is there.
func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, str(key), v)
}

// del removes key from the mapping m.
func del(m *yaml.Node, key string) {
	if m == nil {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// setOrDel sets key to the text v, or removes it when v is blank.
func setOrDel(m *yaml.Node, key, v string) {
	if strings.TrimSpace(v) == "" {
		del(m, key)
		return
	}
	set(m, key, str(v))
}

// delEmpty removes key from m when its value is an empty mapping.
func delEmpty(m *yaml.Node, key string) {
	if c := child(m, key); c != nil && c.Kind == yaml.MappingNode && len(c.Content) == 0 {
		del(m, key)
	}
}

// textAt is the scalar value at the path under m, or "".
func textAt(m *yaml.Node, keys ...string) string {
	for _, k := range keys {
		m = child(m, k)
	}
	if m == nil || m.Kind != yaml.ScalarNode {
		return ""
	}
	return m.Value
}

// lines maps each line of a content file to the path of the value on it
// ("organization.name", "hotlines.0.digits", "messages.vi.headline"):
// a finding at that line belongs to the form field of that path.
func lines(data []byte) map[int]string {
	out := map[int]string{}
	doc, err := parseTree(data)
	if err != nil {
		return out
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := join(path, n.Content[i].Value)
				if _, ok := out[n.Content[i].Line]; !ok || n.Content[i+1].Kind == yaml.ScalarNode {
					out[n.Content[i].Line] = p
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := join(path, strconv.Itoa(i))
				if _, ok := out[c.Line]; !ok {
					out[c.Line] = p
				}
				walk(c, p)
			}
		case yaml.ScalarNode:
			out[n.Line] = path
		}
	}
	walk(doc.Content[0], "")
	return out
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// yamlSeq builds a sequence of texts.
type yamlSeq struct{ items []*yaml.Node }

func (q *yamlSeq) add(s string)     { q.items = append(q.items, str(s)) }
func (q *yamlSeq) node() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Content: q.items} }
