package pdf

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	gotext "github.com/go-text/typesetting/font"

	"handbill/fonts"
)

// syntheticMetrics are a font's metrics with 2048 units per em and numbers
// that scale to whole thousandths.
func syntheticMetrics() FontMetrics {
	return FontMetrics{
		UnitsPerEm:  2048,
		BBox:        [4]int{-1024, -512, 4096, 2048},
		Ascent:      2048,
		Descent:     -512,
		CapHeight:   1536,
		ItalicAngle: -12.5,
		FixedPitch:  true,
	}
}

// sfntMetrics are the descriptor metrics of a face's tables, as the
// renderer passes them.
func sfntMetrics(sf *fonts.SFNT) FontMetrics {
	return FontMetrics{UnitsPerEm: sf.UnitsPerEm, BBox: sf.BBox, Ascent: sf.Ascent, Descent: sf.Descent,
		CapHeight: sf.CapHeight, ItalicAngle: sf.ItalicAngle, FixedPitch: sf.FixedPitch}
}

// TestNewProgramMetrics checks that the metrics are scaled to 1/1000 em,
// truncated toward zero as PDF writers do.
func TestNewProgramMetrics(t *testing.T) {
	p, err := NewProgram([]byte("a font program"), syntheticMetrics())
	if err != nil {
		t.Fatal(err)
	}
	want := metrics{bbox: [4]int{-500, -250, 2000, 1000}, ascent: 1000, descent: -250, capH: 750, italicAngle: -12.5, fixedPitch: true}
	if p.m != want {
		t.Errorf("metrics = %+v, want %+v", p.m, want)
	}
	p, err = NewProgram(nil, FontMetrics{UnitsPerEm: 3, BBox: [4]int{-1, -2, 1, 2}, Ascent: 2, Descent: -1, CapHeight: 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := (metrics{bbox: [4]int{-333, -666, 333, 666}, ascent: 666, descent: -333, capH: 333}); p.m != want {
		t.Errorf("3 units per em: metrics = %+v, want %+v", p.m, want)
	}
}

// TestNewProgramErrors checks that metrics without an em size give an
// error, not a division by zero.
func TestNewProgramErrors(t *testing.T) {
	for _, upem := range []int{0, -1, -2048} {
		fm := syntheticMetrics()
		fm.UnitsPerEm = upem
		var p *Program
		var err error
		if msg := panics(func() { p, err = NewProgram([]byte("a font program"), fm) }); msg != nil {
			t.Errorf("units per em %d: NewProgram panics: %v", upem, msg)
			continue
		}
		if err == nil || p != nil {
			t.Errorf("units per em %d: NewProgram = %v, %v; want an error", upem, p, err)
		}
	}
}

// notoSans returns the built-in Noto Sans regular face.
func notoSans(t *testing.T) *fonts.Face {
	t.Helper()
	for _, f := range fonts.Builtin().Faces() {
		if f.Family == "Noto Sans" && !f.Bold {
			if err := f.Load(); err != nil {
				t.Fatal(err)
			}
			return f
		}
	}
	t.Fatal("no built-in Noto Sans face")
	return nil
}

// subsetFont is a real font made for a test: the subset program and the
// Font drawing each distinct rune of the text with CID 1, 2…
type subsetFont struct {
	font  *Font
	sub   []byte
	runes []rune
	gids  []uint16 // the runes' glyphs in the full font
	face  *gotext.Face
	cids  map[rune]uint16
}

// newSubsetFont subsets Noto Sans to the runes of text, finding their
// glyphs through the font's own cmap.
func newSubsetFont(t *testing.T, text string) *subsetFont {
	t.Helper()
	face := notoSans(t)
	ft := face.Font()
	gf := gotext.NewFace(ft)
	s := &subsetFont{face: gf, cids: map[rune]uint16{}}
	var entries []fonts.CmapEntry
	for _, r := range text {
		if _, dup := s.cids[r]; dup {
			continue
		}
		g, ok := ft.NominalGlyph(r)
		if !ok || g == 0 {
			t.Fatalf("Noto Sans has no glyph for %q", r)
		}
		s.runes = append(s.runes, r)
		s.gids = append(s.gids, uint16(g))
		s.cids[r] = uint16(len(s.runes))
		entries = append(entries, fonts.CmapEntry{Code: uint16(r), GID: uint16(g)})
	}
	sf, err := face.SFNT()
	if err != nil {
		t.Fatal(err)
	}
	sub, newID, err := sf.Subset(s.gids, entries)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := NewProgram(sub, sfntMetrics(sf))
	if err != nil {
		t.Fatalf("NewProgram of a Noto Sans subset: %v", err)
	}
	s.sub = sub
	upem := float32(ft.Upem())
	f := &Font{Name: "NotoSans-Regular", Program: prog}
	for i, r := range s.runes {
		nid, ok := newID[s.gids[i]]
		if !ok {
			t.Fatalf("the subset lost glyph %d", s.gids[i])
		}
		f.GIDs = append(f.GIDs, nid)
		f.Widths = append(f.Widths, int(math.Round(float64(gf.HorizontalAdvance(gotext.GID(s.gids[i]))*1000/upem))))
		f.Unicode = append(f.Unicode, string(r))
	}
	s.font = f
	return s
}

var (
	hiOnce sync.Once
	hiFont *subsetFont
)

func hiSubset(t *testing.T) *subsetFont {
	hiOnce.Do(func() { hiFont = newSubsetFont(t, "Hi!") })
	if hiFont == nil {
		t.Fatal("no subset of Noto Sans")
	}
	return hiFont
}

// textDoc embeds f and draws each line of CIDs with it, at size pt,
// starting at 20, height-40 and going down 2·size a line.
func textDoc(t *testing.T, f *Font, width, height, size float64, lines ...[]uint16) ([]byte, Ref) {
	t.Helper()
	w := NewWriter()
	catalog, pages, page, content := w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()
	font := w.EmbedFont(f)
	var c Content
	c.BeginText()
	c.Font("/F1", size)
	c.TextMove(20, height-40)
	for i, l := range lines {
		if i > 0 {
			c.TextMove(0, -2*size)
		}
		c.ShowCIDs(l)
	}
	c.EndText()
	w.Stream(content, "", c.Bytes())
	w.Object(page, fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources << /Font << /F1 %s >> >> /Contents %s >>",
		pages, Num(width), Num(height), font, content))
	w.Object(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", page))
	w.Object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	data, err := w.Finish(catalog, 0)
	if err != nil {
		t.Fatal(err)
	}
	return data, font
}

func (s *subsetFont) cidsOf(text string) []uint16 {
	var out []uint16
	for _, r := range text {
		out = append(out, s.cids[r])
	}
	return out
}

func TestEmbedFontStructure(t *testing.T) {
	s := hiSubset(t)
	data, fontRef := textDoc(t, s.font, 300, 100, 24, s.cidsOf("Hi!"))
	p := parsePDF(t, data)

	type0 := p.object(t, fontRef)
	for _, want := range []string{"/Type /Font", "/Subtype /Type0", "/Encoding /Identity-H"} {
		if !strings.Contains(type0, want) {
			t.Errorf("Type 0 font lacks %s: %s", want, type0)
		}
	}
	baseRE := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+NotoSans-Regular\b`)
	bm := baseRE.FindStringSubmatch(type0)
	if bm == nil {
		t.Fatalf("Type 0 font's /BaseFont is not a subset name: %s", type0)
	}
	dm := regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`).FindStringSubmatch(type0)
	if dm == nil {
		t.Fatalf("no /DescendantFonts array of one font: %s", type0)
	}
	cidRef, _ := strconv.Atoi(dm[1])
	cid := p.object(t, Ref(cidRef))
	for _, want := range []string{"/Subtype /CIDFontType2", "/Registry (Adobe) /Ordering (Identity) /Supplement 0", "/BaseFont /" + bm[1] + "+NotoSans-Regular"} {
		if !strings.Contains(cid, want) {
			t.Errorf("CIDFont lacks %s: %s", want, cid)
		}
	}

	// The widths of CIDs 1…3: Noto Sans's advances in thousandths.
	var ws []string
	for i := range s.gids {
		ws = append(ws, strconv.Itoa(int(math.Round(float64(s.face.HorizontalAdvance(gotext.GID(s.gids[i]))*1000/float32(s.face.Upem()))))))
	}
	if want := "/W [1 [" + strings.Join(ws, " ") + "]]"; !strings.Contains(cid, want) {
		t.Errorf("CIDFont widths: want %s in %s", want, cid)
	}

	// CIDToGIDMap: two bytes a CID, from CID 0, giving the subset's ids.
	_, cidMap := p.flateStream(t, refOf(t, cid, "/CIDToGIDMap"))
	wantMap := make([]byte, 2)
	for _, g := range s.font.GIDs {
		wantMap = append(wantMap, byte(g>>8), byte(g))
	}
	if !bytes.Equal(cidMap, wantMap) {
		t.Errorf("CIDToGIDMap % x, want % x", cidMap, wantMap)
	}
	// The subset renumbers glyphs in the order of their old ids: '!'
	// comes before 'H' and 'i' in Noto Sans, so CIDs are not GIDs here
	// and a wrong map would show.
	if slices.Equal(s.font.GIDs, []uint16{1, 2, 3}) {
		t.Log("the subset's glyph ids equal the CIDs: the map is not exercised")
	}

	desc := p.object(t, refOf(t, cid, "/FontDescriptor"))
	fileDict, program := p.flateStream(t, refOf(t, desc, "/FontFile2"))
	if !bytes.Equal(program, s.sub) {
		t.Errorf("FontFile2 inflates to %d bytes, not the %d of the subset", len(program), len(s.sub))
	}
	if want := fmt.Sprintf("/Length1 %d", len(s.sub)); !strings.Contains(fileDict, want) {
		t.Errorf("FontFile2 dictionary %s lacks %s", fileDict, want)
	}
	if !strings.Contains(desc, "/FontName /"+bm[1]+"+NotoSans-Regular") {
		t.Errorf("descriptor's /FontName: %s", desc)
	}
	flags := regexp.MustCompile(`/Flags (\d+)`).FindStringSubmatch(desc)
	if flags == nil {
		t.Fatalf("no /Flags: %s", desc)
	}
	if f, _ := strconv.Atoi(flags[1]); f&4 == 0 || f&1 != 0 {
		t.Errorf("/Flags %d: want symbolic (4) and not fixed pitch (1) for Noto Sans", f)
	}

	// ToUnicode maps the CIDs back to "H", "i", "!".
	_, cmap := p.flateStream(t, refOf(t, type0, "/ToUnicode"))
	got, blocks := parseToUnicode(t, cmap)
	want := map[uint16]string{1: "H", 2: "i", 3: "!"}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(blocks) != 1 {
		t.Errorf("ToUnicode maps %v in blocks %v, want %v in one block", got, blocks, want)
	}
}

// TestFontDescriptorMetrics checks the metrics of real Noto Sans (read by
// fonts.SFNT, scaled by NewProgram) against go-text's reading of the same
// font, and the descriptor's numbers.
func TestFontDescriptorMetrics(t *testing.T) {
	s := hiSubset(t)
	m := s.font.Program.m
	if !(m.ascent > 0 && m.descent < 0) {
		t.Errorf("ascent %d, descent %d: want ascent > 0 > descent", m.ascent, m.descent)
	}
	// The bbox holds every glyph drawn, and is of a plausible size.
	b := m.bbox
	if !(b[0] < b[2] && b[1] < 0 && 0 < b[3] && b[2]-b[0] < 20000 && b[3]-b[1] < 20000 && b[3] >= m.ascent/2) {
		t.Errorf("implausible bbox %v (ascent %d)", b, m.ascent)
	}
	scale := 1000 / float64(s.face.Upem())
	for i, g := range s.gids {
		e, ok := s.face.GlyphExtents(gotext.GID(g))
		if !ok {
			t.Fatalf("no extents for %q", s.runes[i])
		}
		x0, y1 := float64(e.XBearing)*scale, float64(e.YBearing)*scale
		x1, y0 := x0+float64(e.Width)*scale, y1+float64(e.Height)*scale // Height is negative: y grows up
		if x0 < float64(b[0])-1 || x1 > float64(b[2])+1 || y0 < float64(b[1])-1 || y1 > float64(b[3])+1 {
			t.Errorf("glyph %q spans %.0f,%.0f–%.0f,%.0f, outside the bbox %v", s.runes[i], x0, y0, x1, y1, b)
		}
	}
	// The cap height is the top of 'H', per the OS/2 specification, and
	// go-text reads it too.
	if want := float64(s.face.LineMetric(gotext.CapHeight)) * scale; math.Abs(float64(m.capH)-want) > 1 {
		t.Errorf("capH %d, go-text reads %.1f", m.capH, want)
	}
	hExt, _ := s.face.GlyphExtents(gotext.GID(s.gids[0]))
	if top := float64(hExt.YBearing) * scale; math.Abs(float64(m.capH)-top) > 15 {
		t.Errorf("capH %d, but 'H' is %.0f high", m.capH, top)
	}
	if m.capH <= 0 || m.capH > m.ascent {
		t.Errorf("capH %d not in (0, ascent %d]", m.capH, m.ascent)
	}
	if m.italicAngle != 0 || m.fixedPitch {
		t.Errorf("Noto Sans Regular read as italic angle %v, fixed pitch %v", m.italicAngle, m.fixedPitch)
	}

	data, fontRef := textDoc(t, s.font, 300, 100, 24, s.cidsOf("Hi!"))
	p := parsePDF(t, data)
	cid := p.object(t, refOf(t, p.object(t, fontRef), "/DescendantFonts ["))
	desc := p.object(t, refOf(t, cid, "/FontDescriptor"))
	want := fmt.Sprintf("/FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d",
		b[0], b[1], b[2], b[3], m.ascent, m.descent, m.capH)
	if !strings.Contains(desc, want) {
		t.Errorf("descriptor %s lacks %s", desc, want)
	}
}

// TestFontDescriptorHExtents compares the ascent and descent with
// go-text's, when go-text reads them from 'hhea' as fonts.SFNT does.
func TestFontDescriptorHExtents(t *testing.T) {
	s := hiSubset(t)
	m := s.font.Program.m
	ext, ok := s.face.FontHExtents()
	if !ok {
		t.Skip("go-text gives no horizontal extents")
	}
	scale := 1000 / float64(s.face.Upem())
	// go-text reads OS/2's typographic numbers instead when the font
	// asks for them; Noto Sans's agree with 'hhea' within a few units.
	if a := float64(ext.Ascender) * scale; math.Abs(float64(m.ascent)-a) > 2 {
		t.Errorf("ascent %d, go-text %.1f", m.ascent, a)
	}
	if d := float64(ext.Descender) * scale; math.Abs(float64(m.descent)-d) > 2 {
		t.Errorf("descent %d, go-text %.1f", m.descent, d)
	}
}

// TestSyntheticFontDescriptor embeds a program with the synthetic metrics
// (fixed pitch, italic): the flags and angle come through.
func TestSyntheticFontDescriptor(t *testing.T) {
	prog, err := NewProgram([]byte("a font program"), syntheticMetrics())
	if err != nil {
		t.Fatal(err)
	}
	f := &Font{Name: "Test Mono", Program: prog, GIDs: []uint16{0}, Widths: []int{600}, Unicode: []string{""}}
	w := NewWriter()
	ref := w.EmbedFont(f)
	data, err := w.Finish(ref, 0) // not a catalog, but the table is what is checked
	if err != nil {
		t.Fatal(err)
	}
	p := parsePDF(t, data)
	type0 := p.object(t, ref)
	// The space in the name is escaped.
	if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+Test#20Mono `).MatchString(type0) {
		t.Errorf("BaseFont not a subset name with the space escaped: %s", type0)
	}
	desc := p.object(t, refOf(t, p.object(t, refOf(t, type0, "/DescendantFonts [")), "/FontDescriptor"))
	if want := "/Flags 5 /FontBBox [-500 -250 2000 1000] /ItalicAngle -12.5 /Ascent 1000 /Descent -250 /CapHeight 750"; !strings.Contains(desc, want) {
		t.Errorf("descriptor %s lacks %s", desc, want)
	}
	// A CID without text has no ToUnicode entry.
	_, cmap := p.flateStream(t, refOf(t, type0, "/ToUnicode"))
	if got, blocks := parseToUnicode(t, cmap); len(got) != 0 || len(blocks) != 0 {
		t.Errorf("ToUnicode of a glyph without text maps %v", got)
	}
}

