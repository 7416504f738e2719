package text

import (
	"runtime"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"

	"handbill/fonts"
)

// A shaper is what shaping needs of each face beyond its parsed font:
// go-text's face (its glyph-extents cache, up to 1.3 MB for a CJK face,
// and its cmap caches) and HarfBuzz's font for it (its lookup
// accelerators) and shape plans, all held by a HarfbuzzShaper. They
// depend only on the font file, not on any document, so they are kept for
// the process, as Typst keeps its parsed faces across a memo eviction: a
// new engine (a cold document, a batch worker) borrows a shaper instead
// of building them again (2 M instructions and 2 MB of allocation for the
// six-script poster).
//
// go-text faces are not safe for concurrent use, so a shaper is lent to
// one engine at a time, for one shaping call (see Engine.hold): engines on
// other goroutines borrow other shapers. Outside a call an engine keeps
// only what does not touch a face's caches: the faces as keys (back), and
// their parsed fonts, which are safe for concurrent use.
type shaper struct {
	hb    shaping.HarfbuzzShaper
	faces map[*fonts.Face]*font.Face
}

// maxShaperFaces bounds the faces a shaper holds: past it (a process that
// made many registries, each with its own faces), it is dropped and a new
// one made, so faces of registries no longer used are not kept forever.
const maxShaperFaces = 64

// shapers is the free list of shapers not lent to an engine.
var shapers struct {
	sync.Mutex
	free []*shaper
}

// borrowShaper returns a shaper no other engine holds, the one returned
// last if any (on one goroutine, the same shaper every time).
func borrowShaper() *shaper {
	shapers.Lock()
	defer shapers.Unlock()
	if n := len(shapers.free); n > 0 {
		s := shapers.free[n-1]
		shapers.free = shapers.free[:n-1]
		return s
	}
	return &shaper{faces: map[*fonts.Face]*font.Face{}}
}

// returnShaper puts s back on the free list, which holds at most two per
// processor (as many as engines shape at once in a build); more are left
// to the garbage collector.
func returnShaper(s *shaper) {
	if len(s.faces) > maxShaperFaces {
		return
	}
	shapers.Lock()
	if len(shapers.free) < 2*runtime.GOMAXPROCS(0) {
		shapers.free = append(shapers.free, s)
	}
	shapers.Unlock()
}

// ForgetShapers drops every shaper not lent to an engine, so that the next
// engine builds its faces' shaping state again: for benchmarks and tests
// that measure that cost.
func ForgetShapers() {
	shapers.Lock()
	shapers.free = nil
	shapers.Unlock()
}

// hold borrows a shaper for the engine until the matching release; holds
// nest (the shaping of a paragraph measures its script's scale).
func (e *Engine) hold() {
	if e.holds == 0 {
		e.sh = borrowShaper()
		if e.sh != e.lastSh || len(e.sh.faces) != e.lastFaces {
			// Faces the shaper made for another engine are found again
			// by their outputs' faces (back). A shaper's faces are never
			// removed: when it holds as many as it did, they are known.
			for f, gf := range e.sh.faces {
				e.back[gf] = f
			}
			e.lastSh = e.sh
		}
	}
	e.holds++
}

// release ends a hold, returning the shaper when it is the outermost.
func (e *Engine) release() {
	e.holds--
	if e.holds == 0 {
		e.lastFaces = len(e.sh.faces)
		returnShaper(e.sh)
		e.sh = nil
	}
}

// goFace returns the go-text face for f of the shaper the engine holds.
// Asked outside a hold (a test measuring a face), the engine borrows a
// shaper and keeps it.
func (e *Engine) goFace(f *fonts.Face) *font.Face {
	if e.sh == nil {
		e.hold()
	}
	if gf, ok := e.sh.faces[f]; ok {
		return gf
	}
	gf := font.NewFace(f.Font())
	e.sh.faces[f] = gf
	e.back[gf] = f
	return gf
}
