package render

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"

	"handbill/fonts"
	"handbill/render/pdf"
)

// fontMetrics is what the writer reads of a font file for every
// document: glyph widths and whether a glyph draws anything. One per font
// file and process (a synthesized bold shares its regular face's).
type fontMetrics struct {
	face *fonts.Face
	upem float64
	mu   sync.Mutex // go-text faces are not safe for concurrent use
	gf   *font.Face

	carrierOnce sync.Once // see carrier
	carrierGID  uint16
	carrierOK   bool
}

// metrics holds the fontMetrics of every font file a document of this
// process has drawn with, keyed by the parsed font (a synthesized bold
// shares its regular face's). It keeps those faces alive, so a key is
// never reused for another font.
var metrics sync.Map // *font.Font → *fontMetrics

func metricsOf(f *fonts.Face) *fontMetrics {
	k := f.Font()
	if m, ok := metrics.Load(k); ok {
		return m.(*fontMetrics)
	}
	m, _ := metrics.LoadOrStore(k, &fontMetrics{face: f, upem: float64(k.Upem()), gf: font.NewFace(k)})
	return m.(*fontMetrics)
}

// pdfAdvance is the advance a PDF viewer gives the glyph: the font's
// widths are written rounded to 1/1000 em.
func (fm *fontMetrics) pdfAdvance(gid uint16, size float64) float64 {
	return float64(fm.width(gid)) * size / 1000
}

// width is the glyph's advance in 1/1000 em, as written in the font's
// widths. It takes no lock: a face without variation coordinates (gf is
// made without) reads the advance from the parsed font's hmtx table,
// which nothing writes, and planning asks for every glyph's width on
// several goroutines at once.
func (fm *fontMetrics) width(gid uint16) int {
	adv := float64(fm.gf.HorizontalAdvance(font.GID(gid)))
	return int(math.Round(adv * 1000 / fm.upem))
}

// docFont is one font file as used by one document: the glyphs it draws,
// each with the text it stands for (glyphKey). Each key becomes one CID
// of the embedded font, mapped back to its text by the ToUnicode map.
type docFont struct {
	m    *fontMetrics
	res  string           // resource name, e.g. "/F1"
	keys map[keyID]uint16 // the glyphs drawn (see drawn.id) → CID, set when the font is embedded
}

// fontSet collects the fonts of a document.
type fontSet struct {
	byMetrics map[*fontMetrics]*docFont
	order     []*docFont
}

func newFontSet() *fontSet { return &fontSet{byMetrics: map[*fontMetrics]*docFont{}} }

func (s *fontSet) font(m *fontMetrics) *docFont {
	if df, ok := s.byMetrics[m]; ok {
		return df
	}
	df := &docFont{m: m, res: fmt.Sprintf("/F%d", len(s.order)+1), keys: map[keyID]uint16{}}
	s.byMetrics[m] = df
	s.order = append(s.order, df)
	return df
}

// use records the glyphs of the pieces in their fonts.
func (s *fontSet) use(ps []piece) {
	var df *docFont
	for _, p := range ps {
		if p.outline {
			continue // drawn as outlines
		}
		if df == nil || df.m != p.font {
			df = s.font(p.font)
		}
		for _, g := range p.glyphs {
			df.keys[g.id] = 0
		}
	}
}

// subsetKeys numbers the glyphs the document draws with df: CIDs 1… in
// the order of the keys' glyph ids and texts, and returns the keys in
// that order. Where a carrier stands for SPACE (a space at the end of a
// line), one more key follows, drawn nowhere: the blank space glyph with
// its own width, standing for SPACE. Readers take the width of a space
// from a CID the ToUnicode map gives as SPACE, PDFium the first, PDFBox
// the last: it must be the space glyph's, not a carrier's (next to no
// width), or they see a word break at every gap between two letters
// ("ማ ንም" for "ማንም"). So where no drawn space glyph comes before the
// first such carrier, the space glyph is also the first key (CID 1):
// PDFium, taking half a carrier's width for half a space, read a TJ
// adjustment of half a thousandth of an em (rounding) between two digits
// as a word space, and the Urdu wallet card's text number, a word of its
// own in a right-to-left line, as "33733 2".
func (df *docFont) subsetKeys() ([]glyphKey, error) {
	type numbered struct {
		id keyID
		k  glyphKey
	}
	ks := make([]numbered, 0, len(df.keys))
	for id := range df.keys {
		ks = append(ks, numbered{id, keyOf(id)})
	}
	slices.SortFunc(ks, func(a, b numbered) int {
		return cmp.Or(cmp.Compare(a.k.gid, b.k.gid), strings.Compare(a.k.text, b.k.text), cmpBool(a.k.carrier, b.k.carrier))
	})
	if len(ks) > 0xFFFE {
		return nil, fmt.Errorf("%s: a document may draw at most %d different glyphs of one font", df.m.face.Name(), 0xFFFE)
	}
	// The first key standing for SPACE a carrier: the space glyph comes
	// first as well as last.
	first := slices.IndexFunc(ks, func(n numbered) bool { return n.k.text == " " })
	lead := 0
	if first >= 0 && ks[first].k.carrier && len(ks) < 0xFFFD {
		lead = 1
	}
	keys := make([]glyphKey, lead+len(ks), lead+len(ks)+1)
	if lead > 0 {
		keys[0] = glyphKey{gid: ks[first].k.gid, text: " "}
	}
	for i, n := range ks {
		df.keys[n.id] = uint16(lead + i + 1)
		keys[lead+i] = n.k
	}
	if i := slices.IndexFunc(keys, func(k glyphKey) bool { return k.carrier && k.text == " " }); i >= 0 && len(keys) < 0xFFFE {
		keys = append(keys, glyphKey{gid: keys[i].gid, text: " "})
	}
	return keys, nil
}

