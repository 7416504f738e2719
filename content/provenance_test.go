package content

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handbill/source"

	"golang.org/x/text/language"
)

// Mistakes in the content file's provenance, lists to append to,
// call-only forms and languages, at their position with a hint.
func TestIssue11ContentErrors(t *testing.T) {
	cases := []struct{ name, src, err, hint string }{
		// provenance
		{"unknown status", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi:\n    status: reviewed\n    reviewer: Lan\n    date: 2026-10-01\n",
			"c.yaml:6:13: unknown review status \"reviewed\"", "status is one of: machine-draft, community-reviewed, professional"},
		{"status typo", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi: {status: profesional, reviewer: Lan, date: 2026-10-01}\n",
			"c.yaml:5:16: unknown review status \"profesional\"", "did you mean `professional`? status is one of: machine-draft, community-reviewed, professional"},
		{"bad date", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi: {status: professional, reviewer: Lan, date: 01/10/2026}\n",
			"c.yaml:5:51: `date` must be a date YYYY-MM-DD, got \"01/10/2026\"", "the day the text was reviewed, e.g. 2026-10-01"},
		{"future date", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi: {status: professional, reviewer: Lan, date: 2999-01-01}\n",
			"c.yaml:5:51: `date` 2999-01-01 is in the future", "the day the text was reviewed, not a planned one"},
		{"no reviewer", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi:\n    status: community-reviewed\n    date: 2026-10-01\n",
			"c.yaml:6:5: status community-reviewed needs a `reviewer`", "say who reviewed the text (a name, or a role and organisation), e.g. `reviewer: Lan Nguyen, community health worker`"},
		{"no date", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi: {status: professional, reviewer: Lan}\n",
			"c.yaml:5:7: missing required key `date` in `vi`", "add `date: …` to this mapping"},
		{"unknown key", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  vi: {status: professional, reviwer: Lan, date: 2026-10-01}\n",
			"c.yaml:5:30: unknown key `reviwer`", "did you mean `reviewer`?"},
		{"no text in that language", "messages:\n  vi:\n    headline: Xin chào\nprovenance:\n  ko: {status: professional, reviewer: Kim, date: 2026-10-01}\n",
			"c.yaml:5:3: provenance for `ko`, but this file gives no text in Korean", "provenance covers the text this file gives in that language: add the text under `messages: ko:`, or remove the provenance"},
		// lists to append to
		{"append to text", "messages:\n  en:\n    headline+: More\n",
			"c.yaml:3:5: `headline+` is not a list: nothing to add to", "only a list (signs, do, recruit, vulnerable, protect, info) can be added to; write `headline:` to replace the text"},
		{"append and replace", "messages:\n  en:\n    signs:\n      - One\n    signs+:\n      - Two\n",
			"c.yaml:5:5: `signs` and `signs+` both given", "`signs:` replaces the built-in list and `signs+:` adds to it: keep one (`signs` is at line 3)"},
		{"append empty", "messages:\n  en:\n    signs+: []\n",
			"c.yaml:3:13: `signs+` is an empty list", "write at least one `- line` to add, or remove the key"},
		{"append text", "messages:\n  en:\n    do+: Call us\n",
			"c.yaml:3:10: `do+` must be a list of lines (`- …` under the key), got \"Call us\"", "write a list, one `- item` per line, or [a, b]"},
		{"append typo", "messages:\n  en:\n    sings+:\n      - One\n",
			"c.yaml:3:5: unknown message key `sings+`", "did you mean `signs+`?"},
		{"append in an audience", "audiences:\n  youth:\n    en:\n      signs+:\n        - One\n      signs:\n        - Two\n",
			"c.yaml:6:7: `signs+` and `signs` both given", "`signs:` replaces the built-in list and `signs+:` adds to it: keep one (`signs+` is at line 4)"},
		// call-only forms
		{"call_only missing", "messages:\n  en:\n    card_front:\n      text: Call or text.\n",
			"c.yaml:4:7: missing required key `call_only` in `card_front`", "add `call_only: …` to this mapping"},
		{"call_only misspelt", "messages:\n  en:\n    card_front: {text: Call or text., call-only: Call.}\n",
			"c.yaml:3:39: unknown key `call-only`", "did you mean `call_only`?"},
		{"call_only names the text line", "messages:\n  en:\n    do:\n      - text: Text {sms} or call.\n        call_only: Call, or text {sms}.\n",
			"c.yaml:5:20: the call_only form of `do` item names {sms}", "the call_only form is printed where there is no text line to use: leave the text line out of it"},
		{"call_only the same", "messages:\n  en:\n    card_front: {text: Call us., call_only: Call us.}\n",
			"c.yaml:3:45: the call_only form of `card_front` is the same as its text", "write the text without \"or text\" in call_only, or give the text alone (`card_front: …`)"},
		{"call_only empty", "messages:\n  en:\n    card_front: {text: Call or text., call_only: \"\"}\n",
			"c.yaml:3:50: `card_front.call_only` is empty", "write the text, or remove the key to keep the built-in text"},
		{"list as call_only", "messages:\n  en:\n    card_front: {text: Call or text., call_only: [Call]}\n",
			"c.yaml:3:50: `call_only` must be text, got a list", "write the text after the colon, in quotes if it starts with [ or {"},
		// languages
		{"no languages", "languages: []\n",
			"c.yaml:1:12: `languages` is an empty list", "list the languages to build, e.g. [en, es], or remove the key to build English and Spanish"},
		{"Klingon", "languages: [en, tlh]\n",
			"c.yaml:1:17: no text in language `tlh` (Klingon)", "closest: th (Thai); add --fallback TAG to print one of them instead, on purpose, or add it with `messages: tlh: {…}` in this file"},
		// channels
		{"sms_languages without sms", "hotlines:\n  - id: clinic\n    name: Clinic\n    country: US\n    digits: \"9515550142\"\n    display: 951-555-0142\n    sms_languages: [en]\n",
			"c.yaml:2:9: hotline `clinic` has `sms_languages` but no `sms`", "`sms_languages` says which languages the `sms` channel works in: give the channel, or remove the key"},
		{"display missing", "hotlines:\n  - id: clinic\n    name: Clinic\n    country: US\n    digits: \"9515550142\"\n",
			"c.yaml:5:13: hotline `clinic` has digits but no `display` form", "add how the number is printed, e.g. `display: 1-888-373-7888`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, dir, err := loadContent(t, c.src)
			var e *source.Diagnostic
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a diagnostic", err)
			}
			got := strings.ReplaceAll(e.Error(), dir+string(filepath.Separator), "")
			if got != c.err || e.Hint != c.hint {
				t.Errorf("\n got %s\n     %s\nwant %s\n     %s", got, e.Hint, c.err, c.hint)
			}
		})
	}
}

