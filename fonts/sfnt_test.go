package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
)

func readFontFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("files", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parseTTF(t testing.TB, data []byte) *font.Face {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("go-text cannot parse the font: %v", err)
	}
	return face
}

// cmapOf returns every mapping of the face's cmap to a real glyph.
func cmapOf(face *font.Face) map[rune]font.GID {
	m := map[rune]font.GID{}
	for it := face.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if g != 0 {
			m[r] = g
		}
	}
	return m
}

// format4Cmap decodes the cmap as simple font readers do (fpdf did): the first
// format 4 subtable of platform 0 or 3/1, every code of every segment.
func format4Cmap(t testing.TB, ttf []byte) map[int]int {
	t.Helper()
	_, tables, ferr := readFace(ttf, 0)
	if ferr != nil {
		t.Fatal(ferr)
	}
	cmap := sfntBytes(tableData(tables, "cmap"))
	sub := -1
	for i := range cmap.u16(2) {
		rec := 4 + 8*i
		if p := cmap.u16(rec); (p == 3 && cmap.u16(rec+2) == 1 || p == 0) && cmap.u16(cmap.u32(rec+4)) == 4 {
			sub = cmap.u32(rec + 4)
			break
		}
	}
	if sub < 0 {
		t.Fatal("no format 4 subtable")
	}
	rim, segs := sub+cmap.u16(sub+2), cmap.u16(sub+6)/2
	ranges := sub + 16 + 6*segs
	m := map[int]int{}
	for n := range segs {
		end, start := cmap.u16(sub+14+2*n), cmap.u16(sub+16+2*segs+2*n)
		delta, ro := int(int16(cmap.u16(sub+16+4*segs+2*n))), cmap.u16(ranges+2*n)
		for c := start; c <= end; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				if p := ranges + 2*n + 2*(c-start) + ro; p >= rim {
					g = 0
				} else if g = cmap.u16(p); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			m[c] = g
		}
	}
	return m
}

// checkChecksums verifies the table checksums and head.checkSumAdjustment.
func checkChecksums(t *testing.T, ttf []byte) {
	t.Helper()
	if sum := checksum(ttf); sum != 0xB1B0AFBA {
		t.Errorf("font checksum is %#x, want 0xB1B0AFBA", sum)
	}
	b := sfntBytes(ttf)
	for i := range b.u16(4) {
		rec := 12 + 16*i
		off, size := b.u32(rec+8), b.u32(rec+12)
		if off%4 != 0 {
			t.Errorf("table %q is not 4-byte aligned", ttf[rec:rec+4])
		}
		data := bytes.Clone(ttf[off : off+size])
		if string(ttf[rec:rec+4]) == "head" {
			clear(data[8:12])
		}
		if got, want := checksum(data), uint32(b.u32(rec+4)); got != want {
			t.Errorf("table %q checksum is %#x, directory says %#x", ttf[rec:rec+4], got, want)
		}
	}
}

func TestStandaloneBundledFonts(t *testing.T) {
	entries, err := os.ReadDir("files")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data := readFontFile(t, e.Name())
		n, err := FaceCount(e.Name(), data)
		if err != nil {
			t.Errorf("FaceCount: %v", err)
			continue
		}
		for i := range n {
			out, err := Standalone(e.Name(), data, i)
			if err != nil {
				t.Errorf("Standalone face %d: %v", i, err)
				continue
			}
			if strings.HasSuffix(e.Name(), ".ttf") && &out[0] != &data[0] {
				t.Errorf("%s: Standalone did not return the .ttf as is", e.Name())
			}
		}
	}
}

