package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Program is a TrueType font program ready to embed: compressed once, so
// documents that embed the same subset share the work.
type Program struct {
	deflated []byte
	digest   [sha256.Size]byte // of deflated: for subset tags and file identifiers
	length1  int
	m        metrics
}

// metrics are the font descriptor's numbers, in 1/1000 em.
type metrics struct {
	bbox                  [4]int
	ascent, descent, capH int
	italicAngle           float64
	fixedPitch            bool
}

// FontMetrics are the numbers of a font's descriptor as the font's tables
// give them, in font units: what the caller read when it parsed the font
// (handbill's fonts.SFNT), so that the program is not parsed again here.
type FontMetrics struct {
	// UnitsPerEm is the size of the em in font units ('head').
	UnitsPerEm int
	// BBox is the bounding box of every glyph: xMin, yMin, xMax, yMax ('head').
	BBox [4]int
	// Ascent and Descent are the ascender and descender ('hhea'), Descent
	// negative below the baseline; CapHeight is the height of capitals
	// (OS/2 sCapHeight, or Ascent).
	Ascent, Descent, CapHeight int
	// ItalicAngle is the slant in degrees counter-clockwise from the
	// vertical ('post').
	ItalicAngle float64
	// FixedPitch reports that every glyph has the same advance ('post').
	FixedPitch bool
}

// NewProgram compresses a TrueType font program (a standalone sfnt,
// typically a subset) for embedding, at a fast level (see
// zlibWriters), with the metrics of the font it was
// made from for its descriptor. The error is for metrics without a
// positive em size.
func NewProgram(ttf []byte, fm FontMetrics) (*Program, error) {
	m, err := fm.scaled()
	if err != nil {
		return nil, err
	}
	p := &Program{deflated: deflateFast(ttf), length1: len(ttf), m: m}
	p.digest = sha256.Sum256(p.deflated)
	return p, nil
}

// scaled returns the metrics in 1/1000 em, truncated toward zero.
func (fm FontMetrics) scaled() (metrics, error) {
	var m metrics
	if fm.UnitsPerEm <= 0 {
		return m, fmt.Errorf("pdf: the font's units per em is %d", fm.UnitsPerEm)
	}
	upem := float64(fm.UnitsPerEm)
	em := func(v int) int { return int(float64(v) * 1000 / upem) }
	for i, v := range fm.BBox {
		m.bbox[i] = em(v)
	}
	m.ascent, m.descent, m.capH = em(fm.Ascent), em(fm.Descent), em(fm.CapHeight)
	m.italicAngle, m.fixedPitch = fm.ItalicAngle, fm.FixedPitch
	return m, nil
}

// Size is the compressed program's size in bytes.
func (p *Program) Size() int { return len(p.deflated) }

// Font is a font to embed as a Type 0 font with the Identity-H encoding:
// the codes in content streams are CIDs 1…n, two bytes each.
type Font struct {
	// Name is the font's PostScript name, without a subset tag.
	Name    string
	Program *Program
	// GIDs[i] is the glyph in the program drawn for CID i+1; Widths[i]
	// its advance in 1/1000 em; Unicode[i] the text it stands for, for
	// copying and searching ("" for none).
	GIDs    []uint16
	Widths  []int
	Unicode []string

	// The objects derived from the above, made once: a Font may be
	// embedded in many documents, from several goroutines.
	once          sync.Once
	tag, widths   string
	cidMap, toUni []byte
}

// Prepare makes the objects EmbedFont writes that are derived from the
// font (its widths, CIDToGIDMap and ToUnicode CMap, compressed), if they
// are not made yet: a caller may make them ahead, on another goroutine,
// or leave them to the first EmbedFont.
func (f *Font) Prepare() { f.once.Do(f.derive) }

func (f *Font) derive() {
	f.tag = subsetTag(f)
	var ws strings.Builder
	ws.WriteString("[1 [")
	for i, v := range f.Widths {
		if i > 0 {
			ws.WriteByte(' ')
		}
		ws.WriteString(strconv.Itoa(v))
	}
	ws.WriteString("]]")
	f.widths = ws.String()
	gids := make([]byte, 2*(len(f.GIDs)+1))
	for i, g := range f.GIDs {
		binary.BigEndian.PutUint16(gids[2*(i+1):], g)
	}
	f.cidMap = deflateFast(gids)
	f.toUni = deflateFast(toUnicode(f.Unicode))
}

// FontRefs are the objects of an embedded font, the Type 0 font's first:
// allocated (AllocFont) before the font is made, so that pages can name
// it while it is subset on another goroutine, and written by EmbedFontAt.
type FontRefs [6]Ref

// AllocFont allocates the objects of a font to embed.
func (w *Writer) AllocFont() FontRefs {
	return FontRefs{w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()}
}

// EmbedFont writes the font's objects and returns the Type 0 font's
// reference, for a page's /Font resources.
func (w *Writer) EmbedFont(f *Font) Ref {
	r := w.AllocFont()
	w.EmbedFontAt(r, f)
	return r[0]
}

// EmbedFontAt writes the font's objects as the objects r.
func (w *Writer) EmbedFontAt(r FontRefs, f *Font) {
	font, cid, desc, file, cidMap, toUni := r[0], r[1], r[2], r[3], r[4], r[5]
	f.Prepare()
	base := f.tag + "+" + f.Name
	w.Object(font, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s >>",
		Name(base), cid, toUni))

	w.Object(cid, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %s /DW 0 /W %s /CIDToGIDMap %s >>",
		Name(base), desc, f.widths, cidMap))

	m := f.Program.m
	flags := 4 // symbolic: the glyphs are reached through CIDs, not a standard encoding
	if m.fixedPitch {
		flags |= 1
	}
	w.Object(desc, fmt.Sprintf("<< /Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %s >>",
		Name(base), flags, m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3], Num(m.italicAngle), m.ascent, m.descent, m.capH, file))
	w.rawStream(file, fmt.Sprintf("/Length1 %d /Filter /FlateDecode", f.Program.length1), f.Program.deflated, &f.Program.digest)

	w.RawStream(cidMap, "/Filter /FlateDecode", f.cidMap)
	w.RawStream(toUni, "/Filter /FlateDecode", f.toUni)
}

// subsetTag is the six capital letters before a subset's name, derived
// from its glyphs so that different subsets of a font get different tags.
func subsetTag(f *Font) string {
	h := sha256.New()
	h.Write([]byte(f.Name))
	h.Write(f.Program.digest[:]) // subsets number their glyphs from 1: the GIDs alone do not tell them apart
	for _, g := range f.GIDs {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// toUnicode is the ToUnicode CMap of CIDs 1…n, written straight into
// bytes (a font of a thousand glyphs takes a few thousand entries).
func toUnicode(text []string) []byte {
	b := make([]byte, 0, 400+24*len(text))
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	// Blocks of at most 100 entries, the most one may hold; a CID without
	// text has none.
	for i := 0; i < len(text); {
		n := 0
		j := i
		for ; j < len(text) && n < 100; j++ {
			if text[j] != "" {
				n++
			}
		}
		if n == 0 {
			break
		}
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for ; i < j; i++ {
			if text[i] == "" {
				continue
			}
			b = append(b, '<')
			b = appendHex16(b, uint16(i+1))
			b = append(b, "> <"...)
			for _, r := range text[i] {
				if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
					b = appendHex16(appendHex16(b, uint16(r1)), uint16(r2))
				} else {
					if r > utf8.MaxRune || utf16.IsSurrogate(r) {
						r = utf8.RuneError // as utf16.Encode writes it
					}
					b = appendHex16(b, uint16(r))
				}
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}
