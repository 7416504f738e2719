package text

import (
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
)

// A paragraph shaped once and set again from the engine's cache, in any
// size, alignment and line height, is laid out exactly as by a new engine.
func TestShapeCacheGivesTheSameLayout(t *testing.T) {
	cached := NewEngine(fonts.Builtin())
	texts := map[string]string{
		"en": "Call or text 1-888-373-7888, even if you are not sure.",
		"ar": "اتصل على 1-888-373-7888 حتى لو لم تكن متأكدًا.",
		"th": "โทร\u200bหรือ\u200bส่งข้อความ\u200bถึง\u200bสายด่วน แม้\u200bจะ\u200bไม่\u200bแน่ใจ",
	}
	styles := []Style{
		{Size: 12},
		{Size: 9, Align: Center, LineHeight: 2},
		{Size: 20, Bold: true, Align: End},
		{Size: 12, LineHeight: 1.1},
	}
	for tag, s := range texts {
		for i, st := range styles {
			st.Lang = language.MustParse(tag)
			for pass := range 2 {
				got, err := cached.Layout(s, st, 150)
				if err != nil {
					t.Fatal(err)
				}
				want, err := NewEngine(fonts.Builtin()).Layout(s, st, 150)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s style %d pass %d: the cached engine's layout differs from a new engine's", tag, i, pass)
				}
			}
		}
	}
	if n := len(cached.shaped); n != 2*len(texts) {
		t.Errorf("cache holds %d paragraphs, want one per text and weight (%d)", n, 2*len(texts))
	}
	// A paragraph that fails is not cached, and fails again.
	for range 2 {
		if _, err := cached.Layout("\x01", Style{Lang: language.English, Size: 12}, 100); err == nil {
			t.Error("a control character was accepted")
		}
	}
}
