package content

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handbill/source"

	"golang.org/x/text/language"
)

// loadContent writes src as c.yaml (plus a logo.png and a notimage.png)
// in a temporary folder and loads it.
func loadContent(t *testing.T, src string) (*Set, string, error) {
	t.Helper()
	dir := t.TempDir()
	logo, err := os.ReadFile("testdata/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "logo.png"), logo, 0o644)
	os.WriteFile(filepath.Join(dir, "notimage.png"), []byte("GIF89a"), 0o644)
	file := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(file)
	return s, dir, err
}

// TestContentFileErrors pins the message, position and hint of mistakes in
// a user's content file.
func TestContentFileErrors(t *testing.T) {
	cases := []struct {
		name, src, err, hint string
	}{
		{"unknown top-level key", "regoin: US\n",
			"c.yaml:1:1: unknown key `regoin`", "did you mean `region`?"},
		{"unknown message key", "messages:\n  en:\n    headlin: Hi\n",
			"c.yaml:3:5: unknown message key `headlin`", "did you mean `headline`?"},
		{"text where a list is wanted", "messages:\n  en:\n    signs: Runs away\n",
			"c.yaml:3:12: `signs` must be a list of lines (`- …` under the key), got \"Runs away\"", "write a list, one `- item` per line, or [a, b]"},
		{"list where text is wanted", "messages:\n  en:\n    headline: [a, b]\n",
			"c.yaml:3:15: `headline` must be text, got a list", "write the text after the colon, in quotes if it starts with [ or {"},
		{"empty message", "messages:\n  en:\n    headline: \"  \"\n",
			"c.yaml:3:15: `headline` is empty", "write the text, or remove the key to keep the built-in text"},
		{"unknown placeholder", "messages:\n  en:\n    emergency_line: Call {emergncy} now.\n",
			"c.yaml:3:21: unknown placeholder `{emergncy}`", "did you mean `{emergency}`? placeholders: {emergency}, {hotline}, {languages}, {missing}, {sms}, {sms_keyword}, {sms_languages}, {web}"},
		{"bad language tag", "languages: [en, \"e$\"]\n",
			"c.yaml:1:17: \"e$\" is not a BCP 47 language tag", "use a tag such as en, es, es-MX, zh-Hant, pa"},
		{"bad language tag in messages", "messages:\n  english:\n    headline: Hi\n",
			"c.yaml:2:3: \"english\" is not a BCP 47 language tag", "use a tag such as en, es, es-MX, zh-Hant, pa"},
		{"language with no content", "languages: [en, nb]\n",
			"c.yaml:1:17: no text in language `nb` (Norwegian Bokmål)", "'handbill list languages' shows the 25 languages handbill has; add --fallback TAG to print one of them instead, on purpose, or add it with `messages: nb: {…}` in this file"},
		{"language twice", "languages: [en, en]\n",
			"c.yaml:1:17: language `en` is listed twice", ""},
		{"unknown region", "region: US-CX\n",
			"c.yaml:1:9: unknown region `US-CX`", "did you mean `US-CA`? known: US, US-CA, US-FL, US-GA, US-TN, CA, MX, GB, IE, AU, EU"},
		{"unknown audience", "audience: yuoth\n",
			"c.yaml:1:11: unknown audience `yuoth`", "did you mean `youth`? known: community, parents, educators, clinicians, youth"},
		{"unknown audience in audiences", "audiences:\n  teachers:\n    en:\n      headline: Hi\n",
			"c.yaml:2:3: unknown audience `teachers`", "known: community, parents, educators, clinicians, youth"},
		{"bad colour", "organization:\n  color: blue\n",
			"c.yaml:2:10: `color` must be a colour written \"#rrggbb\", got \"blue\"", "six hexadecimal digits after #, quoted: \"#1a6fb0\""},
		{"unquoted colour", "organization:\n  color: #1a6fb0\n",
			"c.yaml:2:9: `color` has no value (want a single value)", "in YAML, # after a space starts a comment: quote the value, e.g. \"#1a6fb0\""},
		{"missing logo", "organization:\n  logo: nope.png\n",
			"c.yaml:2:9: cannot read the logo: no such file or directory", "the path is relative to the content file: DIR/nope.png"},
		{"logo not an image", "organization:\n  logo: notimage.png\n",
			"c.yaml:2:9: the logo notimage.png is not a PNG or JPEG file", "save the logo as PNG or JPEG"},
		{"override of a built-in number", "hotlines:\n  - id: us-nhth\n    name: National Human Trafficking Hotline\n    country: US\n    digits: \"18883737889\"\n    display: 1-888-373-7889\n",
			"c.yaml:5:13: hotline `us-nhth` is built in as 1-888-373-7888, text 233733; refusing to change it to 1-888-373-7889",
			"a changed number must be on purpose: add `override: true` to this entry, or give your line its own id"},
		{"dropping a built-in text line", "hotlines:\n  - id: us-nhth\n    name: National Human Trafficking Hotline\n    country: US\n    digits: \"18883737888\"\n    display: 1-888-373-7888\n",
			"c.yaml:2:9: hotline `us-nhth` is built in as 1-888-373-7888, text 233733; refusing to change it to 1-888-373-7888",
			"a changed number must be on purpose: add `override: true` to this entry, or give your line its own id"},
		{"invalid local number", "hotlines:\n  - id: local\n    name: Local\n    country: US\n    digits: \"5550142\"\n    display: 555-0142\n",
			"c.yaml:5:13: `digits` 5550142 is not a valid number in US",
			"check every digit against the service's own page; a short code that libphonenumber lacks needs `exempt: <why>`"},
		{"digits not quoted digits", "hotlines:\n  - id: local\n    name: Local\n    country: US\n    digits: 951-555-0142\n",
			"c.yaml:5:13: `digits` must be digits only, got \"951-555-0142\"",
			"write the number to dial without spaces or hyphens, quoted: \"18883737888\"; the printed form goes in `display:`"},
		{"vanity that does not dial the number", "hotlines:\n  - id: local\n    name: Local\n    country: US\n    digits: \"9515550142\"\n    display: 951-555-0142\n    vanity: 951-555-HELP\n",
			"c.yaml:7:13: `vanity` \"951-555-HELP\" dials 9515554357, not 9515550142",
			"on a phone keypad ABC=2 DEF=3 GHI=4 JKL=5 MNO=6 PQRS=7 TUV=8 WXYZ=9"},
		{"unknown built-in id", "hotlines:\n  - id: us-childhelpp\n",
			"c.yaml:2:9: no built-in hotline `us-childhelpp`", "did you mean `us-childhelp`? known: us-nhth, us-ncmec, …"},
		{"hotline without a name", "hotlines:\n  - id: local\n    country: US\n    web: example.org\n",
			"c.yaml:2:9: hotline `local` has no `name`", "a hotline needs id, name, country and a number, text line or web address"},
		{"hotline twice", "hotlines:\n  - id: us-childhelp\n  - id: us-childhelp\n",
			"c.yaml:3:9: hotline id `us-childhelp` appears twice", ""},
		{"missing hotline id", "hotlines:\n  - name: Local\n",
			"c.yaml:2:5: missing required key `id` in an item of `hotlines`", "add `id: …` to this mapping"},
		{"tab", "region: US\nmessages:\n\ten:\n",
			"c.yaml:3:1: tab character in indentation", "YAML indents with spaces only: replace the tab with spaces"},
		{"alias", "messages:\n  en: &m\n    headline: Hi\n  es: *m\n",
			"c.yaml:2:7: YAML anchor `&m` is not supported", "YAML anchors and aliases are not supported (they can blow up a small file); write each value out in full"},
		{"duplicate language", "messages:\n  en:\n    headline: Hi\n  en:\n    intro: Hello\n",
			"c.yaml:4:3: duplicate key `en`", "`en` is first set at line 2; keep one of them"},
		{"empty", "\n", "c.yaml:1:1: empty document", "the file is empty or holds only comments; write at least one `key: value` line"},
		{"raw control character", "messages:\n  en:\n    headline: Kn\x01ow\n",
			"c.yaml:3:17: invalid YAML: control character U+0001 is not allowed", "remove the character: …"},
		{"unpaired surrogate", "messages:\n  en:\n    headline: \xed\xa0\x80\n",
			"c.yaml:3:15: invalid YAML: unpaired surrogate U+D800 (not valid UTF-8)", "remove the character, …"},
		{"not UTF-8", "organization:\n  name: Cl\xednica\n",
			"c.yaml:2:11: invalid YAML: byte 0xED is not UTF-8 text", "save the file as UTF-8 text"},
		{"escaped control character", "messages:\n  en:\n    headline: \"a\\u0007b\"\n",
			"c.yaml:3:15: `headline` has the control character U+0007", "remove it: …"},
		{"text too long", "messages:\n  en:\n    headline: " + strings.Repeat("x", MaxTextLen+1) + "\n",
			"c.yaml:3:15: `headline` is 20001 characters long; a message may have at most 20000", "shorten the text: …"},
		{"list too long", "messages:\n  en:\n    signs:\n" + strings.Repeat("      - a sign\n", MaxListItems+1),
			"c.yaml:3:5: `signs` has 101 items; a list may have at most 100", "keep the 100 that matter most; …"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, dir, err := loadContent(t, c.src)
			var e *source.Diagnostic
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want a *source.Diagnostic", err, err)
			}
			got := strings.ReplaceAll(e.Error(), dir+string(filepath.Separator), "")
			hint := strings.ReplaceAll(e.Hint, dir, "DIR")
			if got != c.err {
				t.Errorf("error\n got: %s\nwant: %s", got, c.err)
			}
			// A hint ending in "…" is compared up to there.
			if prefix, ok := strings.CutSuffix(c.hint, "…"); ok && !strings.HasPrefix(hint, prefix) || !ok && hint != c.hint {
				t.Errorf("hint\n got: %s\nwant: %s", hint, c.hint)
			}
		})
	}
}

func TestContentFileMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.yaml"))
	var e *source.Diagnostic
	if !errors.As(err, &e) || !strings.HasSuffix(e.Error(), "none.yaml: cannot read the content file: no such file or directory") {
		t.Errorf("got %v", err)
	}
}

func TestOverrideBuiltinNumber(t *testing.T) {
	s, _, err := loadContent(t, `hotlines:
  - id: us-nhth
    name: National Human Trafficking Hotline
    country: US
    digits: "18883737888"
    display: 1-888-373-7888
    web: humantraffickinghotline.org
    override: true
`)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Resolve(language.English, "", "")
	if err != nil {
		t.Fatal(err)
	}
	h := d.Hotlines[0]
	if h.ID != "us-nhth" || h.SMS != "" || !strings.HasSuffix(h.Pos.File, "c.yaml") {
		t.Errorf("override not applied: %+v", h)
	}
	// The text line is gone, so {sms} has no value: nothing prints it.
	for _, tx := range d.Messages.Texts {
		if strings.Contains(tx.S, "233733") {
			t.Errorf("old text line still printed: %q", tx.S)
		}
	}
	if len(d.Hotlines) != 2 {
		t.Errorf("a replaced region line must not print twice: %v", d.Hotlines)
	}
}

func TestExampleContentFile(t *testing.T) {
	s, err := Load("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.DefaultRegion() + " " + s.DefaultAudience(); got != "US-CA community" {
		t.Errorf("defaults: %s", got)
	}
	if got := s.DefaultLanguages(); len(got) != 2 || got[0] != language.English || got[1] != language.Spanish {
		t.Errorf("default languages: %v", got)
	}
	org := s.Org()
	if org.Name.S != "Riverside Family Clinic" || org.Color != "#1a6fb0" || org.Logo != filepath.Join("testdata", "logo.png") || org.LogoPos.Line != 17 {
		t.Errorf("org: %+v", org)
	}
	d, err := s.Resolve(language.Und, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range d.Hotlines {
		ids = append(ids, h.ID)
	}
	if got := strings.Join(ids, " "); got != "us-nhth us-ca-cast us-ncmec us-childhelp riverside-clinic-line" {
		t.Errorf("hotlines: %s", got)
	}
	if got := d.Messages.Texts["headline"]; got.S != "Know the signs. Help keep our children safe." || got.Pos.Line != 23 {
		t.Errorf("headline: %+v", got)
	}
	if got := d.Messages.Lists["do"]; len(got) != 4 || got[3].S != "If a child is in danger right now, call 911." {
		t.Errorf("do: %v", got)
	}
	// Keys the file leaves out come from the built-ins.
	if got := d.Messages.Texts["intro"]; !strings.HasPrefix(got.Pos.File, "built-in ") {
		t.Errorf("intro from %s", got.Pos)
	}
	y, err := s.Resolve(language.English, "youth", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := y.Messages.Texts["not_alone"].S; got != "You are not alone. It is not your fault. Our nurses can help." {
		t.Errorf("youth not_alone: %q", got)
	}
	if got := y.Messages.Texts["headline"].S; got != "Know the signs. Help keep our children safe." {
		t.Errorf("the user's messages win over the built-in audience's: %q", got)
	}
	es, err := s.Resolve(language.Spanish, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := es.Messages.Lists["do"][0].S; !strings.HasPrefix(got, "No confronte") {
		t.Errorf("English overrides leak into Spanish: %q", got)
	}
}

// The README shows the example file as it is tested.
func TestReadmeFormatHasExample(t *testing.T) {
	doc, err := os.ReadFile("README-format.md")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```yaml\n"+string(ex)+"```") {
		t.Error("README-format.md does not show testdata/example.yaml verbatim")
	}
	for _, k := range MessageKeys {
		if !strings.Contains(string(doc), "| `"+k+"`") {
			t.Errorf("README-format.md does not document message key %s", k)
		}
	}
}

func TestUserLanguage(t *testing.T) {
	// Swahili: a language with no built-in file.
	s, _, err := loadContent(t, "languages: [en, sw]\nmessages:\n  sw:\n    headline: Jua dalili\n")
	if err != nil {
		t.Fatal(err)
	}
	var info *LanguageInfo
	for _, l := range s.Languages() {
		if l.Tag.String() == "sw" {
			info = &l
		}
	}
	if info == nil || info.Status != StatusUser || info.Name != "Swahili" {
		t.Fatalf("languages: %+v", s.Languages())
	}
	d, err := s.Resolve(language.MustParse("sw"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Messages.Texts["headline"].S != "Jua dalili" {
		t.Errorf("headline %q", d.Messages.Texts["headline"].S)
	}
	// Every other key comes from English, each with a warning.
	n := 0
	for _, w := range warningStrings(d.Warnings) {
		// At the user's Swahili messages, where the text would go.
		if _, w, ok := strings.Cut(w, "c.yaml:4:5: "); ok && strings.HasPrefix(w, "sw: no `") && strings.HasSuffix(w, "using English") {
			n++
		}
	}
	if n != len(MessageKeys)-1 {
		t.Errorf("%d fallback warnings, want %d: %v", n, len(MessageKeys)-1, d.Warnings)
	}
	if d.Messages.Texts["intro"].S == "" {
		t.Error("intro not taken from English")
	}
}

func TestUserTextPlaceholderWarning(t *testing.T) {
	s, _, err := loadContent(t, "messages:\n  en:\n    missing_line: \"Missing child? {missing}\"\n")
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Resolve(language.English, "", "CA")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Messages.Texts["missing_line"]; ok {
		t.Error("missing_line printed in CA, which has no missing-child line")
	}
	found := false
	for _, w := range d.Warnings {
		if w.Rule == RuleLeftOut && w.Pos.Line == 3 && w.Pos.Col == 19 && strings.Contains(w.String(), "c.yaml:3:19: `missing_line` is left out: region CA has no value for {missing}") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for the user's text left out: %v", d.Warnings)
	}
}

// A regional variant in the user's file falls back to its parent language
// before English.
func TestUserRegionalVariant(t *testing.T) {
	s, _, err := loadContent(t, "messages:\n  es-MX:\n    headline: Conoce las señales\n")
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Resolve(language.MustParse("es-MX"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Messages.Lang.String() != "es-MX" || d.Messages.Texts["headline"].S != "Conoce las señales" {
		t.Errorf("headline: %s %q", d.Messages.Lang, d.Messages.Texts["headline"].S)
	}
	if got := d.Messages.Texts["intro"].Pos.File; got != "built-in content/es.yaml" {
		t.Errorf("intro from %s, want es", got)
	}
	want := []string{
		"es-MX: what es-MX does not say comes from es",
	}
	if got := warningStrings(d.Warnings); !slices.Equal(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}
