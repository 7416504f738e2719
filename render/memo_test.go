package render_test

import (
	"bytes"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// The memos (font subsets, images, paragraph plans, layouts) change no
// byte: each of several documents that share fonts and paragraphs is
// written the same from scratch, again with everything remembered, after
// the other documents, and from many goroutines at once.
func TestMemosDoNotChangeOutput(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var targets []layouts.Target
	for _, l := range ls {
		for _, tg := range layouts.Targets(l) {
			switch tg.Name() {
			case "poster-letter", "flyer-a4", "wallet-card-us-sheet-avery5371":
				targets = append(targets, tg)
			}
		}
	}
	if len(targets) != 3 {
		t.Fatalf("found %d of the 3 outputs", len(targets))
	}
	type job struct {
		tg   layouts.Target
		lang string
	}
	var jobs []job
	for _, tg := range targets {
		for _, lang := range []string{"en", "ar", "zh-Hans", "hi"} {
			jobs = append(jobs, job{tg, lang})
		}
	}
	write := func(e *text.Engine, j job) []byte {
		d, err := set.Resolve(language.MustParse(j.lang), "community", "US")
		if err != nil {
			t.Error(err)
			return nil
		}
		doc, err := layouts.Compose(e, j.tg, []*content.Doc{d})
		if err != nil {
			t.Error(err)
			return nil
		}
		var b bytes.Buffer
		if err := render.Write(&b, doc); err != nil {
			t.Error(err)
		}
		return b.Bytes()
	}
	// From scratch, one at a time.
	cold := make([][]byte, len(jobs))
	for i, j := range jobs {
		render.ForgetMemos()
		cold[i] = write(text.NewEngine(fonts.Builtin()), j)
	}
	// Everything remembered, in reverse order, with one engine.
	e := text.NewEngine(fonts.Builtin())
	for i := len(jobs) - 1; i >= 0; i-- {
		if got := write(e, jobs[i]); !bytes.Equal(got, cold[i]) {
			t.Errorf("%s %s: written after the others, the bytes differ from a fresh write", jobs[i].tg.Name(), jobs[i].lang)
		}
	}
	// Many goroutines, each with its own engine, memos shared.
	render.ForgetMemos()
	var wg sync.WaitGroup
	for round := range 3 {
		for i, j := range jobs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got := write(text.NewEngine(fonts.Builtin()), j); !bytes.Equal(got, cold[i]) {
					t.Errorf("round %d, %s %s: written concurrently, the bytes differ", round, j.tg.Name(), j.lang)
				}
			}()
		}
	}
	wg.Wait()
}
