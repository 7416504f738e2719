// Package layouts turns content into pages: page geometry, and the
// composition of each product into frames.
package layouts

import (
	"fmt"
	"sort"
	"strings"
)

// PageSize is a page's width and height in points (portrait).
type PageSize struct {
	Name string
	W, H float64
}

const (
	inch = 72.0
	mm   = 72.0 / 25.4
)

var pageSizes = map[string]PageSize{
	"letter":      {"Letter", 8.5 * inch, 11 * inch},
	"legal":       {"Legal", 8.5 * inch, 14 * inch},
	"tabloid":     {"Tabloid", 11 * inch, 17 * inch},
	"half-letter": {"Half Letter", 5.5 * inch, 8.5 * inch},
	"a3":          {"A3", 297 * mm, 420 * mm},
	"a4":          {"A4", 210 * mm, 297 * mm},
	"a5":          {"A5", 148 * mm, 210 * mm},
	"a2":          {"A2", 420 * mm, 594 * mm},
	"card-us":     {"US card", 3.5 * inch, 2 * inch},
	"card-eu":     {"EU card", 85 * mm, 55 * mm},
	"sticker-3x3": {"3×3 in", 3 * inch, 3 * inch},
	"sticker-4x6": {"4×6 in", 4 * inch, 6 * inch},
}

// LookupPageSize returns a named page size (case-insensitive).
func LookupPageSize(name string) (PageSize, error) {
	if ps, ok := pageSizes[strings.ToLower(name)]; ok {
		return ps, nil
	}
	var names []string
	for k := range pageSizes {
		names = append(names, k)
	}
	sort.Strings(names)
	return PageSize{}, fmt.Errorf("unknown page size %q (known: %s)", name, strings.Join(names, ", "))
}
