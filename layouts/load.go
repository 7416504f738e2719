package layouts

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"handbill/source"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

// Builtin returns the built-in layouts, by name. Each is parsed once per
// process (see BuiltinNamed); the map is the caller's, the layouts are
// shared and must not be modified.
func Builtin() (map[string]*Layout, error) {
	out := map[string]*Layout{}
	for _, name := range BuiltinNames() {
		l, err := BuiltinNamed(name)
		if err != nil {
			return nil, err
		}
		out[l.Name] = l
	}
	return out, nil
}

// BuiltinNames lists the built-in layouts' names, in order, without
// parsing any: a built-in layout's file is named for it (NAME.yaml).
func BuiltinNames() []string { return slices.Clone(builtinNames()) }

var builtinNames = sync.OnceValue(func() []string {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
})

// builtinParsed holds each built-in layout's parse, made on first use.
var builtinParsed = sync.OnceValue(func() map[string]func() (*Layout, error) {
	m := map[string]func() (*Layout, error){}
	for _, name := range builtinNames() {
		m[name] = sync.OnceValues(func() (*Layout, error) {
			data, err := fs.ReadFile(builtinFS, "builtin/"+name+".yaml")
			if err != nil {
				return nil, err
			}
			l, err := Parse("built-in layouts/"+name+".yaml", data)
			if err == nil && l.Name != name {
				err = fmt.Errorf("built-in layouts/%s.yaml: the layout is named %q, not as its file", name, l.Name)
			}
			return l, err
		})
	}
	return m
})

// BuiltinNamed returns the built-in layout called name, parsing it the
// first time it is asked for: a process parses only the layouts it uses,
// each once; nil (and no error) when there is no such layout. The layout is shared
// and must not be modified.
func BuiltinNamed(name string) (l *Layout, err error) {
	parse, ok := builtinParsed()[name]
	if !ok {
		return nil, nil
	}
	return parse()
}

// LoadFile reads a user's layout file.
func LoadFile(file string) (*Layout, error) {
	data, err := source.ReadFile(file, source.MaxFileSize)
	if err != nil {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: file}, Message: "cannot read layout: " + unwrap(err).Error(), Hint: "check the path of the --layout file: a layout is YAML text of at most 4 MB"}
	}
	return Parse(file, data)
}

// Parse decodes and checks a layout file: everything in it that does not
// depend on a document's content is checked here, once, and kept resolved
// (see resolve), so composing only fills in the content.
func Parse(file string, data []byte) (*Layout, error) {
	var l Layout
	if err := decodeLayout(file, data, &l); err != nil {
		return nil, err
	}
	l.Source = file
	if err := l.check(); err != nil {
		return nil, err
	}
	return &l, nil
}

var products = []string{"poster", "multilang", "flyer", "handout", "card", "sticker"}

// check validates what decoding cannot: names that refer to each other,
// styles, blocks and their boxes (see resolve).
func (l *Layout) check() error {
	at := func(key string) source.Pos {
		if p, ok := l.Pos[key]; ok {
			return p
		}
		return source.Pos{File: l.Source, Line: 1, Col: 1}
	}
	if !contains(products, l.Product) {
		return &source.Diagnostic{Severity: source.Error, Pos: at("product"), Message: fmt.Sprintf("unknown product %q", l.Product), Hint: "use one of " + strings.Join(products, ", ")}
	}
	for _, v := range l.Sizes {
		for _, s := range v.Sheets {
			if _, ok := sheets[s]; !ok {
				return &source.Diagnostic{Severity: source.Error, Pos: at("sizes"), Message: fmt.Sprintf("unknown sheet %q", s), Hint: suggest(s, sortedKeys(sheets))}
			}
		}
		if len(v.Sheets) > 0 && l.Product != "card" && l.Product != "handout" {
			return &source.Diagnostic{Severity: source.Error, Pos: at("sizes"), Message: "only a card layout has sheets", Hint: "set product: card, or remove sheets"}
		}
		for _, s := range v.Sheets {
			if p := sheets[s].Product; p != l.Product {
				return &source.Diagnostic{Severity: source.Error, Pos: at("sizes"), Message: fmt.Sprintf("sheet %q holds a %s, not a %s", s, p, l.Product), Hint: "remove the sheet, or name one for this product (avery5371, avery-c32011 for cards; letter-2up, a4-2up for handouts)"}
			}
		}
		if err := v.checkPrint(l.Product); err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: cmp.Or(v.Pos, at("sizes")), Message: fmt.Sprintf("size %s: %v", v.Suffix, err), Hint: "write bleed as a length such as 0.125in or 3mm, and back_offset as [x, y] such as [1.5mm, -0.5mm]"}
		}
	}
	return l.resolve()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest is a hint: the nearest known name, or the list of them.
func suggest(s string, known []string) string {
	if near := source.Suggest(s, known); near != "" {
		return fmt.Sprintf("did you mean %q?", near)
	}
	return "use one of " + strings.Join(known, ", ")
}

// nearHint is a hint naming the nearest known name, or else fallback.
func nearHint(s string, known []string, fallback string) string {
	if near := source.Suggest(s, known); near != "" {
		return fmt.Sprintf("did you mean %q?", near)
	}
	return fallback
}

// BuiltinSource returns the YAML of a built-in layout, to copy and adapt.
func BuiltinSource(name string) ([]byte, error) {
	return fs.ReadFile(builtinFS, "builtin/"+name+".yaml")
}

// Sorted returns the layouts of ls in order of name.
func Sorted(ls map[string]*Layout) []*Layout {
	out := make([]*Layout, 0, len(ls))
	for _, k := range slices.Sorted(maps.Keys(ls)) {
		out = append(out, ls[k])
	}
	return out
}
