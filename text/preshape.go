package text

import (
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/go-text/typesetting/font"

	"handbill/fonts"
)

// A Request names a paragraph to shape ahead of its layout: its text and
// style (only the language and weight matter to shaping).
type Request struct {
	Text  string
	Style Style
}

// minPreshapeBytes is the least text (in bytes of UTF-8) worth shaping on
// other goroutines: below it (a batch whose messages are already cached, a
// card's few lines) starting them costs more than it saves.
const minPreshapeBytes = 400

// Preshape starts shaping the requested paragraphs not yet in the
// engine's cache on helpers, one per processor left free, and returns: the
// layout that follows goes on meanwhile, and finds each paragraph shaped
// when it asks for it (waiting for a helper that has started on it, or
// shaping it itself if none has). Shaping is most of a document's text
// work and each paragraph's is independent of the others': a document
// composed on one goroutine would leave the other processors idle while
// it breaks lines. Each helper shapes with its own engine (its own shaper
// and segmenter), the longest paragraphs first; the results are the same
// as shaping in turn. When no processor is free (a batch's workers busy
// on every one), nothing is started and the paragraphs are shaped as the
// layout asks.
//
// Errors are not kept: the layout asking for the paragraph shapes it
// again and reports them. A request the layout never makes costs only the
// time of an otherwise idle processor.
func (e *Engine) Preshape(reqs []Request) {
	// A batch's documents find most of their paragraphs cached: asking
	// costs them a lookup each, and nothing is allocated.
	var todo []*ahead
	size := 0
	for _, r := range reqs {
		k := shapeKey{r.Text, r.Style.Lang, r.Style.Bold}
		if r.Text == "" {
			continue
		}
		if _, ok := e.shaped[k]; ok || e.ahead[k] != nil || slices.ContainsFunc(todo, func(a *ahead) bool { return a.k == k }) {
			continue
		}
		todo = append(todo, &ahead{k: k, done: make(chan struct{})})
		size += len(r.Text)
	}
	if len(todo) < 2 || size < minPreshapeBytes {
		return // the layout shapes them as it goes
	}
	helpers := takeHelpers(len(todo) - 1)
	if helpers == 0 {
		return // every processor is busy: shaping ahead would gain nothing
	}
	if e.ahead == nil {
		e.ahead = map[shapeKey]*ahead{}
	}
	for _, a := range todo {
		e.ahead[a.k] = a
	}
	e.asked += len(todo)
	// The longest first, so that no helper is left with a long paragraph
	// at the end while the layout waits.
	slices.SortStableFunc(todo, func(a, b *ahead) int { return len(b.k.text) - len(a.k.text) })
	for range helpers {
		go func() {
			sub := NewEngine(e.reg)
			for i, a := range todo {
				if !a.taken.CompareAndSwap(false, true) {
					continue
				}
				if sh, err := sub.shapeNew(a.k.text, Style{Lang: a.k.lang, Bold: a.k.bold}); err == nil {
					a.sh, a.faces = sh, facesOf(sub, sh)
				}
				// With nothing left to take, the helper is free before
				// the layout has its last paragraph: the next document's
				// Preshape finds it so.
				last := !slices.ContainsFunc(todo[i+1:], func(b *ahead) bool { return !b.taken.Load() })
				if last {
					releaseHelpers(1)
				}
				close(a.done)
				if last {
					return
				}
			}
			releaseHelpers(1)
		}()
	}
}

// ahead is a paragraph asked for ahead (see Preshape): shaped by the
// helper that takes it first, or by the engine if it asks for it before
// any helper has.
type ahead struct {
	k     shapeKey
	taken atomic.Bool
	done  chan struct{} // closed when a helper has shaped it
	sh    *shaped       // nil if shaping failed
	// faces names the registry face of each go-text face the helper
	// shaped it with, for the engine's back map.
	faces map[*font.Face]*fonts.Face
}

// facesOf returns the registry faces of the go-text faces sh was shaped
// with by sub.
func facesOf(sub *Engine, sh *shaped) map[*font.Face]*fonts.Face {
	m := map[*font.Face]*fonts.Face{}
	add := func(pc shapedPiece) {
		for _, o := range pc.outs {
			m[o.Face] = sub.back[o.Face]
		}
	}
	for _, pc := range sh.pieces {
		add(pc)
		for _, alt := range pc.looser {
			add(alt)
		}
	}
	return m
}

// shapedAhead returns the paragraph of key k if it was asked for ahead and
// a helper has taken it, waiting for the helper to finish. It returns nil
// when the paragraph was not asked for (asked is false), when no helper
// had taken it yet (none will now: the engine shapes it itself), or when
// shaping failed (the engine shapes it again, to report the error).
func (e *Engine) shapedAhead(k shapeKey) (sh *shaped, asked bool) {
	a := e.ahead[k]
	if a == nil {
		return nil, false
	}
	delete(e.ahead, k)
	e.used++
	if a.taken.CompareAndSwap(false, true) {
		return nil, true
	}
	<-a.done
	if a.sh == nil {
		return nil, true
	}
	for gf, f := range a.faces {
		e.back[gf] = f
	}
	return a.sh, true
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

// Preshaped reports how many paragraphs the engine was asked to shape
// ahead (see Preshape) in its life, how many of them a layout has asked
// for since (one asked ahead and never set wastes a processor's time),
// and how many paragraphs the engine shaped that were not asked for
// ahead.
func (e *Engine) Preshaped() (asked, used, notAhead int) { return e.asked, e.used, e.notAhead }
