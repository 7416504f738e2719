//go:build !windows

package main

// startedByExplorer is false outside Windows: a program double-clicked in
// macOS's Finder opens in Terminal, which stays open when it exits.
func startedByExplorer() bool { return false }
