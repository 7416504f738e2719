package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/go-text/typesetting/font"
)

// syntheticTables are the minimal font's tables with 2048 units per em,
// metrics that scale to whole thousandths, an OS/2 table of version 2 and
// an italic, fixed-pitch 'post'.
func syntheticTables() map[string][]byte {
	be := binary.BigEndian
	m := minimalTables()
	head := m["head"]
	be.PutUint16(head[18:], 2048) // unitsPerEm
	for i, v := range []int16{-1024, -512, 4096, 2048} {
		be.PutUint16(head[36+2*i:], uint16(v)) // xMin, yMin, xMax, yMax
	}
	be.PutUint16(m["hhea"][4:], 2048)               // ascender
	be.PutUint16(m["hhea"][6:], uint16(0xFFFF-511)) // descender -512
	os2 := make([]byte, 96)
	be.PutUint16(os2, 2)         // version
	be.PutUint16(os2[88:], 1536) // sCapHeight
	m["OS/2"] = os2
	angle := int32(-12.5 * 65536)
	be.PutUint32(m["post"][4:], uint32(angle)) // italicAngle, 16.16 fixed
	be.PutUint32(m["post"][12:], 1)            // isFixedPitch
	return m
}

// sfntNumbers are the exported fields of an SFNT, comparable.
type sfntNumbers struct {
	UnitsPerEm, NumGlyphs      int
	BBox                       [4]int
	Ascent, Descent, CapHeight int
	ItalicAngle                float64
	FixedPitch                 bool
}

func metricsOf(s *SFNT) sfntNumbers {
	return sfntNumbers{UnitsPerEm: s.UnitsPerEm, NumGlyphs: s.NumGlyphs, BBox: s.BBox, Ascent: s.Ascent, Descent: s.Descent,
		CapHeight: s.CapHeight, ItalicAngle: s.ItalicAngle, FixedPitch: s.FixedPitch}
}

