package content

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"handbill/source"

	"golang.org/x/text/language"
)

// builtinFS holds the built-in content: one file per language
// (builtin/LANG.yaml) and the hotline directory (builtin/hotlines.yaml).
//
//go:embed builtin/*.yaml
var builtinFS embed.FS

const hotlinesFile = "hotlines.yaml"

// Built-in defaults: English and Spanish are the baseline of US posting
// laws; a user's content file may set its own.
var (
	builtinDefaultLanguages = []string{"en", "es"}
	builtinDefaultRegion    = "US"
	builtinDefaultAudience  = "community"
)

// communityAudience speaks to everyone: its text is a language's shared
// `messages`, which the other audiences override.
const communityAudience = "community"

// Review statuses of a language's text, least trusted first.
var Statuses = []string{"machine-draft", "community-reviewed", "professional"}

// StatusUser is the status of a language that exists only in a user's
// content file: its author answers for it.
const StatusUser = "user"

// langFile is a built-in language file as written.
type langFile struct {
	langHead     `yaml:",inline"`
	Messages     messageSet                  `yaml:"messages,required"`
	HotlineNames map[source.Text]source.Text `yaml:"hotline_names,required"`
	Audiences    map[source.Text]*messageSet `yaml:"audiences"`
}

// langBase is the part of a language file before `audiences:`.
type langBase struct {
	langHead     `yaml:",inline"`
	Messages     messageSet                  `yaml:"messages,required"`
	HotlineNames map[source.Text]source.Text `yaml:"hotline_names,required"`
}

// langAudiences is the part of a language file from `audiences:` on.
type langAudiences struct {
	Audiences map[source.Text]*messageSet `yaml:"audiences,required"`
}

// provenance says who or what wrote a language's text and how far it has
// been reviewed.
type provenance struct {
	Source source.Text `yaml:"source,required"`
	Status source.Text `yaml:"status,required"`
	Date   source.Text `yaml:"date,required"`
}

// langHead is what a language file says about itself: the part of it
// `handbill list languages` shows.
type langHead struct {
	Lang       source.Text `yaml:"lang,required"`
	Name       source.Text `yaml:"name,required"`
	Native     source.Text `yaml:"native,required"`
	Provenance provenance  `yaml:"provenance,required"`
}

// langInfo is a language's names and provenance.
type langInfo struct {
	name, native         string
	source, status, date string
}

// langText is what one language's file says: its names and provenance,
// its shared messages, the names of the directory's hotlines in the
// language and, unless it is only the base (the part before
// `audiences:`), the audiences' overrides.
type langText struct {
	langInfo
	shared    *messageSet
	names     map[string]source.Text // hotline id → name
	audiences map[string]*messageSet // nil in the base
}

// langData is one language. Its tag is known up front (a built-in file
// is named after its tag); what its file says is decoded in parts, each on
// first use, so that a document in two languages does not pay for
// decoding all of them:
//
//   - info, the head (lang, name, native, provenance: the lines before
//     `messages:`), for Languages;
//   - base, the head and the shared messages (the lines before
//     `audiences:`), which is all a community document reads: community
//     is the default audience, whose text is `messages`, so no built-in
//     file has a `community:` override;
//   - text, the whole file, for the other audiences.
//
// Each part is decoded at most once, even when many goroutines ask at the
// same time. A part is decoded on its own only if the file is laid out in
// that order; otherwise, and whenever a part has a mistake, the whole file
// is decoded, which says exactly what and where the mistake is. The
// embedded files are fully checked by the package's tests. For a language
// only the user's file has, every part is what Load fixed.
type langData struct {
	tag              language.Tag
	info             func() (*langInfo, error)
	base, text, full func() (*langText, error)
	// decoded is set once base, text or full has read past the head.
	decoded atomic.Bool
}

