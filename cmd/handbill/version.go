package main

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// The release, commit and build date, set by release builds:
//
//	-ldflags "-X main.version=1.2.3 -X main.commit=<sha> -X main.date=<RFC 3339>"
//
// (.goreleaser.yaml does). A binary built otherwise takes what the Go
// toolchain recorded: the module version and the VCS revision and time.
var (
	version = ""
	commit  = ""
	date    = ""
)

// versionString is what --version and `handbill version` print after
// "handbill version ": the release or module version, then the commit the
// binary was built from (with "+modified" when the toolchain recorded a
// work tree with changes), its date and the system it was built for:
// "1.2.3 (commit 55b090e8e0a1, 2026-12-06T02:10:16Z, windows/amd64)".
func versionString() string {
	v, rev, when, modified := version, commit, date, ""
	// GoReleaser stamps "none" and the zero time when it finds no commit.
	if rev == "none" {
		rev = ""
	}
	if strings.HasPrefix(when, "0001-01-01") {
		when = ""
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = info.Main.Version
		}
		fromVCS := rev == ""
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if fromVCS {
					rev = s.Value
				}
			case "vcs.modified":
				if fromVCS && s.Value == "true" {
					modified = "+modified"
				}
			case "vcs.time":
				if when == "" {
					when = s.Value
				}
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	var extra []string
	if rev != "" {
		extra = append(extra, "commit "+rev[:min(12, len(rev))]+modified)
	}
	if when != "" {
		extra = append(extra, when)
	}
	extra = append(extra, runtime.GOOS+"/"+runtime.GOARCH)
	return v + " (" + strings.Join(extra, ", ") + ")"
}