func mustParseSFNT(t testing.TB, ttf []byte) *SFNT {
	t.Helper()
	s, err := parseSFNT(ttf)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSFNTMetrics(t *testing.T) {
	tables := syntheticTables()
	want := sfntNumbers{UnitsPerEm: 2048, NumGlyphs: 3, BBox: [4]int{-1024, -512, 4096, 2048}, Ascent: 2048, Descent: -512,
		CapHeight: 1536, ItalicAngle: -12.5, FixedPitch: true}
	s := mustParseSFNT(t, assemble(tables))
	if got := metricsOf(s); got != want {
		t.Errorf("SFNT = %+v, want %+v", got, want)
	}
	if err := s.check(); err != nil {
		t.Errorf("the synthetic font fails its checks: %v", err)
	}

	// Before version 2, OS/2 has no cap height: the ascent stands in.
	binary.BigEndian.PutUint16(tables["OS/2"], 1)
	if s := mustParseSFNT(t, assemble(tables)); s.CapHeight != 2048 {
		t.Errorf("OS/2 version 1: CapHeight %d, want the ascent 2048", s.CapHeight)
	}
	binary.BigEndian.PutUint16(tables["OS/2"], 2)
	tables["OS/2"] = tables["OS/2"][:78] // version 0 length: no sCapHeight
	if s := mustParseSFNT(t, assemble(tables)); s.CapHeight != 2048 {
		t.Errorf("short OS/2: CapHeight %d, want the ascent 2048", s.CapHeight)
	}
	delete(tables, "OS/2")
	// A 'post' table cut short of its 32-byte header is dropped by Subset:
	// the descriptor does not use it either.
	tables["post"] = tables["post"][:16]
	s = mustParseSFNT(t, assemble(tables))
	if s.CapHeight != 2048 || s.ItalicAngle != 0 || s.FixedPitch {
		t.Errorf("without OS/2 and a full 'post': %+v, want CapHeight = ascent, upright, proportional", metricsOf(s))
	}
}

// TestSFNTDamaged checks that parseSFNT refuses damaged fonts with a
// *FontError saying why, and never panics.
func TestSFNTDamaged(t *testing.T) {
	be := binary.BigEndian
	good := minimalTTF()
	n := int(be.Uint16(good[4:]))
	first := func(f func(rec []byte)) []byte { // changes the first table's record
		data := bytes.Clone(good)
		f(data[12:28])
		return data
	}
	tables := func(f func(m map[string][]byte)) []byte {
		m := minimalTables()
		f(m)
		return assemble(m)
	}
	const (
		directory = "is damaged: table directory lies outside the file"
		outside   = "is damaged: table 'cmap' lies outside the file" // the first table, in tag order
	)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"nil", nil, directory},
		{"empty", []byte{}, directory},
		{"11 bytes", good[:11], directory},
		{"12 bytes, directory cut", good[:12], directory},
		{"directory cut mid-record", good[:12+16+5], directory},
		{"directory without its last record", good[:12+16*n-1], directory},
		{"65535 tables", func() []byte { d := bytes.Clone(good); be.PutUint16(d[4:], 0xFFFF); return d }(), directory},
		{"table outside the file", first(func(r []byte) { be.PutUint32(r[8:], uint32(len(good)-2)) }), outside},
		{"table length 2^32-1", first(func(r []byte) { be.PutUint32(r[12:], 0xFFFFFFFF) }), outside},
		{"table offset past the end", first(func(r []byte) { be.PutUint32(r[8:], 0xFFFFFFF0) }), outside},
		// Offset and length each below 2^31, their sum above: on 32-bit
		// platforms an int sum would wrap negative.
		{"offset+length past 2^32", first(func(r []byte) { be.PutUint32(r[8:], 0x7FFFFFF0); be.PutUint32(r[12:], 0x7FFFFFF0) }), outside},
		{"table twice", first(func(r []byte) { copy(r, "glyf") }), "is damaged: table 'glyf' appears twice"},
		{"truncated font", good[:len(good)-8], "is damaged: table 'post' lies outside the file"},
		{"text", []byte("this is not a font program, only some text."), directory},                 // " i" tables
		{"PDF header", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n"), directory}, // "1." tables
		{"WOFF signature", append([]byte("wOFF"), make([]byte, 40)...), "is damaged: face has unknown sfnt version 0x774f4646"},
		{"directory of zero tables", []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "has no 'glyf' table (no TrueType outlines)"},
		{"numTables 1, all zero data", append([]byte{0, 1, 0, 0, 0, 1}, make([]byte, 30)...), "has no 'glyf' table (no TrueType outlines)"},
		{"CFF", tables(func(m map[string][]byte) { m["CFF "] = []byte{1} }), "is a CFF (OpenType/PostScript) font"},
		{"no head", tables(func(m map[string][]byte) { delete(m, "head") }), "has no 'head' table"},
		{"no hmtx", tables(func(m map[string][]byte) { delete(m, "hmtx") }), "has no 'hmtx' table"},
		{"head too short", tables(func(m map[string][]byte) { m["head"] = m["head"][:53] }), "is damaged: 'head' table is too short"},
		{"hhea too short", tables(func(m map[string][]byte) { m["hhea"] = m["hhea"][:35] }), "is damaged: 'hhea' table is too short"},
		{"maxp too short", tables(func(m map[string][]byte) { m["maxp"] = m["maxp"][:5] }), "is damaged: 'maxp' table is too short"},
		{"post too short", tables(func(m map[string][]byte) { m["post"] = m["post"][:15] }), "is damaged: 'post' table is too short"},
		{"units per em 0", put16("head", 18, 0), "is damaged: 'head' unitsPerEm is 0"},
		{"loca format 2", put16("head", 50, 2), "is damaged: 'head' indexToLocFormat is 2"},
		{"glyph data format 1", put16("head", 52, 1), "is damaged: 'head' glyphDataFormat is 1"},
		{"no glyphs", put16("maxp", 4, 0), "is damaged: 'maxp' numGlyphs is 0"},
		{"metric data format 1", put16("hhea", 32, 1), "is damaged: 'hhea' metricDataFormat is 1"},
		{"no metrics", put16("hhea", 34, 0), "is damaged: 'hhea' numberOfHMetrics is 0"},
		{"more metrics than hmtx holds", put16("hhea", 34, 4), "is damaged: 'hmtx' table is too short for 3 glyphs"},
		{"more glyphs than hmtx holds", put16("maxp", 4, 9), "is damaged: 'hmtx' table is too short for 9 glyphs"},
		{"short loca", tables(func(m map[string][]byte) { m["loca"] = m["loca"][:7] }), "is damaged: 'loca' table is too short for 3 glyphs"},
		{"long loca of short offsets", put16("head", 50, 1), "is damaged: 'loca' table is too short for 3 glyphs"},
	}
	for _, tc := range cases {
		var s *SFNT
		var err *FontError
		if msg := panics(func() { s, err = parseSFNT(tc.data) }); msg != nil {
			t.Errorf("%s: parseSFNT panics: %v", tc.name, msg)
			continue
		}
		if err == nil || s != nil {
			t.Errorf("%s: parseSFNT accepted %d bytes", tc.name, len(tc.data))
			continue
		}
		if err.Message != tc.want || err.Hint == "" {
			t.Errorf("%s: %q (hint %q), want %q with a hint", tc.name, err.Message, err.Hint, tc.want)
		}
	}
}

