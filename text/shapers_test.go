package text

import (
	"reflect"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
)

// Engines that shape at the same time hold different shapers; a shaper
// returned is lent again, with the faces it made, to the next engine.
func TestShapersLentOneAtATime(t *testing.T) {
	ForgetShapers()
	a, b := NewEngine(fonts.Builtin()), NewEngine(fonts.Builtin())
	a.hold()
	b.hold()
	if a.sh == b.sh {
		t.Fatal("two engines hold the same shaper")
	}
	face := fonts.Builtin().Chain(language.English, false)[0]
	gf := a.goFace(face)
	if a.back[gf] != face {
		t.Error("the engine does not know its go-text face's registry face")
	}
	held := a.sh
	a.hold() // nested: still the same shaper
	if a.sh != held {
		t.Error("a nested hold changed the shaper")
	}
	a.release()
	a.release()
	if a.sh != nil {
		t.Error("the engine still holds its shaper after its last release")
	}
	other := b.sh
	b.release()
	c := NewEngine(fonts.Builtin())
	c.hold()
	defer c.release()
	if c.sh != held && c.sh != other {
		t.Fatal("a new engine built a shaper while two were free")
	}
	if c.sh == held && c.goFace(face) != gf {
		t.Error("a lent shaper built its face again")
	}
	for f, g := range c.sh.faces {
		if c.back[g] != f {
			t.Errorf("%s: the borrowing engine does not know the shaper's face", f.Name())
		}
	}
}

// Engines on many goroutines at once, each shaping with borrowed shapers
// (go-text's faces are not safe for concurrent use: `go test -race` sees
// a face shared), lay out every paragraph exactly as one engine alone does
// with shapers of its own.
func TestShapersOnManyGoroutines(t *testing.T) {
	texts := []struct{ tag, s string }{
		{"en", "Call or text 1-888-373-7888, even if you are not sure."},
		{"ar", "اتصل على 1-888-373-7888 حتى لو لم تكن متأكدًا."},
		{"hi", "अगर आपको यकीन नहीं है तब भी कॉल करें।"},
		{"th", "โทร\u200bหรือ\u200bส่งข้อความ\u200bถึง\u200bสายด่วน แม้\u200bจะ\u200bไม่\u200bแน่ใจ"},
		{"zh-Hans", "即使您不确定，也请拨打或发短信至 1-888-373-7888。"},
	}
	ForgetShapers()
	want := make([]*Paragraph, len(texts))
	for i, x := range texts {
		p, err := NewEngine(fonts.Builtin()).Layout(x.s, Style{Lang: language.MustParse(x.tag), Size: 10}, 120)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = p
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 6 {
		wg.Go(func() {
			for n := range 4 {
				e := NewEngine(fonts.Builtin())
				for k := range texts {
					i := (k + g + n) % len(texts)
					got, err := e.Layout(texts[i].s, Style{Lang: language.MustParse(texts[i].tag), Size: 10}, 120)
					if err != nil {
						errs <- err.Error()
						return
					}
					if !reflect.DeepEqual(got, want[i]) {
						errs <- texts[i].tag + ": laid out differently with a borrowed shaper"
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
