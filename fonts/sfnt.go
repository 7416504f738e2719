package fonts

// Reading, checking and rewriting of TrueType (sfnt) font files.
//
// A face's tables are read once, by parseSFNT, into an SFNT: the table
// directory and the values of 'head', 'hhea', 'maxp', 'OS/2' and 'post'
// that the checks, the subsetter (SFNT.Subset) and the PDF writer's font
// descriptor use. readFace is the only reader of a table directory.
//
// handbill's subsetter and the PDF viewers that render the embedded
// subsets read the tables head, hhea, maxp, hmtx, cmap (a format 4
// subtable for platform 0 or 3/1, which every TrueType font for Unicode
// text has), loca, glyf, name and post, and OS/2 when present. Every
// value they rely on is checked for a user's font first (parseSFNT, then
// SFNT.check), so a damaged font is refused with a reason instead of
// crashing the subsetter or printing as garbage. (The checks were first
// written for fpdf's reader, which does no bounds checking at all;
// handbill no longer uses it.) Accepted fonts must also be readable by
// go-text, which handbill shapes text with; that is checked by go-text
// itself.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"handbill/source"

	"github.com/go-text/typesetting/font"
)

// FontError says why a font file cannot be used: a diagnostic naming the
// file (Pos.File, filled in by the exported functions), with a hint set
// where the problem is found.
type FontError = source.Diagnostic

// Hints for font errors, each given where its problem is found.
const (
	hintTrueType = "use a TrueType font with glyf outlines (.ttf, or one face of a .ttc); CFF/.otf fonts are not supported"
	hintWOFF     = "use the font's .ttf file; WOFF/WOFF2 web fonts are not supported"
	hintPath     = "check the path; give a .ttf or .ttc file, or a folder of them"
	hintNotFont  = "give a TrueType font file (.ttf, or .ttc with a face index)"
	hintFace     = "choose an existing face; faces are numbered from 0"
	hintDamaged  = "the file is truncated or corrupt; get a fresh copy of the font"
	hintCmap     = "use a font with a Unicode character map (format 4 'cmap' subtable)"
	hintEmbed    = "use a font whose license allows embedding it in documents"
)

const (
	magicTrueType = 0x00010000
	magicTrue     = 0x74727565 // 'true'
	magicOTTO     = 0x4F54544F // 'OTTO'
	magicTTC      = 0x74746366 // 'ttcf'
	magicWOFF     = 0x774F4646 // 'wOFF'
	magicWOFF2    = 0x774F4632 // 'wOF2'
)

// Standalone checks font data and returns a standalone TrueType (glyf) font
// for face index. A plain TrueType font (index 0) is returned unchanged; a
// face of a TrueType collection is copied into a new self-contained font.
// The font is checked to be readable by the subsetter and by go-text. Errors are
// *FontError.
func Standalone(file string, data []byte, index int) ([]byte, error) {
	out, _, _, err := parseStandalone(file, data, index)
	return out, err
}

// parseStandalone is Standalone that also returns go-text's parse of the
// face and its SFNT: the checks are those parses, so a face is parsed
// once, not once to check it and again to use it (go-text's parse reads
// every glyph outline: ~40 ms for the 5 MB WenQuanYi face).
func parseStandalone(file string, data []byte, index int) ([]byte, *font.Font, *SFNT, error) {
	out, ft, s, err := standalone(data, index)
	if err != nil {
		err.Pos.File = file
		return nil, nil, nil, err
	}
	return out, ft, s, nil
}

// FaceCount returns how many faces the data holds (1 for a plain sfnt, N for
// a ttcf) or a *FontError.
func FaceCount(file string, data []byte) (int, error) {
	n, err := faceCount(data)
	if err != nil {
		err.Pos.File = file
		return 0, err
	}
	return n, nil
}

// CmapEntry maps one 16-bit character code to a glyph id.
type CmapEntry struct{ Code, GID uint16 }

func fontErr(hint, format string, args ...any) *FontError {
	return &FontError{Severity: source.Error, Message: fmt.Sprintf(format, args...), Hint: hint}
}

func damaged(format string, args ...any) *FontError {
	return &FontError{Severity: source.Error, Message: "is damaged: " + fmt.Sprintf(format, args...), Hint: hintDamaged}
}

type sfntBytes []byte

func (b sfntBytes) u16(off int) int { return int(binary.BigEndian.Uint16(b[off:])) }
func (b sfntBytes) u32(off int) int { return int(binary.BigEndian.Uint32(b[off:])) }

