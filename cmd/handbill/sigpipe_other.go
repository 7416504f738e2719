//go:build !unix

package main

// keepGoingOnClosedOutput: only Unix kills a program that writes to a
// closed pipe.
func keepGoingOnClosedOutput() {}
