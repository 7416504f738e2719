package content

import "slices"

// byPos returns the keys of m in the order they appear in their file, so
// that the first mistake reported is the first in the file.
func byPos[V any](m map[Text]V) []Text {
	keys := make([]Text, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Text) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	return keys
}
