package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkFreshProcess starts handbill as a new process each iteration,
// built as the releases are (go build with CGO_ENABLED=0, a static
// binary: see bench/compare.sh): an empty Go program (the floor),
// `handbill --help`, and the English A4 poster built into a folder. Issue 17's targets are ratios of these: --help under 3× the
// empty program. One iteration is one process; compare runs made
// together, as the machine's load moves all of them.
func BenchmarkFreshProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "handbill")
	build := func(args ...string) *exec.Cmd {
		cmd := exec.Command("go", append([]string{"build"}, args...)...)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		return cmd
	}
	if out, err := build("-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(filepath.Join(dir, "empty.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if out, err := build("-o", empty, filepath.Join(dir, "empty.go")).CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, c := range []struct {
		name string
		cmd  []string
	}{
		{"empty-go", []string{empty}},
		{"help", []string{bin, "--help"}},
		{"poster-a4-en", []string{bin, "build", "--layout", "poster-a4", "--lang", "en", "--out", filepath.Join(dir, "out")}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(c.cmd[0], c.cmd[1:]...).CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", c.cmd, err, out)
				}
			}
		})
	}
}
