package check_test

import (
	"strings"
	"testing"

	"github.com/boombuler/barcode/qr"
	"golang.org/x/text/language"

	"handbill/check"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
	"handbill/text"
)

// Frames for the checks' unit tests are built by hand: paragraphs set by
// the text engine (or, where the engine would not draw the fault, glyph
// runs placed by hand), put where each test needs them.

var engine = text.NewEngine(fonts.Builtin())

const (
	inch   = 72.0
	mm     = inch / 25.4
	letter = 8.5 * inch
	tall   = 11 * inch
)

// para sets s in lang at size pt in a box width pt wide.
func para(t *testing.T, s, lang string, size, width float64) *text.Paragraph {
	t.Helper()
	p, err := engine.Layout(s, text.Style{Lang: language.MustParse(lang), Size: size}, width)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// at is a position in a test's layout file.
func at(line int) source.Pos { return source.Pos{File: "l.yaml", Line: line, Col: 9} }

// textItem is a paragraph at x, y placed by the block at block.
func textItem(t *testing.T, s string, x, y float64, block source.Pos) *frame.Text {
	t.Helper()
	return &frame.Text{X: x, Y: y, Para: para(t, s, "en", 14, 300), Src: source.Pos{File: "c.yaml", Line: 3, Col: 15}, Block: block}
}

// qrItem is a QR code for s whose symbol is size pt wide at x, y.
func qrItem(t *testing.T, s string, x, y, size float64, src source.Pos) *frame.QR {
	t.Helper()
	code, err := qr.Encode(s, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	n := code.Bounds().Dx()
	mods := make([][]bool, n)
	for y := range n {
		mods[y] = make([]bool, n)
		for x := range n {
			r, _, _, _ := code.At(x, y).RGBA()
			mods[y][x] = r < 0x8000
		}
	}
	return &frame.QR{X: x, Y: y, Size: size, Modules: mods, Content: s, Src: src}
}

// plain is a poster layout with no blocks, for frames built by hand.
func plain() layouts.Target {
	return layouts.Target{Layout: &layouts.Layout{Name: "test", Product: "poster"}, Variant: layouts.Variant{Suffix: "letter"}}
}

// parsed loads a layout from YAML and returns its target for the size
// suffix and mode.
func parsed(t *testing.T, yaml, mode string) layouts.Target {
	t.Helper()
	l, err := layouts.Parse("l.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return layouts.Target{Layout: l, Variant: l.Sizes[0], Mode: mode}
}

// page is a one-page document w×h holding items.
func page(w, h float64, items ...frame.Item) *frame.Doc {
	return &frame.Doc{Pages: []*frame.Page{{W: w, H: h, Items: items}}}
}

// findings returns what check.Frames finds with rule.
func findings(tg layouts.Target, doc *frame.Doc, rule string) []source.Diagnostic {
	var out []source.Diagnostic
	for _, f := range check.Frames(tg, doc, "en") {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// want checks that fs is one finding of severity sev at pos whose message
// holds every one of parts.
func want(t *testing.T, fs []source.Diagnostic, sev source.Severity, pos source.Pos, parts ...string) {
	t.Helper()
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1: %v", len(fs), fs)
	}
	f := fs[0]
	if f.Severity != sev || f.Pos != pos {
		t.Errorf("got %s at %s, want %s at %s: %s", f.Severity, f.Pos, sev, pos, f.Message)
	}
	for _, p := range parts {
		if !strings.Contains(f.Message, p) {
			t.Errorf("message %q does not say %q", f.Message, p)
		}
	}
	if f.Hint == "" {
		t.Errorf("no hint: %s", f.Message)
	}
}

// none checks that fs is empty.
func none(t *testing.T, fs []source.Diagnostic) {
	t.Helper()
	for _, f := range fs {
		t.Errorf("unexpected: %s (hint: %s)", f.String(), f.Hint)
	}
}
