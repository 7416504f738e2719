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
// on the calling goroutine and on helpers, one per processor left free,
// and keeps them in the cache, so that the layout that follows finds them
// shaped. Shaping is most of a document's text work and each paragraph's
// is independent of the others': a document composed on one goroutine
// would leave the other processors idle. Each helper shapes with its own
// engine (its own shaper and segmenter); the results are the same as
// shaping in turn. When no processor is free (a batch's workers busy on
// every one), the paragraphs are left to be shaped as the layout asks.
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
	if len(todo) < 2 || runes < minPreshapeRunes {
		return // the layout shapes them as it goes
	}
	helpers := takeHelpers(len(todo) - 1)
	if helpers == 0 {
		return // every processor is busy: shaping ahead would gain nothing
	}
	defer releaseHelpers(helpers)
	// The longest first, so that no goroutine is left with a long
	// paragraph at the end while the others wait.
	slices.SortStableFunc(todo, func(a, b shapeKey) int { return len(b.text) - len(a.text) })
	done := make([]*shaped, len(todo))
	subs := make([]*Engine, helpers)
	var next atomic.Int32
	work := func(sub *Engine) {
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
	var wg sync.WaitGroup
	for h := range subs {
		subs[h] = NewEngine(e.reg)
		wg.Go(func() { work(subs[h]) })
	}
	work(e)
	wg.Wait()
	for _, sub := range subs {
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

// helpersBusy counts the goroutines shaping ahead for an engine (see
// Preshape), in the whole process: at most one fewer than the
// processors. A batch's workers already keep every processor busy; were
// each to start as many helpers as there are processors, a machine of 64
// would have 4,096 engines shaping at once, each with its own shaper
// (the faces' shaping state, megabytes each).
var helpersBusy atomic.Int32

// takeHelpers reserves up to want helpers, as many as are free.
func takeHelpers(want int) int {
	limit := int32(runtime.GOMAXPROCS(0) - 1)
	got := 0
	for got < want {
		n := helpersBusy.Load()
		if n >= limit {
			break
		}
		if helpersBusy.CompareAndSwap(n, n+1) {
			got++
		}
	}
	return got
}

// releaseHelpers returns n helpers taken with takeHelpers.
func releaseHelpers(n int) { helpersBusy.Add(-int32(n)) }

// Preshaped reports how many paragraphs Preshape has shaped for the
// engine since its caches were last emptied, how many of them were asked
// for since (a layout asking ahead for texts it never sets wastes a
// processor's time), and how many the engine shaped itself, when asked,
// in its life (what a layout did not ask for ahead).
func (e *Engine) Preshaped() (ahead, used, self int) { return len(e.pre), e.preUsed, e.selfShaped }