// newBuiltinLang returns the built-in language tag, whose file (read by
// read, named file in positions) is decoded when first asked for.
func newBuiltinLang(file string, tag language.Tag, read func() ([]byte, error)) *langData {
	l := &langData{tag: tag}
	want := tag.String()
	l.full = sync.OnceValues(func() (*langText, error) {
		l.decoded.Store(true)
		data, err := read()
		if err != nil {
			return nil, err
		}
		return parseLangFile(file, want, data)
	})
	l.base = sync.OnceValues(func() (*langText, error) {
		l.decoded.Store(true)
		if data, err := read(); err == nil {
			if t, ok := parseLangBase(file, want, data); ok {
				return t, nil
			}
		}
		return l.full()
	})
	l.text = sync.OnceValues(func() (*langText, error) {
		base, err := l.base()
		if err != nil || base.audiences != nil {
			return base, err
		}
		if data, err := read(); err == nil {
			if aud, ok := parseLangAudiences(file, data); ok {
				return &langText{langInfo: base.langInfo, shared: base.shared, names: base.names, audiences: aud}, nil
			}
		}
		return l.full()
	})
	l.info = sync.OnceValues(func() (*langInfo, error) {
		if l.decoded.Load() {
			if t, err := l.base(); err == nil {
				return &t.langInfo, nil
			}
		}
		if data, err := read(); err == nil {
			if info, ok := parseLangHead(file, want, data); ok {
				return info, nil
			}
		}
		t, err := l.full()
		if err != nil {
			return nil, err
		}
		return &t.langInfo, nil
	})
	return l
}

// newUserLang returns a language only the user's file has: its messages
// are the user file's overlays, so its own text has none.
func newUserLang(tag language.Tag, info langInfo) *langData {
	t := &langText{langInfo: info, shared: &messageSet{}, names: map[string]source.Text{}, audiences: map[string]*messageSet{}}
	get := func() (*langText, error) { return t, nil }
	l := &langData{tag: tag, info: func() (*langInfo, error) { return &t.langInfo, nil }, base: get, text: get, full: get}
	l.decoded.Store(true)
	return l
}

// forAudience returns the part of l's text a document for audience reads.
func (l *langData) forAudience(audience string) func() (*langText, error) {
	if audience == communityAudience {
		return l.base
	}
	return l.text
}

// infoOrTag returns l's names and provenance. A built-in file that cannot
// be decoded (the tests make sure none ships) shows its tag as its name;
// resolving it reports the mistake.
func (l *langData) infoOrTag() langInfo {
	if info, err := l.info(); err == nil {
		return *info
	}
	return langInfo{name: l.tag.String(), native: l.tag.String()}
}

// directoryFile is builtin/hotlines.yaml as written.
type directoryFile struct {
	Hotlines []hotlineSpec `yaml:"hotlines,required"`
	Regions  []regionSpec  `yaml:"regions,required"`
}

// regionSpec is one region as written.
type regionSpec struct {
	Code        source.Text   `yaml:"code,required"`
	Description source.Text   `yaml:"description,required"`
	Hotlines    []source.Text `yaml:"hotlines,required"`
	Emergency   source.Text   `yaml:"emergency"`
	Missing     source.Text   `yaml:"missing"`
}

// builtinSet is everything embedded: the hotline directory, parsed and
// checked once, and the languages, each decoded when first used.
type builtinSet struct {
	langs    []*langData // English first, then by tag
	hotlines []hotlineSpec
	regions  []regionSpec
}

var loadBuiltins = sync.OnceValues(parseBuiltins)

func builtinPos(name string) string { return "built-in content/" + name }

// parseBuiltins reads the hotline directory and the list of built-in
// languages; each language's file is decoded when first used.
func parseBuiltins() (*builtinSet, error) {
	b := &builtinSet{}
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		stem, ok := strings.CutSuffix(name, ".yaml")
		if !ok || e.IsDir() {
			continue
		}
		p := path.Join("builtin", name)
		if name == hotlinesFile {
			data, err := builtinFS.ReadFile(p)
			if err != nil {
				return nil, err
			}
			dir, err := decodeDirectory(builtinPos(name), data)
			if err != nil {
				return nil, err
			}
			b.hotlines, b.regions = dir.Hotlines, dir.Regions
			continue
		}
		tag, err := language.Parse(stem)
		if err != nil || tag.String() != stem {
			return nil, fmt.Errorf("%s: a language file is named after its BCP 47 tag", builtinPos(name))
		}
		read := func() ([]byte, error) { return builtinFS.ReadFile(p) }
		b.langs = append(b.langs, newBuiltinLang(builtinPos(name), tag, read))
	}
	slices.SortFunc(b.langs, func(x, y *langData) int {
		switch {
		case x.tag == language.English:
			return -1
		case y.tag == language.English:
			return 1
		}
		return strings.Compare(x.tag.String(), y.tag.String())
	})
	if len(b.langs) == 0 || b.langs[0].tag != language.English {
		return nil, fmt.Errorf("built-in content: no English file")
	}
	if err := checkDirectory(b.hotlines, b.regions, false); err != nil {
		return nil, err
	}
	return b, nil
}

