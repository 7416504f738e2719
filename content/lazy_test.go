package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"
)

// freshBuiltins returns the built-ins as a new process sees them: no
// language decoded yet (loadBuiltins is shared by the whole test binary).
func freshBuiltins(t testing.TB) *builtinSet {
	t.Helper()
	b, err := parseBuiltins()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// eagerBuiltins returns the built-ins with every language file decoded
// whole, up front, as Load did before languages were decoded in parts on
// first use.
func eagerBuiltins(t testing.TB) *builtinSet {
	t.Helper()
	b := freshBuiltins(t)
	for _, l := range b.langs {
		full, err := l.full()
		if err != nil {
			t.Fatal(err)
		}
		l.base, l.text = l.full, l.full
		l.info = func() (*langInfo, error) { return &full.langInfo, nil }
	}
	return b
}

func decodedTags(b *builtinSet) []string {
	var out []string
	for _, l := range b.langs {
		if l.decoded.Load() {
			out = append(out, l.tag.String())
		}
	}
	return out
}

// lazyTestContent is a user file that overrides built-in languages,
// falls back (es-MX → es) and adds a language no built-in file has.
const lazyTestContent = `languages: [en, es-MX, sw]
messages:
  es-MX:
    headline: Conozca las señales
  sw:
    headline: Jua dalili
    intro: Msaada upo.
audiences:
  youth:
    fr:
      headline: Quelqu'un te force ?
`

// Every part of every built-in language file is read by the cheap path
// (the head before `messages:`, the base before `audiences:`, the
// audiences on their own), and says what decoding the whole file says.
func TestLazyPartsMatchFile(t *testing.T) {
	for _, l := range freshBuiltins(t).langs {
		data, err := builtinFS.ReadFile("builtin/" + l.tag.String() + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		file := builtinPos(l.tag.String() + ".yaml")
		full, err := parseLangFile(file, l.tag.String(), data)
		if err != nil {
			t.Fatal(err)
		}
		const order = "lang, name, native and provenance, then messages, then audiences"
		head, ok := parseLangHead(file, l.tag.String(), data)
		if !ok {
			t.Errorf("%s: keep the order %s, so that a part can be read without the rest", file, order)
		} else if *head != full.langInfo {
			t.Errorf("%s: head %+v, whole file %+v", file, *head, full.langInfo)
		}
		base, ok := parseLangBase(file, l.tag.String(), data)
		if !ok {
			t.Errorf("%s: keep the order %s, so that a community document reads only messages", file, order)
		} else if base.langInfo != full.langInfo || !reflect.DeepEqual(base.shared, full.shared) || base.audiences != nil {
			t.Errorf("%s: the part before `audiences:` differs from the whole file's", file)
		}
		aud, ok := parseLangAudiences(file, data)
		if !ok {
			t.Errorf("%s: `audiences:` cannot be read on its own", file)
		} else if !reflect.DeepEqual(aud, full.audiences) {
			t.Errorf("%s: `audiences:` read on its own differs from the whole file's", file)
		}
		if got, err := l.text(); err != nil || !reflect.DeepEqual(got, full) {
			t.Errorf("%s: text %+v, %v; whole file %+v", file, got, err, full)
		}
	}
}

// A built-in file's parts are read on their own only when laid out in
// order; otherwise the whole file is, with its mistakes where they are.
func TestLazyPartsOutOfOrder(t *testing.T) {
	const file = "built-in content/xx.yaml"
	head := "lang: vi\nname: V\nnative: V\nprovenance:\n  source: s\n  status: machine-draft\n  date: 2026-01-02\n"
	msgs := "messages:\n  headline: H\nhotline_names: {}\n"
	aud := "audiences:\n  youth:\n    headline: Y\n"
	// A mistake after `audiences:` is found by what reads the audiences,
	// not by a community document (the tests read every built-in file
	// whole).
	for _, c := range []struct{ name, src, baseErr, textErr string }{
		{"in order", head + msgs + aud, "", ""},
		{"audiences first", head + aud + msgs, "", ""},
		{"messages first", msgs + aud + head, "", ""},
		{"flow", head + "messages: {headline: H}\nhotline_names: {}\naudiences: {youth: {headline: Y}}\n", "", ""},
		{"community", head + msgs + "audiences:\n  community:\n    headline: C\n",
			"", "built-in content/xx.yaml:12:3: a built-in file has no `community` overrides"},
		{"mistake after", head + msgs + aud + "extra: 1\n", "", "built-in content/xx.yaml:14:1: unknown key `extra`"},
		{"mistake in head", strings.Replace(head, "status: machine-draft", "status: done", 1) + msgs + aud,
			"built-in content/xx.yaml:6:11: unknown status \"done\"", "built-in content/xx.yaml:6:11: unknown status \"done\""},
	} {
		l := newBuiltinLang(file, language.Vietnamese, bytesOf(c.src))
		for _, p := range []struct {
			part string
			get  func() (*langText, error)
			err  string
		}{{"base", l.base, c.baseErr}, {"text", l.text, c.textErr}} {
			got, err := p.get()
			if p.err != "" || err != nil {
				if fmt.Sprint(err) != p.err {
					t.Errorf("%s %s: error %v, want %s", c.name, p.part, err, p.err)
				}
				continue
			}
			if got.name != "V" || got.shared.texts["headline"].S != "H" {
				t.Errorf("%s %s: %+v", c.name, p.part, got)
			}
			if p.part == "text" && got.audiences["youth"].texts["headline"].S != "Y" {
				t.Errorf("%s text: audiences %+v", c.name, got.audiences)
			}
		}
		if info, err := l.info(); (err == nil) != (c.baseErr == "") || (err == nil && info.name != "V") {
			t.Errorf("%s info: %+v, %v", c.name, info, err)
		}
	}
}

// Resolving every language lazily gives the same documents and the same
// language list as decoding everything up front.
func TestLazyResolveMatchesEager(t *testing.T) {
	user := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(user, []byte(lazyTestContent), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"", filepath.Join("testdata", "example.yaml"), user} {
		eager, err := load(eagerBuiltins(t), file)
		if err != nil {
			t.Fatal(err)
		}
		lazyB := freshBuiltins(t)
		lazy, err := load(lazyB, file)
		if err != nil {
			t.Fatal(err)
		}
		if got := decodedTags(lazyB); len(got) != 0 {
			t.Errorf("%q: Load decoded %v", file, got)
		}
		if got, want := lazy.Languages(), eager.Languages(); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: Languages\n got %+v\nwant %+v", file, got, want)
		}
		if got := decodedTags(lazyB); len(got) != 0 {
			t.Errorf("%q: Languages decoded %v", file, got)
		}
		tags := []language.Tag{language.Und}
		for _, l := range eager.Languages() {
			tags = append(tags, l.Tag)
		}
		for _, s := range []string{"es-MX", "en-GB", "pt-BR", "zh-TW", "sw-KE", "tlh"} {
			tags = append(tags, language.MustParse(s))
		}
		for _, tag := range tags {
			for _, aud := range append([]string{""}, Audiences...) {
				for _, r := range append([]RegionInfo{{}}, eager.Regions()...) {
					want, werr := eager.Resolve(tag, aud, r.Code)
					got, gerr := lazy.Resolve(tag, aud, r.Code)
					if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
						t.Fatalf("%q %s/%s/%s:\n got %+v, %v\nwant %+v, %v", file, tag, aud, r.Code, got, gerr, want, werr)
					}
				}
			}
		}
	}
}

