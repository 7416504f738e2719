package main

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// How long handbill may take to refuse a bad input: processor time (all
// threads), and, more loosely, time on the clock (the machine may be busy
// with other work). A run still going after a minute is stopped by the
// watchdog.
const (
	badInputCPU  = 5 * time.Second
	badInputWall = 30 * time.Second
)

// TestBadInputs runs the bad-input corpus in testdata/bad: one script per
// case, each running handbill on one broken input with `bad`, which
// checks what every case must show (see cmdBad), then the exact error.
// Big inputs (1 MB of text, 10,000 list items, an image header claiming
// 100000×100000 pixels) are made by `gen` as the script runs.
func TestBadInputs(t *testing.T) {
	fontsDir, err := filepath.Abs("../../fonts/files")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/bad",
		Setup: func(env *testscript.Env) error {
			env.Setenv("FONTS", fontsDir)
			// A handbill that runs this long is stopped with its
			// goroutines' stacks (see startWatchdog).
			env.Setenv("HANDBILL_TEST_WATCHDOG", "60s")
			env.Setenv("HANDBILL_TEST_CPU_FILE", filepath.Join(env.WorkDir, ".handbill-cpu"))
			return setupFiles(env.WorkDir)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"bad": cmdBad,
			"gen": cmdGen,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

var (
	// errAtPos is an error at FILE:LINE:COL.
	errAtPos = regexp.MustCompile(`^handbill: error: (\S+):(\d+):(\d+): \S`)
	// errAtFile is an error about a whole file named on the command line.
	errAtFile = regexp.MustCompile(`^handbill: error: (\S+): \S`)
	// errAtFlag is an error in a command-line flag.
	errAtFlag = regexp.MustCompile(`^handbill: error: (--[a-z-]+): \S`)
)

// cmdBad runs handbill with args and checks what every bad input must
// give: a non-zero exit status, within badInputLimit, no panic, exactly
// one "handbill: error:" line, at FILE:LINE:COL of a file in the work
// folder, followed by a "  hint:" line, and no PDF written.
// Standard output and error are kept for the script's stdout and stderr
// commands.
//
//	bad [-file | -flag] handbill-args...
//
// With -file, the error is about a whole file the command line names
// (it is missing, a folder, unreadable, too large, not a font): it has
// no line to point at, and the position is the file. With -flag, it is
// about a command-line flag's value, and the position is the flag.
func cmdBad(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: bad [-file | -flag] args... (no !)")
	}
	at := errAtPos
	switch {
	case len(args) > 0 && args[0] == "-file":
		at, args = errAtFile, args[1:]
	case len(args) > 0 && args[0] == "-flag":
		at, args = errAtFlag, args[1:]
	}
	cpuFile := ts.Getenv("HANDBILL_TEST_CPU_FILE")
	os.Remove(cpuFile)
	start := time.Now()
	err := ts.Exec("handbill", args...)
	took := time.Since(start)
	stderr := ts.ReadFile("stderr")
	var ee *exec.ExitError
	switch {
	case err == nil:
		ts.Fatalf("handbill %s: exit status 0, want a failure", strings.Join(args, " "))
	case !errors.As(err, &ee):
		ts.Fatalf("handbill %s: %v", strings.Join(args, " "), err)
	}
	for _, crash := range []string{"panic:", "goroutine ", "fatal error:", "test watchdog", "SIGSEGV"} {
		if strings.Contains(stderr, crash) {
			ts.Fatalf("handbill crashed or hung (%q in stderr)", crash)
		}
	}
	if took > badInputWall {
		ts.Fatalf("handbill took %s to refuse the input; want under %s", took.Round(time.Millisecond), badInputWall)
	}
	cpuText, _ := os.ReadFile(cpuFile)
	if cpu, err := time.ParseDuration(string(cpuText)); err == nil && cpu > badInputCPU {
		ts.Fatalf("handbill used %s of processor time to refuse the input; want under %s", cpu.Round(time.Millisecond), badInputCPU)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	errLine := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "handbill: error: ") {
			if errLine >= 0 {
				ts.Fatalf("more than one error line:\n%s\n%s", lines[errLine], l)
			}
			errLine = i
		}
	}
	if errLine < 0 {
		ts.Fatalf("no \"handbill: error:\" line in stderr")
	}
	m := at.FindStringSubmatch(lines[errLine])
	if m == nil {
		ts.Fatalf("the error has no position (want %s):\n%s", at, lines[errLine])
	}
	switch at {
	case errAtPos:
		if _, err := os.Stat(ts.MkAbs(m[1])); err != nil {
			ts.Fatalf("the error's file %s is not one of the case's files", m[1])
		}
		if n, _ := strconv.Atoi(m[2]); n < 1 {
			ts.Fatalf("line %s: lines count from 1", m[2])
		}
		if n, _ := strconv.Atoi(m[3]); n < 1 {
			ts.Fatalf("column %s: columns count from 1", m[3])
		}
	case errAtFile:
		named := false
		for _, a := range args {
			named = named || a == m[1]
		}
		if !named {
			ts.Fatalf("the error names %s, which the command line does not", m[1])
		}
	}
	if errLine+1 >= len(lines) || !strings.HasPrefix(lines[errLine+1], "  hint: ") ||
		strings.TrimSpace(strings.TrimPrefix(lines[errLine+1], "  hint: ")) == "" {
		ts.Fatalf("the error is not followed by a \"  hint:\" line")
	}
	filepath.WalkDir(ts.MkAbs("."), func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".pdf") {
			ts.Fatalf("a PDF was written for the failing document: %s", path)
		}
		return nil
	})
}