// startSubsets numbers the glyphs of every font of the document (so that
// pages can be written with their CIDs) and starts making the subsets not
// remembered from an earlier document, one goroutine per font:
// subsetting and compressing the font programs is a fifth of a cold
// document's work, fonts do not depend on each other, and the pages are
// written meanwhile. wait returns the fonts, in the order of fs.order,
// once all are made.
func (fs *fontSet) startSubsets() (wait func() ([]*pdf.Font, error), err error) {
	out := make([]*pdf.Font, len(fs.order))
	type job struct {
		i    int
		keys []glyphKey
		key  [sha256.Size]byte
		err  error
	}
	var jobs []*job
	for i, df := range fs.order {
		keys, err := df.subsetKeys()
		if err != nil {
			return nil, err
		}
		key := df.subsetKey(keys)
		if f, ok := rememberedFont(key); ok {
			out[i] = f
			continue
		}
		jobs = append(jobs, &job{i: i, keys: keys, key: key})
	}
	run := func(j *job) {
		df := fs.order[j.i]
		out[j.i], j.err = df.makeSubsetFont(j.keys, j.key)
		if j.err != nil {
			j.err = fmt.Errorf("%s: %w", df.m.face.File, j.err)
		}
	}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() { run(j) })
	}
	return func() ([]*pdf.Font, error) {
		wg.Wait()
		for _, j := range jobs {
			if j.err != nil {
				return nil, j.err
			}
		}
		return out, nil
	}, nil
}

// newSubsetFont subsets the face to the keys' glyphs (CID i+1 draws
// keys[i]), each standing for its key's text.
func (df *docFont) newSubsetFont(keys []glyphKey) (*pdf.Font, error) {
	// The embedded font's own cmap maps each character drawn with its own
	// glyph; the PDF reaches every glyph through its CID.
	var entries []fonts.CmapEntry
	seen := map[rune]bool{}
	f := df.m.face.Font()
	var gids []uint16
	for _, k := range keys {
		if !slices.Contains(gids, k.gid) {
			gids = append(gids, k.gid)
		}
		r, size := utf8.DecodeRuneInString(k.text)
		if k.carrier || size != len(k.text) || r > 0xFFFE || seen[r] {
			continue
		}
		if g, ok := f.NominalGlyph(r); ok && uint16(g) == k.gid {
			seen[r] = true
			entries = append(entries, fonts.CmapEntry{Code: uint16(r), GID: k.gid})
		}
	}
	slices.SortFunc(entries, func(a, b fonts.CmapEntry) int { return cmp.Compare(a.Code, b.Code) })
	sf, err := df.m.face.SFNT() // parsed once per face and process
	if err != nil {
		return nil, err
	}
	ttf, newID, err := sf.Subset(gids, entries)
	if err != nil {
		return nil, err
	}
	prog, err := pdf.NewProgram(ttf, pdf.FontMetrics{UnitsPerEm: sf.UnitsPerEm, BBox: sf.BBox,
		Ascent: sf.Ascent, Descent: sf.Descent, CapHeight: sf.CapHeight, ItalicAngle: sf.ItalicAngle, FixedPitch: sf.FixedPitch})
	if err != nil {
		return nil, err
	}
	pf := &pdf.Font{Name: postScriptName(df.m.face), Program: prog,
		GIDs: make([]uint16, len(keys)), Widths: make([]int, len(keys)), Unicode: make([]string, len(keys))}
	for i, k := range keys {
		pf.GIDs[i] = newID[k.gid]
		if k.carrier {
			pf.Widths[i] = carrierWidth
		} else {
			pf.Widths[i] = df.m.width(k.gid)
		}
		pf.Unicode[i] = k.text
	}
	return pf, nil
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// postScriptName is a name for the font's /BaseFont: the face's name
// without spaces or anything else a PostScript name may not hold.
func postScriptName(f *fonts.Face) string {
	name := strings.Map(func(r rune) rune {
		if r < 0x7f && (r == '-' || ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z') || ('a' <= r && r <= 'z')) {
			return r
		}
		return -1
	}, f.Name())
	return cmp.Or(name, "Font")
}
