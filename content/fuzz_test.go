package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handbill/source"

	"golang.org/x/text/language"
)

// FuzzDecodeYAML: whatever the bytes, source.DecodeYAML returns nil or a *source.Diagnostic
// naming the file; it never panics and never returns another kind of
// error for input it was given. Run with
// `go test -fuzz FuzzDecodeYAML ./content`.
func FuzzDecodeYAML(f *testing.F) {
	// Small seeds: the fuzzer minimises each new input it finds, which is
	// slow for inputs the size of a whole language file.
	for _, name := range []string{"testdata/example.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "# c\n", "lang: en\n", "a: &x 1\nb: *x\n", "a:\n\tb: 1\n", "[1, 2\n",
		"lang: en\nlang: es\n", "messages:\n  en:\n    signs: x\n", "organization: {color: red}\n",
		"hotlines:\n  - id: x\n    digits: 1\n", "---\n---\n", "? [a]\n: b\n", "a: !!binary aGk=\n",
		"size: .inf\ncount: 0x7fffffffffffffffff\n", "{a: [b, {c: d}]}", "\xef\xbb\xbfa: 1\n", "a: \"\\u0000\"\n",
		"messages:\n  en:\n    headline: a\x01b\n", "messages:\n  en:\n    headline: a\xed\xa0\x80b\n",
		"messages:\n  en:\n    headline: \"\\uD800\"\n", "messages:\n  en:\n    headline: \"a\\x85\\u0007\"\n",
		"\xff\xfea\x00:\x00 \x001\x00\n\x00", "messages:\n  en:\n    signs: [a, b, c, d, e, f, g]\n",
		"a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "a: b\n\x00\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(err error) {
			if err == nil {
				return
			}
			var e *source.Diagnostic
			if !errors.As(err, &e) {
				t.Fatalf("%q: got %T %v, want a *source.Diagnostic", data, err, err)
			}
			if e.Pos.File != "f.yaml" || e.Message == "" {
				t.Fatalf("%q: error without file or message: %#v", data, e)
			}
		}
		var u userFile
		check(source.DecodeYAML("f.yaml", data, &u))
		var l langFile
		check(source.DecodeYAML("f.yaml", data, &l))
	})
}

// FuzzHotline: the checks of a hotline entry never panic. ValidNumber and
// CheckVanity take any strings; a vanity form made only of digits and
// separators always dials its own digits; and a user's content file with
// the entry under `hotlines:` either loads, and then resolves with the line
// printed, or fails with a *source.Diagnostic at a line and column of that file. Run
// with `go test -fuzz FuzzHotline ./content`.
func FuzzHotline(f *testing.F) {
	seeds := [][8]string{
		// id, country, digits, display, vanity, sms, sms_keyword, web
		{"riverside-line", "US", "9515550142", "951-555-0142", "", "", "", ""},
		{"us-nhth", "US", "18883737888", "1-888-373-7888", "", "233733", "BEFREE", "humantraffickinghotline.org"},
		{"us-ncmec", "US", "18008435678", "1-800-843-5678", "1-800-THE-LOST", "", "", "report.cybertip.org"},
		{"my-line", "US", "18005392373", "1-800-539-2373", "1-800-KEY-2-FREE", "", "", ""},
		{"gb-line", "GB", "08000121700", "08000 121 700", "", "", "", ""},
		{"short", "US", "911", "911", "", "", "", ""},
		{"x", "ZZ", "12", "12", "", "", "", ""},
		{"Bad ID", "us", "1-888", "", "", "", "", "http://x"},
		{"a", "US", "", "", "1-800-ÄÖÜ", "", "", ""},
		{"b", "MX", "8005533000", "800 5533 000", "", "", "", "a.b/ c"},
		{"c", "US", "9" + strings.Repeat("0", 300), "9", "", "", "", ""},
		{"d", "US", "18883737888", "1-888-373-7888", "1-888-373-78889", "\x00", "", ""},
		{"e", "US", "18883737888", "1-888-373-7888", "1-888-FREE-ABC", "233733", "kw kw", ""},
		{"us-nhth", "US", "18883737888", "1-888-373-7888", "", "", "", ""},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])
	}
	dir, err := os.MkdirTemp("", "fuzzhotline")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { os.RemoveAll(dir) })
	file := filepath.Join(dir, "c.yaml")
	f.Fuzz(func(t *testing.T, id, country, digits, display, vanity, sms, keyword, web string) {
		_ = ValidNumber(digits, country)
		_ = ValidNumber(sms, country)
		_ = CheckVanity(vanity, digits)
		if strings.Trim(vanity, "0123456789- .()") == "" {
			if err := CheckVanity(vanity, keepDigits(vanity)); err != nil {
				t.Fatalf("CheckVanity(%q, its own digits): %v", vanity, err)
			}
		}
		var b strings.Builder
		b.WriteString("hotlines:\n  - id: " + yamlQuote(id) + "\n")
		for _, kv := range [][2]string{{"name", "Fuzz line"}, {"country", country}, {"digits", digits},
			{"display", display}, {"vanity", vanity}, {"sms", sms}, {"sms_keyword", keyword}, {"web", web}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "    %s: %s\n", kv[0], yamlQuote(kv[1]))
			}
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Load(file)
		if err != nil {
			var e *source.Diagnostic
			if !errors.As(err, &e) {
				t.Fatalf("%s: got %T %v, want a *source.Diagnostic", b.String(), err, err)
			}
			if e.Pos.File != file || e.Pos.Line < 1 || e.Pos.Col < 1 || e.Message == "" {
				t.Fatalf("%s: error without a position or message: %#v", b.String(), e)
			}
			return
		}
		d, err := s.Resolve(language.English, "", "US")
		if err != nil {
			t.Fatalf("%s: loads, but does not resolve: %v", b.String(), err)
		}
		if !slices.ContainsFunc(d.Hotlines, func(h Hotline) bool { return h.ID == strings.TrimSpace(id) || h.ID == id }) {
			t.Fatalf("%s: loads, but the line is not printed", b.String())
		}
	})
}

// yamlQuote writes s as a YAML double-quoted scalar (bytes that are not
// UTF-8 become U+FFFD).
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7F, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF:
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			fmt.Fprintf(&b, "\\U%08X", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
