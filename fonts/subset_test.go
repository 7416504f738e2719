package fonts

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/go-text/typesetting/font"
)

func TestSubsetKeepsUsedGlyphsAndTheirComponents(t *testing.T) {
	raw, err := os.ReadFile("files/NotoSansArabic-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := font.ParseTTF(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	// Find a composite glyph (Arabic letters with dots are built from parts).
	var composite, simple font.GID
	for _, r := range "بتثجخ" {
		gid, _ := orig.NominalGlyph(r)
		if parts, _ := components(glyphBytes(t, raw, int(gid))); parts != nil {
			composite = gid
			break
		}
	}
	simple, _ = orig.NominalGlyph('ا')
	if composite == 0 {
		t.Fatal("no composite glyph found to test with")
	}
	entries := []CmapEntry{{Code: 0x627, GID: uint16(simple)}, {Code: 0xE000, GID: uint16(composite)}}
	out, _, err := subset(raw, nil, entries)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(raw)/4 {
		t.Errorf("subset is %d bytes, original %d: glyphs were not dropped", len(out), len(raw))
	}
	sub, err := font.ParseTTF(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	for _, e := range entries {
		g, ok := sub.NominalGlyph(rune(e.Code))
		if !ok || g == 0 {
			t.Fatalf("U+%04X does not map", e.Code)
		}
		// Glyphs are renumbered: compare the new glyph with the old one.
		if !reflect.DeepEqual(sub.GlyphData(g), orig.GlyphData(font.GID(e.GID))) {
			t.Errorf("glyph %d (now %d) outline changed", e.GID, g)
		}
		if sub.HorizontalAdvance(g) != orig.HorizontalAdvance(font.GID(e.GID)) {
			t.Errorf("glyph %d (now %d) advance changed", e.GID, g)
		}
	}
	if _, ok := sub.NominalGlyph('ب'); ok {
		t.Error("a character outside the entries still maps")
	}
	// notdef, the two glyphs and the composite's parts; nothing else.
	_, tables, _ := readFace(out, 0)
	if n := sfntBytes(tableData(tables, "maxp")).u16(4); n < 4 || n > 8 {
		t.Errorf("subset has %d glyphs, want the used ones and their components", n)
	}
}

// subset parses a standalone font and subsets it, as SFNT and Subset do
// for a face.
func subset(ttf []byte, glyphs []uint16, entries []CmapEntry) ([]byte, map[uint16]uint16, error) {
	s, err := parseSFNT(ttf)
	if err != nil {
		return nil, nil, err
	}
	return s.Subset(glyphs, entries)
}

func glyphBytes(t *testing.T, raw []byte, gid int) []byte {
	_, tables, ferr := readFace(raw, 0)
	if ferr != nil {
		t.Fatal(ferr)
	}
	head := sfntBytes(tableData(tables, "head"))
	loca := sfntBytes(tableData(tables, "loca"))
	glyf := tableData(tables, "glyf")
	if head.u16(50) == 1 {
		return glyf[loca.u32(4*gid):loca.u32(4*gid+4)]
	}
	return glyf[2*loca.u16(2*gid) : 2*loca.u16(2*gid+2)]
}
