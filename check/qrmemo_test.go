package check

import (
	"slices"
	"testing"

	"github.com/boombuler/barcode/qr"

	"handbill/frame"
	"handbill/source"
)

// TestQRCheckRemembersOnlyPasses checks that a QR code found to decode is
// remembered, and that a code whose matrix is damaged after the same
// content passed is still caught: the memo is keyed by the matrix too.
func TestQRCheckRemembersOnlyPasses(t *testing.T) {
	code, err := qr.Encode("https://example.org/memo", qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	n := code.Bounds().Dx()
	good := &frame.QR{Size: 72, Content: "https://example.org/memo", Modules: make([][]bool, n)}
	for y := range n {
		good.Modules[y] = make([]bool, n)
		for x := range n {
			r, _, _, _ := code.At(x, y).RGBA()
			good.Modules[y][x] = r < 0x8000
		}
	}
	var rules []string
	add := func(sev source.Severity, pos source.Pos, rule, msg, hint string) { rules = append(rules, rule) }
	checkQR(good, add)
	if len(rules) != 0 {
		t.Fatalf("a good code fails: %v", rules)
	}
	if !qrPassed(qrKey(good.Content, good.Modules)) {
		t.Fatal("a code that decoded is not remembered")
	}
	bad := *good
	bad.Modules = make([][]bool, len(good.Modules))
	for y, row := range good.Modules {
		bad.Modules[y] = slices.Clone(row)
	}
	// Damage the timing pattern and the format information beyond repair.
	for x := range bad.Modules[6] {
		bad.Modules[6][x] = true
	}
	for y := range bad.Modules {
		bad.Modules[y][8] = !bad.Modules[y][8]
	}
	checkQR(&bad, add)
	if !slices.Equal(rules, []string{"qr"}) {
		t.Errorf("a damaged matrix of a content that passed: findings %v, want [qr]", rules)
	}
	checkQR(good, add)
	if len(rules) != 1 {
		t.Errorf("the good code fails after the damaged one: %v", rules)
	}
}