func TestStandaloneCollection(t *testing.T) {
	data := readFontFile(t, "wqy-microhei.ttc")
	if n, err := FaceCount("wqy-microhei.ttc", data); n != 2 || err != nil {
		t.Fatalf("FaceCount = %d, %v; want 2", n, err)
	}
	faces, err := font.ParseTTC(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		out, err := Standalone("wqy-microhei.ttc", data, i)
		if err != nil {
			t.Fatalf("face %d: %v", i, err)
		}
		if binary.BigEndian.Uint32(out) != magicTrueType {
			t.Errorf("face %d: output is not a plain TrueType font", i)
		}
		checkChecksums(t, out)
		face := parseTTF(t, out)
		for _, r := range "A中한あ" {
			got, gotOK := face.NominalGlyph(r)
			want, wantOK := faces[i].NominalGlyph(r)
			if got != want || gotOK != wantOK || !wantOK {
				t.Errorf("face %d: %q maps to %d (%v), want %d (%v)", i, r, got, gotOK, want, wantOK)
			}
		}
		// The extracted face is accepted again, as a .ttf, unchanged.
		if again, err := Standalone("x.ttf", out, 0); err != nil || !bytes.Equal(again, out) {
			t.Errorf("face %d: Standalone of the extracted font: %v", i, err)
		}
	}
}

// minimalTables returns the tables of a tiny valid TrueType font with three
// glyphs: 0 empty, 1 simple, 2 a composite of glyph 1; 'A' maps to 1, 'B' to 2.
func minimalTables() map[string][]byte {
	be := binary.BigEndian
	head := make([]byte, 54)
	be.PutUint32(head, 0x00010000)
	be.PutUint32(head[12:], 0x5F0F3CF5)
	be.PutUint16(head[18:], 1000)
	hhea := make([]byte, 36)
	be.PutUint32(hhea, 0x00010000)
	be.PutUint16(hhea[34:], 3)
	maxp := make([]byte, 6)
	be.PutUint32(maxp, 0x00005000)
	be.PutUint16(maxp[4:], 3)
	hmtx := []byte{0x01, 0xF4, 0, 0, 0x02, 0x58, 0, 0, 0x02, 0x58, 0, 0}
	glyf := make([]byte, 12+16)
	be.PutUint16(glyf[12:], 0xFFFF) // composite
	be.PutUint16(glyf[22:], 0x0002) // ARGS_ARE_XY_VALUES
	be.PutUint16(glyf[24:], 1)      // glyph 1
	loca := []byte{0, 0, 0, 0, 0, 6, 0, 14}
	cmap, err := buildCmap([]CmapEntry{{'A', 1}, {'B', 2}})
	if err != nil {
		panic(err)
	}
	name := []byte{0, 0, 0, 0, 0, 6}
	post := make([]byte, 32)
	be.PutUint32(post, 0x00030000)
	return map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx,
		"glyf": glyf, "loca": loca, "cmap": cmap, "name": name, "post": post}
}

func assemble(m map[string][]byte) []byte {
	var tables []sfntTable
	for tag, data := range m {
		tables = append(tables, sfntTable{tag, data})
	}
	return buildSfnt(magicTrueType, tables)
}

func minimalTTF() []byte { return assemble(minimalTables()) }

// mutated returns the minimal font with its tables changed by f.
func mutated(f func(m map[string][]byte)) []byte {
	m := minimalTables()
	f(m)
	return assemble(m)
}

// put16 returns the minimal font with the 16-bit value at off in table tag
// set to v.
func put16(tag string, off int, v uint16) []byte {
	return mutated(func(m map[string][]byte) { binary.BigEndian.PutUint16(m[tag][off:], v) })
}

// collection wraps fonts into a 'ttcf', keeping their tables where they are.
func collection(fonts ...[]byte) []byte {
	hdr := 12 + 4*len(fonts)
	out := make([]byte, hdr)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		off := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(off))
		f = bytes.Clone(f)
		for j := range binary.BigEndian.Uint16(f[4:]) {
			rec := f[12+16*int(j)+8:]
			binary.BigEndian.PutUint32(rec, binary.BigEndian.Uint32(rec)+uint32(off))
		}
		out = append(out, f...)
	}
	return out
}

