package fonts

import (
	"testing"

	"golang.org/x/text/language"
)

func TestChainPutsLanguageFaceFirst(t *testing.T) {
	cases := map[string]string{
		"en": "Noto Sans", "vi": "Noto Sans", "ru": "Noto Sans", "el": "Noto Sans",
		"ar": "Noto Sans Arabic", "fa": "Noto Sans Arabic", "ur": "Noto Naskh Arabic",
		"he": "Noto Sans Hebrew", "hi": "Noto Sans Devanagari", "pa": "Noto Sans Gurmukhi",
		"bn": "Noto Sans Bengali", "th": "Noto Sans Thai", "km": "Noto Sans Khmer",
		"am": "Noto Sans Ethiopic", "hy": "Noto Sans Armenian", "ko": "Nanum Gothic",
		"zh": "WenQuanYi Micro Hei", "zh-Hant": "WenQuanYi Micro Hei", "ja": "WenQuanYi Micro Hei",
		"hmn": "Noto Sans", "so": "Noto Sans",
	}
	reg := Builtin()
	for tag, want := range cases {
		for _, bold := range []bool{false, true} {
			chain := reg.Chain(language.MustParse(tag), bold)
			if chain[0].Family != want {
				t.Errorf("%s bold=%v: first face %q, want %q", tag, bold, chain[0].Family, want)
			}
			for _, f := range chain {
				if f.Bold != bold {
					t.Errorf("%s bold=%v: chain holds %s", tag, bold, f.Name())
				}
			}
			if len(chain) != len(builtins) {
				t.Errorf("%s: chain has %d faces, want every family (%d) for fallback", tag, len(chain), len(builtins))
			}
		}
	}
}

func TestSynthesizedBoldOnlyWhereNoBoldFace(t *testing.T) {
	for _, f := range Builtin().Faces() {
		if f.SynthBold && f.Family != "WenQuanYi Micro Hei" {
			t.Errorf("%s is synthesized but the family has a bold face", f.Name())
		}
	}
	chain := Builtin().Chain(language.Chinese, true)
	if !chain[0].SynthBold || !chain[0].SameData(Builtin().Chain(language.Chinese, false)[0]) {
		t.Errorf("Chinese bold should be the synthesized twin of the regular face, got %s", chain[0].Name())
	}
}

func TestEveryBundledFaceLoadsAndCoversItsScript(t *testing.T) {
	probe := map[string]rune{
		"Noto Sans": 'ệ', "Noto Sans Arabic": 'ع', "Noto Naskh Arabic": 'ے', "Noto Sans Hebrew": 'ש',
		"Noto Sans Devanagari": 'क', "Noto Sans Gurmukhi": 'ਪ', "Noto Sans Bengali": 'ক',
		"Noto Sans Thai": 'ท', "Noto Sans Khmer": 'ក', "Noto Sans Ethiopic": 'ሀ',
		"Noto Sans Armenian": 'Հ', "Nanum Gothic": '한', "WenQuanYi Micro Hei": '體',
	}
	for _, f := range Builtin().Faces() {
		if err := f.Load(); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		r, ok := probe[f.Family]
		if !ok {
			t.Errorf("no probe character for %s", f.Family)
			continue
		}
		if !f.Has(r) {
			t.Errorf("%s lacks %q", f.Name(), r)
		}
	}
	for _, r := range "ぁカ中한" {
		if !Builtin().Chain(language.Japanese, false)[0].Has(r) {
			t.Errorf("the CJK face lacks %q", r)
		}
	}
}

func TestUserFontsComeFirstAndGetSynthBold(t *testing.T) {
	reg, err := Builtin().WithUserFonts("files/NotoSansThai-Regular.ttf", "files/wqy-microhei.ttc#1")
	if err != nil {
		t.Fatal(err)
	}
	chain := reg.Chain(language.English, false)
	if chain[0].File != "files/NotoSansThai-Regular.ttf" || chain[1].Index != 1 {
		t.Errorf("user faces not first: %s, %s#%d", chain[0].File, chain[1].File, chain[1].Index)
	}
	bold := reg.Chain(language.English, true)
	if !bold[0].SynthBold || bold[0].File != "files/NotoSansThai-Regular.ttf" {
		t.Errorf("user regular face should get a synthesized bold twin first, got %s", bold[0].Name())
	}
	if len(Builtin().Faces()) == len(reg.Faces()) {
		t.Error("WithUserFonts changed nothing")
	}
}

// BenchmarkLoadFonts parses every bundled face from scratch.
func BenchmarkLoadFonts(b *testing.B) {
	for b.Loop() {
		for _, f := range newBuiltin().Faces() {
			if err := f.Load(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
