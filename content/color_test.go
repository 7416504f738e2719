package content

import (
	"testing"

	"handbill/source"
)

func TestColor(t *testing.T) {
	var c Color
	if err := c.DecodeScalar("#1A6FB0", source.Pos{}); err != nil || c != "#1a6fb0" {
		t.Fatalf("%v %q", err, c)
	}
	if r, g, b := c.RGB(); r != 0x1a || g != 0x6f || b != 0xb0 {
		t.Errorf("RGB = %d %d %d", r, g, b)
	}
	for _, bad := range []string{"red", "#fff", "1a6fb0", "#1a6fb0ff", "#1a6fbz"} {
		if err := c.DecodeScalar(bad, source.Pos{}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
