package content

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handbill/source"
)

// Bidi controls in any text a user gives are an error at the character
// itself (written raw or as an escape), naming it, with a hint.
func TestBidiControlsRefused(t *testing.T) {
	const hint = "remove it (most editors do not show it: delete and retype the text around it); handbill sets each language's direction itself and keeps numbers left to right"
	cases := []struct{ name, src, err string }{
		{"headline, raw RLO", "messages:\n  en:\n    headline: Call \u202e1-888-373-7888\n",
			"c.yaml:3:20: `headline` holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders text: a number after it can print backwards"},
		{"headline, escaped", "messages:\n  en:\n    headline: \"Call \\u202E1-888-373-7888\"\n",
			"c.yaml:3:21: `headline` holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders text: a number after it can print backwards"},
		{"list item", "messages:\n  en:\n    signs:\n      - A sign\n      - Another \u2067sign\n",
			"c.yaml:5:17: `signs` item holds U+2067 RIGHT-TO-LEFT ISOLATE, an invisible character that reorders text: a number after it can print backwards"},
		{"call_only form", "messages:\n  en:\n    card_front:\n      text: Call or text.\n      call_only: \"Call\\u200f.\"\n",
			"c.yaml:5:23: `card_front.call_only` holds U+200F RIGHT-TO-LEFT MARK, an invisible character that reorders text: a number after it can print backwards"},
		{"appended item", "messages:\n  en:\n    signs+:\n      - \u202dsign\n",
			"c.yaml:4:9: `signs+` item holds U+202D LEFT-TO-RIGHT OVERRIDE, an invisible character that reorders text: a number after it can print backwards"},
		{"folded intro, second line", "messages:\n  en:\n    intro: >-\n      One line\n      and \u061cthen another\n",
			"c.yaml:5:11: `intro` holds U+061C ARABIC LETTER MARK, an invisible character that reorders text: a number after it can print backwards"},
		{"organisation name", "organization:\n  name: Clinic \u202eenilc\n",
			"c.yaml:2:16: `name` holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders text: a number after it can print backwards"},
		{"organisation contact", "organization:\n  contact: \"Call 951-555-0142 \\u2066ext 2\\u2069\"\n",
			"c.yaml:2:31: `contact` holds U+2066 LEFT-TO-RIGHT ISOLATE, an invisible character that reorders text: a number after it can print backwards"},
		{"hotline name", "hotlines:\n  - id: clinic\n    name: Clinic \u202bline\n    country: US\n    digits: \"9515550142\"\n    display: 951-555-0142\n",
			"c.yaml:3:18: `name` holds U+202B RIGHT-TO-LEFT EMBEDDING, an invisible character that reorders text: a number after it can print backwards"},
		{"hotline display", "hotlines:\n  - id: clinic\n    name: Clinic\n    country: US\n    digits: \"9515550142\"\n    display: \"951-555-0142\\u200e\"\n",
			"c.yaml:6:27: `display` holds U+200E LEFT-TO-RIGHT MARK, an invisible character that reorders text: a number after it can print backwards"},
		{"hotline hours", "hotlines:\n  - id: clinic\n    name: Clinic\n    country: US\n    web: example.org\n    hours: 8\u2068am\n",
			"c.yaml:6:13: `hours` holds U+2068 FIRST STRONG ISOLATE, an invisible character that reorders text: a number after it can print backwards"},
		{"hotline name in a language", "hotline_names:\n  es:\n    us-nhth: Línea \u202cNacional\n",
			"c.yaml:3:20: `hotline_names.us-nhth` holds U+202C POP DIRECTIONAL FORMATTING, an invisible character that reorders text: a number after it can print backwards"},
		{"reviewer", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi: {status: professional, reviewer: \"A\\u202eB\", date: 2026-01-02}\n",
			"c.yaml:5:42: `reviewer` holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders text: a number after it can print backwards"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, dir, err := loadContent(t, c.src)
			var e *source.Diagnostic
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a diagnostic", err)
			}
			got := strings.ReplaceAll(e.Error(), dir+string(filepath.Separator), "")
			if got != c.err || e.Hint != hint || e.Rule != RuleBidi {
				t.Errorf("\n got %s (%s)\nwant %s", got, e.Hint, c.err)
			}
		})
	}
}

// Joiners and zero width spaces change no order: Persian, Indic scripts,
// Thai and Khmer need them.
func TestJoinersAllowed(t *testing.T) {
	src := "messages:\n  fa:\n    headline: \"کودک\u200cآزاری\"\n  hi:\n    headline: \"क्\u200dष\"\n  th:\n    headline: \"รู้จัก\u200bสัญญาณ\"\norganization:\n  name: \"می\u200cخواهم\"\n"
	if _, _, err := loadContent(t, src); err != nil {
		t.Fatal(err)
	}
}

// The built-in files pass the same rule: no bidi control, raw or
// escaped, anywhere in them (their decoded texts are checked when they
// are read; this also covers comments and the hotline directory).
func TestBuiltinsHaveNoBidiControls(t *testing.T) {
	escaped := regexp.MustCompile(`(?i)\\u(061c|200e|200f|202[a-e]|206[6-9])`)
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := builtinFS.ReadFile("builtin/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.ContainsFunc(line, IsBidiControl) || escaped.MatchString(line) {
				t.Errorf("built-in content/%s:%d has a bidi control", e.Name(), i+1)
			}
		}
	}
	// And every resolved text of every language, name included.
	s := loadBuiltinSet(t)
	for _, l := range s.Languages() {
		for _, aud := range Audiences {
			d, err := s.Resolve(l.Tag, aud, "US")
			if err != nil {
				t.Fatal(err)
			}
			for k, tx := range d.Messages.Texts {
				if err := checkBidi(tx, k); err != nil {
					t.Error(err)
				}
			}
			for _, h := range d.Hotlines {
				if err := checkBidi(h.Name, "name"); err != nil {
					t.Error(err)
				}
			}
		}
	}
}