func TestStandaloneMinimalFont(t *testing.T) {
	ttf := minimalTTF()
	if out, err := Standalone("min.ttf", ttf, 0); err != nil || !bytes.Equal(out, ttf) {
		t.Fatalf("Standalone: %v", err)
	}
	checkChecksums(t, ttf)
	if got := cmapOf(parseTTF(t, ttf)); !maps.Equal(got, map[rune]font.GID{'A': 1, 'B': 2}) {
		t.Errorf("cmap = %v", got)
	}
	ttc := collection(ttf, ttf)
	for i := range 2 {
		out, err := Standalone("min.ttc", ttc, i)
		if err != nil || !bytes.Equal(out, ttf) {
			t.Errorf("face %d of a collection: %v; output differs from the original", i, err)
		}
	}
}

func TestStandaloneErrors(t *testing.T) {
	noto := readFontFile(t, "NotoSans-Regular.ttf")
	renamed := func(from, to string) []byte {
		data := bytes.Clone(noto)
		for i := range binary.BigEndian.Uint16(data[4:]) {
			if rec := 12 + 16*int(i); string(data[rec:rec+4]) == from {
				copy(data[rec:], to)
			}
		}
		return data
	}
	wqy := readFontFile(t, "wqy-microhei.ttc")
	header := func(magic string) []byte { return append([]byte(magic), make([]byte, 60)...) }

	tests := []struct {
		file   string
		data   []byte
		index  int
		reason string
	}{
		{"notes.txt", []byte("These are my notes, not a font.\n"), 0, "is not a font file"},
		{"empty.ttf", nil, 0, "is not a font file"},
		{"x.otf", header("OTTO"), 0, "is a CFF (OpenType/PostScript) font"},
		{"x.woff", header("wOFF"), 0, "is a WOFF web font"},
		{"x.woff2", header("wOF2"), 0, "is a WOFF web font"},
		{"wqy-microhei.ttc", wqy, 5, "has 2 faces; face 5 does not exist"},
		{"wqy-microhei.ttc", wqy, -1, "has 2 faces; face -1 does not exist"},
		{"NotoSans-Regular.ttf", noto, 1, "has 1 face; face 1 does not exist"},
		{"cut.ttf", noto[:5000], 0, "is damaged: table 'DSIG' lies outside the file"},
		{"cut.ttf", noto[:100], 0, "is damaged: table directory lies outside the file"},
		{"cut.ttc", wqy[:14], 0, "is damaged: font collection header lies outside the file"},
		{"noglyf.ttf", renamed("glyf", "glyX"), 0, "has no 'glyf' table (no TrueType outlines)"},
		{"nopost.ttf", renamed("post", "posT"), 0, "has no 'post' table"},
		{"noname.ttf", renamed("name", "nam?"), 0, "has no 'name' table"},
		{"cff.ttf", renamed("GDEF", "CFF "), 0, "is a CFF (OpenType/PostScript) font"},
		{"twice.ttf", renamed("GDEF", "GPOS"), 0, "is damaged: table 'GPOS' appears twice"},
		{"upem.ttf", put16("head", 18, 0), 0, "is damaged: 'head' unitsPerEm is 0"},
		{"loc.ttf", put16("head", 50, 2), 0, "is damaged: 'head' indexToLocFormat is 2"},
		{"ng.ttf", put16("maxp", 4, 0), 0, "is damaged: 'maxp' numGlyphs is 0"},
		{"hm.ttf", put16("hhea", 34, 0), 0, "is damaged: 'hhea' numberOfHMetrics is 0"},
		{"hmtx.ttf", put16("maxp", 4, 9), 0, "is damaged: 'hmtx' table is too short for 9 glyphs"},
		{"loca.ttf", mutated(func(m map[string][]byte) { m["loca"] = m["loca"][:6] }), 0,
			"is damaged: 'loca' table is too short for 3 glyphs"},
		{"loca2.ttf", put16("loca", 6, 200), 0, "is damaged: 'loca' entry of glyph 2 lies outside the 'glyf' table"},
		{"cycle.ttf", put16("glyf", 24, 2), 0, "is damaged: glyph 2 has circular or too deeply nested components"},
		{"comp.ttf", put16("glyf", 24, 3), 0, "is damaged: glyph 2 uses glyph 3, which does not exist"},
		{"cmap.ttf", mutated(func(m map[string][]byte) { m["cmap"], _ = buildCmap([]CmapEntry{{'A', 7}}) }), 0,
			"is damaged: 'cmap' maps U+0041 to glyph 7, which does not exist"},
		{"cmap3.ttf", put16("cmap", 6, 10), 0, "has no Unicode 'cmap' subtable of format 4"},
		{"cmap4.ttf", put16("cmap", 14, 0xFFF0), 0, "is damaged: 'cmap' format 4 subtable lies outside the table"},
		{"fstype.ttf", mutated(func(m map[string][]byte) { m["OS/2"] = make([]byte, 96); m["OS/2"][8] = 1 }), 0,
			"does not allow embedding (OS/2 fsType 0x0100)"},
		{"os2.ttf", mutated(func(m map[string][]byte) { m["OS/2"] = []byte{0, 4, 0, 0} }), 0,
			"is damaged: 'OS/2' table is too short"},
	}
	for _, tc := range tests {
		out, err := Standalone(tc.file, tc.data, tc.index)
		var fe *FontError
		if !errors.As(err, &fe) {
			t.Errorf("%s face %d: got %v (%d bytes), want *FontError %q", tc.file, tc.index, err, len(out), tc.reason)
			continue
		}
		if fe.Pos.File != tc.file || fe.Message != tc.reason {
			t.Errorf("%s face %d: got %q, want %q", tc.file, tc.index, fe.Error(), tc.file+": "+tc.reason)
		}
		if fe.Error() != fe.Pos.File+": "+fe.Message || fe.Hint == "" {
			t.Errorf("%s: Error() = %q, Hint = %q", tc.file, fe.Error(), fe.Hint)
		}
	}
	// The same errors come from a collection face.
	if _, err := Standalone("c.ttc", collection(minimalTTF(), put16("head", 18, 0)), 1); err == nil ||
		err.Error() != "c.ttc: is damaged: 'head' unitsPerEm is 0" {
		t.Errorf("damaged face of a collection: %v", err)
	}
	_, err := Standalone("a.otf", []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), 0)
	var fe *FontError
	if want := "use a TrueType font with glyf outlines (.ttf, or one face of a .ttc); CFF/.otf fonts are not supported"; !errors.As(err, &fe) || fe.Hint != want {
		t.Errorf("a CFF font: %v, hint %q, want %q", err, fe.Hint, want)
	}
}

