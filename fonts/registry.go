package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"handbill/source"

	"github.com/go-text/typesetting/font"
	"golang.org/x/text/language"
)

// Registry is a set of faces and the rules that pick them for a language.
// A Registry is read-only once built and safe for concurrent use.
type Registry struct {
	faces []*Face
	user  int // how many of faces (at the front) the user added
}

// Faces returns every face, user faces first.
func (r *Registry) Faces() []*Face { return slices.Clone(r.faces) }

// Script returns the ISO 15924 script handbill sets a language in
// ("Latn" when the language does not say).
func Script(tag language.Tag) string {
	s, conf := tag.Script()
	if conf == language.No || s.String() == "Zzzz" {
		return "Latn"
	}
	return s.String()
}

// Chain returns the faces to try for text in the language, in order: the
// user's faces, faces preferred for the language, faces for its script, then
// every other face as per-character fallback. bold selects bold faces (real
// or synthesized).
func (r *Registry) Chain(tag language.Tag, bold bool) []*Face {
	rank := r.ranker(tag)
	type ranked struct {
		f    *Face
		rank int
		i    int
	}
	var rs []ranked
	for i, f := range r.faces {
		if f.Bold == bold {
			rs = append(rs, ranked{f, rank(i, f), i})
		}
	}
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].rank < rs[b].rank })
	out := make([]*Face, len(rs))
	for i, x := range rs {
		out[i] = x.f
	}
	return out
}

// fallbackRank is the rank Chain gives faces that are there only for
// per-character fallback.
const fallbackRank = 3

// ranker returns how Chain ranks face i of r for text in the language, the
// lowest first: 0 for the user's faces, 1 for faces preferred for the
// language, 2 for faces of its script, fallbackRank for the others.
func (r *Registry) ranker(tag language.Tag) func(i int, f *Face) int {
	base, _ := tag.Base()
	script := Script(tag)
	return func(i int, f *Face) int {
		switch {
		case i < r.user:
			return 0
		case slices.Contains(f.Langs, base.String()):
			return 1
		case slices.Contains(f.Scripts, script) || (script == "Kore" && slices.Contains(f.Scripts, "Hang")):
			return 2
		}
		return fallbackRank
	}
}

// Prefetch starts loading, in the background, the faces text in the given
// languages is set in before any per-character fallback: for each tag, the
// regular and bold faces Chain puts ahead of the fallback faces (the user's
// faces, those preferred for the language, those of its script). It
// returns at once, and changes no result: a Load (or Font, TTF, Has) of a
// face being prefetched waits for that load and returns its result, a face
// the background work has not reached yet is loaded by whoever needs it
// first, and errors are reported by Load as usual.
//
// Loading a face parses the whole font (tens of milliseconds for the CJK
// face); a program that knows its languages early, before reading its
// content, say, can call Prefetch then, so that parsing overlaps its other
// work on another core. One goroutine does the work, biggest font first,
// so it keeps at most one core busy. Faces already loaded cost nothing.
func (r *Registry) Prefetch(tags ...language.Tag) {
	todo := r.prefetchList(tags)
	if len(todo) == 0 {
		return
	}
	go func() {
		for _, d := range todo {
			d.get()
		}
	}()
}

// prefetchList returns the data Prefetch loads for the languages, biggest
// first, each once.
func (r *Registry) prefetchList(tags []language.Tag) []*faceData {
	var todo []*faceData
	for _, tag := range tags {
		rank := r.ranker(tag)
		for i, f := range r.faces {
			if rank(i, f) < fallbackRank && !slices.Contains(todo, f.data) {
				todo = append(todo, f.data)
			}
		}
	}
	slices.SortStableFunc(todo, func(a, b *faceData) int { return b.size - a.size })
	return todo
}

// WithUserFonts returns a registry holding the given font files and folders
// in front of r's faces. A path may name one face of a collection as
// "file.ttc#N" (N from 0); a plain .ttc adds every face. A folder adds every
// .ttf, .ttc and .otf in it (an .otf is rejected with a clear error). Every
// file is read and checked now, so a bad font is reported before any
// document is drawn.
func (r *Registry) WithUserFonts(paths ...string) (*Registry, error) {
	var added []*Face
	for _, p := range paths {
		fs, err := loadUserPath(p)
		if err != nil {
			return nil, err
		}
		added = append(added, fs...)
	}
	added = withSynthBold(added)
	return &Registry{faces: append(added, r.faces...), user: len(added)}, nil
}

func loadUserPath(p string) ([]*Face, error) {
	file, index := p, -1
	if i := strings.LastIndex(p, "#"); i > 0 {
		if n, err := strconv.Atoi(p[i+1:]); err == nil {
			file, index = p[:i], n
		}
	}
	st, err := os.Stat(file)
	if err != nil {
		return nil, &FontError{Severity: source.Error, Pos: source.Pos{File: file}, Message: "cannot be read: " + unwrapPathError(err), Hint: hintPath}
	}
	if st.IsDir() {
		entries, err := os.ReadDir(file)
		if err != nil {
			return nil, &FontError{Severity: source.Error, Pos: source.Pos{File: file}, Message: "cannot be read: " + unwrapPathError(err), Hint: hintPath}
		}
		var out []*Face
		for _, e := range entries {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".ttf", ".ttc", ".otf":
				fs, err := loadUserFile(filepath.Join(file, e.Name()), -1)
				if err != nil {
					return nil, err
				}
				out = append(out, fs...)
			}
		}
		if len(out) == 0 {
			return nil, &FontError{Severity: source.Error, Pos: source.Pos{File: file}, Message: "holds no .ttf or .ttc font", Hint: hintPath}
		}
		return out, nil
	}
	return loadUserFile(file, index)
}

func unwrapPathError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// loadUserFile reads a font file and returns face index, or every face when
// index is -1.
func loadUserFile(file string, index int) ([]*Face, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, &FontError{Severity: source.Error, Pos: source.Pos{File: file}, Message: "cannot be read: " + unwrapPathError(err), Hint: hintPath}
	}
	n, err := FaceCount(file, raw)
	if err != nil {
		return nil, err
	}
	first, last := 0, n-1
	if index >= 0 {
		first, last = index, index
	}
	var out []*Face
	for i := first; i <= last; i++ {
		ttf, ft, sf, err := parseStandalone(file, raw, i)
		if err != nil {
			return nil, err
		}
		desc := ft.Describe()
		f := &Face{
			Family: desc.Family,
			Bold:   desc.Aspect.Weight >= font.WeightBold-50,
			File:   file,
			Index:  i,
			data:   loadedData(ttf, ft, sf),
		}
		if f.Family == "" {
			f.Family = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		}
		out = append(out, f)
	}
	return out, nil
}

// withSynthBold adds a synthesized bold twin for every regular user face
// whose family has no bold face.
func withSynthBold(faces []*Face) []*Face {
	hasBold := map[string]bool{}
	for _, f := range faces {
		if f.Bold {
			hasBold[f.Family] = true
		}
	}
	out := slices.Clone(faces)
	for _, f := range faces {
		if !f.Bold && !hasBold[f.Family] {
			twin := *f
			twin.Bold, twin.SynthBold = true, true
			out = append(out, &twin)
		}
	}
	return out
}
