//go:build !unix

package main

import "time"

// cpuTime is not measured here: only the wall-clock limit applies.
func cpuTime() (time.Duration, bool) { return 0, false }