var bfcharRE = regexp.MustCompile(`(?s)(\d+) beginbfchar\n(.*?)endbfchar\n`)
var bfcharEntryRE = regexp.MustCompile(`^<([0-9A-F]{4})> <([0-9A-F]+)>$`)

// parseToUnicode reads a ToUnicode CMap's bfchar entries, checking each
// block's count, and returns the map and the blocks' sizes.
func parseToUnicode(t *testing.T, cmap []byte) (map[uint16]string, []int) {
	t.Helper()
	s := string(cmap)
	for _, want := range []string{"begincmap", "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange", "endcmap", "/CMapType 2 def"} {
		if !strings.Contains(s, want) {
			t.Errorf("the CMap lacks %q", want)
		}
	}
	if strings.Contains(s, "bfrange") {
		t.Errorf("unexpected bfrange in the CMap")
	}
	got := map[uint16]string{}
	var blocks []int
	for _, m := range bfcharRE.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		lines := strings.Split(strings.TrimSuffix(m[2], "\n"), "\n")
		if m[2] == "" {
			lines = nil
		}
		if len(lines) != n {
			t.Errorf("a block announces %d entries and holds %d", n, len(lines))
		}
		blocks = append(blocks, len(lines))
		for _, l := range lines {
			e := bfcharEntryRE.FindStringSubmatch(l)
			if e == nil || len(e[2])%4 != 0 {
				t.Errorf("malformed bfchar entry %q", l)
				continue
			}
			code, _ := strconv.ParseUint(e[1], 16, 16)
			var units []uint16
			for i := 0; i < len(e[2]); i += 4 {
				u, _ := strconv.ParseUint(e[2][i:i+4], 16, 16)
				units = append(units, uint16(u))
			}
			if _, dup := got[uint16(code)]; dup {
				t.Errorf("code %04X mapped twice", code)
			}
			got[uint16(code)] = string(utf16.Decode(units))
		}
	}
	if c := strings.Count(s, "beginbfchar"); c != len(blocks) {
		t.Errorf("%d beginbfchar, %d well-formed blocks", c, len(blocks))
	}
	return got, blocks
}

