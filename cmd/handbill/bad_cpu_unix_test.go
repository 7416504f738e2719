//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, in user and
// system mode, counting every thread.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
