package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText checks that for any valid UTF-8 string s, decoding Text(s)
// with an independent decoder (decodeText, in syntax_test.go) gives s,
// and that the form chosen is a literal exactly when s is printable ASCII.
func FuzzText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Add(strings.Repeat("\\(", 50))
	f.Add(strings.Repeat("😀", 20))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		enc := Text(s)
		got, err := decodeText(enc)
		if err != nil {
			t.Fatalf("Text(%q) = %q: %v", s, enc, err)
		}
		if got != s {
			t.Fatalf("Text(%q) = %q decodes to %q", s, enc, got)
		}
		printable := true
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] >= 0x7f {
				printable = false
				break
			}
		}
		if literal := enc[0] == '('; literal != printable {
			t.Fatalf("Text(%q) = %q: literal form %v for a string that is printable ASCII: %v", s, enc, literal, printable)
		}
	})
}
