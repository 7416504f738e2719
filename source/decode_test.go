package source

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// sample is a target exercising every kind DecodeYAML supports.
type sample struct {
	Lang         string               `yaml:"lang,required"`
	Headline     Text                 `yaml:"headline"`
	Size         float64              `yaml:"size"`
	Count        int                  `yaml:"count"`
	Small        int8                 `yaml:"small"`
	Bold         bool                 `yaml:"bold"`
	Tags         []string             `yaml:"tags"`
	Colors       map[string]testColor `yaml:"colors"`
	Keyed        map[Text]int         `yaml:"keyed"`
	Inner        *sampleInner         `yaml:"inner"`
	Items        []sampleInner        `yaml:"items"`
	sampleCommon `yaml:",inline"`
	Ignored      string // no tag: never decoded
}

// testColor decodes itself from one scalar (see ScalarDecoder).
type testColor string

func (c *testColor) DecodeScalar(value string, _ Pos) error {
	if len(value) != 7 || value[0] != '#' {
		return &Diagnostic{Severity: Error, Message: fmt.Sprintf("must be a colour written \"#rrggbb\", got %q", value),
			Hint: "six hexadecimal digits after #, quoted: \"#1a6fb0\""}
	}
	*c = testColor(strings.ToLower(value))
	return nil
}

type sampleInner struct {
	Name string `yaml:"name,required"`
}

type sampleCommon struct {
	Note string `yaml:"note"`
}

func TestDecodeYAMLValues(t *testing.T) {
	src := `lang: en
headline: Know the signs
size: 12.5
count: 0x10
small: -3
bold: true
tags: [a, "b"]
colors:
  accent: "#1A6FB0"
keyed:
  one: 1
inner:
  name: x
items:
  - name: y
note: 0800
`
	var s sample
	if err := DecodeYAML("t.yaml", []byte(src), &s); err != nil {
		t.Fatal(err)
	}
	if s.Lang != "en" || s.Size != 12.5 || s.Count != 16 || s.Small != -3 || !s.Bold {
		t.Errorf("scalars: %+v", s)
	}
	if s.Headline != (Text{S: "Know the signs", Pos: Pos{"t.yaml", 2, 11}}) {
		t.Errorf("headline = %+v", s.Headline)
	}
	if strings.Join(s.Tags, ",") != "a,b" || s.Colors["accent"] != "#1a6fb0" {
		t.Errorf("tags %v colors %v", s.Tags, s.Colors)
	}
	if s.Keyed[Text{S: "one", Pos: Pos{"t.yaml", 11, 3}}] != 1 {
		t.Errorf("keyed = %v", s.Keyed)
	}
	if s.Inner == nil || s.Inner.Name != "x" || len(s.Items) != 1 || s.Items[0].Name != "y" {
		t.Errorf("inner %v items %v", s.Inner, s.Items)
	}
	if s.Note != "0800" { // a scalar fills a string as written
		t.Errorf("note = %q", s.Note)
	}
}

