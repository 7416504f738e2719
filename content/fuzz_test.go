package content

import (
	"errors"
	"os"
	"testing"
)

// FuzzDecodeYAML: whatever the bytes, DecodeYAML returns nil or a *Error
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
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(err error) {
			if err == nil {
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%q: got %T %v, want a *Error", data, err, err)
			}
			if e.Pos.File != "f.yaml" || e.Msg == "" {
				t.Fatalf("%q: error without file or message: %#v", data, e)
			}
		}
		var u userFile
		check(DecodeYAML("f.yaml", data, &u))
		var s sample
		check(DecodeYAML("f.yaml", data, &s))
		var l langFile
		check(DecodeYAML("f.yaml", data, &l))
	})
}
