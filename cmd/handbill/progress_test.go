package main

import (
	"testing"
	"time"

	"handbill/build"
)

// TestProgressLine checks the progress line's count, rate and time left,
// and that an estimated total is marked as one.
func TestProgressLine(t *testing.T) {
	for _, c := range []struct {
		pr      build.Progress
		elapsed time.Duration
		want    string
	}{
		{build.Progress{Done: 10, Total: 40}, 2 * time.Second,
			"[#######.......................] 10/40 · 5 PDFs/s · 6s left"},
		{build.Progress{Done: 300, Total: 3000, Estimated: true}, 10 * time.Second,
			"[###...........................] 300/~3000 · 30 PDFs/s · ~1m30s left"},
		{build.Progress{Done: 0, Total: 5}, 0,
			"[..............................] 0/5"},
	} {
		if got := progressLine(c.pr, c.elapsed); got != c.want {
			t.Errorf("progressLine(%+v, %v) =\n %q\nwant\n %q", c.pr, c.elapsed, got, c.want)
		}
	}
}
