//go:build unix

package main

import (
	"os/signal"
	"syscall"
)

// keepGoingOnClosedOutput keeps handbill running when what reads its
// output goes away (`handbill build | head`): without it, the first line
// written to the closed pipe kills the process between two documents, and
// the files written so far have no manifest to record them. With it, the
// write fails quietly and the build finishes and writes its manifest.
func keepGoingOnClosedOutput() { signal.Ignore(syscall.SIGPIPE) }