// Provenance covers the keys the file gives in that language; the
// built-in keys it does not replace keep their status. MachineDrafts names
// the machine-drafted keys a layout prints.
func TestUserProvenance(t *testing.T) {
	poster := []string{"headline", "intro", "signs_title", "signs", "do_title", "do", NamesKey}
	all := `messages:
  vi:
    headline: Nhận biết dấu hiệu
    intro: Đây là văn bản của chúng tôi.
    signs_title: Dấu hiệu
    signs:
      - Một dấu hiệu
    do_title: Việc cần làm
    do:
      - Gọi cho chúng tôi.
hotline_names:
  vi:
    us-nhth: Đường dây nóng
    us-ncmec: Trung tâm
    us-911: Cấp cứu
`
	prov := "provenance:\n  vi: {status: community-reviewed, reviewer: Lan Nguyen, date: 2026-10-01}\n"
	cases := []struct {
		name, src string
		keys      []string
		want      []string
	}{
		{"every printed key reviewed", all + prov, poster, nil},
		{"reviewed, but the handout prints more", all + prov, append(slices.Clone(poster), "recruit", "protect"),
			[]string{"vi: the Vietnamese text of `recruit`, `protect` is a machine draft, not yet reviewed"}},
		{"some keys only", strings.Split(all, "hotline_names:")[0] + prov, poster,
			[]string{"vi: the Vietnamese text of `hotline_names` is a machine draft, not yet reviewed"}},
		{"no provenance: the user's own text", all, poster, nil},
		{"stated a machine draft", all + "provenance:\n  vi: {status: machine-draft, date: 2026-10-01}\n", poster,
			[]string{"vi: the Vietnamese text (in your content file) is a machine draft, not yet reviewed"}},
		{"appended to a machine draft", "messages:\n  vi:\n    signs+:\n      - Một dấu hiệu\n" + prov, []string{"signs"},
			[]string{"vi: the Vietnamese text is a machine draft, not yet reviewed"}},
		{"nothing given", "region: US\n", poster, []string{"vi: the Vietnamese text is a machine draft, not yet reviewed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := loadContent(t, c.src)
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Resolve(language.Vietnamese, "", "US")
			if err != nil {
				t.Fatal(err)
			}
			ws := d.MachineDrafts(c.keys)
			if got := warningStrings(ws); !slices.Equal(got, c.want) {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
			for _, w := range ws {
				if w.Rule != RuleMachineDraft || w.Hint == "" {
					t.Errorf("%v: rule %q hint %q", w, w.Rule, w.Hint)
				}
			}
		})
	}
	s, _, _ := loadContent(t, all+prov)
	d, _ := s.Resolve(language.Vietnamese, "", "US")
	p := d.Messages.Provenance["headline"]
	if p.Status != "community-reviewed" || p.Reviewer != "Lan Nguyen" || p.Date != "2026-10-01" || !p.User || p.Lang != language.Vietnamese {
		t.Errorf("headline provenance %+v", p)
	}
	if p := d.Messages.Provenance["recruit"]; p.Status != "machine-draft" || p.User {
		t.Errorf("recruit provenance %+v", p)
	}
	if d.Messages.Status != "machine-draft" {
		t.Errorf("status %q: the least reviewed text printed", d.Messages.Status)
	}
}

// `KEY+` adds to the list below it, in every audience and through parent
// languages; `KEY` replaces it.
func TestAppendLists(t *testing.T) {
	s0 := loadBuiltinSet(t)
	base := func(lang, aud, key string) []string {
		d, err := s0.Resolve(language.MustParse(lang), aud, "US")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, tx := range d.Messages.Lists[key] {
			out = append(out, tx.S)
		}
		return out
	}
	src := `languages: [en, sw]
messages:
  en:
    signs+:
      - Misses appointments
    protect+:
      - Know the hotline number
  es-MX:
    signs+:
      - Falta a sus citas
  sw:
    signs+:
      - Anakosa miadi
audiences:
  clinicians:
    en:
      signs+:
        - Comes back with new injuries
  youth:
    en:
      do:
        - Call us.
`
	s, _, err := loadContent(t, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, aud, key string
		want           []string
	}{
		{"en", "community", "signs", append(base("en", "community", "signs"), "Misses appointments")},
		{"en", "community", "protect", append(base("en", "community", "protect"), "Know the hotline number")},
		// clinicians: the built-in clinicians' signs, the file's
		// messages' addition, then the clinicians' addition.
		{"en", "clinicians", "signs", append(base("en", "clinicians", "signs"), "Misses appointments", "Comes back with new injuries")},
		// youth replaces its list: the additions below it do not apply.
		{"en", "youth", "do", []string{"Call us."}},
		// youth has its own signs: the messages' addition goes after them.
		{"en", "youth", "signs", append(base("en", "youth", "signs"), "Misses appointments")},
		// es-MX adds to the Spanish list.
		{"es-MX", "community", "signs", append(base("es", "community", "signs"), "Falta a sus citas")},
		// A language handbill has no text in: the additions are the list.
		{"sw", "community", "signs", []string{"Anakosa miadi"}},
		// Spanish itself is untouched.
		{"es", "community", "signs", base("es", "community", "signs")},
	} {
		d, err := s.Resolve(language.MustParse(c.lang), c.aud, "US")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tx := range d.Messages.Lists[c.key] {
			got = append(got, tx.S)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s/%s %s:\n got %q\nwant %q", c.lang, c.aud, c.key, got, c.want)
		}
	}
	// An addition keeps its position, for warnings further down.
	d, _ := s.Resolve(language.English, "", "US")
	if last := d.Messages.Lists["signs"][len(d.Messages.Lists["signs"])-1]; last.Pos.Line != 5 || last.Pos.Col != 9 {
		t.Errorf("added sign at %v", last.Pos)
	}
	// At most MaxListItems in all.
	var b strings.Builder
	b.WriteString("messages:\n  en:\n    signs+:\n")
	for range MaxListItems {
		b.WriteString("      - One more\n")
	}
	s, _, err = loadContent(t, b.String())
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Resolve(language.English, "", "US")
	var e *source.Diagnostic
	if !errors.As(err, &e) || !strings.HasSuffix(e.Error(), "c.yaml:3:5: `signs+` makes the list 107 items long; a list may have at most 100") {
		t.Errorf("too long: %v", err)
	}
}