func TestFaceCount(t *testing.T) {
	for _, tc := range []struct {
		data []byte
		n    int
		err  string
	}{
		{readFontFile(t, "NotoSansCJKKR-Regular.ttf"), 1, ""},
		{readFontFile(t, "wqy-microhei.ttc"), 2, ""},
		{collection(minimalTTF(), minimalTTF(), minimalTTF()), 3, ""},
		{[]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"), 0, "f: is damaged: font collection has no faces"},
		{[]byte("OTTO\x00\x01"), 0, "f: is a CFF (OpenType/PostScript) font"},
		{[]byte("PK\x03\x04"), 0, "f: is not a font file"},
	} {
		n, err := FaceCount("f", tc.data)
		if msg := ""; n != tc.n || err != nil && err.Error() != tc.err || err == nil && tc.err != "" {
			if err != nil {
				msg = err.Error()
			}
			t.Errorf("FaceCount(%q...) = %d, %q; want %d, %q", tc.data[:4], n, msg, tc.n, tc.err)
		}
	}
}

// checkWithCmap rewrites ttf with entries and checks the result: go-text and
// a plain format 4 decoder see exactly entries, other tables are
// unchanged and the font passes Standalone.
func checkwithCmap(t *testing.T, ttf []byte, entries []CmapEntry) []byte {
	t.Helper()
	out, err := withCmap(ttf, entries)
	if err != nil {
		t.Fatal(err)
	}
	want := map[rune]font.GID{}
	wantFormat4 := map[int]int{0xFFFF: 0}
	for _, e := range entries {
		want[rune(e.Code)] = font.GID(e.GID)
		wantFormat4[int(e.Code)] = int(e.GID)
	}
	if got := cmapOf(parseTTF(t, out)); !maps.Equal(got, want) {
		t.Errorf("go-text reads %d mappings, want %d", len(got), len(want))
		for r, g := range want {
			if got[r] != g {
				t.Errorf("U+%04X maps to %d, want %d", r, got[r], g)
			}
		}
	}
	if got := format4Cmap(t, out); !maps.Equal(got, wantFormat4) {
		t.Errorf("a format 4 reader would read %d mappings, want %d", len(got), len(wantFormat4))
	}
	checkChecksums(t, out)
	if _, err := Standalone("rewritten.ttf", out, 0); err != nil {
		t.Error(err)
	}
	_, before, _ := readFace(ttf, 0)
	_, after, _ := readFace(out, 0)
	if len(before) != len(after) {
		t.Errorf("%d tables before, %d after", len(before), len(after))
	}
	for _, tb := range before {
		data := tableData(after, tb.tag)
		if tb.tag == "head" {
			data = bytes.Clone(data)
			copy(data[8:12], tb.data[8:12]) // checkSumAdjustment
		}
		if tb.tag != "cmap" && !bytes.Equal(data, tb.data) {
			t.Errorf("table %q changed", tb.tag)
		}
	}
	return out
}

func TestWithCmap(t *testing.T) {
	noto := readFontFile(t, "NotoSans-Regular.ttf")
	face := parseTTF(t, noto)
	gid := func(r rune) uint16 {
		g, ok := face.NominalGlyph(r)
		if !ok || g == 0 {
			t.Fatalf("NotoSans has no %q", r)
		}
		return uint16(g)
	}
	out := checkwithCmap(t, noto, []CmapEntry{{0xE002, gid('C')}, {0x41, gid('A')}, {0xE000, gid('B')}})
	if g, ok := parseTTF(t, out).NominalGlyph('B'); ok {
		t.Errorf("'B' still maps to %d", g)
	}
}

func TestWithCmapMany(t *testing.T) {
	noto := readFontFile(t, "NotoSans-Regular.ttf")
	var stride, runs, scattered []CmapEntry
	for i := range 3000 {
		stride = append(stride, CmapEntry{uint16(0xE000 + 2*i), uint16(1 + i)})
		// consecutive codes, glyph ids mostly not consecutive
		runs = append(runs, CmapEntry{uint16(0x100 + i), uint16(1 + (i*7+i/10)%3300)})
		scattered = append(scattered, CmapEntry{uint16(0x3000 + 3*i), uint16(3300 - i)})
	}
	for name, entries := range map[string][]CmapEntry{"stride": stride, "runs": runs, "scattered": scattered} {
		t.Run(name, func(t *testing.T) { checkwithCmap(t, noto, entries) })
	}
	t.Run("minimal", func(t *testing.T) {
		checkwithCmap(t, minimalTTF(), []CmapEntry{{0, 1}, {1, 2}, {0xFFFE, 2}, {0x7FFF, 1}})
	})
	t.Run("empty", func(t *testing.T) { checkwithCmap(t, minimalTTF(), nil) })
}

func TestWithCmapErrors(t *testing.T) {
	ttf := minimalTTF()
	var many []CmapEntry
	for i := range 9000 {
		many = append(many, CmapEntry{uint16(2 * i), 1 + uint16(i%2)})
	}
	for _, tc := range []struct {
		ttf     []byte
		entries []CmapEntry
		err     string
	}{
		{ttf, []CmapEntry{{'A', 1}, {'A', 2}}, "cmap: code U+0041 appears twice"},
		{ttf, []CmapEntry{{0xFFFF, 1}}, "cmap: code U+FFFF cannot be mapped"},
		{ttf, []CmapEntry{{'A', 0}}, "cmap: code U+0041 maps to glyph 0"},
		{ttf, []CmapEntry{{'A', 3}}, "cmap: code U+0041 maps to glyph 3, but the font has 3 glyphs"},
		{ttf, many, "cmap: 9000 entries do not fit in a format 4 cmap"},
		{collection(ttf), nil, "is a font collection, not a standalone font"},
		{[]byte("OTTO"), nil, "is a CFF (OpenType/PostScript) font"},
	} {
		if _, err := withCmap(tc.ttf, tc.entries); err == nil || err.Error() != tc.err {
			t.Errorf("got error %v, want %q", err, tc.err)
		}
	}
}

func FuzzStandalone(f *testing.F) {
	ttf := minimalTTF()
	f.Add(ttf)
	f.Add(collection(ttf, ttf))
	f.Add(ttf[:40])
	f.Add([]byte("OTTO\x00\x00\x00\x00"))
	f.Add([]byte("wOFF\x00\x01\x00\x00"))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x14\x00\x00\x00\x14"))
	f.Add([]byte("true\x00\x01\x00\x10\x00\x00\x00\x00head\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x36"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := FaceCount("fuzz", data)
		if err != nil {
			n = 1
		}
		for i := range min(n, 3) {
			out, err := Standalone("fuzz", data, i)
			if err != nil {
				var fe *FontError
				if !errors.As(err, &fe) || fe.Message == "" {
					t.Fatalf("error %v is not a *FontError", err)
				}
				continue
			}
			if _, err := font.ParseTTF(bytes.NewReader(out)); err != nil {
				t.Fatalf("face %d passes Standalone but go-text says: %v", i, err)
			}
			format4Cmap(t, out) // must not panic
		}
	})
}

// withCmap is how the tests reach buildCmap, which Subset writes the
// embedded font's cmap with.
// withCmap returns a copy of the standalone TrueType font ttf whose 'cmap'
// table holds a single (3, 1) format 4 subtable with exactly the given
// mappings. Entries may come in any order; duplicate codes, code 0xFFFF,
// glyph 0 and glyphs beyond the font's glyph count are errors. All other
// tables are kept byte for byte.
func withCmap(ttf []byte, entries []CmapEntry) ([]byte, error) {
	magic, ferr := sniff(ttf)
	if ferr == nil && magic == magicTTC {
		ferr = fontErr(hintNotFont, "is a font collection, not a standalone font")
	}
	if ferr != nil {
		return nil, ferr
	}
	version, tables, ferr := readFace(ttf, 0)
	if ferr != nil {
		return nil, ferr
	}
	maxp := sfntBytes(tableData(tables, "maxp"))
	if len(maxp) < 6 {
		return nil, fontErr(hintTrueType, "has no usable 'maxp' table")
	}
	numGlyphs := maxp.u16(4)
	for _, e := range entries {
		if int(e.GID) >= numGlyphs {
			return nil, fmt.Errorf("cmap: code U+%04X maps to glyph %d, but the font has %d glyphs", e.Code, e.GID, numGlyphs)
		}
	}
	cmap, err := buildCmap(entries)
	if err != nil {
		return nil, err
	}
	tables = slices.DeleteFunc(slices.Clone(tables), func(t sfntTable) bool { return t.tag == "cmap" })
	tables = append(tables, sfntTable{"cmap", cmap})
	out := buildSfnt(version, tables)
	var s *SFNT
	if s, ferr = parseSFNT(out); ferr == nil {
		ferr = s.check()
	}
	if ferr == nil {
		_, ferr = parseGoText(out)
	}
	if ferr != nil {
		return nil, ferr
	}
	return out, nil
}