func (b sfntBytes) has(off, n int) bool {
	return off >= 0 && n >= 0 && off <= len(b) && n <= len(b)-off
}

type sfntTable struct {
	tag  string
	data []byte
}

func tableData(tables []sfntTable, tag string) []byte {
	for _, t := range tables {
		if t.tag == tag {
			return t.data
		}
	}
	return nil
}

func printable(tag string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7E {
			return '?'
		}
		return r
	}, tag)
}

func sniff(data []byte) (uint32, *FontError) {
	if len(data) < 4 {
		return 0, fontErr(hintNotFont, "is not a font file")
	}
	switch m := binary.BigEndian.Uint32(data); m {
	case magicTrueType, magicTrue, magicTTC:
		return m, nil
	case magicOTTO:
		return 0, fontErr(hintTrueType, "is a CFF (OpenType/PostScript) font")
	case magicWOFF, magicWOFF2:
		return 0, fontErr(hintWOFF, "is a WOFF web font")
	}
	return 0, fontErr(hintNotFont, "is not a font file")
}

func faceCount(data []byte) (int, *FontError) {
	magic, err := sniff(data)
	if err != nil {
		return 0, err
	}
	if magic != magicTTC {
		return 1, nil
	}
	b := sfntBytes(data)
	if !b.has(0, 12) || !b.has(12, 4*b.u32(8)) {
		return 0, damaged("font collection header lies outside the file")
	}
	n := b.u32(8)
	if n == 0 {
		return 0, damaged("font collection has no faces")
	}
	return n, nil
}

func standalone(data []byte, index int) ([]byte, *font.Font, *SFNT, *FontError) {
	n, err := faceCount(data)
	if err != nil {
		return nil, nil, nil, err
	}
	if index < 0 || index >= n {
		faces := "faces"
		if n == 1 {
			faces = "face"
		}
		return nil, nil, nil, fontErr(hintFace, "has %d %s; face %d does not exist", n, faces, index)
	}
	collection := binary.BigEndian.Uint32(data) == magicTTC
	off := 0
	if collection {
		off = sfntBytes(data).u32(12 + 4*index)
	}
	version, tables, err := readFace(data, off)
	if err != nil {
		return nil, nil, nil, err
	}
	out := data
	if collection {
		// A digital signature would not match the extracted face. The
		// tables are then those of the extracted face, so that the SFNT
		// does not keep the whole collection alive.
		tables = slices.DeleteFunc(tables, func(t sfntTable) bool { return t.tag == "DSIG" })
		out, tables = placeTables(version, tables)
	}
	s, err := newSFNT(version, tables)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := s.check(); err != nil {
		return nil, nil, nil, err
	}
	ft, err := parseGoText(out)
	if err != nil {
		return nil, nil, nil, err
	}
	return out, ft, s, nil
}

// parseGoText parses a standalone font with go-text, which handbill shapes
// with; a font go-text cannot read (or panics on) is damaged.
func parseGoText(ttf []byte) (ft *font.Font, ferr *FontError) {
	defer func() {
		if r := recover(); r != nil {
			ft, ferr = nil, damaged("go-text cannot read it (%v)", r)
		}
	}()
	face, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		return nil, damaged("%v", err)
	}
	return face.Font, nil
}

// readFace reads the table directory of the face at off in data: the sfnt
// version and the tables, each checked to lie inside data and to appear
// once. It is the only reader of table directories: parseSFNT reads a
// face with it, standalone a face of a collection.
func readFace(data []byte, off int) (uint32, []sfntTable, *FontError) {
	b := sfntBytes(data)
	if !b.has(off, 12) || !b.has(off+12, 16*b.u16(off+4)) {
		return 0, nil, damaged("table directory lies outside the file")
	}
	n := b.u16(off + 4)
	tables := make([]sfntTable, 0, n)
	seen := make(map[string]bool, n)
	for i := range n {
		rec := off + 12 + 16*i
		tag := string(data[rec : rec+4])
		start, size := b.u32(rec+8), b.u32(rec+12)
		if !b.has(start, size) {
			return 0, nil, damaged("table '%s' lies outside the file", printable(tag))
		}
		if seen[tag] {
			return 0, nil, damaged("table '%s' appears twice", printable(tag))
		}
		seen[tag] = true
		tables = append(tables, sfntTable{tag, data[start : start+size : start+size]})
	}
	return uint32(b.u32(off)), tables, nil
}

