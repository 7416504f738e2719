package text_test

import (
	"math"
	"testing"

	"golang.org/x/text/language"

	"handbill/text"
)

// TestBaselineGridIsSteady: paragraphs in one language and size start at
// the same baseline and keep the same pitch whatever their letters, so two
// columns of Vietnamese, Thai or Khmer list items line up (with
// ScriptMetrics set) (built-in
// strings: one item with stacked accents or marks, one without).
func TestBaselineGridIsSteady(t *testing.T) {
	e := engine()
	for _, c := range []struct{ lang, a, b string }{
		{"th", "หนี\u200bออก\u200bจาก\u200bบ้าน หรือ\u200bกลับ\u200bดึก\u200bหรือ\u200bไม่\u200bกลับ\u200bทั้ง\u200bคืน", "มี\u200bแฟน\u200bที่\u200bอายุ\u200bมากกว่า ซึ่ง\u200bดู\u200bเหมือน\u200bคอย\u200bควบคุม\u200bเด็ก"},
		{"km", "រត់\u200bចេញ\u200bពី\u200bផ្ទះ ឬ\u200bនៅ\u200bក្រៅ\u200bដល់\u200bយប់\u200bជ្រៅ", "មាន\u200bសង្សារ\u200bចាស់\u200bជាង ដែល\u200bហាក់ដូចជា\u200bគ្រប់គ្រង\u200bកុមារ"},
		// Lower case with stacked accents; an accented capital pushes its
		// own line down (see exemplars).
		{"vi", "Bỏ nhà đi hoặc về rất khuya, hay cả đêm không về, ở đâu cũng được", "Có bạn trai hoặc bạn gái lớn tuổi hơn và có vẻ kiểm soát em"},
		{"en", "Ran away from home, or stays out late", "Has an older boyfriend or girlfriend who seems controlling"},
	} {
		st := text.Style{Lang: language.MustParse(c.lang), Size: 12, ScriptMetrics: true}
		pa, err := e.Layout(c.a, st, 120)
		if err != nil {
			t.Fatal(err)
		}
		pb, err := e.Layout(c.b, st, 120)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(pa.Lines[0].Baseline-pb.Lines[0].Baseline) > 0.001 {
			t.Errorf("%s: first baselines %.2f and %.2f differ", c.lang, pa.Lines[0].Baseline, pb.Lines[0].Baseline)
		}
		pitch := func(p *text.Paragraph) float64 { return p.Lines[1].Baseline - p.Lines[0].Baseline }
		if len(pa.Lines) < 2 || len(pb.Lines) < 2 {
			t.Fatalf("%s: want two lines each, got %d and %d", c.lang, len(pa.Lines), len(pb.Lines))
		}
		if math.Abs(pitch(pa)-pitch(pb)) > 0.001 {
			t.Errorf("%s: pitches %.2f and %.2f differ", c.lang, pitch(pa), pitch(pb))
		}
		if c.lang != "en" && math.Abs(pa.Height-pa.Lines[len(pa.Lines)-1].Baseline-(pb.Height-pb.Lines[len(pb.Lines)-1].Baseline)) > 0.001 {
			t.Errorf("%s: last-line descents differ", c.lang)
		}
	}
}

// TestKhmerAndThaiLinesDoNotTouch: the marks below one line of Khmer or Thai end
// above the marks over the next (the pitch grows past 1.3 where the script
// needs it), while English keeps 1.3 (with ScriptMetrics set).
func TestKhmerAndThaiLinesDoNotTouch(t *testing.T) {
	e := engine()
	for _, c := range []struct {
		lang, text string
		minPitch   float64 // in ems
	}{
		{"km", "ស្ត្រី\u200bប៉ុន្តែ\u200bក្បាល\u200bស៊ើប\u200bឡើង\u200bផ្ញើ\u200bព្យួរ\u200bក្ដៅ\u200bស្ត្រី\u200bប៉ុន្តែ", 1.4},
		{"th", "ปั้น\u200bฟั่น\u200bญู\u200bฎุ\u200bป๊ะ\u200bปั้น\u200bฟั่น\u200bญู\u200bฎุ\u200bป๊ะ", 1.35},
		{"en", "Know the signs of child sex trafficking and call the hotline", 1.3},
	} {
		st := text.Style{Lang: language.MustParse(c.lang), Size: 10, ScriptMetrics: true}
		p, err := e.Layout(c.text, st, 60)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Lines) < 2 {
			t.Fatalf("%s: one line", c.lang)
		}
		pitch := (p.Lines[1].Baseline - p.Lines[0].Baseline) / st.Size
		if pitch < c.minPitch-0.001 {
			t.Errorf("%s: pitch %.3f em, want at least %.2f", c.lang, pitch, c.minPitch)
		}
		if c.lang == "en" && math.Abs(pitch-1.3) > 0.001 {
			t.Errorf("en: pitch %.3f em, want 1.3", pitch)
		}
		for i := 1; i < len(p.Lines); i++ {
			bottom := p.Lines[i-1].Baseline + p.Lines[i-1].Descent
			top := p.Lines[i].Baseline - p.Lines[i].Ascent
			if bottom > top+0.001 {
				t.Errorf("%s: line %d reaches %.2f pt, below line %d's top %.2f", c.lang, i, bottom, i+1, top)
			}
		}
	}
}
