package output

import (
	"fmt"
	"math"
	"sort"

	"github.com/go-text/typesetting/font"

	"handbill/fonts"
	"handbill/text"
)

// puaFirst and puaLast bound the Private Use Area codes handed to glyphs
// that are not a character's own glyph (ligatures, contextual forms,
// conjuncts, reordered marks).
const (
	puaFirst = 0xE000
	puaLast  = 0xF8FF
)

// docFont is one font file as used by one document: the codes the document
// draws with and the glyph each stands for.
type docFont struct {
	face   *fonts.Face
	name   string // fpdf family name
	upem   float64
	gidOf  map[uint16]uint16 // code → glyph id
	codeOf map[uint16]uint16 // glyph id → PUA code
	next   int
	gf     *font.Face
}

// fontSet allocates codes per font file for a document.
type fontSet struct {
	byKey map[string]*docFont
	order []*docFont
}

func newFontSet() *fontSet { return &fontSet{byKey: map[string]*docFont{}} }

func faceKey(f *fonts.Face) string { return fmt.Sprintf("%s#%d", f.File, f.Index) }

func (s *fontSet) font(f *fonts.Face) *docFont {
	k := faceKey(f)
	if df, ok := s.byKey[k]; ok {
		return df
	}
	df := &docFont{
		face: f, name: fmt.Sprintf("hb%d", len(s.order)),
		upem:  float64(f.Font().Upem()),
		gidOf: map[uint16]uint16{}, codeOf: map[uint16]uint16{},
		next: puaFirst, gf: font.NewFace(f.Font()),
	}
	s.byKey[k] = df
	s.order = append(s.order, df)
	return df
}

// codes returns the character codes that draw the cluster's glyphs in df:
// the character itself for a simple cluster, PUA codes otherwise.
func (df *docFont) codes(c text.Cluster) ([]uint16, error) {
	if c.Simple {
		r := []rune(c.Text)[0]
		df.gidOf[uint16(r)] = c.Glyphs[0].ID
		return []uint16{uint16(r)}, nil
	}
	out := make([]uint16, len(c.Glyphs))
	for i, g := range c.Glyphs {
		code, ok := df.codeOf[g.ID]
		if !ok {
			if df.next > puaLast && df.next%2 == puaFirst%2 {
				// Out of even codes: use the odd ones too.
				df.next = puaFirst + 1
			}
			if df.next > puaLast {
				return nil, fmt.Errorf("a document uses more than %d distinct shaped glyphs of %s", (puaLast - puaFirst + 1), df.face.Name())
			}
			code = uint16(df.next)
			df.next += 2
			df.codeOf[g.ID] = code
			df.gidOf[code] = g.ID
		}
		out[i] = code
	}
	return out, nil
}

// entries returns the cmap the font is embedded with.
func (df *docFont) entries() []fonts.CmapEntry {
	out := make([]fonts.CmapEntry, 0, len(df.gidOf))
	for c, g := range df.gidOf {
		out = append(out, fonts.CmapEntry{Code: c, GID: g})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Code < out[b].Code })
	return out
}

// pdfAdvance is the advance a PDF viewer gives the glyph: fpdf writes
// widths rounded to 1/1000 em.
func (df *docFont) pdfAdvance(gid uint16, size float64) float64 {
	adv := float64(df.gf.HorizontalAdvance(font.GID(gid)))
	return math.Round(adv*1000/df.upem) * size / 1000
}
