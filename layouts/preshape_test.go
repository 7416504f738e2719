package layouts_test

import (
	"maps"
	"runtime"
	"slices"
	"testing"
	"time"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/text"
)

// TestPreshapeAsksWhatBlocksSet composes every built-in layout with a new
// engine in scripts of every kind, and checks that the paragraphs shaped
// ahead on other processors (text.Engine.Preshape) are the ones the blocks
// then set: none shaped for nothing, and most of the document's shaping
// done ahead, not after.
func TestPreshapeAsksWhatBlocksSet(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0))))
	set, ls, _ := builtins(t)
	langs := []string{"en", "ar", "zh-Hans", "hi", "th"}
	if testing.Short() {
		langs = langs[:2]
	}
	for _, name := range slices.Sorted(maps.Keys(ls)) {
		l := ls[name]
		for _, lg := range langs {
			for _, region := range []string{"US", "US-FL"} {
				d, err := set.Resolve(mustTag(lg), "community", region)
				if err != nil {
					t.Fatal(err)
				}
				docs := []*content.Doc{d}
				tg := layouts.Targets(l)[0]
				if tg.Multilingual() {
					docs = docs[:0]
					for _, x := range []string{"en", "es", lg} {
						d, err := set.Resolve(mustTag(x), "community", region)
						if err != nil {
							t.Fatal(err)
						}
						docs = append(docs, d)
					}
					if lg == "en" {
						docs = docs[:2]
					}
				}
				// The helpers are the process's: another test's, or the
				// last document's not yet back, may hold them all, and
				// then nothing is asked ahead.
				// A sticker's or card's few lines are too little to share
				// out; every product with paragraphs shares them.
				var wantAhead bool
				switch l.Product {
				case "poster", "flyer", "handout", "notice", "multilang":
					wantAhead = true
				}
				var e *text.Engine
				for try := 0; try == 0 || wantAhead && try < 200 && asked(e) == 0; try++ {
					if try > 0 {
						time.Sleep(5 * time.Millisecond)
					}
					e = text.NewEngine(fonts.Builtin())
					if _, err := layouts.Compose(e, tg, docs); err != nil {
						t.Fatalf("%s %s %s: %v", tg.Name(), lg, region, err)
					}
				}
				ahead, used, self := e.Preshaped()
				if used != ahead {
					t.Errorf("%s %s %s: %d paragraphs asked for ahead, %d of them set", tg.Name(), lg, region, ahead, used)
				}
				if wantAhead && (ahead == 0 || self > ahead/5) {
					t.Errorf("%s %s %s: %d paragraphs asked for ahead, %d not; want most ahead", tg.Name(), lg, region, ahead, self)
				}
			}
		}
	}
}

func asked(e *text.Engine) int {
	n, _, _ := e.Preshaped()
	return n
}
