package text

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// A Request names a paragraph to shape ahead of its layout: its text and
// style (only the language and weight matter to shaping).
type Request struct {
	Text  string
	Style Style
}

// minPreshapeRunes is the least text worth shaping on other goroutines: below
// it (a batch whose messages are already cached, a card's few lines)
// starting them costs more than it saves.
const minPreshapeRunes = 400

// Preshape shapes the requested paragraphs not yet in the engine's cache,
// on as many goroutines as there are processors, and keeps them in the
// cache, so that the layout that follows finds them shaped. Shaping is
// most of a document's text work and each paragraph's is independent of
// the others': a document composed on one goroutine would leave the other
// processors idle. Each goroutine shapes with its own engine (its own
// shaper and segmenter); the results are the same as shaping in turn.
//
// Errors are not kept: the layout asking for the paragraph shapes it
// again and reports them. A request the layout never makes costs only the
// time of an otherwise idle processor.
func (e *Engine) Preshape(reqs []Request) {
	// A batch's documents find most of their paragraphs cached: asking
	// costs them a lookup each, and nothing is allocated.
	var todo []shapeKey
	runes := 0
	for _, r := range reqs {
		k := shapeKey{r.Text, r.Style.Lang, r.Style.Bold}
		if r.Text == "" {
			continue
		}
		if _, ok := e.shaped[k]; ok || slices.Contains(todo, k) {
			continue
		}
		todo = append(todo, k)
		runes += len(r.Text)
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	if workers < 2 || runes < minPreshapeRunes {
		return // the layout shapes them as it goes
	}
	// The longest first, so that no goroutine is left with a long
	// paragraph at the end while the others wait.
	slices.SortStableFunc(todo, func(a, b shapeKey) int { return len(b.text) - len(a.text) })
	done := make([]*shaped, len(todo))
	engines := make([]*Engine, workers)
	var next atomic.Int32
	var wg sync.WaitGroup
	work := func(w int) {
		sub := NewEngine(e.reg)
		engines[w] = sub
		for {
			i := int(next.Add(1)) - 1
			if i >= len(todo) {
				return
			}
			k := todo[i]
			if sh, err := sub.shapeNew(k.text, Style{Lang: k.lang, Bold: k.bold}); err == nil {
				done[i] = sh
			}
		}
	}
	for w := 1; w < workers; w++ {
		wg.Go(func() { work(w) })
	}
	work(0)
	wg.Wait()
	for _, sub := range engines {
		for gf, f := range sub.back {
			e.back[gf] = f
		}
	}
	for i, sh := range done {
		if sh != nil {
			remember(e, e.shaped, todo[i], sh)
			if e.pre == nil {
				e.pre = map[shapeKey]bool{}
			}
			e.pre[todo[i]] = false
		}
	}
}

// Preshaped reports how many paragraphs Preshape has shaped for the
// engine since its caches were last emptied, how many of them were asked
// for since (a layout asking ahead for texts it never sets wastes a
// processor's time), and how many the engine shaped itself, when asked,
// in its life (what a layout did not ask for ahead).
func (e *Engine) Preshaped() (ahead, used, self int) { return len(e.pre), e.preUsed, e.selfShaped }
