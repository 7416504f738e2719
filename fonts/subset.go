package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// pdfTables are the tables the PDF writer (fpdf) reads; ForPDF drops the
// rest (layout tables like GSUB and GPOS are the shaper's business, done
// by then). Hinting tables stay: glyph programs call into them.
var pdfTables = []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "post", "OS/2", "cvt ", "fpgm", "prep"}

// ForPDF returns the standalone TrueType font ttf as handbill hands it to
// the PDF writer: only the glyphs entries reach (with the components of
// composite glyphs), renumbered from 1 in the order of their old ids, and a
// cmap holding exactly entries (see WithCmap) mapped to the new ids.
// Tables the writer does not read are dropped. The writer then parses a
// font of kilobytes with a few hundred glyphs, not megabytes with tens of
// thousands.
func ForPDF(ttf []byte, entries []CmapEntry) ([]byte, error) {
	version, tables, ferr := readFace(ttf, 0)
	if ferr != nil {
		return nil, ferr
	}
	head := sfntBytes(tableData(tables, "head"))
	hhea := sfntBytes(tableData(tables, "hhea"))
	maxp := sfntBytes(tableData(tables, "maxp"))
	hmtx := sfntBytes(tableData(tables, "hmtx"))
	loca := sfntBytes(tableData(tables, "loca"))
	glyf := sfntBytes(tableData(tables, "glyf"))
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, damaged("'head', 'hhea' or 'maxp' is too short")
	}
	numGlyphs := maxp.u16(4)
	numHMetrics := hhea.u16(34)
	long := head.u16(50) == 1
	if (long && len(loca) < 4*(numGlyphs+1)) || (!long && len(loca) < 2*(numGlyphs+1)) ||
		numHMetrics == 0 || numHMetrics > numGlyphs || len(hmtx) < 4*numHMetrics+2*(numGlyphs-numHMetrics) {
		return nil, damaged("'loca' or 'hmtx' is too short")
	}
	glyph := func(gid int) (sfntBytes, error) {
		var a, b int
		if long {
			a, b = loca.u32(4*gid), loca.u32(4*gid+4)
		} else {
			a, b = 2*loca.u16(2*gid), 2*loca.u16(2*gid+2)
		}
		if a > b || b > len(glyf) {
			return nil, damaged("glyph %d lies outside 'glyf'", gid)
		}
		return glyf[a:b], nil
	}
	for _, e := range entries {
		if int(e.GID) >= numGlyphs {
			return nil, fmt.Errorf("code U+%04X maps to glyph %d, but the font has %d glyphs", e.Code, e.GID, numGlyphs)
		}
	}

	// Collect the glyphs, composite components included.
	keep := map[int]bool{0: true}
	todo := []int{0}
	for _, e := range entries {
		if !keep[int(e.GID)] {
			keep[int(e.GID)] = true
			todo = append(todo, int(e.GID))
		}
	}
	for len(todo) > 0 {
		gid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		g, err := glyph(gid)
		if err != nil {
			return nil, err
		}
		for _, c := range components(g) {
			if c.gid >= numGlyphs {
				return nil, damaged("glyph %d uses glyph %d, which does not exist", gid, c.gid)
			}
			if !keep[c.gid] {
				keep[c.gid] = true
				todo = append(todo, c.gid)
			}
		}
	}
	old := make([]int, 0, len(keep))
	for gid := range keep {
		old = append(old, gid)
	}
	slices.Sort(old)
	newID := make(map[int]int, len(old))
	for i, gid := range old {
		newID[gid] = i
	}

	// New glyf, loca and hmtx in the new order.
	be := binary.BigEndian
	newGlyf := make([]byte, 0, 4096)
	newLoca := make([]byte, 4*(len(old)+1))
	newHmtx := make([]byte, 4*len(old))
	for i, gid := range old {
		be.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		g, _ := glyph(gid)
		start := len(newGlyf)
		newGlyf = append(newGlyf, g...)
		for _, c := range components(g) {
			be.PutUint16(newGlyf[start+c.at:], uint16(newID[c.gid]))
		}
		newGlyf = append(newGlyf, make([]byte, (4-len(newGlyf)%4)%4)...)
		m := min(gid, numHMetrics-1)
		copy(newHmtx[4*i:], hmtx[4*m:4*m+2]) // advance
		if gid < numHMetrics {
			copy(newHmtx[4*i+2:], hmtx[4*gid+2:4*gid+4])
		} else {
			off := 4*numHMetrics + 2*(gid-numHMetrics)
			copy(newHmtx[4*i+2:], hmtx[off:off+2])
		}
	}
	be.PutUint32(newLoca[4*len(old):], uint32(len(newGlyf)))

	remapped := make([]CmapEntry, len(entries))
	for i, e := range entries {
		remapped[i] = CmapEntry{Code: e.Code, GID: uint16(newID[int(e.GID)])}
	}
	cmap, err := buildCmap(remapped)
	if err != nil {
		return nil, err
	}
	newHead := slices.Clone([]byte(head))
	be.PutUint16(newHead[50:], 1)
	newHhea := slices.Clone([]byte(hhea))
	be.PutUint16(newHhea[34:], uint16(len(old)))
	newMaxp := slices.Clone([]byte(maxp))
	be.PutUint16(newMaxp[4:], uint16(len(old)))
	out := []sfntTable{{"head", newHead}, {"hhea", newHhea}, {"maxp", newMaxp}, {"hmtx", newHmtx},
		{"loca", newLoca}, {"glyf", newGlyf}, {"cmap", cmap}}
	for _, t := range tables {
		switch {
		case t.tag == "post" && len(t.data) >= 32:
			post := slices.Clone(t.data[:32])
			be.PutUint32(post, 0x00030000) // no glyph names
			out = append(out, sfntTable{"post", post})
		case slices.Contains(pdfTables, t.tag) && !slices.ContainsFunc(out, func(o sfntTable) bool { return o.tag == t.tag }):
			out = append(out, t)
		}
	}
	return buildSfnt(version, out), nil
}

// component is one part of a composite glyph: the glyph it uses and the
// offset of that glyph id inside the composite's data.
type component struct{ gid, at int }

// components returns the parts of a composite glyph (none for a simple or
// empty glyph).
func components(g sfntBytes) []component {
	if len(g) < 10 || int16(g.u16(0)) >= 0 {
		return nil
	}
	var out []component
	for p := 10; p+4 <= len(g); {
		flags := g.u16(p)
		out = append(out, component{gid: g.u16(p + 2), at: p + 2})
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
