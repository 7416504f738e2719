package content

import (
	"slices"

	"handbill/source"
)

// byPos returns the keys of m in the order they appear in their file, so
// that the first mistake reported is the first in the file.
func byPos[V any](m map[source.Text]V) []source.Text {
	keys := make([]source.Text, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b source.Text) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	return keys
}
