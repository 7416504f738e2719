package main

import "github.com/inconshreveable/mousetrap"

// startedByExplorer reports whether handbill was started from Windows
// Explorer (double-clicked, or a file dropped on it) rather than from a
// terminal: its parent process is explorer.exe.
func startedByExplorer() bool { return mousetrap.StartedByExplorer() }