func TestToUnicodeBlocks(t *testing.T) {
	for _, n := range []int{0, 1, 99, 100, 101, 250, 1000} {
		var text []string
		want := map[uint16]string{}
		for i := range n {
			var s string
			switch {
			case i%17 == 5:
				s = "" // no text: no entry
			case i%31 == 7:
				s = "ffi" // a ligature: several characters
			case i%37 == 11:
				s = string(rune(0x1F600 + i%50)) // beyond the BMP
			default:
				s = string(rune(0x4E00 + i))
			}
			text = append(text, s)
			if s != "" {
				want[uint16(i+1)] = s
			}
		}
		got, blocks := parseToUnicode(t, toUnicode(text))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%d CIDs: the CMap maps %d codes, want %d (or different text)", n, len(got), len(want))
		}
		total := 0
		for i, b := range blocks {
			if b > 100 || b == 0 {
				t.Errorf("%d CIDs: block %d holds %d entries; at most 100, at least 1", n, i, b)
			}
			total += b
		}
		if want := (len(want) + 99) / 100; len(blocks) != want {
			t.Errorf("%d CIDs (%d with text): %d blocks, want %d", n, total, len(blocks), want)
		}
	}
}

func TestSubsetTag(t *testing.T) {
	tagRE := regexp.MustCompile(`^[A-Z]{6}$`)
	prog, err := NewProgram([]byte("a font program"), syntheticMetrics())
	if err != nil {
		t.Fatal(err)
	}
	sets := [][]uint16{{1, 2, 3}, {1, 2, 4}, {3, 2, 1}, {1, 2}, {1, 2, 3, 4}, {256}, {1}, {}}
	seen := map[string][]uint16{}
	for _, gids := range sets {
		tag := subsetTag(&Font{Name: "NotoSans-Regular", Program: prog, GIDs: gids})
		if !tagRE.MatchString(tag) {
			t.Errorf("tag of %v is %q, not six capital letters", gids, tag)
		}
		if other, dup := seen[tag]; dup {
			t.Errorf("glyph sets %v and %v share the tag %s", other, gids, tag)
		}
		seen[tag] = gids
		if again := subsetTag(&Font{Name: "NotoSans-Regular", Program: prog, GIDs: slices.Clone(gids)}); again != tag {
			t.Errorf("the same glyphs give tags %s and %s", tag, again)
		}
	}
	// The tags spread over the letters: 2000 sets give many distinct tags
	// and use every letter.
	tags := map[string]bool{}
	letters := map[rune]bool{}
	for i := range 2000 {
		tag := subsetTag(&Font{Name: "X", Program: prog, GIDs: []uint16{uint16(i)}})
		tags[tag] = true
		for _, c := range tag {
			letters[c] = true
		}
	}
	if len(tags) < 1990 || len(letters) != 26 {
		t.Errorf("2000 glyph sets give %d tags using %d letters", len(tags), len(letters))
	}

	// Written out: different subsets of one font get different names.
	// Both subsets hold three glyphs besides .notdef, and the subsetter
	// numbers them from 1 in the same order ('!' < 'H' < 'i', 'o'): the
	// Fonts' GIDs are equal, [2 3 1], and only the programs differ.
	a := newSubsetFont(t, "Hi!")
	b := newSubsetFont(t, "Ho!")
	if !slices.Equal(a.font.GIDs, b.font.GIDs) {
		t.Logf("the subsets' GIDs differ (%v, %v): the tags' test is weaker", a.font.GIDs, b.font.GIDs)
	}
	da, ra := textDoc(t, a.font, 100, 100, 12, a.cidsOf("Hi!"))
	db, rb := textDoc(t, b.font, 100, 100, 12, b.cidsOf("Ho!"))
	base := func(data []byte, r Ref) string {
		m := regexp.MustCompile(`/BaseFont (/\S+)`).FindStringSubmatch(parsePDF(t, data).object(t, r))
		if m == nil {
			t.Fatal("no /BaseFont")
		}
		return m[1]
	}
	if na, nb := base(da, ra), base(db, rb); na == nb {
		t.Errorf("subsets of different glyphs share the name %s", na)
	}
}

