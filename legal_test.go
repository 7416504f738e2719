package handbill

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "copy the licence files of go.mod's modules from the module cache into third_party/licenses")

// requirement is a module go.mod requires.
type requirement struct{ path, version string }

// goModRequirements returns every module go.mod requires, direct and
// indirect (the `require` lines and blocks), as `go list -m all` names
// them for this module's build (go.mod lists every module the build
// uses since Go 1.17).
func goModRequirements(t *testing.T) []requirement {
	t.Helper()
	data, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	var reqs []requirement
	inBlock := false
	for line := range strings.Lines(string(data)) {
		line, _, _ = strings.Cut(line, "//")
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case inBlock && f[0] == ")":
			inBlock = false
		case inBlock && len(f) == 2:
			reqs = append(reqs, requirement{f[0], f[1]})
		case f[0] == "require" && len(f) == 2 && f[1] == "(":
			inBlock = true
		case f[0] == "require" && len(f) == 3:
			reqs = append(reqs, requirement{f[1], f[2]})
		}
	}
	if len(reqs) == 0 {
		t.Fatal("go.mod: no requirements found")
	}
	return reqs
}

// noticeModule is a row of NOTICE's table of Go modules.
type noticeModule struct {
	path, version, in, licence string
}

var moduleRow = regexp.MustCompile(`^([a-z0-9.-]+\.[a-z]+/\S+)\s+(v\S+)\s+(binary|windows|tests)\s+(\S.*)$`)

// noticeModules reads the table of Go modules in NOTICE.
func noticeModules(t *testing.T) map[string]noticeModule {
	t.Helper()
	mods := map[string]noticeModule{}
	for line := range strings.Lines(Notice) {
		m := moduleRow.FindStringSubmatch(strings.TrimRight(line, "\n"))
		if m == nil {
			continue
		}
		if _, dup := mods[m[1]]; dup {
			t.Errorf("NOTICE lists %s twice", m[1])
		}
		mods[m[1]] = noticeModule{m[1], m[2], m[3], m[4]}
	}
	if len(mods) == 0 {
		t.Fatal("NOTICE: no module rows found")
	}
	return mods
}

