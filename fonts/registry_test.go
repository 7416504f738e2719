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
		"am": "Noto Sans Ethiopic", "hy": "Noto Sans Armenian", "ko": "Noto Sans CJK KR",
		"zh": "Noto Sans CJK SC", "zh-Hans": "Noto Sans CJK SC", "zh-Hant": "Noto Sans CJK TC", "zh-TW": "Noto Sans CJK TC",
		"ja":  "Noto Sans CJK JP",
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
	// Chinese, Japanese and Korean have real bold faces (Noto Sans CJK
	// Bold), not a stroked regular.
	for _, tag := range []string{"zh-Hans", "zh-Hant", "ja", "ko"} {
		chain := Builtin().Chain(language.MustParse(tag), true)
		if chain[0].SynthBold || !chain[0].Bold || chain[0].SameData(Builtin().Chain(language.MustParse(tag), false)[0]) {
			t.Errorf("%s bold should be a bold face of its own, got %s", tag, chain[0].Name())
		}
	}
}

func TestEveryBundledFaceLoadsAndCoversItsScript(t *testing.T) {
	probe := map[string]rune{
		"Noto Sans": 'ệ', "Noto Sans Arabic": 'ع', "Noto Naskh Arabic": 'ے', "Noto Sans Hebrew": 'ש',
		"Noto Sans Devanagari": 'क', "Noto Sans Gurmukhi": 'ਪ', "Noto Sans Bengali": 'ক',
		"Noto Sans Thai": 'ท', "Noto Sans Khmer": 'ក', "Noto Sans Ethiopic": 'ሀ',
		"Noto Sans Armenian": 'Հ', "Noto Sans CJK KR": '한', "WenQuanYi Micro Hei": '體',
		"Noto Sans CJK SC": '贩', "Noto Sans CJK TC": '販', "Noto Sans CJK JP": 'ホ',
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
	for tag, rs := range map[string]string{"ja": "ぁカ中ー「」。", "zh-Hans": "贩运热线。，（）", "zh-Hant": "販運熱線。，（）", "ko": "한국어신고"} {
		for _, r := range rs {
			if !Builtin().Chain(language.MustParse(tag), false)[0].Has(r) {
				t.Errorf("the %s face lacks %q", tag, r)
			}
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