// A document decodes its own language (and those it falls back to), not
// the others.
func TestLazyDecodesOnlyWhatIsUsed(t *testing.T) {
	b := freshBuiltins(t)
	s, err := load(b, "")
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		lang, aud string
		want      []string
	}{
		{"es", "community", []string{"es"}},
		{"es-MX", "youth", []string{"es"}},
		{"vi", "", []string{"es", "vi"}},
		{"en", "", []string{"en", "es", "vi"}},
	}
	for _, st := range steps {
		if _, err := s.Resolve(language.MustParse(st.lang), st.aud, ""); err != nil {
			t.Fatal(err)
		}
		if got := decodedTags(b); !slices.Equal(got, st.want) {
			t.Errorf("after %s: decoded %v, want %v", st.lang, got, st.want)
		}
	}
	s.Languages()
	if got := decodedTags(b); len(got) != 3 {
		t.Errorf("Languages decoded %v", got)
	}

	// A language only the user's file has takes what it lacks from English.
	b = freshBuiltins(t)
	user := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(user, []byte(lazyTestContent), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err = load(b, user); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resolve(language.MustParse("sw"), "", ""); err != nil {
		t.Fatal(err)
	}
	if got := decodedTags(b); !slices.Equal(got, []string{"en"}) {
		t.Errorf("sw decoded %v, want [en]", got)
	}
}