// panics runs f and returns what it panics with, nil if it does not.
func panics(f func()) (msg any) {
	defer func() { msg = recover() }()
	f()
	return nil
}

// hiSubset is Noto Sans subset to "Hi!".
func hiSubset(t testing.TB) []byte {
	t.Helper()
	noto := readFontFile(t, "NotoSans-Regular.ttf")
	face := parseTTF(t, noto)
	var entries []CmapEntry
	for _, r := range "Hi!" {
		g, _ := face.NominalGlyph(r)
		entries = append(entries, CmapEntry{Code: uint16(r), GID: uint16(g)})
	}
	sub, _, err := subset(noto, nil, entries)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// trySubset subsets an accepted font to all its glyphs (up to 64): an
// error or a font, no panic, even when the glyphs are damaged (the
// bundled faces' glyphs are not checked at every run).
func trySubset(t *testing.T, s *SFNT, what string) {
	t.Helper()
	var glyphs []uint16
	for g := range min(s.NumGlyphs, 64) {
		glyphs = append(glyphs, uint16(g))
	}
	if msg := panics(func() { s.Subset(glyphs, nil) }); msg != nil {
		t.Fatalf("Subset of %s panics: %v", what, msg)
	}
}

// TestSFNTGarbage feeds random bytes, random directories, every
// truncation of a real subset and random damage to it to parseSFNT, and
// subsets what it accepts: errors, no panics.
func TestSFNTGarbage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		data := make([]byte, rng.IntN(200))
		for j := range data {
			data[j] = byte(rng.Uint32())
		}
		if i%2 == 0 && len(data) >= 6 {
			data[0], data[1], data[2], data[3] = 0, 1, 0, 0
			data[4], data[5] = 0, byte(rng.IntN(12)) // a plausible number of tables
		}
		if msg := panics(func() { parseSFNT(data) }); msg != nil {
			t.Fatalf("parseSFNT(% x) panics: %v", data, msg)
		}
	}

	sub := hiSubset(t)
	trySubset(t, mustParseSFNT(t, sub), "the subset")
	// Where the last table ends: a cut before that loses table data.
	n := int(binary.BigEndian.Uint16(sub[4:]))
	end := 0
	for i := range n {
		rec := sub[12+16*i:]
		end = max(end, int(binary.BigEndian.Uint32(rec[8:])+binary.BigEndian.Uint32(rec[12:])))
	}
	if end > len(sub) {
		t.Fatalf("the subset's tables end at %d, after its %d bytes", end, len(sub))
	}
	for l := 0; l < len(sub); l++ {
		var err *FontError
		if msg := panics(func() { _, err = parseSFNT(sub[:l]) }); msg != nil {
			t.Fatalf("parseSFNT of the subset cut to %d bytes panics: %v", l, msg)
		}
		if l < end && err == nil {
			t.Fatalf("parseSFNT of the subset cut to %d of %d bytes succeeds", l, end)
		}
	}
	// Random damage to the real subset: its directory and the tables that
	// parseSFNT reads, and anywhere.
	for i := range 4000 {
		data := bytes.Clone(sub)
		for range 1 + rng.IntN(8) {
			at := rng.IntN(len(data))
			if i%2 == 0 {
				at = rng.IntN(min(len(data), 12+16*n+64))
			}
			data[at] = byte(rng.Uint32())
		}
		var s *SFNT
		if msg := panics(func() { s, _ = parseSFNT(data) }); msg != nil {
			t.Fatalf("parseSFNT of a damaged subset panics: %v", msg)
		}
		if s != nil {
			trySubset(t, s, "a damaged subset")
			if msg := panics(func() { s.check() }); msg != nil {
				t.Fatalf("check of a damaged subset panics: %v", msg)
			}
		}
	}
}

