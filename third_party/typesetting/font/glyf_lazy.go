// SPDX-License-Identifier: Unlicense OR BSD-3-Clause

package font

import (
	"encoding/binary"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// glyfTable is the 'glyf' table read a glyph at a time (a patch of
// handbill's copy: see PATCH.md). NewFont keeps the table's bytes and the
// 'loca' offsets rather than parsing every glyph's outline at load, which
// was most of a TrueType font's load time and memory; the header of a
// glyph (its bounding box) is read when its extents are asked for, its
// outline when its points are.
//
// A glyph whose data is malformed reads as an empty glyph; the whole table
// is no longer dropped for one bad glyph, as tables.ParseGlyf did.
type glyfTable struct {
	raw  []byte
	loca []uint32 // numGlyphs + 1 offsets into raw; nil without a usable table
}

// newGlyfTable returns the table over raw, with the offsets of loca
// (tables.ParseLoca's result).
func newGlyfTable(raw []byte, loca []uint32) glyfTable {
	if len(loca) == 0 {
		return glyfTable{}
	}
	return glyfTable{raw: raw, loca: loca}
}

// present reports whether the font has a usable 'glyf' table.
func (t glyfTable) present() bool { return t.loca != nil }

// len is the number of glyphs the table holds.
func (t glyfTable) len() int {
	if len(t.loca) == 0 {
		return 0
	}
	return len(t.loca) - 1
}

// data returns the bytes of glyph gid, nil for a glyph without outline or
// with offsets outside the table.
func (t glyfTable) data(gid gID) []byte {
	if int(gid) >= t.len() {
		return nil
	}
	start, end := t.loca[gid], t.loca[gid+1]
	if start >= end || end > uint32(len(t.raw)) {
		return nil
	}
	return t.raw[start:end]
}

// header returns glyph gid's header (contour count and bounding box),
// without its outline data.
func (t glyfTable) header(gid gID) tables.Glyph {
	var g tables.Glyph
	src := t.data(gid)
	if len(src) < 10 {
		return g
	}
	g.XMin = int16(binary.BigEndian.Uint16(src[2:]))
	g.YMin = int16(binary.BigEndian.Uint16(src[4:]))
	g.XMax = int16(binary.BigEndian.Uint16(src[6:]))
	g.YMax = int16(binary.BigEndian.Uint16(src[8:]))
	return g
}

// glyph returns glyph gid parsed, outline included: a zero Glyph for a
// glyph without outline or with malformed data.
func (t glyfTable) glyph(gid gID) tables.Glyph {
	src := t.data(gid)
	if src == nil {
		return tables.Glyph{}
	}
	g, _, err := tables.ParseGlyph(src)
	if err != nil {
		return tables.Glyph{}
	}
	return g
}
