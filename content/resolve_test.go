package content

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"handbill/source"

	"golang.org/x/text/language"
)

func loadBuiltinSet(t *testing.T) *Set {
	t.Helper()
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// warningStrings is the warnings as the manifest writes them.
func warningStrings(ws []source.Diagnostic) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Error()
	}
	return out
}

func TestResolveFallbackWarnings(t *testing.T) {
	s := loadBuiltinSet(t)
	cases := []struct {
		lang, want string
		warnings   []string
	}{
		{"en", "en", nil},
		{"es", "es", nil},
		{"es-MX", "es", []string{"es-MX: using es"}},
		{"es-419", "es", []string{"es-419: using es"}},
		{"en-GB", "en", []string{"en-GB: using en"}},
		{"pt-BR", "pt", []string{"pt-BR: using pt"}},
		{"zh-TW", "zh-Hant", []string{"zh-TW: using zh-Hant"}},
		{"zh", "zh-Hans", []string{"zh: using zh-Hans"}},
		{"fr-CA", "fr", []string{"fr-CA: using fr"}},
		{"tl", "fil", nil}, // x/text reads tl as fil
	}
	for _, c := range cases {
		d, err := s.Resolve(language.MustParse(c.lang), "", "")
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		if got := d.Messages.Lang.String(); got != c.want {
			t.Errorf("%s resolved to %s, want %s", c.lang, got, c.want)
		}
		if got := warningStrings(d.Warnings); !slices.Equal(got, c.warnings) {
			t.Errorf("%s warnings\n got %q\nwant %q", c.lang, got, c.warnings)
		}
		for _, w := range d.Warnings {
			if w.Rule != RuleFallback || w.Hint == "" {
				t.Errorf("%s: %q is of kind %q with hint %q, want kind %q and a hint", c.lang, w, w.Rule, w.Hint, RuleFallback)
			}
		}
		// Every built-in text is a machine draft today: one warning for
		// the language the text is in.
		want := []string{fmt.Sprintf("%s: the %s text is a machine draft, not yet reviewed", c.want, d.Messages.Name)}
		if got := warningStrings(d.MachineDrafts(nil)); !slices.Equal(got, want) {
			t.Errorf("%s machine drafts\n got %q\nwant %q", c.lang, got, want)
		}
	}
}

// A language handbill has no text in is an error naming the closest it
// has, never English in its place; --fallback prints another on purpose.
func TestResolveNoLanguage(t *testing.T) {
	s := loadBuiltinSet(t)
	cases := []struct{ lang, msg, hint string }{
		{"tlh", "no text in language `tlh` (Klingon)", "closest: th (Thai); add --fallback TAG …"},
		{"sgn", "no text in language `sgn`", "'handbill list languages' shows the 25 languages handbill has; add --fallback TAG …"},
		{"pa-Arab", "no text in language `pa-Arab` (Punjabi (Arabic))", "closest: pa (Punjabi), ar (Arabic), fa (Persian), ur (Urdu); add --fallback TAG …"},
		{"ps", "no text in language `ps` (Pashto)", "closest: ar (Arabic), fa (Persian), ur (Urdu), es (Spanish); add --fallback TAG …"},
		{"yue", "no text in language `yue` (Cantonese)", "closest: zh-Hant (Chinese (Traditional)); add --fallback TAG …"},
		{"sw", "no text in language `sw` (Swahili)", "closest: so (Somali); add --fallback TAG …"},
	}
	for _, c := range cases {
		_, err := s.Resolve(language.MustParse(c.lang), "", "")
		var e *source.Diagnostic
		if !errors.As(err, &e) {
			t.Fatalf("%s: got %v, want an error", c.lang, err)
		}
		hint, _ := strings.CutSuffix(c.hint, "…")
		if e.Message != c.msg || !strings.HasPrefix(e.Hint, hint) {
			t.Errorf("%s:\n got %q / %q\nwant %q / %q", c.lang, e.Message, e.Hint, c.msg, c.hint)
		}
		if _, err := s.Lookup(language.MustParse(c.lang)); err == nil {
			t.Errorf("%s: Lookup finds a language", c.lang)
		}
		d, err := s.ResolveFallback(language.MustParse(c.lang), language.English, "", "US")
		if err != nil {
			t.Fatalf("%s --fallback en: %v", c.lang, err)
		}
		if d.Messages.Lang != language.English || len(d.Warnings) != 1 || d.Warnings[0].Rule != RuleFallback || d.Warnings[0].Lang != c.lang ||
			!strings.HasPrefix(d.Warnings[0].Message, c.lang+": no text in ") || !strings.HasSuffix(d.Warnings[0].Message, "printing English (en) instead, as the fallback en asks") {
			t.Errorf("%s --fallback en: %s, warnings %v", c.lang, d.Messages.Lang, d.Warnings)
		}
	}
	// A language handbill has needs no fallback.
	d, err := s.ResolveFallback(language.Vietnamese, language.English, "", "US")
	if err != nil || d.Messages.Lang != language.Vietnamese || len(d.Warnings) != 0 {
		t.Errorf("vi with a fallback: %v %v", d, err)
	}
	if got, err := s.Lookup(language.MustParse("es-MX")); err != nil || got != language.Spanish {
		t.Errorf("Lookup(es-MX) = %v, %v", got, err)
	}
}

