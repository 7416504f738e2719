package fonts

// Per-face and per-document font costs. Names follow benchstat's
// conventions (BenchmarkName/key=value).

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkLoadFace parses each bundled font file from scratch: the cost a
// document pays, once per process, for each face it uses.
func BenchmarkLoadFace(b *testing.B) {
	for _, bi := range builtins {
		for _, name := range []string{bi.regular, bi.bold} {
			if name == "" {
				continue
			}
			b.Run("file="+strings.TrimSuffix(strings.TrimSuffix(name, ".ttf"), ".ttc"), func(b *testing.B) {
				raw, ok := bundled[bundledKey(name, bi.index)]
				if !ok {
					b.Fatalf("%s is not bundled", name)
				}
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					f := embedded(name, bi)
					if err := f.Load(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// posterLangs are the languages of bench/poster's six-panel poster.
var posterLangs = []string{"en", "es", "ar", "hi", "zh-Hans", "th"}

// posterFaces returns the faces of reg that bench/poster's document is set
// in: the first face of each language's regular and bold chain (Noto Sans,
// Noto Sans Arabic, Noto Sans Devanagari and Noto Sans Thai, regular and
// bold, and WenQuanYi Micro Hei with its synthesized bold: nine faces, eight
// fonts to parse).
func posterFaces(reg *Registry) []*Face {
	var out []*Face
	for _, l := range posterLangs {
		for _, bold := range []bool{false, true} {
			out = append(out, reg.Chain(language.MustParse(l), bold)[0])
		}
	}
	return out
}

// BenchmarkLoadPoster loads the faces of bench/poster's poster from a fresh
// registry, as a fresh process building that document does: mode=serial
// loads them one after another, as the text engine meets them;
// mode=prefetch calls Prefetch with the poster's languages first, then loads
// them the same way, the caller and Prefetch's goroutine sharing the work.
func BenchmarkLoadPoster(b *testing.B) {
	var tags []language.Tag
	for _, l := range posterLangs {
		tags = append(tags, language.MustParse(l))
	}
	for _, mode := range []string{"serial", "prefetch"} {
		b.Run("mode="+mode, func(b *testing.B) {
			for b.Loop() {
				reg := newBuiltin()
				if mode == "prefetch" {
					reg.Prefetch(tags...)
				}
				for _, f := range posterFaces(reg) {
					if err := f.Load(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkSubset subsets a face to a document's glyphs, as the PDF writer
// receives it: a poster's worth (about 300 glyphs) of Noto Sans Arabic and
// of WenQuanYi Micro Hei.
func BenchmarkSubset(b *testing.B) {
	for _, c := range []struct{ name, file, text string }{
		{"NotoSansArabic", "NotoSansArabic-Regular.ttf", "إذا قدّم أي شخص مالًا أو مخدرات أو مكانًا للإقامة أو أي شيء ذي قيمة مقابل ممارسة الجنس مع طفل دون 18 عامًا"},
		{"WenQuanYiMicroHei", "wqy-microhei.ttc", "如果有人用金钱、毒品、住处或任何有价值的东西，换取与未满18岁孩子的性行为，这就是儿童性贩运。即使没有强迫，也算。这是虐待儿童，绝不是孩子的错。"},
	} {
		b.Run("face="+c.name, func(b *testing.B) {
			f := embedded(c.file, builtin{})
			if err := f.Load(); err != nil {
				b.Fatal(err)
			}
			var entries []CmapEntry
			seen := map[rune]bool{}
			for _, r := range c.text {
				if g, ok := f.Font().NominalGlyph(r); ok && !seen[r] && r <= 0xFFFF {
					seen[r] = true
					entries = append(entries, CmapEntry{Code: uint16(r), GID: uint16(g)})
				}
			}
			for i := range 200 {
				entries = append(entries, CmapEntry{Code: uint16(0xE000 + 2*i), GID: uint16(100 + i)})
			}
			sf, err := f.SFNT()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var out []byte
			for b.Loop() {
				var err error
				if out, _, err = sf.Subset(nil, entries); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(out)), "font-B")
		})
	}
}