// SFNT is a standalone TrueType face read once: its table directory and
// the values of its tables that handbill relies on, each checked to be
// readable. It serves the font checks, the subsetter (Subset) and the PDF
// font descriptor; go-text's parse of the same bytes (Face.Font) serves
// shaping. A Face parses its SFNT once per process (Face.SFNT), and the
// documents of a run share it: an SFNT is read-only and safe for
// concurrent use, and its fields must not be modified.
//
// Lengths, offsets and counts are in bounds: the directory lies inside
// the data; 'head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap',
// 'name' and 'post' are present and long enough for the values read from
// them; 'hmtx' and 'loca' hold an entry for every glyph. The glyphs, the
// character map and the names are only checked for a user's font (check).
type SFNT struct {
	// UnitsPerEm is the size of the em in font units ('head'); never 0.
	UnitsPerEm int
	// NumGlyphs is the number of glyphs ('maxp'); at least 1.
	NumGlyphs int
	// BBox is the bounding box of every glyph, xMin, yMin, xMax, yMax, in
	// font units ('head').
	BBox [4]int
	// Ascent and Descent are the ascender and descender in font units
	// ('hhea'); Descent is below the baseline, so usually negative.
	Ascent, Descent int
	// CapHeight is the height of capital letters in font units (OS/2
	// sCapHeight, from OS/2 version 2); Ascent when the font does not say.
	CapHeight int
	// ItalicAngle is the slant in degrees counter-clockwise from the
	// vertical ('post'; negative for text leaning right). It and
	// FixedPitch are zero when 'post' is shorter than its 32-byte header,
	// as Subset then drops it.
	ItalicAngle float64
	// FixedPitch reports that every glyph has the same advance ('post'
	// isFixedPitch).
	FixedPitch bool

	version uint32
	tables  []sfntTable
	// The tables read by the checks and the subsetter.
	head, hhea, maxp, hmtx, loca, glyf sfntBytes
	numHMetrics                        int
	longLoca                           bool // 'loca' offsets are 32-bit (head indexToLocFormat 1)
}

// parseSFNT reads a standalone TrueType font: its table directory and the
// values of its tables (newSFNT). Errors are *FontError without a file.
func parseSFNT(ttf []byte) (*SFNT, *FontError) {
	version, tables, err := readFace(ttf, 0)
	if err != nil {
		return nil, err
	}
	return newSFNT(version, tables)
}

// newSFNT checks that a face read by readFace is a TrueType (glyf) font
// whose 'head', 'hhea', 'maxp', 'hmtx', 'loca' and 'post' tables can be
// read, and reads them.
func newSFNT(version uint32, tables []sfntTable) (*SFNT, *FontError) {
	s := &SFNT{version: version, tables: tables}
	if version == magicOTTO || s.has("CFF ") || s.has("CFF2") {
		return nil, fontErr(hintTrueType, "is a CFF (OpenType/PostScript) font")
	}
	if version != magicTrueType && version != magicTrue {
		return nil, damaged("face has unknown sfnt version %#08x", version)
	}
	if !s.has("glyf") {
		return nil, fontErr(hintTrueType, "has no 'glyf' table (no TrueType outlines)")
	}
	for _, tag := range []string{"loca", "head", "hhea", "maxp", "hmtx", "cmap", "name", "post"} {
		if !s.has(tag) {
			return nil, fontErr(hintTrueType, "has no '%s' table", tag)
		}
	}
	for _, t := range []struct {
		tag string
		n   int
	}{{"head", 54}, {"maxp", 6}, {"hhea", 36}, {"post", 16}} {
		if len(s.table(t.tag)) < t.n {
			return nil, damaged("'%s' table is too short", t.tag)
		}
	}

	s.head, s.hhea, s.maxp = s.table("head"), s.table("hhea"), s.table("maxp")
	s.hmtx, s.loca, s.glyf = s.table("hmtx"), s.table("loca"), s.table("glyf")
	head, hhea := s.head, s.hhea
	if s.UnitsPerEm = head.u16(18); s.UnitsPerEm == 0 {
		return nil, damaged("'head' unitsPerEm is 0")
	}
	locaFormat := head.u16(50)
	if locaFormat > 1 {
		return nil, damaged("'head' indexToLocFormat is %d", locaFormat)
	}
	s.longLoca = locaFormat == 1
	if f := head.u16(52); f != 0 {
		return nil, damaged("'head' glyphDataFormat is %d", f)
	}
	if s.NumGlyphs = s.maxp.u16(4); s.NumGlyphs == 0 {
		return nil, damaged("'maxp' numGlyphs is 0")
	}
	if f := hhea.u16(32); f != 0 {
		return nil, damaged("'hhea' metricDataFormat is %d", f)
	}
	if s.numHMetrics = hhea.u16(34); s.numHMetrics == 0 {
		return nil, damaged("'hhea' numberOfHMetrics is 0")
	}
	if len(s.hmtx) < 4*s.numHMetrics+2*max(0, s.NumGlyphs-s.numHMetrics) {
		return nil, damaged("'hmtx' table is too short for %d glyphs", s.NumGlyphs)
	}
	if len(s.loca) < (s.NumGlyphs+1)*(2<<locaFormat) {
		return nil, damaged("'loca' table is too short for %d glyphs", s.NumGlyphs)
	}

	i16 := func(b sfntBytes, off int) int { return int(int16(b.u16(off))) }
	for i := range s.BBox {
		s.BBox[i] = i16(head, 36+2*i)
	}
	s.Ascent, s.Descent = i16(hhea, 4), i16(hhea, 6)
	s.CapHeight = s.Ascent
	if os2 := s.table("OS/2"); len(os2) >= 90 && os2.u16(0) >= 2 {
		s.CapHeight = i16(os2, 88)
	}
	// Subset keeps 'post' only with its whole 32-byte header: the
	// descriptor says what the embedded font says.
	if post := s.table("post"); len(post) >= 32 {
		s.ItalicAngle = float64(int32(uint32(post.u32(4)))) / 65536
		s.FixedPitch = post.u32(12) != 0
	}
	return s, nil
}

