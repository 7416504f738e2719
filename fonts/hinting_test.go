package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/go-text/typesetting/font"
)

// instructionBytes returns how many bytes of TrueType instructions the
// glyphs of a standalone font hold.
func instructionBytes(t *testing.T, ttf []byte) int {
	t.Helper()
	_, tables, ferr := readFace(ttf, 0)
	if ferr != nil {
		t.Fatal(ferr)
	}
	head := sfntBytes(tableData(tables, "head"))
	loca := sfntBytes(tableData(tables, "loca"))
	glyf := sfntBytes(tableData(tables, "glyf"))
	n := sfntBytes(tableData(tables, "maxp")).u16(4)
	total := 0
	for gid := range n {
		var a, b int
		if head.u16(50) == 1 {
			a, b = loca.u32(4*gid), loca.u32(4*gid+4)
		} else {
			a, b = 2*loca.u16(2*gid), 2*loca.u16(2*gid+2)
		}
		g := glyf[a:b]
		if len(g) < 10 {
			continue
		}
		if nc := int16(g.u16(0)); nc >= 0 {
			total += g.u16(10 + 2*int(nc))
			continue
		}
		p := 10
		for {
			flags := g.u16(p)
			p += 4
			if flags&1 != 0 {
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x08 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&0x20 == 0 {
				if flags&0x100 != 0 {
					total += g.u16(p)
				}
				break
			}
		}
	}
	return total
}

func TestSubsetDropsHintingKeepsOutlines(t *testing.T) {
	raw, err := os.ReadFile("files/NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := font.ParseTTF(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var entries []CmapEntry
	composites := 0
	for _, r := range "Conozca las señales: ¿Qué hacer? Việt Ñandú Åström ﬁ" {
		gid, ok := orig.NominalGlyph(r)
		if !ok || slices.ContainsFunc(entries, func(e CmapEntry) bool { return e.Code == uint16(r) }) {
			continue
		}
		if parts, _ := components(glyphBytes(t, raw, int(gid))); parts != nil {
			composites++
		}
		entries = append(entries, CmapEntry{Code: uint16(r), GID: uint16(gid)})
	}
	if composites == 0 {
		t.Fatal("no composite glyph among the test characters")
	}
	if instructionBytes(t, raw) == 0 {
		t.Fatal("the test font has no hinting to drop")
	}
	out, _, err := subset(raw, nil, entries)
	if err != nil {
		t.Fatal(err)
	}
	_, tables, ferr := readFace(out, 0)
	if ferr != nil {
		t.Fatal(ferr)
	}
	for _, tag := range hintingTables {
		if tableData(tables, tag) != nil {
			t.Errorf("subset keeps the hinting table %q", tag)
		}
	}
	if n := instructionBytes(t, out); n != 0 {
		t.Errorf("subset glyphs keep %d bytes of instructions", n)
	}
	if maxp := sfntBytes(tableData(tables, "maxp")); maxp.u16(26) != 0 || maxp.u16(20) != 0 {
		t.Errorf("maxp still asks for instructions (%d bytes) or functions (%d)", maxp.u16(26), maxp.u16(20))
	}
	sub, err := font.ParseTTF(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	for _, e := range entries {
		g, ok := sub.NominalGlyph(rune(e.Code))
		if !ok {
			t.Fatalf("U+%04X does not map", e.Code)
		}
		if !reflect.DeepEqual(sub.GlyphData(g), orig.GlyphData(font.GID(e.GID))) {
			t.Errorf("U+%04X: outline changed", e.Code)
		}
		if sub.HorizontalAdvance(g) != orig.HorizontalAdvance(font.GID(e.GID)) {
			t.Errorf("U+%04X: advance changed", e.Code)
		}
	}
}

func TestWithoutInstructions(t *testing.T) {
	be := binary.BigEndian
	// A simple glyph: one contour of one point, 3 bytes of instructions.
	simple := []byte{0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0, 0, 3, 0xB0, 0x01, 0x2C, 0x37}
	got, ok := withoutInstructions(simple)
	want := []byte{0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0, 0, 0, 0x37}
	if !ok || !bytes.Equal(got, want) {
		t.Errorf("simple glyph: got % x, %v; want % x", got, ok, want)
	}
	// A composite of two components (byte offsets, a scale on the second),
	// with instructions after the last.
	comp := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 10, 0, 10}
	comp = be.AppendUint16(comp, 0x0020|0x0100) // MORE_COMPONENTS, WE_HAVE_INSTRUCTIONS
	comp = be.AppendUint16(comp, 5)             // glyph
	comp = append(comp, 1, 2)                   // byte offsets
	comp = be.AppendUint16(comp, 0x0008|0x0100) // WE_HAVE_A_SCALE, last
	comp = be.AppendUint16(comp, 6)
	comp = append(comp, 3, 4)
	comp = be.AppendUint16(comp, 0x4000) // scale 1.0
	end := len(comp)
	comp = be.AppendUint16(comp, 2) // instructions
	comp = append(comp, 0xB0, 0x01)
	got, ok = withoutInstructions(comp)
	if !ok || len(got) != end {
		t.Fatalf("composite: got %d bytes (ok %v), want %d", len(got), ok, end)
	}
	for _, at := range []int{10, 16} {
		if f := be.Uint16(got[at:]); f&0x0100 != 0 {
			t.Errorf("component flags at %d keep WE_HAVE_INSTRUCTIONS: %#04x", at, f)
		}
	}
	if c, _ := components(got); len(c) != 2 || c[0].gid != 5 || c[1].gid != 6 {
		t.Errorf("components after stripping: %+v", c)
	}
	// Instructions running past the glyph: not followable.
	bad := slices.Clone(simple)
	bad[13] = 40
	if _, ok := withoutInstructions(bad); ok {
		t.Error("an instruction length past the glyph's end was accepted")
	}
	if got, ok := withoutInstructions(nil); !ok || len(got) != 0 {
		t.Error("an empty glyph should stay empty")
	}
}

// A font with a glyph whose instructions cannot be followed keeps all its
// hinting: dropping the tables would leave glyph programs calling into
// nothing.
func TestSubsetKeepsHintingOfUnfollowableGlyph(t *testing.T) {
	raw, err := os.ReadFile("files/NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := font.ParseTTF(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	gid, _ := orig.NominalGlyph('o')
	_, tables, _ := readFace(raw, 0)
	head := sfntBytes(tableData(tables, "head"))
	loca := sfntBytes(tableData(tables, "loca"))
	glyfOff := tableStart(raw, "glyf")
	var a, b int
	if head.u16(50) == 1 {
		a, b = loca.u32(4*int(gid)), loca.u32(4*int(gid)+4)
	} else {
		a, b = 2*loca.u16(2*int(gid)), 2*loca.u16(2*int(gid)+2)
	}
	broken := slices.Clone(raw)
	g := broken[glyfOff+a : glyfOff+b]
	nc := int(binary.BigEndian.Uint16(g))
	binary.BigEndian.PutUint16(g[10+2*nc:], uint16(len(g))) // instructions past the end
	out, _, err := subset(broken, nil, []CmapEntry{{Code: 'o', GID: uint16(gid)}})
	if err != nil {
		t.Fatal(err)
	}
	_, tables, _ = readFace(out, 0)
	for _, tag := range hintingTables {
		if tableData(tables, tag) == nil {
			t.Errorf("hinting table %q was dropped though a glyph keeps instructions", tag)
		}
	}
}

// tableStart returns the offset of a table in a standalone font.
func tableStart(ttf []byte, tag string) int {
	b := sfntBytes(ttf)
	for i := range b.u16(4) {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) == tag {
			return b.u32(rec + 8)
		}
	}
	return -1
}
