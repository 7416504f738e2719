package output_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/output"
)

func defaultOptions(tb testing.TB, out string, langs []language.Tag) output.BuildOptions {
	set, err := content.Load("")
	if err != nil {
		tb.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for n := range ls {
		names = append(names, n)
	}
	sort.Strings(names)
	var sel []*layouts.Layout
	for _, n := range names {
		sel = append(sel, ls[n])
	}
	if langs == nil {
		langs = set.DefaultLanguages()
	}
	return output.BuildOptions{Content: set, Layouts: sel, Langs: langs, Region: "US", Audience: "community",
		Fonts: fonts.Builtin(), OutDir: out}
}

func TestBuildWritesManifestAndIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	m, err := output.Build(defaultOptions(t, dir, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) < 30 {
		t.Fatalf("built %d files", len(m.Files))
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var onDisk output.Manifest
	if err := json.Unmarshal(data, &onDisk); err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, r := range onDisk.Files {
		if r.Error != "" || r.SHA256 == "" || r.Pages == 0 {
			t.Errorf("%s: %+v", r.File, r)
		}
		if _, err := os.Stat(filepath.Join(dir, r.File)); err != nil {
			t.Errorf("manifest lists %s, not on disk", r.File)
		}
		sums[r.File] = r.SHA256
	}
	// A second run in another folder gives the same bytes.
	again, err := output.Build(defaultOptions(t, t.TempDir(), nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again.Files {
		if sums[r.File] != r.SHA256 {
			t.Errorf("%s differs between runs", r.File)
		}
	}
}

// BenchmarkBuildDefault builds the default set: every built-in product in
// English and Spanish.
func BenchmarkBuildDefault(b *testing.B) {
	for b.Loop() {
		if _, err := output.Build(defaultOptions(b, b.TempDir(), nil)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildAllLanguages builds every built-in product in every
// built-in language.
func BenchmarkBuildAllLanguages(b *testing.B) {
	set, _ := content.Load("")
	var all []language.Tag
	for _, l := range set.Languages() {
		all = append(all, l.Tag)
	}
	for b.Loop() {
		if _, err := output.Build(defaultOptions(b, b.TempDir(), all)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBuildWarnsOnUnbreakableThai(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "th.yaml")
	// Thai with no zero width spaces: one 40-letter run.
	if err := os.WriteFile(file, []byte("messages:\n  th:\n    headline: \"รู้จักสัญญาณเตือนของการค้ามนุษย์เด็กเพื่อการค้าประเวณี\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	opts := defaultOptions(t, dir, []language.Tag{language.Thai})
	opts.Content = set
	opts.Only = map[string]bool{"sticker-3x3": true}
	m, _ := output.Build(opts)
	found := false
	for _, r := range m.Files {
		for _, w := range r.Warnings {
			if strings.Contains(w, "th.yaml:3:15: `headline` has") && strings.Contains(w, "U+200B") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no warning about the unbreakable Thai headline: %+v", m.Files)
	}
}

func TestBuildWarnsOnStaleHotlinesAndRefusesDrafts(t *testing.T) {
	opts := defaultOptions(t, t.TempDir(), []language.Tag{language.English})
	opts.Only = map[string]bool{"sticker-3x3": true}
	opts.Now = time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	m, err := output.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	stale := 0
	for _, w := range m.Files[0].Warnings {
		if strings.Contains(w, "hotline us-nhth (1-888-373-7888) was last verified on") && strings.Contains(w, "over a year ago") {
			stale++
		}
	}
	if stale != 1 {
		t.Errorf("want one stale warning for the national hotline in 2031, got %v", m.Files[0].Warnings)
	}
	opts.Now = time.Time{}
	opts.RequireReviewed = true
	opts.OutDir = t.TempDir()
	_, err = output.Build(opts)
	if err == nil || !strings.Contains(err.Error(), "machine draft, not reviewed (--require-reviewed)") {
		t.Errorf("want a refusal of the machine-drafted English, got %v", err)
	}
	if _, statErr := os.Stat(filepath.Join(opts.OutDir, "en", "sticker-3x3.pdf")); statErr == nil {
		t.Error("a refused document was written")
	}
}

func TestStoppedBuildLeavesNoPartialFiles(t *testing.T) {
	dir := t.TempDir()
	opts := defaultOptions(t, dir, nil)
	opts.Workers = 1
	stop := make(chan struct{})
	opts.Stop = stop
	opts.Progress = func(done, total int, r output.Result) {
		if done == 3 {
			close(stop)
		}
	}
	m, err := output.Build(opts)
	if err == nil {
		t.Fatal("a stopped build should report the documents it did not build")
	}
	built, interrupted := 0, 0
	for _, r := range m.Files {
		switch {
		case r.Err == nil:
			built++
			if _, err := os.Stat(filepath.Join(dir, r.File)); err != nil {
				t.Errorf("%s listed as built but missing", r.File)
			}
		case r.Error == "not built: the run was interrupted":
			interrupted++
			if _, err := os.Stat(filepath.Join(dir, r.File)); err == nil {
				t.Errorf("%s written though not built", r.File)
			}
		}
	}
	if built < 3 || built > 4 || interrupted == 0 {
		t.Errorf("built %d, interrupted %d", built, interrupted)
	}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil || !strings.Contains(string(data), "interrupted") {
		t.Errorf("the manifest does not say what was interrupted: %v", err)
	}
}