// parseLangFile reads one language file; want is the tag its name says.
func parseLangFile(file, want string, data []byte) (*langText, error) {
	var f langFile
	if err := source.DecodeYAML(file, data, &f); err != nil {
		return nil, err
	}
	info, err := checkHead(&f.langHead, want)
	if err != nil {
		return nil, err
	}
	names, err := builtinNames(f.HotlineNames)
	if err != nil {
		return nil, err
	}
	aud, err := builtinAudiences(f.Audiences)
	if err != nil {
		return nil, err
	}
	return &langText{langInfo: *info, shared: &f.Messages, names: names, audiences: aud}, nil
}

// builtinNames checks the hotline names of a built-in language file: each
// printable (the same rules as messages). That every name is there, for
// every entry of the directory, is checked by the tests.
func builtinNames(m map[source.Text]source.Text) (map[string]source.Text, error) {
	out := map[string]source.Text{}
	for _, id := range byPos(m) {
		if err := checkMessageText(m[id], "hotline_names."+id.S); err != nil {
			return nil, err
		}
		out[id.S] = m[id]
	}
	return out, nil
}

// builtinAudiences checks the audiences' overrides of a built-in file.
func builtinAudiences(m map[source.Text]*messageSet) (map[string]*messageSet, error) {
	out := map[string]*messageSet{}
	for _, k := range byPos(m) {
		if err := checkAudience(k); err != nil {
			return nil, err
		}
		if k.S == communityAudience {
			return nil, &source.Diagnostic{Severity: source.Error, Pos: k.Pos, Message: "a built-in file has no `" + communityAudience + "` overrides",
				Hint: "the community text is `messages`: write it there"}
		}
		out[k.S] = m[k]
	}
	return out, nil
}

// Where a language file's parts end: the top-level `messages:` and
// `audiences:` keys.
var (
	messagesLine  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^messages:`) })
	audiencesLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^audiences:`) })
)

// parseLangHead reads only the head of a language file (lang, name,
// native, provenance: the lines before `messages:`), which is much cheaper
// than the whole file. ok is false if the file is not laid out that way
// or the head has a mistake: parseLangFile then says what.
func parseLangHead(file, want string, data []byte) (*langInfo, bool) {
	loc := messagesLine().FindIndex(data)
	if loc == nil {
		return nil, false
	}
	var h langHead
	if err := source.DecodeYAML(file, data[:loc[0]], &h); err != nil {
		return nil, false
	}
	info, err := checkHead(&h, want)
	return info, err == nil
}

// parseLangBase reads a language file up to `audiences:` (the head and
// the shared messages). ok is false as for parseLangHead.
func parseLangBase(file, want string, data []byte) (*langText, bool) {
	end := len(data)
	if loc := audiencesLine().FindIndex(data); loc != nil {
		end = loc[0]
	}
	var f langBase
	if err := source.DecodeYAML(file, data[:end], &f); err != nil {
		return nil, false
	}
	info, err := checkHead(&f.langHead, want)
	if err != nil {
		return nil, false
	}
	names, err := builtinNames(f.HotlineNames)
	if err != nil {
		return nil, false
	}
	return &langText{langInfo: *info, shared: &f.Messages, names: names}, true
}