// has reports whether the face has the table tag.
func (s *SFNT) has(tag string) bool {
	return slices.ContainsFunc(s.tables, func(t sfntTable) bool { return t.tag == tag })
}

// table returns the data of the table tag, nil when the face has none.
func (s *SFNT) table(tag string) sfntBytes { return tableData(s.tables, tag) }

// glyphSpan returns where glyph gid (< NumGlyphs) lies in 'glyf' according
// to 'loca'; the span may be backwards or past the end of 'glyf'.
func (s *SFNT) glyphSpan(gid int) (start, end int) {
	if s.longLoca {
		return s.loca.u32(4 * gid), s.loca.u32(4*gid + 4)
	}
	return 2 * s.loca.u16(2*gid), 2 * s.loca.u16(2*gid+2)
}

// check makes the checks of a user's font that parsing does not: every
// glyph's outline and components, the character map, the names and OS/2,
// including the embedding permission.
func (s *SFNT) check() *FontError {
	if err := s.checkGlyphs(); err != nil {
		return err
	}
	if err := checkCmap(s.table("cmap"), s.NumGlyphs); err != nil {
		return err
	}
	if err := checkName(s.table("name")); err != nil {
		return err
	}
	if s.has("OS/2") {
		os2 := s.table("OS/2")
		if len(os2) < 72 || os2.u16(0) > 1 && len(os2) < 90 {
			return damaged("'OS/2' table is too short")
		}
		if fsType := os2.u16(8); fsType == 2 || fsType&0x300 != 0 {
			return fontErr(hintEmbed, "does not allow embedding (OS/2 fsType %#04x)", fsType)
		}
	}
	return nil
}

func (s *SFNT) checkGlyphs() *FontError {
	numGlyphs, glyf := s.NumGlyphs, s.glyf
	uses := make([][]int, numGlyphs)
	for g := range numGlyphs {
		start, end := s.glyphSpan(g)
		if start > end || end > len(glyf) {
			return damaged("'loca' entry of glyph %d lies outside the 'glyf' table", g)
		}
		glyph := glyf[start:end]
		if len(glyph) == 0 {
			continue
		}
		if len(glyph) < 10 {
			return damaged("glyph %d is too short", g)
		}
		if int16(glyph.u16(0)) >= 0 {
			continue // simple glyph
		}
		parts, ok := components(glyph)
		if !ok {
			return damaged("composite glyph %d is truncated", g)
		}
		for _, c := range parts {
			if c.gid >= numGlyphs {
				return damaged("glyph %d uses glyph %d, which does not exist", g, c.gid)
			}
			uses[g] = append(uses[g], c.gid)
		}
	}

	// PDF viewers follow components recursively, some without remembering
	// where they have been: reject cycles and trees that would take too
	// many steps.
	const maxSteps = 1 << 16
	steps := make([]int, numGlyphs) // 0: not yet counted, -1: being counted
	var count func(g int) int
	count = func(g int) int {
		switch steps[g] {
		case -1:
			return maxSteps + 1
		case 0:
			steps[g] = -1
			n := 1
			for _, c := range uses[g] {
				if n += count(c); n > maxSteps {
					break
				}
			}
			steps[g] = min(n, maxSteps+1)
		}
		return steps[g]
	}
	for g := range numGlyphs {
		if uses[g] != nil && count(g) > maxSteps {
			return damaged("glyph %d has circular or too deeply nested components", g)
		}
	}
	return nil
}

