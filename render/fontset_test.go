package render

import (
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
)

// PDFium takes the first CID the ToUnicode map gives as SPACE for the
// width of a space, and sees a word break inside a text-showing operation
// wherever a TJ adjustment moves the pen on by half that width or more;
// PDFBox takes the last. Where a document draws no space glyph of a font,
// only carriers standing for SPACE (next to no width), the first and the
// last CID standing for SPACE must both be the space glyph with its own
// width: else PDFium read an adjustment of half a thousandth of an em
// between two digits as a space ("33733 2" for "233733").
func TestSpaceCIDsAreTheSpaceGlyph(t *testing.T) {
	f := fonts.Builtin().Chain(language.English, false)[0]
	if err := f.Load(); err != nil {
		t.Fatal(err)
	}
	m := metricsOf(f)
	sp, ok := m.carrier()
	if !ok {
		t.Fatal("the Latin face has no blank space glyph: the test no longer tests what it says")
	}
	two, ok := f.Font().NominalGlyph('2')
	if !ok {
		t.Fatal("no glyph for 2")
	}
	for _, c := range []struct {
		name  string
		drawn []glyphKey
	}{
		{"no space drawn", []glyphKey{
			{gid: uint16(two), text: "2"},
			{gid: sp, text: " ", carrier: true},
			{gid: sp, text: "\u2060", carrier: true},
		}},
		{"a space drawn", []glyphKey{
			{gid: uint16(two), text: "2"},
			{gid: sp, text: " ", carrier: true},
			{gid: sp, text: " "},
		}},
	} {
		df := &docFont{m: m, keys: map[keyID]uint16{}}
		for _, k := range c.drawn {
			df.keys[internKey(k)] = 0
		}
		keys, err := df.subsetKeys()
		if err != nil {
			t.Fatal(err)
		}
		first, last := -1, -1
		for i, k := range keys {
			if k.text == " " {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		for _, i := range []int{first, last} {
			if i < 0 || keys[i].carrier {
				t.Errorf("%s: CIDs %d and %d stand for SPACE, first and last: %+v", c.name, first+1, last+1, keys)
				break
			}
		}
		// Every key drawn keeps its own CID.
		for _, k := range c.drawn {
			cid := df.keys[internKey(k)]
			if cid == 0 || int(cid) > len(keys) || keys[cid-1] != k {
				t.Errorf("%s: %+v has CID %d, which stands for another key", c.name, k, cid)
			}
		}
	}
}
