package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Bounds on the work package initialisation does in every handbill start,
// `handbill --help` included (issue 17), as GODEBUG=inittrace=1 reports it
// for a binary built as the releases are. At the end of session 7 the whole
// program's initialisation allocated about 118 KB in about 630
// allocations (session 6: 171 KB, 943), no package over 18 KB or 90
// allocations (html/template, which handbill cannot change); the bounds
// leave room for ordinary growth and catch what a package-level table, map
// or regular expression built at start-up costs (each of gozxing's Galois
// fields, x/text's ianaindex or yaml.v3's patterns did more than one
// package's bound; x/text's language maps, boombuler's QR tables or
// encoding/xml's entity map would break the total's).
const (
	initBytesMax      = 150 << 10
	initAllocsMax     = 800
	initPackageBytes  = 24 << 10
	initPackageAllocs = 120
)

// TestStartUpInitWork builds handbill, runs `handbill --help` with
// GODEBUG=inittrace=1 and holds the allocations of its package
// initialisation to the bounds above: work moved to first use (sync.Once,
// the patched copies in third_party/) must not come back to start-up.
func TestStartUpInitWork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds handbill")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the bounds are measured on Linux")
	}
	bin := filepath.Join(t.TempDir(), "handbill")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "--help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("handbill --help: %v\n%s", err, &stderr)
	}
	inits, err := parseInitTrace(stderr.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(inits) < 50 {
		t.Fatalf("inittrace reported %d packages: %s", len(inits), &stderr)
	}
	var bytesSum, allocsSum int
	for _, in := range inits {
		bytesSum += in.bytes
		allocsSum += in.allocs
		if in.bytes > initPackageBytes || in.allocs > initPackageAllocs {
			t.Errorf("%s allocates %d bytes in %d allocations at initialisation, more than %d bytes or %d allocations: build its tables, maps and patterns on first use (sync.OnceValue)",
				in.pkg, in.bytes, in.allocs, initPackageBytes, initPackageAllocs)
		}
	}
	t.Logf("%d packages initialised: %d bytes in %d allocations", len(inits), bytesSum, allocsSum)
	if bytesSum > initBytesMax || allocsSum > initAllocsMax {
		t.Errorf("package initialisation allocates %d bytes in %d allocations, more than %d bytes or %d allocations", bytesSum, allocsSum, initBytesMax, initAllocsMax)
	}
}

// packageInit is one line of GODEBUG=inittrace=1's report.
type packageInit struct {
	pkg           string
	bytes, allocs int
}

// parseInitTrace reads inittrace's lines:
// "init PKG @0.012 ms, 0.003 ms clock, 160 bytes, 4 allocs".
func parseInitTrace(out []byte) ([]packageInit, error) {
	var inits []packageInit
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		b, err := strconv.Atoi(f[7])
		if err != nil {
			return nil, err
		}
		a, err := strconv.Atoi(f[9])
		if err != nil {
			return nil, err
		}
		inits = append(inits, packageInit{f[1], b, a})
	}
	return inits, sc.Err()
}
