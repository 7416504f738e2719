package main

import (
	"runtime/debug"
	"strings"
)

// version is set by release builds (-ldflags "-X main.version=v1.2.3");
// otherwise it comes from the module's build information.
var version = ""

// versionString is what --version prints after "handbill version ": the
// release or module version, and the VCS revision the binary was built
// from (with "+modified" when the work tree had changes).
func versionString() string {
	v := version
	info, ok := debug.ReadBuildInfo()
	if v == "" && ok {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	var rev, modified, when string
	if ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = "+modified"
				}
			case "vcs.time":
				when = s.Value
			}
		}
	}
	var extra []string
	if rev != "" {
		extra = append(extra, "commit "+rev[:min(12, len(rev))]+modified)
	}
	if when != "" {
		extra = append(extra, when)
	}
	if len(extra) > 0 {
		v += " (" + strings.Join(extra, ", ") + ")"
	}
	return v
}