func TestResolveDefaults(t *testing.T) {
	s := loadBuiltinSet(t)
	d, err := s.Resolve(language.Und, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Messages.Lang != language.English || d.Messages.Audience != "community" || d.Region != "US" {
		t.Errorf("defaults: %s %s %s", d.Messages.Lang, d.Messages.Audience, d.Region)
	}
	if d.Messages.Name != "English" || d.Messages.Native != "English" || d.Messages.Status != "machine-draft" || d.Messages.Reviewed == "" {
		t.Errorf("messages header: %+v", d.Messages)
	}
	if got := s.DefaultLanguages(); !slices.Equal(got, []language.Tag{language.English, language.Spanish}) {
		t.Errorf("default languages %v", got)
	}
	d, err = s.Resolve(language.English, "", "us-ca")
	if err != nil || d.Region != "US-CA" {
		t.Errorf("lower-case region: %v %v", d, err)
	}
}

func TestResolveUnknownNames(t *testing.T) {
	s := loadBuiltinSet(t)
	cases := []struct {
		lang, audience, region string
		msg, hint              string
	}{
		{"nb", "", "", "no text in language `nb` (Norwegian Bokmål)", "'handbill list languages' shows the 25 languages handbill has; add --fallback TAG to print one of them instead, on purpose, or write the text in a content file (`messages: nb: …`)"},
		{"en", "yuoth", "", "unknown audience `yuoth`", "did you mean `youth`? known: community, parents, educators, clinicians, youth"},
		{"en", "", "US-CX", "unknown region `US-CX`", "did you mean `US-CA`? known: US, US-CA, US-FL, US-GA, US-TN, CA, MX, GB, IE, AU, EU"},
		{"en", "", "Mars", "unknown region `Mars`", "known: US, US-CA, US-FL, US-GA, US-TN, CA, MX, GB, IE, AU, EU"},
	}
	for _, c := range cases {
		_, err := s.Resolve(language.MustParse(c.lang), c.audience, c.region)
		var e *source.Diagnostic
		if !errors.As(err, &e) {
			t.Fatalf("%v: got %v, want a *source.Diagnostic", c, err)
		}
		if e.Message != c.msg || e.Hint != c.hint {
			t.Errorf("got  %q / %q\nwant %q / %q", e.Message, e.Hint, c.msg, c.hint)
		}
	}
}

func TestResolvePlaceholders(t *testing.T) {
	s := loadBuiltinSet(t)
	cases := []struct {
		lang, region string
		texts        map[string]string // "" = left out
		first        string            // first hotline
		protect      int               // items of protect (one names {missing})
	}{
		{"en", "US", map[string]string{
			"emergency_line": "In danger right now? Call 911.",
			"missing_line":   "Report a missing child: 1-800-843-5678",
			"languages_line": "Help in more than 200 languages",
		}, "us-nhth", 7},
		{"es", "US", map[string]string{
			"emergency_line": "¿En peligro ahora mismo? Llame al 911.",
			"missing_line":   "Para reportar a un menor desaparecido: 1-800-843-5678",
			"languages_line": "Ayuda en más de 200 idiomas",
		}, "us-nhth", 7},
		{"en", "US-FL", map[string]string{
			"emergency_line": "In danger right now? Call 911.",
			"languages_line": "", // the Florida line does not say
		}, "us-fl", 7},
		{"en", "GB", map[string]string{
			"emergency_line": "In danger right now? Call 999.",
			"missing_line":   "Report a missing child: 116 000",
			"languages_line": "",
		}, "gb-modern-slavery", 7},
		{"en", "CA", map[string]string{
			"emergency_line": "In danger right now? Call 911.",
			"missing_line":   "",
			"languages_line": "Help in more than 200 languages",
		}, "ca-hotline", 6},
		{"en", "AU", map[string]string{"emergency_line": "In danger right now? Call 000."}, "au-afp", 6},
	}
	for _, c := range cases {
		d, err := s.Resolve(language.MustParse(c.lang), "", c.region)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range c.texts {
			got, ok := d.Messages.Texts[k]
			if want == "" && ok {
				t.Errorf("%s/%s %s printed: %q", c.lang, c.region, k, got.S)
			} else if want != "" && got.S != want {
				t.Errorf("%s/%s %s = %q, want %q", c.lang, c.region, k, got.S, want)
			}
		}
		if d.Hotlines[0].ID != c.first {
			t.Errorf("%s/%s first hotline %s, want %s", c.lang, c.region, d.Hotlines[0].ID, c.first)
		}
		if n := len(d.Messages.Lists["protect"]); n != c.protect {
			t.Errorf("%s/%s protect has %d items, want %d", c.lang, c.region, n, c.protect)
		}
	}
	d, _ := s.Resolve(language.English, "", "US")
	if d.Emergency.ID != "us-911" || d.Missing.ID != "us-ncmec" || d.Missing.Vanity != "1-800-THE-LOST" {
		t.Errorf("emergency %s, missing %+v", d.Emergency.ID, d.Missing)
	}
	if got := d.Messages.Lists["do"][2].S; got != "If a child is in danger right now, call 911." {
		t.Errorf("do[2] = %q", got)
	}
	if p := d.Messages.Texts["headline"].Pos; p.File != "built-in content/en.yaml" || p.Line == 0 {
		t.Errorf("headline position %v", p)
	}
}

func TestResolveAudienceOverrides(t *testing.T) {
	s := loadBuiltinSet(t)
	comm, _ := s.Resolve(language.English, "community", "US")
	youth, _ := s.Resolve(language.English, "youth", "US")
	if youth.Messages.Texts["headline"].S != "Is someone making you do things you don't want to do?" {
		t.Errorf("youth headline %q", youth.Messages.Texts["headline"].S)
	}
	if youth.Messages.Lists["signs"][0].S == comm.Messages.Lists["signs"][0].S {
		t.Error("youth signs are the community's")
	}
	// Keys youth does not override are the shared ones.
	if youth.Messages.Texts["call_label"] != comm.Messages.Texts["call_label"] {
		t.Error("youth call_label differs from the shared one")
	}
	edu, _ := s.Resolve(language.English, "educators", "US")
	if !strings.HasPrefix(edu.Messages.Texts["headline"].S, "Students") || edu.Messages.Lists["signs"][0] != comm.Messages.Lists["signs"][0] {
		t.Errorf("educators: %q", edu.Messages.Texts["headline"].S)
	}
}

func TestLanguagesAndRegionsInfo(t *testing.T) {
	s := loadBuiltinSet(t)
	ls := s.Languages()
	i := slices.IndexFunc(ls, func(l LanguageInfo) bool { return l.Tag == language.Spanish })
	if ls[0].Tag != language.English || i < 0 || ls[i].Native != "Español" || ls[i].Status != "machine-draft" {
		t.Errorf("languages: %+v", ls)
	}
	rs := s.Regions()
	if rs[0].Code != "US" || !slices.Equal(rs[0].Hotlines, []string{"us-nhth", "us-ncmec"}) {
		t.Errorf("regions: %+v", rs[0])
	}
}

// Resolve is safe to call from many goroutines (documents build in
// parallel); run with -race to check.
func TestResolveConcurrent(t *testing.T) {
	s := loadBuiltinSet(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, aud := range Audiences {
				if _, err := s.Resolve(language.Spanish, aud, "US-CA"); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}
