package layouts_test

import (
	"testing"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/text"
)

// builtins loads what most tests compose with: the built-in content and
// layouts, and an engine over the bundled fonts.
func builtins(t testing.TB) (*content.Set, map[string]*layouts.Layout, *text.Engine) {
	t.Helper()
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return set, ls, text.NewEngine(fonts.Builtin())
}
