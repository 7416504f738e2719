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

// versionStandIn is root's Version where the command line cannot ask for
// it: cobra gives root its --version flag only when Version is set, and
// prints Version only for that flag.
const versionStandIn = "(not asked)"

// rootVersion is root's Version for the command line args: versionString()
// where args may hold the --version flag or the -v shorthand (alone or
// among others, "-hv"), versionStandIn elsewhere: reading the build
// information is 28,000 instructions, about 1 % of a start, and --help
// has no use for it. With args nil (every command built) it is the
// version.
func rootVersion(args []string) string {
	if args == nil {
		return versionString()
	}
	for _, a := range args {
		if strings.HasPrefix(a, "--version") || (len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.ContainsRune(a, 'v')) {
			return versionString()
		}
	}
	return versionStandIn
}
