//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"handbill/build"
)

// TestInterruptStopsEveryModeTheSameWay sends SIGINT to handbill once it
// has written its first document, in a plain build and in a batch build:
// either way the documents under way finish, no partial or temporary
// file is left, every manifest lists what was built (with its checksum)
// and what was not, and the exit status is 1.
func TestInterruptStopsEveryModeTheSameWay(t *testing.T) {
	for _, mode := range []struct {
		name string
		args []string
		outs []string // folders holding a manifest
	}{
		{"build", []string{"build", "--lang", "all", "--jobs", "1", "--out", "out"}, []string{"out"}},
		{"batch", []string{"build", "--batch", "programme.yaml", "--jobs", "1", "--out", "out"}, []string{"out/one", "out/two", "out/three"}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			prog := "defaults:\n  langs: [en, es, vi, ar, zh-Hans, hi]\njobs:\n  - name: one\n  - name: two\n  - name: three\n"
			if err := os.WriteFile(filepath.Join(dir, "programme.yaml"), []byte(prog), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], mode.args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "HANDBILL_TEST_AS_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := bufio.NewScanner(stdout)
			signalled := false
			for lines.Scan() {
				if !signalled && strings.HasPrefix(lines.Text(), "wrote ") {
					if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
						t.Fatal(err)
					}
					signalled = true
				}
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(2 * time.Minute):
				cmd.Process.Kill()
				t.Fatal("handbill did not stop after SIGINT")
			}
			if !signalled {
				t.Fatalf("no document was written: %s", stderr.String())
			}
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("exit: %v, want status 1\n%s", err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "handbill: interrupted: ") {
				t.Errorf("stderr does not say it was interrupted:\n%s", stderr.String())
			}
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && strings.Contains(filepath.Base(p), ".tmp") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
			built, missing := 0, 0
			for _, out := range mode.outs {
				data, err := os.ReadFile(filepath.Join(dir, out, "manifest.json"))
				if err != nil {
					t.Errorf("no manifest in %s: %v", out, err)
					continue
				}
				var m build.Manifest
				if err := json.Unmarshal(data, &m); err != nil {
					t.Fatal(err)
				}
				for _, r := range m.Files {
					_, statErr := os.Stat(filepath.Join(dir, out, r.File))
					switch {
					case r.Written():
						built++
						if statErr != nil {
							t.Errorf("%s listed as built, not on disk", r.File)
						}
					case r.Failed() && r.Errors[0].Rule == build.RuleInterrupted:
						missing++
						if statErr == nil {
							t.Errorf("%s listed as not built, but on disk", r.File)
						}
					default:
						t.Errorf("%s neither built nor interrupted: %+v", r.File, r)
					}
				}
			}
			if built == 0 || missing == 0 {
				t.Errorf("built %d, not built %d: want some of each", built, missing)
			}
		})
	}
}

// TestClosedOutputFinishesTheBuild: `handbill build | head -1` closes
// handbill's output after one line; the build still writes every document
// and its manifest, so the next build replaces them without a complaint.
func TestClosedOutputFinishesTheBuild(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "build", "--jobs", "1", "--out", "out")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HANDBILL_TEST_AS_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	stdout.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("a build whose output was closed: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m build.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	written := 0
	for _, r := range m.Files {
		if r.Written() {
			written++
		}
	}
	if written < 40 {
		t.Errorf("the manifest records %d written files", written)
	}
	again := exec.Command(os.Args[0], "build", "--out", "out")
	again.Dir = dir
	again.Env = append(os.Environ(), "HANDBILL_TEST_AS_MAIN=1")
	if out, err := again.CombinedOutput(); err != nil {
		t.Errorf("the next build: %v\n%s", err, out)
	}
}
