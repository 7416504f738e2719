package content

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

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

// Review statuses of a language's text, least trusted first.
var Statuses = []string{"machine-draft", "community-reviewed", "professional"}

// StatusUser is the status of a language that exists only in a user's
// content file: its author answers for it.
const StatusUser = "user"

// langFile is a built-in language file as written.
type langFile struct {
	Lang       Text                 `yaml:"lang,required"`
	Name       Text                 `yaml:"name,required"`
	Native     Text                 `yaml:"native,required"`
	Provenance provenance           `yaml:"provenance,required"`
	Messages   messageSet           `yaml:"messages,required"`
	Audiences  map[Text]*messageSet `yaml:"audiences"`
}

// provenance says who or what wrote a language's text and how far it has
// been reviewed.
type provenance struct {
	Source Text `yaml:"source,required"`
	Status Text `yaml:"status,required"`
	Date   Text `yaml:"date,required"`
}

// langData is one language's messages: the shared ones and the audiences'
// overrides.
type langData struct {
	tag                  language.Tag
	name, native         string
	source, status, date string
	shared               *messageSet
	audiences            map[string]*messageSet
}

// directoryFile is builtin/hotlines.yaml as written.
type directoryFile struct {
	Hotlines []hotlineSpec `yaml:"hotlines,required"`
	Regions  []regionSpec  `yaml:"regions,required"`
}

// regionSpec is one region as written.
type regionSpec struct {
	Code        Text   `yaml:"code,required"`
	Description Text   `yaml:"description,required"`
	Hotlines    []Text `yaml:"hotlines,required"`
	Emergency   Text   `yaml:"emergency"`
	Missing     Text   `yaml:"missing"`
}

// builtinSet is everything embedded, parsed and checked once.
type builtinSet struct {
	langs    []*langData // English first, then by tag
	hotlines []hotlineSpec
	regions  []regionSpec
}

var loadBuiltins = sync.OnceValues(parseBuiltins)

func builtinPos(name string) string { return "built-in content/" + name }

func parseBuiltins() (*builtinSet, error) {
	b := &builtinSet{}
	names, err := fs.Glob(builtinFS, "builtin/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, p := range names {
		name := path.Base(p)
		data, err := builtinFS.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if name == hotlinesFile {
			var dir directoryFile
			if err := DecodeYAML(builtinPos(name), data, &dir); err != nil {
				return nil, err
			}
			b.hotlines, b.regions = dir.Hotlines, dir.Regions
			continue
		}
		l, err := parseLangFile(builtinPos(name), strings.TrimSuffix(name, ".yaml"), data)
		if err != nil {
			return nil, err
		}
		b.langs = append(b.langs, l)
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
	if err := checkDirectory(b.hotlines, b.regions); err != nil {
		return nil, err
	}
	return b, nil
}

// parseLangFile reads one language file; want is the tag its name says.
func parseLangFile(file, want string, data []byte) (*langData, error) {
	var f langFile
	if err := DecodeYAML(file, data, &f); err != nil {
		return nil, err
	}
	tag, err := parseTag(f.Lang)
	if err != nil {
		return nil, err
	}
	if want != "" && tag.String() != want {
		return nil, &Error{Pos: f.Lang.Pos, Msg: fmt.Sprintf("`lang` is %s but the file is named %s.yaml", tag, want),
			Hint: "name each language file after its tag"}
	}
	if !slices.Contains(Statuses, f.Provenance.Status.S) {
		return nil, &Error{Pos: f.Provenance.Status.Pos, Msg: fmt.Sprintf("unknown status %q", f.Provenance.Status.S),
			Hint: "status is one of: " + strings.Join(Statuses, ", ")}
	}
	if _, err := time.Parse(time.DateOnly, f.Provenance.Date.S); err != nil {
		return nil, &Error{Pos: f.Provenance.Date.Pos, Msg: fmt.Sprintf("`date` must be YYYY-MM-DD, got %q", f.Provenance.Date.S)}
	}
	l := &langData{
		tag: tag, name: f.Name.S, native: f.Native.S,
		source: strings.TrimSpace(f.Provenance.Source.S), status: f.Provenance.Status.S, date: f.Provenance.Date.S,
		shared: &f.Messages, audiences: map[string]*messageSet{},
	}
	for _, k := range byPos(f.Audiences) {
		if err := checkAudience(k); err != nil {
			return nil, err
		}
		l.audiences[k.S] = f.Audiences[k]
	}
	return l, nil
}

// parseTag reads a BCP 47 language tag.
func parseTag(t Text) (language.Tag, error) {
	tag, err := language.Parse(t.S)
	if err != nil || tag == language.Und {
		return language.Und, &Error{Pos: t.Pos, Msg: fmt.Sprintf("%q is not a BCP 47 language tag", t.S),
			Hint: "use a tag such as en, es, es-MX, zh-Hant, pa"}
	}
	return tag, nil
}

func checkAudience(k Text) error {
	if slices.Contains(Audiences, k.S) {
		return nil
	}
	return &Error{Pos: k.Pos, Msg: fmt.Sprintf("unknown audience `%s`", k.S), Hint: knownHint(k.S, Audiences)}
}

// checkDirectory checks every hotline entry, that ids are unique, and that
// regions name existing hotlines.
func checkDirectory(hotlines []hotlineSpec, regions []regionSpec) error {
	ids := map[string]bool{}
	for i := range hotlines {
		h := &hotlines[i]
		if err := h.validate(true); err != nil {
			return err
		}
		if ids[h.ID.S] {
			return &Error{Pos: h.ID.Pos, Msg: fmt.Sprintf("hotline id `%s` appears twice", h.ID.S)}
		}
		ids[h.ID.S] = true
	}
	codes := map[string]bool{}
	for _, r := range regions {
		if codes[r.Code.S] {
			return &Error{Pos: r.Code.Pos, Msg: fmt.Sprintf("region `%s` appears twice", r.Code.S)}
		}
		codes[r.Code.S] = true
		refs := append(slices.Clone(r.Hotlines), r.Emergency, r.Missing)
		for _, id := range refs {
			if id.S != "" && !ids[id.S] {
				return &Error{Pos: id.Pos, Msg: fmt.Sprintf("region `%s` names unknown hotline `%s`", r.Code.S, id.S)}
			}
		}
		if len(r.Hotlines) == 0 {
			return &Error{Pos: r.Code.Pos, Msg: fmt.Sprintf("region `%s` has no hotlines", r.Code.S)}
		}
	}
	return nil
}
