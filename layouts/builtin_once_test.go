package layouts

import (
	"slices"
	"strings"
	"testing"
)

// TestBuiltinParsedOnce checks that the built-in layouts are parsed once
// per process and found by name without parsing the others.
func TestBuiltinParsedOnce(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names := BuiltinNames()
	if len(names) != len(all) || len(names) == 0 {
		t.Fatalf("BuiltinNames gives %d names, Builtin %d layouts", len(names), len(all))
	}
	for _, n := range names {
		l, err := BuiltinNamed(n)
		if err != nil || l == nil {
			t.Fatalf("BuiltinNamed(%q) = %v, %v", n, l, err)
		}
		if all[n] != l {
			t.Errorf("BuiltinNamed(%q) is not the layout Builtin returned: parsed twice", n)
		}
		again, _ := Builtin()
		if again[n] != l {
			t.Errorf("a second Builtin() parsed %q again", n)
		}
		// An output is found among the layouts whose name begins its own.
		for _, tg := range Targets(l) {
			if tg.Name() != n && !strings.HasPrefix(tg.Name(), n+"-") {
				t.Errorf("output %q does not begin with its layout's name %q", tg.Name(), n)
			}
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("BuiltinNames not in order: %v", names)
	}
	if l, err := BuiltinNamed("no-such-layout"); l != nil || err != nil {
		t.Errorf("BuiltinNamed(unknown) = %v, %v; want nil, nil", l, err)
	}
}
