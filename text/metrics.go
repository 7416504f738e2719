package text

import (
	gtlang "github.com/go-text/typesetting/language"
	"golang.org/x/text/language"

	"handbill/fonts"
)

// exemplars hold, for the languages and scripts whose marks stack above
// or below the letters, the clusters that reach highest and lowest in
// everyday text: Vietnamese lower case with two accents (an accented
// capital, rarer, still has its line's ink: it pushes its own line down,
// and at a pitch of 1.3 clears the line above; reserving Ấ's 1.05 em over
// every paragraph made the built-in Vietnamese intros and lists
// overflow), Thai and Lao vowels
// with tone marks above and below, Khmer subscript consonants under vowel
// signs, Indic vowel signs, Arabic with harakat. A paragraph in such a
// language gets the ascent and descent of its exemplar, set in the
// paragraph's own faces, for every line (see lineMetrics). Keys are base
// languages, then ISO 15924 scripts.
var exemplars = map[string]string{
	"vi":   "ấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự gjpqyỵỹ",
	"Thai": "ปั้ฟั่ฝั่ป๊ญูฎุฐู ฏู ไม่ใช่โต๊ะทั้งฟื้น",
	"Laoo": "ປັ້ຢູ່ກົ້ຫຼູ",
	"Khmr": "ក្ដៅ ស្ត្រី ប៉ុន្តែ ក្បាល ឡើង ផ្ញើ ព្យួរ",
	"Deva": "र्कि र्की कू कृ क्रै",
	"Guru": "ਕਿ ਕੀ ਕੁ ਕੂ ਕੈ ਕੌਂ",
	"Beng": "র্কি র্কী কু কূ কৃ ক্রৈ",
	"Ethi": "ሀሐሰረፀቑ",
	"Arab": "كلإبيعمن لأ",
}

// metricsKey names the metrics of a paragraph's faces: its language and
// weight.
type metricsKey = chainKey

// lineMetrics returns the ascent and descent, in ems, of the language's
// exemplar clusters set in the paragraph's faces (never less than
// minAscent and minDescent). In a paragraph set with Style.ScriptMetrics,
// every line's ascent and descent are at least these (the line's ink,
// when more, still counts), and the pitch at least their sum: two
// paragraphs in one language and size have the same first baseline, pitch
// and height whatever their words, columns of a page keep one baseline
// grid, and Khmer subscripts clear the next line's vowel signs. Computed
// once per engine, language and weight.
func (e *Engine) lineMetrics(st Style) (asc, desc float64) {
	k := metricsKey{st.Lang, st.Bold}
	if m, ok := e.metrics[k]; ok {
		return m[0], m[1]
	}
	asc, desc = minAscent, minDescent
	if ex := exemplar(st.Lang); ex != "" {
		if sh, err := e.shapeNew(ex, Style{Lang: st.Lang, Bold: st.Bold}); err == nil {
			for _, pc := range sh.pieces {
				for _, o := range pc.outs {
					for _, g := range o.Glyphs {
						top := toPt(g.YOffset+g.YBearing, 1)
						asc = max(asc, top)
						desc = max(desc, -(top + toPt(g.Height, 1)))
					}
				}
			}
		}
	}
	e.metrics[k] = [2]float64{asc, desc}
	return asc, desc
}

// exemplar returns the exemplar clusters for a language ("" for none).
func exemplar(tag language.Tag) string {
	base, _ := tag.Base()
	if ex, ok := exemplars[base.String()]; ok {
		return ex
	}
	return exemplars[fonts.Script(tag)]
}

// native reports whether the text has a letter of the language's script.
func native(text []rune, tag language.Tag) bool {
	sc, err := gtlang.ParseScript(fonts.Script(tag))
	if err != nil {
		return true
	}
	for _, r := range text {
		if gtlang.LookupScript(r) == sc {
			return true
		}
	}
	return false
}