// TestEmbedFontConcurrent embeds one Font in several documents at once:
// its derived objects are made once and the documents are identical.
func TestEmbedFontConcurrent(t *testing.T) {
	s := newSubsetFont(t, "Hi!")
	const n = 8
	docs := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := NewWriter()
			r := w.EmbedFont(s.font)
			docs[i], _ = w.Finish(r, 0)
		}()
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if !bytes.Equal(docs[i], docs[0]) || len(docs[0]) == 0 {
			t.Fatalf("document %d differs from document 0", i)
		}
	}
}

// TestFontText extracts the text with poppler: the ToUnicode map works.
func TestFontText(t *testing.T) {
	tool(t, "pdftotext")
	s := hiSubset(t)
	data, _ := textDoc(t, s.font, 300, 100, 24, s.cidsOf("Hi!"))
	out, errs := run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "hi.pdf", data), "-")
	if got := strings.TrimSpace(out); got != "Hi!" {
		t.Errorf("pdftotext gives %q, want %q", got, "Hi!")
	}
	if errs != "" {
		t.Errorf("pdftotext complains:\n%s", errs)
	}
}

func TestFontQpdfCheck(t *testing.T) {
	s := hiSubset(t)
	data, _ := textDoc(t, s.font, 300, 100, 24, s.cidsOf("Hi!"))
	qpdfCheck(t, data)
}

