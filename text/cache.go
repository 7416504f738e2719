package text

import (
	"unsafe"

	"github.com/go-text/typesetting/shaping"
)

// maxCacheBytes bounds the memory an engine's caches of shaped, laid-out
// and fitted paragraphs hold (estimated from their lines, clusters and
// glyphs): past it, every cache starts again. A batch worker sets the
// same messages on thousands of posters with a different clinic's name on
// each, so a bound by count let the caches of two workers grow to 150 MB
// of paragraphs that were never asked for again; by bytes, a worker holds
// at most this much whatever the texts.
const maxCacheBytes = 16 << 20

// remember stores v in one of e's caches, first emptying all of them when
// what they hold would pass maxCacheBytes.
func remember[K comparable, V any](e *Engine, cache map[K]V, k K, v V) {
	n := cacheSize(any(v)) + int(unsafe.Sizeof(k)) + 16
	if e.cacheBytes+n > maxCacheBytes {
		clear(e.shaped)
		clear(e.laid)
		clear(e.fitted)
		clear(e.measures)
		e.cacheBytes = 0
	}
	e.cacheBytes += n
	cache[k] = v
}

// cacheSize estimates the bytes a cached value holds: its text, runes,
// lines, runs, clusters and glyphs.
func cacheSize(v any) int {
	switch v := v.(type) {
	case *Paragraph:
		return paragraphSize(v)
	case *shaped:
		return shapedSize(v)
	case measured:
		return int(unsafe.Sizeof(v)) + len(v.lines)*int(unsafe.Sizeof(lineMetrics{}))
	}
	return 64
}

func paragraphSize(p *Paragraph) int {
	n := int(unsafe.Sizeof(*p)) + 2*len(p.Text) + int(unsafe.Sizeof(lineTextsMemo{})) + 16*len(p.Lines) // the text, and its lines' (LineTexts)
	for _, l := range p.Lines {
		n += int(unsafe.Sizeof(l))
		for _, r := range l.Runs {
			n += int(unsafe.Sizeof(r))
			for _, c := range r.Clusters {
				n += int(unsafe.Sizeof(c)) + len(c.Text) + len(c.Glyphs)*int(unsafe.Sizeof(Glyph{}))
			}
		}
	}
	return n
}

func shapedSize(s *shaped) int {
	n := int(unsafe.Sizeof(*s)) + len(s.text) + 4*len(s.orig) + 4*len(s.at)
	for _, pc := range s.pieces {
		n += pieceSize(pc)
	}
	return n
}

func pieceSize(pc shapedPiece) int {
	n := int(unsafe.Sizeof(pc)) + 4*len(pc.prep.runes) + 8*len(pc.prep.origin) + 16*len(pc.prep.keep)
	for _, o := range pc.outs {
		n += int(unsafe.Sizeof(o)) + len(o.Glyphs)*int(unsafe.Sizeof(shaping.Glyph{}))
	}
	for _, alt := range pc.looser {
		n += pieceSize(alt)
	}
	return n
}