func checkCmap(cmap sfntBytes, numGlyphs int) *FontError {
	// Find the Unicode format 4 subtable, then check every glyph it maps to.
	if !cmap.has(0, 4) || !cmap.has(4, 8*cmap.u16(2)) {
		return damaged("'cmap' table is too short")
	}
	sub := -1
	for i := range cmap.u16(2) {
		rec := 4 + 8*i
		platform, encoding, off := cmap.u16(rec), cmap.u16(rec+2), cmap.u32(rec+4)
		if platform != 0 && (platform != 3 || encoding != 1) {
			continue
		}
		if !cmap.has(off, 2) {
			return damaged("'cmap' subtable lies outside the table")
		}
		if cmap.u16(off) == 4 {
			sub = off
			break
		}
	}
	if sub < 0 {
		return fontErr(hintCmap, "has no Unicode 'cmap' subtable of format 4")
	}
	if !cmap.has(sub, 14) || !cmap.has(sub, cmap.u16(sub+2)) {
		return damaged("'cmap' format 4 subtable lies outside the table")
	}
	length, segs := cmap.u16(sub+2), cmap.u16(sub+6)/2
	if length < 16+8*segs {
		return damaged("'cmap' format 4 subtable is too short")
	}
	ends, starts, deltas, ranges := sub+14, sub+16+2*segs, sub+16+4*segs, sub+16+6*segs
	prevEnd := -1
	for i := range segs {
		end, start := cmap.u16(ends+2*i), cmap.u16(starts+2*i)
		delta, rangeOffset := cmap.u16(deltas+2*i), cmap.u16(ranges+2*i)
		if start > end {
			continue // readers skip it
		}
		if start <= prevEnd {
			return damaged("'cmap' format 4 segments overlap")
		}
		prevEnd = end
		for c := start; c <= end; c++ {
			gid := (c + delta) & 0xFFFF
			if rangeOffset != 0 {
				p := ranges + 2*i + rangeOffset + 2*(c-start)
				switch {
				case p >= sub+length:
					gid = 0 // past the table: no glyph
				case !cmap.has(p, 2):
					return damaged("'cmap' format 4 subtable is too short")
				case cmap.u16(p) == 0:
					gid = 0
				default:
					gid = (cmap.u16(p) + delta) & 0xFFFF
				}
			}
			if gid >= numGlyphs {
				return damaged("'cmap' maps U+%04X to glyph %d, which does not exist", c, gid)
			}
		}
	}
	return nil
}

func checkName(name sfntBytes) *FontError {
	if !name.has(0, 6) || !name.has(6, 12*name.u16(2)) {
		return damaged("'name' table is too short")
	}
	if f := name.u16(0); f != 0 {
		return fontErr(hintTrueType, "has a 'name' table of format %d, which is not supported", f)
	}
	strs := name.u16(4)
	for i := range name.u16(2) {
		rec := 6 + 12*i
		platform, encoding, lang := name.u16(rec), name.u16(rec+2), name.u16(rec+4)
		id, size, off := name.u16(rec+6), name.u16(rec+8), name.u16(rec+10)
		if id > 6 || id == 0 || id == 5 {
			continue
		}
		windows := platform == 3 && encoding == 1 && lang == 0x409
		if !windows && (platform != 1 || encoding != 0 || lang != 0) {
			continue
		}
		if windows && size%2 != 0 {
			return damaged("'name' table has a UTF-16 string of odd length")
		}
		if !name.has(strs+off, size) {
			return damaged("'name' table string lies outside the table")
		}
	}
	return nil
}

// buildSfnt writes a standalone font of the tables, in the order of their
// tags, with their checksums and head.checkSumAdjustment.
func buildSfnt(version uint32, tables []sfntTable) []byte {
	out, _ := placeTables(version, tables)
	return out
}