// A built-in file with a mistake is reported, at its position, by the
// documents that use it; the others build.
func TestLazyBrokenBuiltin(t *testing.T) {
	b := freshBuiltins(t)
	i := slices.IndexFunc(b.langs, func(l *langData) bool { return l.tag.String() == "vi" })
	data, err := builtinFS.ReadFile("builtin/vi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), "  headline:", "  headlin:", 1)
	b.langs[i] = newBuiltinLang(builtinPos("vi.yaml"), b.langs[i].tag, bytesOf(bad))
	s, err := load(b, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resolve(language.English, "", ""); err != nil {
		t.Errorf("en: %v", err)
	}
	_, err = s.Resolve(language.Vietnamese, "", "")
	if err == nil || !strings.HasPrefix(err.Error(), "built-in content is broken: built-in content/vi.yaml:") ||
		!strings.Contains(err.Error(), "unknown message key `headlin`") {
		t.Errorf("vi: %v", err)
	}
	// Its head is fine: it is listed as usual.
	if l := s.Languages()[i]; l.Name != "Vietnamese" || l.Status == "" {
		t.Errorf("vi listed as %+v", l)
	}

	// A head with a mistake: listed by its tag, reported when used.
	b.langs[i] = newBuiltinLang(builtinPos("vi.yaml"), b.langs[i].tag, bytesOf(strings.Replace(bad, "lang: vi", "lang: vx", 1)))
	if s, err = load(b, ""); err != nil {
		t.Fatal(err)
	}
	if l := s.Languages()[i]; l.Name != "vi" || l.Status != "" {
		t.Errorf("vi with a broken head listed as %+v", l)
	}
	if _, err = s.Resolve(language.Vietnamese, "", ""); err == nil || !strings.Contains(err.Error(), "vi.yaml:") {
		t.Errorf("vi: %v", err)
	}
}

func bytesOf(s string) func() ([]byte, error) {
	return func() ([]byte, error) { return []byte(s), nil }
}

// Documents built in parallel decode each language once and agree with
// an eager decode (run with -race).
func TestLazyConcurrentResolve(t *testing.T) {
	eager, err := load(eagerBuiltins(t), "")
	if err != nil {
		t.Fatal(err)
	}
	b := freshBuiltins(t)
	// Two sets over the same built-ins, as Load("") twice in one process.
	sets := make([]*Set, 2)
	for i := range sets {
		if sets[i], err = load(b, ""); err != nil {
			t.Fatal(err)
		}
	}
	langs := eager.Languages()
	var wg sync.WaitGroup
	errs := make(chan error, 16*len(langs))
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sets[g%len(sets)]
			for j := range langs {
				l := langs[(j+g)%len(langs)] // each goroutine starts elsewhere
				aud := Audiences[(j+g)%len(Audiences)]
				if g%4 == 0 {
					s.Languages()
				}
				got, err := s.Resolve(l.Tag, aud, "US")
				if err != nil {
					errs <- err
					continue
				}
				want, _ := eager.Resolve(l.Tag, aud, "US")
				if !reflect.DeepEqual(got, want) {
					errs <- fmt.Errorf("%s/%s differs from the eager decode", l.Tag, aud)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := decodedTags(b); len(got) != len(langs) {
		t.Errorf("decoded %d of %d languages", len(got), len(langs))
	}
}

// The embedded hotline directory passes every check of an entry (numbers
// with libphonenumber, display and vanity forms, source and date): Load
// leaves these to this test, since the file cannot change after the build.
func TestBuiltinDirectory(t *testing.T) {
	b := freshBuiltins(t)
	if err := checkDirectory(b.hotlines, b.regions, true); err != nil {
		t.Fatal(err)
	}
}

// A fresh process: read the built-ins, Load, resolve the documents'
// languages (community, US). The built-ins are read anew each time, as
// a new process does.
func benchmarkLoad(b *testing.B, tags []string) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := load(freshBuiltins(b), "")
		if err != nil {
			b.Fatal(err)
		}
		for _, tag := range tags {
			if _, err := s.Resolve(language.MustParse(tag), "community", "US"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadOneLanguage is a document in one language.
func BenchmarkLoadOneLanguage(b *testing.B) { benchmarkLoad(b, []string{"es"}) }

// BenchmarkLoadTwoLanguages is the default build: English and Spanish.
func BenchmarkLoadTwoLanguages(b *testing.B) { benchmarkLoad(b, []string{"en", "es"}) }

// BenchmarkLoadSixLanguages is bench/poster's six panels.
func BenchmarkLoadSixLanguages(b *testing.B) {
	benchmarkLoad(b, []string{"en", "es", "ar", "hi", "zh-Hans", "th"})
}

// BenchmarkLoadAllLanguages is `--lang all`: every built-in language.
func BenchmarkLoadAllLanguages(b *testing.B) {
	var tags []string
	for _, l := range freshBuiltins(b).langs {
		tags = append(tags, l.tag.String())
	}
	benchmarkLoad(b, tags)
}

// BenchmarkListLanguages is `handbill list languages`: the heads only.
func BenchmarkListLanguages(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := load(freshBuiltins(b), "")
		if err != nil {
			b.Fatal(err)
		}
		s.Languages()
	}
}
