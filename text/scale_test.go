package text

import (
	"testing"

	"github.com/go-text/typesetting/font"
	"golang.org/x/text/language"

	"handbill/fonts"
)

// TestArabicScriptReadsAtLatinSize: Arabic, Persian and Urdu text is set
// larger than its size (Arabic's body is much shorter than Latin's
// x-height), enough that its body letters stand at least 80% of the
// Latin x-height, but not so much that its tall letters (alef, lam) rise
// more than 15% above the Latin ascenders, in both weights (see
// scaleRefs); and never over maxScale. Urdu's face (Noto Naskh Arabic)
// included: its body is the shortest of the three.
func TestArabicScriptReadsAtLatinSize(t *testing.T) {
	e := NewEngine(fonts.Builtin())
	for _, lang := range []string{"ar", "fa", "ur"} {
		for _, bold := range []bool{false, true} {
			st := Style{Lang: language.MustParse(lang), Size: 12, Bold: bold}
			s := e.Scale(st)
			if s <= 1 || s > maxScale {
				t.Errorf("%s (bold %v): scale %.3f, want over 1 and at most %g", lang, bold, s, maxScale)
				continue
			}
			var arabic, latin *font.Face
			for _, f := range e.chain(st) {
				if f.Load() == nil {
					arabic = e.goFace(f)
					break
				}
			}
			for _, f := range e.reg.Chain(language.English, bold) {
				if f.Load() == nil {
					latin = e.goFace(f)
					break
				}
			}
			body, tall := medianTop(arabic, "بسصعمهورفقنى")*s, medianTop(arabic, "ال")*s
			x, asc := medianTop(latin, xSample), medianTop(latin, ascSample)
			if body < 0.8*x {
				t.Errorf("%s (bold %v): at %.3f the body stands %.3f em, under 80%% of the Latin x-height %.3f", lang, bold, s, body, x)
			}
			if tall > 1.15*asc {
				t.Errorf("%s (bold %v): at %.3f alef and lam stand %.3f em, over 115%% of the Latin ascenders %.3f", lang, bold, s, tall, asc)
			}
			t.Logf("%s (bold %v): scale %.3f, body %.3f em (x-height %.3f), alef %.3f em (ascenders %.3f)", lang, bold, s, body, x, tall, asc)
		}
	}
}
