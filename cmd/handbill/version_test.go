package main

import (
	"runtime"
	"testing"
)

// TestVersionString: what a release build stamps with -ldflags is what
// `handbill version` prints; GoReleaser's placeholders for an unknown
// commit are left out.
func TestVersionString(t *testing.T) {
	defer func(v, c, d string) { version, commit, date = v, c, d }(version, commit, date)
	system := runtime.GOOS + "/" + runtime.GOARCH

	version, commit, date = "1.2.3", "55b090e8e0a1f2b3c4d5e6f708192a3b4c5d6e7f", "2026-12-06T02:10:16Z"
	if got, want := versionString(), "1.2.3 (commit 55b090e8e0a1, 2026-12-06T02:10:16Z, "+system+")"; got != want {
		t.Errorf("stamped: %q, want %q", got, want)
	}
	version, commit, date = "0.0.1-snapshot-none", "none", "0001-01-01T00:00:00Z"
	if got := versionString(); got != "0.0.1-snapshot-none ("+system+")" {
		t.Errorf("without a commit: %q", got)
	}
}