// parseLangAudiences reads a language file from `audiences:` on (none if
// it has no such line). The lines before it are decoded as blank lines,
// so positions are those in the file. ok is false as for parseLangHead.
func parseLangAudiences(file string, data []byte) (map[string]*messageSet, bool) {
	loc := audiencesLine().FindIndex(data)
	if loc == nil {
		return map[string]*messageSet{}, true
	}
	part := append(bytes.Repeat([]byte{'\n'}, bytes.Count(data[:loc[0]], []byte{'\n'})), data[loc[0]:]...)
	var f langAudiences
	if err := source.DecodeYAML(file, part, &f); err != nil {
		return nil, false
	}
	aud, err := builtinAudiences(f.Audiences)
	return aud, err == nil
}

// checkHead checks a language file's head; want is the tag its name says.
func checkHead(h *langHead, want string) (*langInfo, error) {
	tag, err := parseTag(h.Lang)
	if err != nil {
		return nil, err
	}
	if want != "" && tag.String() != want {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: h.Lang.Pos, Message: fmt.Sprintf("`lang` is %s but the file is named %s.yaml", tag, want),
			Hint: "name each language file after its tag"}
	}
	if !slices.Contains(Statuses, h.Provenance.Status.S) {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: h.Provenance.Status.Pos, Message: fmt.Sprintf("unknown status %q", h.Provenance.Status.S),
			Hint: "status is one of: " + strings.Join(Statuses, ", ")}
	}
	if _, err := time.Parse(time.DateOnly, h.Provenance.Date.S); err != nil {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: h.Provenance.Date.Pos, Message: fmt.Sprintf("`date` must be YYYY-MM-DD, got %q", h.Provenance.Date.S)}
	}
	return &langInfo{name: h.Name.S, native: h.Native.S, source: strings.TrimSpace(h.Provenance.Source.S),
		status: h.Provenance.Status.S, date: h.Provenance.Date.S}, nil
}

// parseTag reads a BCP 47 language tag.
func parseTag(t source.Text) (language.Tag, error) {
	tag, err := language.Parse(t.S)
	if err != nil || tag == language.Und {
		return language.Und, &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("%q is not a BCP 47 language tag", t.S),
			Hint: "use a tag such as en, es, es-MX, zh-Hant, pa"}
	}
	return tag, nil
}

func checkAudience(k source.Text) error {
	if slices.Contains(Audiences, k.S) {
		return nil
	}
	return &source.Diagnostic{Severity: source.Error, Pos: k.Pos, Message: fmt.Sprintf("unknown audience `%s`", k.S), Hint: source.KnownHint(k.S, Audiences)}
}

// checkDirectory checks that hotline ids are unique and that regions name
// existing hotlines, and with entries every hotline entry too (its
// numbers with libphonenumber, its display and vanity forms, its source).
// Checking the entries costs milliseconds: the embedded directory's are
// checked by the tests (TestBuiltinDirectory), not by every process.
func checkDirectory(hotlines []hotlineSpec, regions []regionSpec, entries bool) error {
	ids := map[string]bool{}
	for i := range hotlines {
		h := &hotlines[i]
		if entries {
			if err := h.validate(true); err != nil {
				return err
			}
		}
		if ids[h.ID.S] {
			return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline id `%s` appears twice", h.ID.S)}
		}
		ids[h.ID.S] = true
	}
	codes := map[string]bool{}
	for _, r := range regions {
		if codes[r.Code.S] {
			return &source.Diagnostic{Severity: source.Error, Pos: r.Code.Pos, Message: fmt.Sprintf("region `%s` appears twice", r.Code.S)}
		}
		codes[r.Code.S] = true
		refs := append(slices.Clone(r.Hotlines), r.Emergency, r.Missing)
		for _, id := range refs {
			if id.S != "" && !ids[id.S] {
				return &source.Diagnostic{Severity: source.Error, Pos: id.Pos, Message: fmt.Sprintf("region `%s` names unknown hotline `%s`", r.Code.S, id.S)}
			}
		}
		if len(r.Hotlines) == 0 {
			return &source.Diagnostic{Severity: source.Error, Pos: r.Code.Pos, Message: fmt.Sprintf("region `%s` has no hotlines", r.Code.S)}
		}
	}
	return nil
}
