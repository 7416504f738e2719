package source_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers are handbill's packages from the ground floor up: a package may
// import only packages of lower layers (and of its own layer only when it
// is its own subpackage). This is the pipeline: source, content, fonts and
// the text engine, frames, layouts (composition), checks, presets,
// rendering, the build pipeline, the command.
var layers = [][]string{
	{".", "third_party/display"}, // the module root: the licence texts (legal.go); x/text's display, patched (PATCH.md there)
	{"source"},
	{"content"},
	{"fonts"},
	{"text"},
	{"frame"},
	{"layouts"},
	{"check"},
	{"presets"},
	{"render/pdf", "render/readers"},
	{"render", "preview"},
	{"build"},
	{"translate"},
	{"serve"},
	{"cmd/handbill", "bench/poster"},
}

// TestImportsFlowDownwards: no package imports one above it, and every
// package has a doc comment saying what it holds.
func TestImportsFlowDownwards(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	rank := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			rank["handbill/"+p] = i
		}
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			// A folder with its own go.mod is another module (a patched
			// dependency under third_party), not one of handbill's packages.
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := "handbill/" + filepath.ToSlash(rel)
		me, ok := rank[pkg]
		if !ok {
			t.Errorf("%s: package %s is in no layer: add it to the layers of this test", path, pkg)
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		if f.Doc != nil {
			seen[pkg] = true
		} else if _, ok := seen[pkg]; !ok {
			seen[pkg] = false
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, "handbill/") {
				continue
			}
			if r, ok := rank[p]; !ok || r >= me {
				t.Errorf("%s: %s imports %s, which is not below it", path, pkg, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, doc := range seen {
		if !doc {
			t.Errorf("package %s has no doc comment", pkg)
		}
	}
	if len(seen) < 12 {
		t.Errorf("found only %d packages", len(seen))
	}
}
