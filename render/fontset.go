package render

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"

	"handbill/fonts"
	"handbill/render/pdf"
	"handbill/text"
)

// fontMetrics is what the writer reads of a font file for every
// document: glyph widths and whether a glyph draws anything. One per font
// file and process (a synthesized bold shares its regular face's).
type fontMetrics struct {
	face *fonts.Face
	upem float64
	mu   sync.Mutex // go-text faces are not safe for concurrent use
	gf   *font.Face
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

func (fm *fontMetrics) width(gid uint16) int {
	fm.mu.Lock()
	adv := float64(fm.gf.HorizontalAdvance(font.GID(gid)))
	fm.mu.Unlock()
	return int(math.Round(adv * 1000 / fm.upem))
}

// glyphCodes is where the codes of glyphs that are not a character's own
// glyph start: above every Unicode code point, so they cannot collide with
// the characters of simple clusters.
const glyphCodes = 0x110000

// clusterCodes returns the codes that draw the cluster's glyphs: the
// character itself for a simple cluster (one character drawn with its
// own glyph), glyphCodes + each glyph's id otherwise.
func clusterCodes(c text.Cluster) []rune {
	if c.Simple {
		return []rune{[]rune(c.Text)[0]}
	}
	out := make([]rune, len(c.Glyphs))
	for i, g := range c.Glyphs {
		out[i] = glyphCodes + rune(g.ID)
	}
	return out
}

// docFont is one font file as used by one document: the codes it draws
// and the glyph each draws. Each code becomes one CID of the embedded
// font; a character's CID maps back to it for copying and searching.
type docFont struct {
	m     *fontMetrics
	res   string // resource name, e.g. "/F1"
	gidOf map[rune]uint16
	// textOf is what a glyph code stands for (see glyphTexts), "" when the
	// document's clusters disagree: its ToUnicode entry.
	textOf map[rune]string
	cid    map[rune]uint16 // set when the font is embedded
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
	df := &docFont{m: m, res: fmt.Sprintf("/F%d", len(s.order)+1), gidOf: map[rune]uint16{}, textOf: map[rune]string{}}
	s.byMetrics[m] = df
	s.order = append(s.order, df)
	return df
}

// use records the glyphs of the pieces in their fonts.
func (s *fontSet) use(ps []piece) {
	var df *docFont
	for _, p := range ps {
		if df == nil || df.m != p.font {
			df = s.font(p.font)
		}
		for i, c := range p.codes {
			df.gidOf[c] = p.gids[i]
			if t := p.texts[i]; t != "" {
				if old, ok := df.textOf[c]; !ok {
					df.textOf[c] = t
				} else if old != t {
					df.textOf[c] = "" // glyph stands for different text in different places
				}
			}
		}
	}
}

// embed writes the font, subset to the document's glyphs.
func (df *docFont) embed(w *pdf.Writer) (pdf.Ref, error) {
	codes := make([]rune, 0, len(df.gidOf))
	for c := range df.gidOf {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	if len(codes) > 0xFFFE {
		return 0, fmt.Errorf("%s: a document may draw at most %d different glyphs of one font", df.m.face.Name(), 0xFFFE)
	}
	gids := make([]uint16, len(codes))
	df.cid = make(map[rune]uint16, len(codes))
	for i, c := range codes {
		gids[i] = df.gidOf[c]
		df.cid[c] = uint16(i + 1)
	}
	texts := make([]string, len(codes))
	for i, c := range codes {
		if c < glyphCodes {
			texts[i] = string(c)
		} else {
			texts[i] = df.textOf[c]
		}
	}
	f, err := df.subsetFont(codes, gids, texts)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", df.m.face.File, err)
	}
	return w.EmbedFont(f), nil
}

// newSubsetFont subsets the face to the glyphs gids, drawn by the codes
// (CID i+1 for codes[i]), which stand for texts.
func (df *docFont) newSubsetFont(codes []rune, gids []uint16, texts []string) (*pdf.Font, error) {
	// The embedded font's own cmap maps the characters drawn with their
	// own glyphs; the PDF reaches every glyph through its CID.
	var entries []fonts.CmapEntry
	for i, c := range codes {
		if c <= 0xFFFE {
			entries = append(entries, fonts.CmapEntry{Code: uint16(c), GID: gids[i]})
		}
	}
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
	f := &pdf.Font{Name: postScriptName(df.m.face), Program: prog,
		GIDs: make([]uint16, len(codes)), Widths: make([]int, len(codes)), Unicode: texts}
	for i := range codes {
		f.GIDs[i] = newID[gids[i]]
		f.Widths[i] = df.m.width(gids[i])
	}
	return f, nil
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
