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

// Layout and Fit remember their paragraphs per text, style and box: the
// same call returns the same paragraph, any difference in what the
// layout depends on gives a fresh one, laid out as a new engine would, and
// an overflowing fit is not remembered.
func TestLayoutAndFitMemos(t *testing.T) {
	e := NewEngine(fonts.Builtin())
	s := "Call or text 1-888-373-7888, even if you are not sure."
	st := Style{Lang: language.English, Size: 12}
	layout := func(s string, st Style, w float64) *Paragraph {
		t.Helper()
		p, err := e.Layout(s, st, w)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := NewEngine(fonts.Builtin()).Layout(s, st, w)
		if !reflect.DeepEqual(p, want) {
			t.Errorf("%q at %g pt: the remembered layout differs from a new engine's", s, w)
		}
		return p
	}
	first := layout(s, st, 150)
	if again := layout(s, st, 150); again != first {
		t.Error("the same layout twice gave two paragraphs")
	}
	narrow := layout(s, st, 60)
	if narrow == first || len(narrow.Lines) <= len(first.Lines) {
		t.Errorf("a narrower box gave %d lines, the wide one %d", len(narrow.Lines), len(first.Lines))
	}
	bold := st
	bold.Bold = true
	if layout(s, bold, 150) == first {
		t.Error("a bold style gave the regular paragraph")
	}
	centred := st
	centred.Align = Center
	if p := layout(s, centred, 150); p == first || p.Lines[0].X == first.Lines[0].X {
		t.Error("a centred style gave the start-aligned paragraph")
	}

	box := Box{W: 150, H: 40}
	fit, err := e.Fit(s, st, box, 6, 20)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := e.Fit(s, st, box, 6, 20); again != fit {
		t.Error("the same fit twice gave two paragraphs")
	}
	if smaller, _ := e.Fit(s, st, Box{W: 150, H: 20}, 6, 20); smaller.Style.Size >= fit.Style.Size {
		t.Errorf("a lower box fits at %g pt, the taller one at %g pt", smaller.Style.Size, fit.Style.Size)
	}
	for range 2 {
		if _, err := e.Fit(s, st, Box{W: 150, H: 5}, 10, 20); err == nil {
			t.Error("an overflowing fit was remembered as fitting")
		}
	}
}
