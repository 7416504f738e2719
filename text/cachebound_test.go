package text

import (
	"fmt"
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
)

// TestCachesBoundedByBytes lays out and fits thousands of different
// paragraphs (one clinic's name each, as a batch does) and checks that the
// engine's caches never hold more than maxCacheBytes, that they are
// emptied rather than grown, and that a paragraph laid out after they were
// emptied is the same as before.
func TestCachesBoundedByBytes(t *testing.T) {
	e := NewEngine(fonts.Builtin())
	st := Style{Lang: language.English, Size: 14}
	first, err := e.Layout("North Clinic, front desk: ask for the duty nurse", st, 200)
	if err != nil {
		t.Fatal(err)
	}
	firstCopy := *first
	cleared := false
	prev := 0
	for i := range 6000 {
		s := fmt.Sprintf("Clinic %d, front desk: ask for the duty nurse; the text goes on so that it breaks into several lines in its box", i)
		if _, err := e.Layout(s, st, 200); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Fit(s, st, Box{W: 180, H: 60}, 6, 14); err != nil {
			t.Fatal(err)
		}
		if e.cacheBytes > maxCacheBytes {
			t.Fatalf("after %d paragraphs the caches hold %d bytes, over %d", i+1, e.cacheBytes, maxCacheBytes)
		}
		if e.cacheBytes < prev {
			cleared = true
		}
		prev = e.cacheBytes
	}
	if !cleared {
		t.Fatalf("the caches were never emptied (%d bytes, %d paragraphs laid out)", e.cacheBytes, len(e.laid))
	}
	again, err := e.Layout("North Clinic, front desk: ask for the duty nurse", st, 200)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*again, firstCopy) {
		t.Error("a paragraph laid out again after the caches were emptied differs")
	}
}