// TestFontPdffonts asks poppler what it makes of the embedded font.
func TestFontPdffonts(t *testing.T) {
	tool(t, "pdffonts")
	s := hiSubset(t)
	data, _ := textDoc(t, s.font, 300, 100, 24, s.cidsOf("Hi!"))
	out, errs := run(t, "pdffonts", writeTemp(t, "fonts.pdf", data))
	if errs != "" {
		t.Errorf("pdffonts complains:\n%s", errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("pdffonts lists %d fonts, want 1:\n%s", len(lines)-2, out)
	}
	f := strings.Fields(lines[2])
	// name, type (two words), encoding, emb, sub, uni, object, generation.
	if len(f) != 9 || !regexp.MustCompile(`^[A-Z]{6}\+NotoSans-Regular$`).MatchString(f[0]) ||
		f[1] != "CID" || f[2] != "TrueType" || f[3] != "Identity-H" || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" {
		t.Errorf("pdffonts: %q, want a subset CID TrueType font, Identity-H, embedded, with ToUnicode", lines[2])
	}
}

// TestFontRenders draws "Hi!" with poppler: ink appears where the text
// is, and nowhere else.
func TestFontRenders(t *testing.T) {
	s := hiSubset(t)
	data, _ := textDoc(t, s.font, 300, 100, 24, s.cidsOf("Hi!"))
	img := render(t, data)
	// The text starts at 20, 60 (PDF space) and is 24 points tall at most.
	inside, outside := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl > 3*0x8000 {
				continue
			}
			pdfY := 99 - y
			if x >= 18 && x < 80 && pdfY >= 55 && pdfY < 90 {
				inside++
			} else {
				outside++
			}
		}
	}
	if inside < 50 || outside != 0 {
		t.Errorf("%d dark pixels where the text is, %d elsewhere", inside, outside)
	}
}

