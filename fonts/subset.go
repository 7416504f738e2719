package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// pdfTables are the tables the PDF writer (fpdf) reads; ForPDF drops the
// rest (layout tables like GSUB and GPOS are the shaper's business, done
// by then).
var pdfTables = []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "post", "OS/2", "cvt ", "fpgm", "prep"}

// ForPDF returns the standalone TrueType font ttf as handbill hands it to
// the PDF writer: its cmap holds exactly entries (see WithCmap), its glyf
// table only the glyphs those entries reach (with the components of
// composite glyphs); other glyph slots are left empty so glyph ids do not
// change. The writer then parses kilobytes, not megabytes, per document.
func ForPDF(ttf []byte, entries []CmapEntry) ([]byte, error) {
	version, tables, ferr := readFace(ttf, 0)
	if ferr != nil {
		return nil, ferr
	}
	head := sfntBytes(tableData(tables, "head"))
	maxp := sfntBytes(tableData(tables, "maxp"))
	loca := sfntBytes(tableData(tables, "loca"))
	glyf := sfntBytes(tableData(tables, "glyf"))
	if len(head) < 54 || len(maxp) < 6 {
		return nil, damaged("'head' or 'maxp' is too short")
	}
	numGlyphs := maxp.u16(4)
	long := head.u16(50) == 1
	offset := func(gid int) (int, int) {
		if long {
			return loca.u32(4 * gid), loca.u32(4*gid + 4)
		}
		return 2 * loca.u16(2*gid), 2 * loca.u16(2*gid+2)
	}
	if (long && len(loca) < 4*(numGlyphs+1)) || (!long && len(loca) < 2*(numGlyphs+1)) {
		return nil, damaged("'loca' is too short")
	}
	keep := make([]bool, numGlyphs)
	var todo []int
	mark := func(gid int) {
		if gid < numGlyphs && !keep[gid] {
			keep[gid] = true
			todo = append(todo, gid)
		}
	}
	mark(0)
	for _, e := range entries {
		mark(int(e.GID))
	}
	for len(todo) > 0 {
		gid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		a, b := offset(gid)
		if a > b || b > len(glyf) {
			return nil, damaged("glyph %d lies outside 'glyf'", gid)
		}
		for _, c := range components(glyf[a:b]) {
			mark(c)
		}
	}
	newGlyf := make([]byte, 0, 1024)
	newLoca := make([]byte, 4*(numGlyphs+1))
	for gid := range numGlyphs {
		binary.BigEndian.PutUint32(newLoca[4*gid:], uint32(len(newGlyf)))
		if keep[gid] {
			a, b := offset(gid)
			newGlyf = append(newGlyf, glyf[a:b]...)
			newGlyf = append(newGlyf, make([]byte, (4-len(newGlyf)%4)%4)...)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))
	cmap, err := buildCmap(entries)
	if err != nil {
		return nil, err
	}
	newHead := slices.Clone([]byte(head))
	binary.BigEndian.PutUint16(newHead[50:], 1)
	out := []sfntTable{{"head", newHead}, {"loca", newLoca}, {"glyf", newGlyf}, {"cmap", cmap}}
	for _, t := range tables {
		switch {
		case t.tag == "post" && len(t.data) >= 32:
			post := slices.Clone(t.data[:32])
			binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
			out = append(out, sfntTable{"post", post})
		case slices.Contains(pdfTables, t.tag) && !slices.ContainsFunc(out, func(o sfntTable) bool { return o.tag == t.tag }):
			out = append(out, t)
		}
	}
	for _, e := range entries {
		if int(e.GID) >= numGlyphs {
			return nil, fmt.Errorf("code U+%04X maps to glyph %d, but the font has %d glyphs", e.Code, e.GID, numGlyphs)
		}
	}
	return buildSfnt(version, out), nil
}

// components returns the glyph ids a composite glyph is built from (none
// for a simple or empty glyph).
func components(g sfntBytes) []int {
	if len(g) < 10 || int16(g.u16(0)) >= 0 {
		return nil
	}
	var out []int
	for p := 10; p+4 <= len(g); {
		flags := g.u16(p)
		out = append(out, g.u16(p+2))
		p += 4
		if flags&0x0001 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0:
			p += 2
		case flags&0x0040 != 0:
			p += 4
		case flags&0x0080 != 0:
			p += 8
		}
		if flags&0x0020 == 0 {
			break
		}
	}
	return out
}