// placeTables is buildSfnt that also returns the tables as they lie in the
// font it writes.
func placeTables(version uint32, tables []sfntTable) ([]byte, []sfntTable) {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b sfntTable) int { return strings.Compare(a.tag, b.tag) })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be := binary.BigEndian
	sel := max(bits.Len(uint(n))-1, 0)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*n-16<<sel))
	head := -1
	offs := make([]int, n)
	for i, t := range tables {
		off := len(out)
		offs[i] = off
		out = append(out, t.data...)
		if t.tag == "head" && len(t.data) >= 12 {
			head = off
			clear(out[off+8 : off+12])
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], checksum(out[off:]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(t.data)))
		out = append(out, make([]byte, (4-len(t.data)%4)%4)...)
	}
	if head >= 0 {
		be.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	}
	for i, off := range offs {
		end := off + len(tables[i].data)
		tables[i].data = out[off:end:end]
	}
	return out, tables
}

func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

func buildCmap(entries []CmapEntry) ([]byte, error) {
	// A run of consecutive codes becomes delta segments (one per run of
	// consecutive glyph ids) or, when that is smaller, one segment with a
	// glyph id array.
	es := slices.Clone(entries)
	slices.SortFunc(es, func(a, b CmapEntry) int { return int(a.Code) - int(b.Code) })
	for i, e := range es {
		switch {
		case e.Code == 0xFFFF:
			return nil, fmt.Errorf("cmap: code U+FFFF cannot be mapped")
		case e.GID == 0:
			return nil, fmt.Errorf("cmap: code U+%04X maps to glyph 0", e.Code)
		case i > 0 && es[i-1].Code == e.Code:
			return nil, fmt.Errorf("cmap: code U+%04X appears twice", e.Code)
		}
	}
	type segment struct {
		start, end, delta uint16
		glyphs            []uint16 // nil for a delta segment
	}
	// gidRun returns the end of the run of consecutive glyph ids from run[i].
	gidRun := func(run []CmapEntry, i int) int {
		j := i + 1
		for j < len(run) && run[j].GID == run[j-1].GID+1 {
			j++
		}
		return j
	}
	var segs []segment
	arrayLen := 0
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].Code == es[j-1].Code+1 {
			j++
		}
		run := es[i:j]
		i = j
		deltaSegs := 0
		for k := 0; k < len(run); k = gidRun(run, k) {
			deltaSegs++
		}
		if 8*deltaSegs <= 8+2*len(run) {
			for k := 0; k < len(run); {
				l := gidRun(run, k)
				segs = append(segs, segment{start: run[k].Code, end: run[l-1].Code, delta: run[k].GID - run[k].Code})
				k = l
			}
			continue
		}
		s := segment{start: run[0].Code, end: run[len(run)-1].Code, glyphs: make([]uint16, len(run))}
		for k, e := range run {
			s.glyphs[k] = e.GID
		}
		segs = append(segs, s)
		arrayLen += len(run)
	}
	segs = append(segs, segment{start: 0xFFFF, end: 0xFFFF, delta: 1})

	n := len(segs)
	length := 16 + 8*n + 2*arrayLen
	if length > 0xFFFF {
		return nil, fmt.Errorf("cmap: %d entries do not fit in a format 4 cmap", len(es))
	}
	out := make([]byte, 12+length)
	be := binary.BigEndian
	be.PutUint16(out[2:], 1) // one encoding record
	be.PutUint16(out[4:], 3) // platform: Windows
	be.PutUint16(out[6:], 1) // encoding: Unicode BMP
	be.PutUint32(out[8:], 12)
	sub := out[12:]
	sel := bits.Len(uint(n)) - 1
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(length))
	be.PutUint16(sub[6:], uint16(2*n))
	be.PutUint16(sub[8:], uint16(2<<sel))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*n-2<<sel))
	ends, starts, deltas, ranges, glyphs := 14, 16+2*n, 16+4*n, 16+6*n, 16+8*n
	for i, s := range segs {
		be.PutUint16(sub[ends+2*i:], s.end)
		be.PutUint16(sub[starts+2*i:], s.start)
		be.PutUint16(sub[deltas+2*i:], s.delta)
		if s.glyphs == nil {
			continue
		}
		be.PutUint16(sub[ranges+2*i:], uint16(glyphs-(ranges+2*i)))
		for _, g := range s.glyphs {
			be.PutUint16(sub[glyphs:], g)
			glyphs += 2
		}
	}
	return out, nil
}
