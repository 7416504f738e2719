package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"handbill/source"
)

// Color is a colour written "#rrggbb" in a content or layout file. It
// decodes itself from YAML (see source.ScalarDecoder) and is stored lower-case.
type Color string

var colorRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`) })

// DecodeScalar accepts "#rrggbb" only.
func (c *Color) DecodeScalar(value string, _ source.Pos) error {
	if !colorRE().MatchString(value) {
		return &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("must be a colour written \"#rrggbb\", got %q", value),
			Hint: "six hexadecimal digits after #, quoted: \"#1a6fb0\""}
	}
	*c = Color(strings.ToLower(value))
	return nil
}

// RGB returns the colour's components, 0–255 (black for an invalid
// colour, which DecodeScalar never produces).
func (c Color) RGB() (r, g, b uint8) {
	if !colorRE().MatchString(string(c)) {
		return 0, 0, 0
	}
	v, _ := strconv.ParseUint(string(c)[1:], 16, 32)
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}