// TestDecodeYAMLErrors pins the message, position and hint of each kind of
// mistake.
func TestDecodeYAMLErrors(t *testing.T) {
	cases := []struct {
		name, src, err, hint string
	}{
		{"unknown key with suggestion", "lang: en\nheadlin: x\n",
			"t.yaml:2:1: unknown key `headlin`", "did you mean `headline`?"},
		{"unknown key listing allowed", "lang: en\nzzz: 1\n",
			"t.yaml:2:1: unknown key `zzz`", "allowed keys: bold, colors, count, headline, inner, items, keyed, lang, note, size, small, tags"},
		{"unknown key in a list item", "lang: en\nitems:\n  - nmae: x\n",
			"t.yaml:3:5: unknown key `nmae`", "did you mean `name`?"},
		{"wrong type: number", "lang: en\nsize: big\n",
			"t.yaml:2:7: `size` must be a number, got \"big\"", "write a number without a unit, e.g. 1.2"},
		{"wrong type: whole number", "lang: en\ncount: 1.5\n",
			"t.yaml:2:8: `count` must be a whole number, got \"1.5\"", "write a number without a decimal point or unit, e.g. 3"},
		{"whole number overflow", "lang: en\nsmall: 300\n",
			"t.yaml:2:8: `small` must be a whole number, got \"300\"", "write a number without a decimal point or unit, e.g. 3"},
		{"wrong type: bool", "lang: en\nbold: yes\n",
			"t.yaml:2:7: `bold` must be true or false, got \"yes\"", "write true or false"},
		{"wrong type: list", "lang: en\ntags: a\n",
			"t.yaml:2:7: `tags` must be a list, got \"a\"", "write a list, one `- item` per line, or [a, b]"},
		{"wrong type: text", "lang: [en]\n",
			"t.yaml:1:7: `lang` must be text, got a list", "write the text after the colon, in quotes if it starts with [ or {"},
		{"wrong type: list item", "lang: en\ntags:\n  - [x]\n",
			"t.yaml:3:5: `tags` item must be text, got a list", "write the text after the colon, in quotes if it starts with [ or {"},
		{"wrong type: mapping", "lang: en\ninner: x\n",
			"t.yaml:2:8: `inner` must be a mapping (`key: value` lines), got \"x\"", "write `key: value` lines indented under this key"},
		{"root not a mapping", "- a\n",
			"t.yaml:1:1: the file must be a mapping (`key: value` lines), got a list", "write `key: value` lines, or {key: value}"},
		{"duplicate key", "lang: en\nsize: 1\nlang: es\n",
			"t.yaml:3:1: duplicate key `lang`", "`lang` is first set at line 1; keep one of them"},
		{"duplicate key in a map", "lang: en\ncolors: {a: \"#000000\", a: \"#ffffff\"}\n",
			"t.yaml:2:24: duplicate key `a`", "`a` is first set at line 2; keep one of them"},
		{"tab indentation", "lang: en\ninner:\n\tname: x\n",
			"t.yaml:3:1: tab character in indentation", "YAML indents with spaces only: replace the tab with spaces"},
		{"anchor and alias refused", "lang: &l en\nheadline: *l\n",
			"t.yaml:1:7: YAML anchor `&l` is not supported", "YAML anchors and aliases are not supported (they can blow up a small file); write each value out in full"},
		{"billion laughs refused", "lang: en\ntags: &a [x, x]\nnote: [*a, *a]\n",
			"t.yaml:2:7: YAML anchor `&a` is not supported", "YAML anchors and aliases are not supported (they can blow up a small file); write each value out in full"},
		{"missing required", "headline: x\n",
			"t.yaml:1:1: missing required key `lang`", "add `lang: …` to this mapping"},
		{"missing required nested", "lang: en\ninner: {}\n",
			"t.yaml:2:8: missing required key `name` in `inner`", "add `name: …` to this mapping"},
		{"no value", "lang:\n",
			"t.yaml:1:6: `lang` has no value (want text)", "write a value after the colon, or remove the key"},
		{"unquoted colour is a comment", "lang: en\ncolors:\n  accent: #1a6fb0\n",
			"t.yaml:3:10: `accent` has no value (want a single value)", "in YAML, # after a space starts a comment: quote the value, e.g. \"#1a6fb0\""},
		{"bad colour", "lang: en\ncolors:\n  accent: red\n",
			"t.yaml:3:11: `accent` must be a colour written \"#rrggbb\", got \"red\"", "six hexadecimal digits after #, quoted: \"#1a6fb0\""},
		{"syntax error, scanner", "lang: en\nheadline: a: b\n",
			"t.yaml:2:1: invalid YAML: mapping values are not allowed in this context", "a value containing \": \" must be quoted, and nested keys must be indented under their parent"},
		{"syntax error, parser", "lang: en\nsize: 1\ntags: [a\nbold: true\n",
			"t.yaml:3:1: invalid YAML: did not find expected ',' or ']'", "a [ or { opened here is not closed, or its items are not separated by commas"},
		{"syntax error, indentation", "lang: en\ninner:\n  name: x\n bold: true\n",
			"t.yaml:4:2: invalid YAML: did not find expected key", "check the indentation of this line against the lines above it"},
		{"syntax error on line 1", "lang: a: b\n",
			"t.yaml:1:1: invalid YAML: mapping values are not allowed in this context", "a value containing \": \" must be quoted, and nested keys must be indented under their parent"},
		{"empty document", "",
			"t.yaml:1:1: empty document", "the file is empty or holds only comments; write at least one `key: value` line"},
		{"only comments", "# nothing yet\n",
			"t.yaml:1:1: empty document", "the file is empty or holds only comments; write at least one `key: value` line"},
		{"two documents", "lang: en\n---\nlang: es\n",
			"t.yaml:3:1: more than one YAML document in the file", "keep one document: remove the `---` line and what follows, or merge the two"},
		{"non-text key", "? [a]\n: b\n",
			"t.yaml:1:3: a key must be text", "write keys as plain words, like `name:`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s sample
			err := DecodeYAML("t.yaml", []byte(c.src), &s)
			var e *Diagnostic
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want a *Diagnostic", err, err)
			}
			if e.Error() != c.err {
				t.Errorf("error\n got: %s\nwant: %s", e.Error(), c.err)
			}
			if e.Hint != c.hint {
				t.Errorf("hint\n got: %s\nwant: %s", e.Hint, c.hint)
			}
		})
	}
}

func TestDecodeYAMLProgrammerErrors(t *testing.T) {
	var s sample
	if err := DecodeYAML("t.yaml", []byte("lang: en\n"), s); err == nil || errors.As(err, new(*Diagnostic)) {
		t.Errorf("non-pointer: got %v", err)
	}
	var bad struct {
		C chan int `yaml:"c"`
	}
	if err := DecodeYAML("t.yaml", []byte("c: 1\n"), &bad); err == nil || errors.As(err, new(*Diagnostic)) {
		t.Errorf("unsupported type: got %v", err)
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"headline", "intro", "signs", "do", "web_label", "name"}
	for word, want := range map[string]string{
		"headlin": "headline", "Headline": "headline", "sign": "signs", "intr": "intro",
		"weblabel": "web_label", "xyz": "", "dont": "", "nmae": "name", "completely-different": "",
	} {
		if got := Suggest(word, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
}