func FuzzParseSFNT(f *testing.F) {
	ttf := minimalTTF()
	f.Add(ttf)
	f.Add(assemble(syntheticTables()))
	f.Add(ttf[:40])
	f.Add([]byte{})
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		s, err := parseSFNT(data)
		if !bytes.Equal(orig, data) {
			t.Fatal("parseSFNT modified its input")
		}
		if err != nil {
			if s != nil || err.Message == "" || err.Hint == "" {
				t.Fatalf("parseSFNT = %v, %+v", s, err)
			}
			return
		}
		if len(data) < 12 || s.UnitsPerEm == 0 || s.NumGlyphs == 0 {
			t.Fatalf("parseSFNT accepted %d bytes: %+v", len(data), metricsOf(s))
		}
		trySubset(t, s, "an accepted font")
		s.check()
	})
}

// TestSubsetKeepsDescriptorMetrics checks, for every bundled face, that a
// subset reads to the face's own metrics: the PDF font descriptor takes
// them from the face's SFNT, parsed once, not from each subset.
func TestSubsetKeepsDescriptorMetrics(t *testing.T) {
	for _, f := range newBuiltin().Faces() {
		if f.SynthBold {
			continue
		}
		s, err := f.SFNT()
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		var entries []CmapEntry
		for _, r := range "0Aאا中한กअ" {
			if g, ok := f.Font().NominalGlyph(r); ok && g != 0 {
				entries = append(entries, CmapEntry{Code: uint16(r), GID: uint16(g)})
			}
		}
		sub, _, err := s.Subset(nil, entries)
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		got, want := metricsOf(mustParseSFNT(t, sub)), metricsOf(s)
		got.NumGlyphs = want.NumGlyphs
		if got != want {
			t.Errorf("%s: the subset reads %+v, the face %+v", f.Name(), got, want)
		}
		if s.UnitsPerEm != int(f.Font().Upem()) {
			t.Errorf("%s: %d units per em, go-text reads %d", f.Name(), s.UnitsPerEm, f.Font().Upem())
		}
	}
}

// TestFaceSFNT checks that a face's SFNT is parsed once and shared: by
// repeated and concurrent calls, and by a synthesized bold twin; that a
// user's font keeps the parse its checks made; and that a face that cannot
// load has none.
func TestFaceSFNT(t *testing.T) {
	reg := newBuiltin()
	var regular, bold *Face
	for _, f := range reg.faces {
		if f.Family == "WenQuanYi Micro Hei" && f.SynthBold {
			bold = f
		} else if f.Family == "WenQuanYi Micro Hei" {
			regular = f
		}
	}
	if !bold.SynthBold || !regular.SameData(bold) {
		t.Fatalf("%s and %s: want a face and its synthesized bold", regular.Name(), bold.Name())
	}
	const n = 8
	got := make([]*SFNT, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := regular
			if i%2 == 1 {
				f = bold
			}
			got[i], _ = f.SFNT()
		}()
	}
	wg.Wait()
	for i := range got {
		if got[i] == nil || got[i] != got[0] {
			t.Fatalf("call %d returns SFNT %p, call 0 %p", i, got[i], got[0])
		}
	}
	if again, err := regular.SFNT(); again != got[0] || err != nil {
		t.Errorf("a later call parses again (%v)", err)
	}

	user, err := reg.WithUserFonts("files/NotoSansThai-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	var face *Face
	for _, f := range user.Faces() {
		if f.File == "files/NotoSansThai-Regular.ttf" && !f.SynthBold {
			face = f
		}
	}
	if face == nil {
		t.Fatal("the user's font is not among the faces")
	}
	if face.data.sfnt == nil {
		t.Error("the user's font was checked, but its SFNT is not kept")
	}
	if s, err := face.SFNT(); err != nil || s != face.data.sfnt {
		t.Errorf("the user's font is parsed again: %v", err)
	}

	broken := &Face{Family: "Broken", File: "broken.ttf", data: &faceData{load: func() ([]byte, *font.Font, error) {
		return nil, nil, damaged("is cut short")
	}}}
	if s, err := broken.SFNT(); s != nil || err == nil || !strings.Contains(err.Error(), "is cut short") {
		t.Errorf("a face that cannot load: SFNT = %v, %v", s, err)
	}
	notFont := &Face{Family: "Text", File: "notes.txt", data: loadedText([]byte("not a font"))}
	var fe *FontError
	if s, err := notFont.SFNT(); s != nil || !errors.As(err, &fe) || fe.Pos.File != "notes.txt" || fe.Hint == "" {
		t.Errorf("a face whose tables cannot be read: SFNT = %v, %v", s, err)
	}
}

// loadedText is face data that loads (as if go-text had read it) but whose
// bytes hold no font.
func loadedText(b []byte) *faceData {
	return &faceData{load: func() ([]byte, *font.Font, error) { return b, nil, nil }}
}
