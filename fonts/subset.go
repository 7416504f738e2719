package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// pdfTables are the tables a PDF reader looks at in an embedded font;
// Subset drops the rest (layout tables like GSUB and GPOS are the shaper's business, done
// by then).
var pdfTables = []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "post", "OS/2"}

// hintingTables hold TrueType hinting: the font program, the control value
// program and table. Subset drops them together with every glyph's own
// instructions, which call into them.
var hintingTables = []string{"cvt ", "fpgm", "prep"}

// Subset returns the font as handbill embeds it in a PDF: a standalone
// TrueType font with only the glyphs listed and those entries map to (with
// the components of composite glyphs), renumbered from 1 in the order of
// their old ids, and a cmap holding exactly entries mapped to the new ids.
// It also returns the new id of every kept glyph by its old id. Tables PDF
// readers do not use are dropped: a document embeds kilobytes with a few
// hundred glyphs, not megabytes with tens of thousands.
//
// Hinting is dropped too: the hinting tables and each glyph's instructions
// (as hb-subset --no-hinting does). Hinting adjusts outlines to the pixel
// grid of small sizes on low-resolution screens; it changes nothing in
// print, PDF viewers mostly ignore it, and in Noto it is 40% of a subset
// font's bytes. The outlines themselves are unchanged. A font with a glyph
// whose instructions cannot be found keeps its hinting whole.
//
// The tables were read and checked when the SFNT was parsed; the glyphs
// kept are checked here, as a bundled face's glyphs are not checked at
// every run. Subset is safe for concurrent use.
func (s *SFNT) Subset(glyphs []uint16, entries []CmapEntry) ([]byte, map[uint16]uint16, error) {
	head, hhea, maxp, hmtx := s.head, s.hhea, s.maxp, s.hmtx
	numGlyphs, numHMetrics := s.NumGlyphs, s.numHMetrics
	glyph := func(gid int) (sfntBytes, error) {
		a, b := s.glyphSpan(gid)
		if a > b || b > len(s.glyf) {
			return nil, damaged("glyph %d lies outside 'glyf'", gid)
		}
		return s.glyf[a:b], nil
	}
	for _, e := range entries {
		if int(e.GID) >= numGlyphs {
			return nil, nil, fmt.Errorf("code U+%04X maps to glyph %d, but the font has %d glyphs", e.Code, e.GID, numGlyphs)
		}
	}

	// Collect the glyphs, composite components included.
	keep := map[int]bool{0: true}
	todo := []int{0}
	for _, g := range glyphs {
		if int(g) >= numGlyphs {
			return nil, nil, fmt.Errorf("glyph %d does not exist: the font has %d glyphs", g, numGlyphs)
		}
		if !keep[int(g)] {
			keep[int(g)] = true
			todo = append(todo, int(g))
		}
	}
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
			return nil, nil, err
		}
		parts, _ := components(g)
		for _, c := range parts {
			if c.gid >= numGlyphs {
				return nil, nil, damaged("glyph %d uses glyph %d, which does not exist", gid, c.gid)
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

	// The glyphs' data without instructions, when every glyph allows it.
	data := make(map[int][]byte, len(old))
	hinted := false
	for _, gid := range old {
		g, _ := glyph(gid)
		bare, ok := withoutInstructions(g)
		if !ok {
			hinted = true
			break
		}
		data[gid] = bare
	}
	if hinted {
		for _, gid := range old {
			data[gid], _ = glyph(gid)
		}
	}

	// New glyf, loca and hmtx in the new order.
	be := binary.BigEndian
	size := 0
	for _, gid := range old {
		size += len(data[gid]) + 3
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 4*(len(old)+1))
	newHmtx := make([]byte, 4*len(old))
	for i, gid := range old {
		be.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		g := sfntBytes(data[gid])
		start := len(newGlyf)
		newGlyf = append(newGlyf, g...)
		parts, _ := components(g)
		for _, c := range parts {
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
		return nil, nil, err
	}
	newHead := slices.Clone([]byte(head))
	be.PutUint16(newHead[50:], 1)
	newHhea := slices.Clone([]byte(hhea))
	be.PutUint16(newHhea[34:], uint16(len(old)))
	newMaxp := slices.Clone([]byte(maxp))
	be.PutUint16(newMaxp[4:], uint16(len(old)))
	if !hinted && len(newMaxp) >= 32 && be.Uint32(newMaxp) == 0x00010000 {
		// No zones, storage, functions, stack or instructions needed.
		be.PutUint16(newMaxp[14:], 1) // maxZones
		for _, off := range []int{16, 18, 20, 22, 24, 26} {
			be.PutUint16(newMaxp[off:], 0)
		}
	}
	out := []sfntTable{{"head", newHead}, {"hhea", newHhea}, {"maxp", newMaxp}, {"hmtx", newHmtx},
		{"loca", newLoca}, {"glyf", newGlyf}, {"cmap", cmap}}
	for _, t := range s.tables {
		switch {
		case t.tag == "post" && len(t.data) >= 32:
			post := slices.Clone(t.data[:32])
			be.PutUint32(post, 0x00030000) // no glyph names
			out = append(out, sfntTable{"post", post})
		case t.tag == "name":
			out = append(out, sfntTable{"name", coreNames(t.data)})
		case slices.Contains(pdfTables, t.tag) && !slices.ContainsFunc(out, func(o sfntTable) bool { return o.tag == t.tag }),
			hinted && slices.Contains(hintingTables, t.tag):
			out = append(out, t)
		}
	}
	ids := make(map[uint16]uint16, len(newID))
	for o, n := range newID {
		ids[uint16(o)] = uint16(n)
	}
	return buildSfnt(s.version, out), ids, nil
}

// withoutInstructions returns a copy of a glyph's data without its
// TrueType instructions: for a simple glyph the instruction length becomes
// 0; a composite glyph loses WE_HAVE_INSTRUCTIONS and the instructions
// after its last component. ok is false when the glyph's structure cannot
// be followed (the data is kept then, with its hinting).
func withoutInstructions(g sfntBytes) (out []byte, ok bool) {
	if len(g) == 0 {
		return nil, true
	}
	if len(g) < 10 {
		return nil, false
	}
	if nc := int16(g.u16(0)); nc >= 0 {
		at := 10 + 2*int(nc) // the instruction length
		if !g.has(at, 2) || !g.has(at+2, g.u16(at)) {
			return nil, false
		}
		out = make([]byte, 0, len(g)-g.u16(at))
		out = append(out, g[:at]...)
		out = append(out, 0, 0)
		return append(out, g[at+2+g.u16(at):]...), true
	}
	parts, end, ok := componentsEnd(g)
	if !ok {
		return nil, false
	}
	out = slices.Clone([]byte(g[:end]))
	for _, c := range parts {
		flags := binary.BigEndian.Uint16(out[c.flagsAt:])
		binary.BigEndian.PutUint16(out[c.flagsAt:], flags&^0x0100) // WE_HAVE_INSTRUCTIONS
	}
	return out, true
}

// component is one part of a composite glyph: the glyph it uses, the
// offset of that glyph id and of the part's flags inside the composite's
// data.
type component struct{ gid, at, flagsAt int }

// components returns the parts of a composite glyph (none for a simple or
// empty glyph), and false when the composite's data is truncated.
func components(g sfntBytes) ([]component, bool) {
	parts, _, ok := componentsEnd(g)
	return parts, ok
}

// componentsEnd is components, also returning where the last part ends
// (the composite's instructions, if any, follow).
func componentsEnd(g sfntBytes) ([]component, int, bool) {
	if len(g) < 10 || int16(g.u16(0)) >= 0 {
		return nil, len(g), true
	}
	var out []component
	for p := 10; ; {
		if !g.has(p, 4) {
			return out, p, false
		}
		flags := g.u16(p)
		out = append(out, component{gid: g.u16(p + 2), at: p + 2, flagsAt: p})
		p += 6
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 2
		}
		switch { // the flags exclude each other; the first one set wins
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if p > len(g) {
			return out, p, false
		}
		if flags&0x0020 == 0 { // no MORE_COMPONENTS
			return out, p, true
		}
	}
}
