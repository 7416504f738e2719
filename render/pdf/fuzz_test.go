package pdf

import (
	"bytes"
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

// FuzzReadMetrics checks that readMetrics returns an error, never panics,
// on damaged font programs, and that what it accepts has a table
// directory inside the data.
func FuzzReadMetrics(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Add(fakeSfnt(map[string][]byte{"head": make([]byte, 54), "hhea": make([]byte, 36)}))
	head := make([]byte, 54)
	head[18], head[19] = 0x08, 0x00 // 2048 units per em
	f.Add(fakeSfnt(map[string][]byte{"head": head, "hhea": make([]byte, 36), "OS/2": make([]byte, 96), "post": make([]byte, 32)}))
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		m, err := readMetrics(data)
		if !bytes.Equal(orig, data) {
			t.Fatal("readMetrics modified its input")
		}
		if err != nil {
			return
		}
		if len(data) < 12 {
			t.Fatalf("readMetrics accepted %d bytes: %+v", len(data), m)
		}
	})
}