// licenceFiles returns the files under third_party/licenses/MODULE/.
func licenceFiles(t *testing.T, module string) []string {
	t.Helper()
	var files []string
	root := path.Join("third_party/licenses", module)
	err := fs.WalkDir(ThirdParty, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// TestNoticeListsEveryModule: every module go.mod requires is in NOTICE at
// the same version, with its licence text embedded; NOTICE and
// third_party/licenses list nothing go.mod does not require. A dependency
// added or upgraded without its licence fails here.
func TestNoticeListsEveryModule(t *testing.T) {
	if *update {
		copyLicences(t)
	}
	reqs := goModRequirements(t)
	listed := noticeModules(t)
	required := map[string]bool{"go": true}
	for _, r := range reqs {
		required[r.path] = true
		n, ok := listed[r.path]
		switch {
		case !ok:
			t.Errorf("go.mod requires %s %s, which NOTICE does not list: add a row (module, version, in, licence) to NOTICE's table of Go modules and its licence to third_party/licenses/%[1]s/ (go test . -run TestNoticeListsEveryModule -update copies it from the module cache)", r.path, r.version)
			continue
		case n.version != r.version:
			t.Errorf("NOTICE lists %s %s, go.mod requires %s: check its licence has not changed and update the row and third_party/licenses/%[1]s/", r.path, n.version, r.version)
		}
		files := licenceFiles(t, r.path)
		hasLicence := slices.ContainsFunc(files, func(f string) bool {
			return strings.HasPrefix(strings.ToUpper(path.Base(f)), "LICEN") || strings.HasPrefix(strings.ToUpper(path.Base(f)), "COPYING")
		})
		if !hasLicence {
			t.Errorf("%s: no licence text in third_party/licenses/%s/", r.path, r.path)
		}
		for _, f := range files {
			if b, _ := fs.ReadFile(ThirdParty, f); len(bytes.TrimSpace(b)) == 0 {
				t.Errorf("%s is empty", f)
			}
		}
	}
	for p := range listed {
		if !required[p] {
			t.Errorf("NOTICE lists %s, which go.mod does not require: remove its row and third_party/licenses/%s/", p, p)
		}
	}
	// Every folder of licence texts belongs to a required module.
	err := fs.WalkDir(ThirdParty, "third_party/licenses", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "third_party/licenses/")
		for m := range required {
			if strings.HasPrefix(rel, m+"/") {
				return nil
			}
		}
		t.Errorf("%s belongs to no module go.mod requires", p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(License, "Apache License\n                           Version 2.0, January 2004") {
		t.Error("LICENSE is not the Apache License 2.0")
	}
}

// goTool runs the go command, or skips the test when there is none.
func goTool(t *testing.T, env []string, args ...string) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	cmd := exec.Command(goCmd, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// TestNoticeSaysWhereModulesGo: NOTICE's "in" column is right: the
// modules compiled into the program for Windows, macOS and Linux are
// those marked binary (and windows, for Windows), and no module marked
// tests is in any of them.
func TestNoticeSaysWhereModulesGo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list three times")
	}
	listed := noticeModules(t)
	for _, goos := range []string{"windows", "darwin", "linux"} {
		out := goTool(t, []string{"GOOS=" + goos, "GOARCH=amd64", "CGO_ENABLED=0"},
			"list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", "./cmd/handbill")
		in := map[string]bool{}
		for _, m := range strings.Fields(out) {
			if m == "handbill" {
				continue
			}
			in[m] = true
			n, ok := listed[m]
			switch {
			case !ok:
				t.Errorf("%s: %s is in the program but not in NOTICE", goos, m)
			case n.in == "tests", n.in == "windows" && goos != "windows":
				t.Errorf("%s: %s is in the program, but NOTICE says %q", goos, m, n.in)
			}
		}
		for _, n := range listed {
			if (n.in == "binary" || n.in == "windows" && goos == "windows") && !in[n.path] {
				t.Errorf("%s: NOTICE says %s is in the program (%q), but it is not", goos, n.path, n.in)
			}
		}
	}
}

// licenceName matches the files copied from a module: its licence,
// notice and patent grant, at any depth.
var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)(\.[a-z]+)?$`)

// moduleLicences returns the licence files of the module in dir,
// relative to it, skipping testdata and vendor folders.
func moduleLicences(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "vendor") {
			return filepath.SkipDir
		}
		if !d.IsDir() && licenceName.MatchString(d.Name()) {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// moduleDirs returns the module cache folder of every module go.mod
// requires that is downloaded, and Go's own for "go".
func moduleDirs(t *testing.T) map[string]string {
	t.Helper()
	dirs := map[string]string{}
	out := goTool(t, nil, "list", "-m", "-f", "{{if not .Main}}{{.Path}} {{.Dir}}{{end}}", "all")
	for line := range strings.Lines(out) {
		if f := strings.Fields(line); len(f) == 2 {
			dirs[f[0]] = f[1]
		}
	}
	dirs["go"] = strings.TrimSpace(goTool(t, nil, "env", "GOROOT"))
	return dirs
}

// TestLicenceTextsAreTheModules: each embedded licence file is the one
// the module ships, byte for byte, and none of the module's licence files
// is missing (checked for the modules in the module cache).
func TestLicenceTextsAreTheModules(t *testing.T) {
	dirs := moduleDirs(t)
	for _, r := range goModRequirements(t) {
		dir, ok := dirs[r.path]
		if !ok {
			t.Logf("%s is not in the module cache: not compared", r.path)
			continue
		}
		want := moduleLicences(t, dir)
		var got []string
		for _, f := range licenceFiles(t, r.path) {
			got = append(got, strings.TrimPrefix(f, "third_party/licenses/"+r.path+"/"))
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: third_party/licenses has %v, the module has %v (go test . -run TestNoticeListsEveryModule -update copies them)", r.path, got, want)
			continue
		}
		for _, f := range want {
			a, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
			b, _ := fs.ReadFile(ThirdParty, path.Join("third_party/licenses", r.path, f))
			if !bytes.Equal(a, b) {
				t.Errorf("third_party/licenses/%s/%s differs from the module's %s", r.path, f, f)
			}
		}
	}
}

// copyLicences (-update) writes third_party/licenses afresh from the
// module cache: every required module's licence files, and Go's.
func copyLicences(t *testing.T) {
	dirs := moduleDirs(t)
	if err := os.RemoveAll("third_party/licenses"); err != nil {
		t.Fatal(err)
	}
	mods := []string{"go"}
	for _, r := range goModRequirements(t) {
		mods = append(mods, r.path)
	}
	for _, m := range mods {
		dir, ok := dirs[m]
		if !ok {
			t.Fatalf("%s is not in the module cache: run go mod download", m)
		}
		files := moduleLicences(t, dir)
		if m == "go" {
			files = []string{"LICENSE", "PATENTS"}
		}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join("third_party", "licenses", filepath.FromSlash(m), filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Log("third_party/licenses written; rebuild the test to embed them")
}

// TestNoticeListsEveryFont: every font file in fonts/files is in
// NOTICE's table of fonts, with a licence text that exists.
func TestNoticeListsEveryFont(t *testing.T) {
	files, err := os.ReadDir("fonts/files")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	row := regexp.MustCompile(`^(\S+\.tt[fc])\s+.*\s(\S+\.txt)$`)
	for line := range strings.Lines(Notice) {
		if m := row.FindStringSubmatch(strings.TrimRight(line, "\n")); m != nil {
			rows[m[1]] = m[2]
		}
	}
	for _, f := range files {
		text, ok := rows[f.Name()]
		if !ok {
			t.Errorf("fonts/files/%s is not in NOTICE's table of fonts", f.Name())
			continue
		}
		delete(rows, f.Name())
		if _, err := os.Stat(filepath.Join("fonts", "licenses", text)); err != nil {
			t.Errorf("NOTICE: %s: licence text %v", f.Name(), err)
		}
	}
	for name := range rows {
		t.Errorf("NOTICE lists the font %s, which is not in fonts/files", name)
	}
	if len(files) < 20 {
		t.Errorf("only %d font files", len(files))
	}
}
