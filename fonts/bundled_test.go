package fonts

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "write fonts/files/wqy-microhei-face0.ttf again from wqy-microhei.ttc")

// extractFace returns face index of a bundled collection as handbill embeds
// it: extracted by Standalone, with the glyph names of its 'post' table
// dropped (format 3, as Subset writes it). Nothing in handbill reads glyph
// names, and go-text would spend a fifth of the face's load on them (the
// 49,531 names of WenQuanYi Micro Hei); the outlines, metrics, character
// map and layout tables are the collection's, byte for byte.
func extractFace(t *testing.T, file string, index int) []byte {
	t.Helper()
	ttf, err := Standalone(file, readFontFile(t, file), index)
	if err != nil {
		t.Fatal(err)
	}
	version, tables, ferr := readFace(ttf, 0)
	if ferr != nil {
		t.Fatal(ferr)
	}
	for i, tb := range tables {
		if tb.tag == "post" && len(tb.data) >= 32 {
			post := slices.Clone(tb.data[:32])
			binary.BigEndian.PutUint32(post, 0x00030000)
			tables[i].data = post
		}
	}
	return buildSfnt(version, tables)
}

// TestBundledCollectionFacesAreExtracted checks that the embedded face of
// each bundled collection is the face extractFace makes from the .ttc in
// fonts/files; with -update it writes the file again.
func TestBundledCollectionFacesAreExtracted(t *testing.T) {
	for _, b := range builtins {
		if !strings.HasSuffix(b.regular, ".ttc") {
			continue
		}
		want := extractFace(t, b.regular, b.index)
		if *update {
			name := embeddedFile(bundledKey(b.regular, b.index))
			if err := os.WriteFile(filepath.Join("files", name), want, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote files/%s: rebuild to embed it", name)
			continue
		}
		got := readOnly(bundled[bundledKey(b.regular, b.index)])
		if !bytes.Equal(got, want) {
			t.Errorf("the embedded face %d of %s is not extracted from files/%s: run `go test ./fonts -run %s -update`",
				b.index, b.regular, b.regular, t.Name())
		}
		// What the PDF writer receives is the same from either.
		orig, err := Standalone(b.regular, readFontFile(t, b.regular), b.index)
		if err != nil {
			t.Fatal(err)
		}
		entries := []CmapEntry{{0x41, 36}, {0x4E2D, 10000}, {0xE000, 30000}, {0xE001, 49530}}
		a, _, errA := subset(orig, nil, entries)
		c, _, errC := subset(got, nil, entries)
		if errA != nil || errC != nil || !bytes.Equal(a, c) {
			t.Errorf("%s: Subset differs between the collection's face and the embedded one (%v, %v)", b.regular, errA, errC)
		}
	}
}

// TestBundledFilesAreEmbedded checks that every bundled font file in
// fonts/files is embedded under its own name, and that every face of
// builtins has its data.
func TestBundledFilesAreEmbedded(t *testing.T) {
	entries, err := os.ReadDir("files")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, b := range builtins {
		for _, name := range []string{b.regular, b.bold} {
			if name == "" {
				continue
			}
			key := bundledKey(name, b.index)
			if _, ok := bundled[key]; !ok {
				t.Errorf("%s (face %d) is not embedded", name, b.index)
			}
			used[key] = true
		}
	}
	for key := range bundled {
		if !used[key] {
			t.Errorf("%s is embedded but no built-in face uses it", key)
		}
	}
	files := map[string]bool{}
	for _, e := range entries {
		files[e.Name()] = true
	}
	for key, data := range bundled {
		name := embeddedFile(key)
		if !files[name] {
			t.Errorf("%s is embedded from files/%s, which does not exist", key, name)
			continue
		}
		if !bytes.Equal(readOnly(data), readFontFile(t, name)) {
			t.Errorf("bundled[%q] is not files/%s", key, name)
		}
		delete(files, name)
	}
	for name := range files {
		if strings.HasSuffix(name, ".ttf") {
			t.Errorf("files/%s is not embedded", name)
		}
	}
}

// embeddedFile returns the file in fonts/files that bundled[key] embeds:
// the .ttf itself, or for face N of FILE.ttc, FILE-faceN.ttf.
func embeddedFile(key string) string {
	if i := strings.LastIndex(key, ".ttc#"); i >= 0 {
		return key[:i] + "-face" + key[i+len(".ttc#"):] + ".ttf"
	}
	return key
}

// TestBundledFacesPassEveryCheck makes every check Standalone makes of a
// user's font on the embedded data of each built-in face, which Load does
// not repeat: a bad bundled font fails here. The face loads to the same
// font either way.
func TestBundledFacesPassEveryCheck(t *testing.T) {
	for _, f := range newBuiltin().Faces() {
		if f.SynthBold {
			continue // the regular face's data
		}
		key := bundledKey(strings.TrimPrefix(f.File, "built-in "), f.Index)
		raw := readOnly(bundled[key])
		checked, ft, _, err := parseStandalone(f.File, raw, 0)
		if err != nil {
			t.Errorf("%s: %v", f.Name(), err)
			continue
		}
		if err := f.Load(); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		if !bytes.Equal(checked, f.TTF()) {
			t.Errorf("%s: TTF differs from what Standalone returns", f.Name())
		}
		if &f.TTF()[0] != &raw[0] {
			t.Errorf("%s: TTF copies the embedded data", f.Name())
		}
		g1, ok1 := ft.NominalGlyph('0')
		g2, ok2 := f.Font().NominalGlyph('0')
		if g1 != g2 || ok1 != ok2 || ft.Upem() != f.Font().Upem() {
			t.Errorf("%s: loads to a different font than the checked one", f.Name())
		}
	}
}

// TestPrefetch checks that Prefetch loads the faces a language is set in
// (and no others) and that loading them meanwhile gives the same results.
func TestPrefetch(t *testing.T) {
	reg := newBuiltin()
	tags := []language.Tag{language.Arabic, language.Urdu, language.Thai}
	reg.Prefetch(tags...)
	var wg sync.WaitGroup
	for _, tag := range tags {
		for _, bold := range []bool{false, true} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f := reg.Chain(tag, bold)[0]
				if err := f.Load(); err != nil || f.Font() == nil {
					t.Errorf("%s: %v", f.Name(), err)
				}
			}()
		}
	}
	wg.Wait()
	if got := reg.prefetchList(tags); len(got) != 6 {
		t.Errorf("Prefetch(ar, ur, th) loads %d fonts, want 6 (Arabic, Naskh, Thai; regular and bold)", len(got))
	}
	if got := reg.prefetchList([]language.Tag{language.Chinese}); len(got) != 2 {
		t.Errorf("Prefetch(zh) loads %d fonts, want 2 (Noto Sans CJK SC regular and bold)", len(got))
	}
	user, err := reg.WithUserFonts("files/NotoSansThai-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	user.Prefetch(language.English) // the user's font is loaded; Noto Sans is not yet
	if err := user.Chain(language.English, false)[1].Load(); err != nil {
		t.Fatal(err)
	}
}