// TestFontManyGlyphsText embeds more than 100 glyphs, so the ToUnicode
// CMap has several blocks, and reads them all back with poppler.
func TestFontManyGlyphsText(t *testing.T) {
	tool(t, "pdftotext")
	var runes []rune
	for r := 'A'; r <= 'Z'; r++ {
		runes = append(runes, r, r+'a'-'A')
	}
	for r := '0'; r <= '9'; r++ {
		runes = append(runes, r)
	}
	for r := rune(0xC0); r <= 0xFF; r++ {
		if r != 0xD7 && r != 0xF7 {
			runes = append(runes, r)
		}
	}
	for r := rune(0x410); r <= 0x44F; r++ { // Cyrillic А–я
		runes = append(runes, r)
	}
	text := string(runes)
	s := newSubsetFont(t, text)
	if len(s.runes) <= 150 {
		t.Fatalf("only %d glyphs", len(s.runes))
	}
	var lines [][]uint16
	var want []string
	for i := 0; i < len(runes); i += 25 {
		chunk := string(runes[i:min(i+25, len(runes))])
		lines = append(lines, s.cidsOf(chunk))
		want = append(want, chunk)
	}
	data, fontRef := textDoc(t, s.font, 500, 40+float64(len(lines))*24+20, 12, lines...)
	p := parsePDF(t, data)
	_, cmap := p.flateStream(t, refOf(t, p.object(t, fontRef), "/ToUnicode"))
	if _, blocks := parseToUnicode(t, cmap); len(blocks) != (len(s.runes)+99)/100 {
		t.Errorf("%d glyphs in %d blocks", len(s.runes), len(blocks))
	}
	out, errs := run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "many.pdf", data), "-")
	if errs != "" {
		t.Errorf("pdftotext complains:\n%s", errs)
	}
	got := strings.Fields(out)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pdftotext gives\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	qpdfCheck(t, data)
}