// cmdGen makes an input too big, or too binary, to check in:
//
//	gen text FILE N       a content file whose English headline is N characters
//	gen items FILE N      a content file whose English signs list has N items
//	gen bytes FILE TEXT   the bytes of TEXT read as a Go string literal ("\x01")
//	gen png FILE W H      a PNG whose header claims W×H pixels (and no more data)
//	gen head SRC DST N    the first N bytes of SRC
//	gen size FILE N       a YAML file of N bytes of comments
//	gen nest FILE N       a content file with lists nested N deep
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: gen text|items|bytes|png|head|size|nest FILE ...")
	}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		ts.Check(err)
		return n
	}
	need := func(n int) {
		if len(args) != n {
			ts.Fatalf("gen %s: want %d arguments", args[0], n-1)
		}
	}
	var data []byte
	file := args[1]
	switch args[0] {
	case "text":
		need(3)
		n := num(args[2])
		body := strings.Repeat("word ", n/5+1)[:n]
		data = []byte("messages:\n  en:\n    headline: " + body + "\n")
	case "items":
		need(3)
		var b strings.Builder
		b.WriteString("messages:\n  en:\n    signs:\n")
		for i := range num(args[2]) {
			fmt.Fprintf(&b, "      - Sign number %d\n", i+1)
		}
		data = []byte(b.String())
	case "bytes":
		need(3)
		s, err := strconv.Unquote(`"` + strings.ReplaceAll(args[2], `"`, `\"`) + `"`)
		ts.Check(err)
		data = []byte(s)
	case "png":
		need(4)
		data = pngHeader(uint32(num(args[2])), uint32(num(args[3])))
	case "head":
		need(4)
		src, err := os.ReadFile(ts.MkAbs(args[1]))
		ts.Check(err)
		file, data = args[2], src[:min(len(src), num(args[3]))]
	case "size":
		need(3)
		line := "# " + strings.Repeat("x", 77) + "\n"
		n := num(args[2])
		data = bytes.Repeat([]byte(line), n/len(line)+1)[:n]
	case "nest":
		need(3)
		n := num(args[2])
		data = []byte("messages: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n")
	default:
		ts.Fatalf("gen: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(file), data, 0o644))
}

// pngHeader is a PNG claiming w×h RGBA pixels: a valid signature and
// header chunk, an IDAT holding nothing, and IEND.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		be := func(v uint32) []byte { return []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)} }
		b.Write(be(uint32(len(data))))
		b.WriteString(kind)
		b.Write(data)
		b.Write(be(crc32.ChecksumIEEE(append([]byte(kind), data...))))
	}
	chunk("IHDR", []byte{byte(w >> 24), byte(w >> 16), byte(w >> 8), byte(w), byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h), 8, 6, 0, 0, 0})
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// recordCPU writes the processor time the process used to the file
// HANDBILL_TEST_CPU_FILE names, if it names one.
func recordCPU() {
	if f := os.Getenv("HANDBILL_TEST_CPU_FILE"); f != "" {
		if d, ok := cpuTime(); ok {
			os.WriteFile(f, []byte(d.String()), 0o644)
		}
	}
}

// startWatchdog, when HANDBILL_TEST_WATCHDOG holds a duration, stops a
// handbill run by a test after that long, printing every goroutine's
// stack: a hang fails its case at once instead of the whole test run.
func startWatchdog() {
	d, err := time.ParseDuration(os.Getenv("HANDBILL_TEST_WATCHDOG"))
	if err != nil || d <= 0 {
		return
	}
	time.AfterFunc(d, func() {
		fmt.Fprintf(os.Stderr, "handbill: test watchdog: still running after %s\n", d)
		buf := make([]byte, 1<<20)
		os.Stderr.Write(buf[:runtime.Stack(buf, true)])
		os.Exit(3)
	})
}
