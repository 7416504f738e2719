package main

import (
	"bytes"
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

// TestVersionOnlyWhereAsked: root reads the build information only for a
// command line that may ask for the version, and every way of asking
// prints it; the stand-in is printed by none.
func TestVersionOnlyWhereAsked(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "1.2.3"
	want := "handbill version " + versionString() + "\n"
	for _, args := range [][]string{{"--version"}, {"-v"}, {"--version=true"}, {"--font", "x.ttf", "--version"}, {"version"}} {
		var out, errOut bytes.Buffer
		if code := execute(newRootCmd(&out, &errOut, args), args, &errOut); code != 0 || out.String() != want {
			t.Errorf("handbill %q: exit %d, printed %q (stderr %q), want %q", args, code, out.String(), errOut.String(), want)
		}
	}
	for _, args := range [][]string{{"--help"}, {}, {"build", "--help"}, {"help"}} {
		if got := rootVersion(args); got != versionStandIn {
			t.Errorf("rootVersion(%q) = %q, want the stand-in", args, got)
		}
		var out, errOut bytes.Buffer
		execute(newRootCmd(&out, &errOut, args), args, &errOut)
		if bytes.Contains(out.Bytes(), []byte(versionStandIn)) || bytes.Contains(errOut.Bytes(), []byte(versionStandIn)) {
			t.Errorf("handbill %q printed the version stand-in: %s%s", args, &out, &errOut)
		}
	}
	if got := rootVersion([]string{"-hv"}); got != versionString() {
		t.Errorf("rootVersion(-hv) = %q, want the version", got)
	}
}
