//go:build unix

package main

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeCtrlC runs handbill serve as a program: it prints its address,
// answers there, and on SIGINT (Ctrl-C) stops with status 0, leaving no
// temporary folder behind.
func TestServeCtrlC(t *testing.T) {
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "serve")
	cmd.Env = append(os.Environ(), "HANDBILL_TEST_AS_MAIN=1", "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		t.Fatalf("serve printed nothing: %s", stderr.String())
	}
	m := regexp.MustCompile(`^handbill serve: open (http://127\.0\.0\.1:\d+/) in your web browser`).FindStringSubmatch(lines.Text())
	if m == nil {
		t.Fatalf("serve printed %q", lines.Text())
	}
	res, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", m[1], res.Status)
	}
	dirs, _ := filepath.Glob(filepath.Join(tmp, "handbill-serve-*", "session-*"))
	if len(dirs) != 1 {
		t.Fatalf("session folders: %v", dirs)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v: %s", err, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
	if !strings.Contains(rest.String(), "stopped") {
		t.Errorf("serve said %q after SIGINT", rest.String())
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "handbill-serve-*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
