package text

// Text engine benchmarks. Names follow benchstat's conventions
// (BenchmarkName/key=value).

import (
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
)

var benchTexts = map[string]string{
	"en":      "If anyone trades money, drugs, a place to stay or anything of value for sex with a child under 18, it is child sex trafficking. No force is needed.",
	"ar":      "إذا قدّم أي شخص مالًا أو مخدرات أو مكانًا للإقامة أو أي شيء ذي قيمة مقابل ممارسة الجنس مع طفل دون 18 عامًا، فهذا هو الاتجار الجنسي بالأطفال.",
	"hi":      "अगर कोई 18 साल से कम उम्र के बच्चे के साथ यौन संबंध के बदले पैसे, नशा, रहने की जगह या कोई भी कीमती चीज़ देता है, तो यह बच्चों की यौन तस्करी है।",
	"th":      "หาก\u200bมี\u200bใคร\u200bให้\u200bเงิน ยาเสพติด ที่พัก หรือ\u200bสิ่ง\u200bมี\u200bค่า\u200bใดๆ เพื่อ\u200bแลก\u200bกับ\u200bการ\u200bมี\u200bเพศสัมพันธ์\u200bกับ\u200bเด็ก\u200bอายุ\u200bต่ำกว่า 18\u00a0ปี",
	"zh-Hans": "如果有人用金钱、毒品、住处或任何有价值的东西，换取与未满18岁孩子的性行为，这就是儿童性贩运。即使没有强迫，也算。",
}

// BenchmarkLayout sets a paragraph of about 150 characters in a 250 pt
// box: shaped anew each time (cache=cold), or from the engine's cache of
// shaped paragraphs (cache=warm: line breaking only).
func BenchmarkLayout(b *testing.B) {
	for _, tag := range []string{"en", "ar", "hi", "th", "zh-Hans"} {
		for _, warm := range []bool{false, true} {
			name := "lang=" + tag + "/cache=cold"
			if warm {
				name = "lang=" + tag + "/cache=warm"
			}
			b.Run(name, func(b *testing.B) {
				e := NewEngine(fonts.Builtin())
				st := Style{Lang: language.MustParse(tag), Size: 9}
				if _, err := e.Layout(benchTexts[tag], st, 250); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if !warm {
						clear(e.shaped)
					}
					if _, err := e.Layout(benchTexts[tag], st, 250); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
