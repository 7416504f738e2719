package fonts

import (
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
)

// Face is one font face handbill can draw with: a bundled face or one the
// user added. Its data is read and parsed on first use, once per process,
// and shared by every document of a run: go-text's parse (Font) for
// shaping, and handbill's own (SFNT) for the checks, the PDF font
// descriptor and subsetting.
type Face struct {
	Family string
	// Bold reports that text in this face prints bold, either because the
	// face is bold by design or because SynthBold is set.
	Bold bool
	// SynthBold asks the writer to embolden the outlines (fill and stroke):
	// set for the bold entry of a family that has no bold face.
	SynthBold bool
	// File names where the face comes from, for messages: a user path, or
	// "built-in NotoSans-Regular.ttf".
	File string
	// Index is the face number inside a TrueType collection (.ttc).
	Index int
	// Scripts lists the ISO 15924 codes the face is chosen for first
	// (e.g. "Arab"); Langs lists base languages that prefer this face even
	// over another face of the same script (e.g. "ur" for Naskh).
	Scripts []string
	Langs   []string

	data *faceData
}

// faceData is the parsed font, shared by a face and its synthesized bold twin.
type faceData struct {
	// load reads and parses the font: the standalone TrueType bytes and
	// go-text's parse of them.
	load func() ([]byte, *font.Font, error)
	// size is how many bytes load parses (0 for data loaded already): the
	// bigger, the longer it takes, so Prefetch starts with it.
	size int
	once sync.Once
	ttf  []byte
	font *font.Font
	err  error

	// sfntOnce parses ttf into sfnt on first use, unless the font's checks
	// parsed it already (loadedData).
	sfntOnce sync.Once
	sfnt     *SFNT
	sfntErr  error
}

// Name is the face's display name, e.g. "Noto Sans Arabic Bold" or
// "WenQuanYi Micro Hei (synthetic bold)".
func (f *Face) Name() string {
	switch {
	case f.SynthBold:
		return f.Family + " (synthetic bold)"
	case f.Bold:
		return f.Family + " Bold"
	}
	return f.Family
}

// Load reads and parses the face once; later calls return the first result.
// Load is safe for concurrent use: a call made while another goroutine
// (Prefetch's, say) is loading the face waits for that load and returns its
// result.
func (f *Face) Load() error { return f.data.get() }

// get loads the data once; later calls return the first result.
func (d *faceData) get() error {
	d.once.Do(func() { d.ttf, d.font, d.err = d.load() })
	return d.err
}

// loadedData is face data already read and parsed (a user's font, checked
// when it was added): Load and SFNT return it without parsing again.
func loadedData(ttf []byte, ft *font.Font, sf *SFNT) *faceData {
	d := &faceData{load: func() ([]byte, *font.Font, error) { return ttf, ft, nil }}
	d.once.Do(func() { d.ttf, d.font = ttf, ft })
	d.sfntOnce.Do(func() { d.sfnt = sf })
	return d
}

// Font returns the parsed font, loading it if needed; nil if it cannot load.
func (f *Face) Font() *font.Font {
	if f.Load() != nil {
		return nil
	}
	return f.data.font
}

// TTF returns the standalone TrueType bytes of the face (one face of a
// collection extracted), loading it if needed. The bytes are shared, not a
// copy, and must not be modified: for a bundled face they are the binary's
// read-only data, and writing to them crashes the program.
func (f *Face) TTF() []byte {
	if f.Load() != nil {
		return nil
	}
	return f.data.ttf
}

// SFNT returns the face's tables as handbill reads them (see SFNT), for
// the PDF font descriptor and subsetting, loading the face if needed. The
// tables are parsed once per process, on first use, and shared by every
// document and goroutine; a user's font reuses the parse its checks made.
// Errors are those of Load, or a *FontError.
func (f *Face) SFNT() (*SFNT, error) {
	if err := f.Load(); err != nil {
		return nil, err
	}
	d := f.data
	d.sfntOnce.Do(func() {
		sf, err := parseSFNT(d.ttf)
		if err != nil {
			err.Pos.File = f.File
			d.sfntErr = err
			return
		}
		d.sfnt = sf
	})
	return d.sfnt, d.sfntErr
}

// Has reports whether the face maps r to a glyph. A face that cannot load
// has nothing.
func (f *Face) Has(r rune) bool {
	ft := f.Font()
	if ft == nil {
		return false
	}
	_, ok := ft.NominalGlyph(r)
	return ok
}

// BuiltIn reports whether the face is one of handbill's bundled faces (not
// a font the user added).
func (f *Face) BuiltIn() bool { return strings.HasPrefix(f.File, "built-in ") }

// SameData reports whether two faces draw with the same font data (a face
// and its synthesized bold twin do).
func (f *Face) SameData(g *Face) bool { return f.data == g.data }
