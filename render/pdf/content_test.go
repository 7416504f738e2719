package pdf

import (
	"strings"
	"testing"
)

// TestContentOperators checks each operator's syntax, as the PDF
// reference writes them: operands, then the operator, one per line.
func TestContentOperators(t *testing.T) {
	tests := []struct {
		name string
		draw func(c *Content)
		want string
	}{
		{"save restore", func(c *Content) { c.Save(); c.Restore() }, "q\nQ\n"},
		{"transform", func(c *Content) { c.Transform(2, 0, 0, 3, 10, 20) }, "2 0 0 3 10 20 cm\n"},
		{"transform rotation", func(c *Content) { c.Transform(0.7071068, 0.7071068, -0.7071068, 0.7071068, 1.2346, -0.0001) },
			"0.70711 0.70711 -0.70711 0.70711 1.235 0 cm\n"},
		{"fill rgb", func(c *Content) { c.FillRGB(1, 0.5, 0) }, "1.000 0.500 0.000 rg\n"},
		{"stroke rgb", func(c *Content) { c.StrokeRGB(0.25, 0.125, 1) }, "0.250 0.125 1.000 RG\n"},
		{"fill cmyk", func(c *Content) { c.FillCMYK(0, 0.1, 0.2, 1) }, "0.000 0.100 0.200 1.000 k\n"},
		{"stroke cmyk", func(c *Content) { c.StrokeCMYK(1, 1, 0, 0) }, "1.000 1.000 0.000 0.000 K\n"},
		{"fill space", func(c *Content) { c.FillSpace("/CS1", 1) }, "/CS1 cs 1.000 scn\n"},
		{"stroke space", func(c *Content) { c.StrokeSpace("/CS2", 0.5) }, "/CS2 CS 0.500 SCN\n"},
		{"line width", func(c *Content) { c.LineWidth(0.5) }, "0.5 w\n"},
		{"dash", func(c *Content) { c.Dash([]float64{3, 1.5}) }, "[3 1.5] 0 d\n"},
		{"solid", func(c *Content) { c.Dash(nil) }, "[] 0 d\n"},
		{"rect", func(c *Content) { c.Rect(10, 20.25, 30.5, 40) }, "10 20.25 30.5 40 re\n"},
		// Positions keep two decimals, lengths three.
		{"rect rounding", func(c *Content) { c.Rect(1.2346, 0, 1.2346, 0) }, "1.23 0 1.235 0 re\n"},
		{"line", func(c *Content) { c.Line(0, 0, 100, 50.5) }, "0 0 m\n100 50.5 l\n"},
		{"paint", func(c *Content) { c.Fill(); c.Stroke(); c.FillStroke() }, "f\nS\nB\n"},
		{"text", func(c *Content) {
			c.BeginText()
			c.Font("/F1", 12)
			c.TextMove(72, 700.5)
			c.TextRender(2)
			c.CharSpacing(0.25)
			c.ShowCIDs([]uint16{1, 0x1234, 0xABCD})
			c.EndText()
		}, "BT\n/F1 12 Tf\n72 700.5 Td\n2 Tr\n0.25 Tc\n<00011234ABCD> Tj\nET\n"},
		{"spaced", func(c *Content) {
			c.ShowSpaced([]uint16{1, 2, 3, 4}, []float64{99, 0, -12.34, 0.04})
		}, "[<00010002> -12.3 <00030004>] TJ\n"},
		{"spaced one", func(c *Content) { c.ShowSpaced([]uint16{0xABCD}, []float64{0}) }, "[<ABCD>] TJ\n"},
		{"actual text", func(c *Content) {
			c.BeginActualText("ﬁ")
			c.EndMarked()
		}, "/Span <</ActualText <FEFFFB01>>> BDC\nEMC\n"},
		{"actual text ascii", func(c *Content) { c.BeginActualText("a(b") }, `/Span <</ActualText (a\(b)>> BDC` + "\n"},
		{"image", func(c *Content) { c.Image("/Im1", 10, 20, 30, 40) }, "q\n30 0 0 40 10 20 cm\n/Im1 Do\nQ\n"},
	}
	for _, tt := range tests {
		var c Content
		tt.draw(&c)
		got := string(c.Bytes())
		// Hex strings are case-insensitive.
		if tt.name == "text" {
			got = strings.ToUpper(got[:strings.Index(got, "Tj")]) + got[strings.Index(got, "Tj"):]
			tt.want = strings.ToUpper(tt.want[:strings.Index(tt.want, "Tj")]) + tt.want[strings.Index(tt.want, "Tj"):]
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestContentEmpty(t *testing.T) {
	var c Content
	if len(c.Bytes()) != 0 {
		t.Errorf("a new Content holds %q", c.Bytes())
	}
}
