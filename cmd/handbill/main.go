// Command handbill turns structured content into print-ready, multilingual
// PDF posters, flyers and wallet cards.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent and memoryLimit tune the garbage collector for a short run
// that parses megabytes of fonts up front: collect four times less often
// than Go's default, but collect hard as the heap nears memoryLimit, so a
// batch of hundreds of documents stays well under 300 MB. GOGC and
// GOMEMLIMIT in the environment still take precedence.
const (
	gcPercent   = 400
	memoryLimit = 200 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	keepGoingOnClosedOutput()
	if startedByExplorer() {
		os.Exit(runFromExplorer(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
