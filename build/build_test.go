package build_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/build"
	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
)

// testOptions is a selection and how to build it, as the tests set them.
type testOptions struct {
	build.Selection
	OutDir   string
	Workers  int
	Progress func(build.Progress)
	ctx      context.Context
}

func defaultOptions(tb testing.TB, out string, langs []language.Tag) testOptions {
	set, err := content.Load("")
	if err != nil {
		tb.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	if langs == nil {
		langs = set.DefaultLanguages()
	}
	return testOptions{Selection: build.Selection{Content: set, Layouts: layouts.Sorted(ls), Langs: langs, Region: "US", Audience: "community",
		Fonts: fonts.Builtin()}, OutDir: out}
}

// buildAll builds o through the pipeline and returns the manifest and
// the documents' errors, joined.
func buildAll(o testOptions) (*build.Manifest, error) {
	ctx := o.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	out := build.Build(ctx, &o.Selection, o.OutDir, build.Options{Workers: o.Workers, Progress: o.Progress})
	if out.Err != nil {
		return out.Manifest, out.Err
	}
	var errs []error
	for _, d := range out.Diagnostics() {
		if d.IsError() {
			errs = append(errs, &d)
		}
	}
	return out.Manifest, errors.Join(errs...)
}

func TestBuildWritesManifestAndIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	m, err := buildAll(defaultOptions(t, dir, nil))
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
	var onDisk build.Manifest
	if err := json.Unmarshal(data, &onDisk); err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, r := range onDisk.Files {
		if r.Failed() || r.SHA256 == "" || r.Pages == 0 {
			t.Errorf("%s: %+v", r.File, r)
		}
		if _, err := os.Stat(filepath.Join(dir, r.File)); err != nil {
			t.Errorf("manifest lists %s, not on disk", r.File)
		}
		sums[r.File] = r.SHA256
	}
	// A second run in another folder gives the same bytes.
	again, err := buildAll(defaultOptions(t, t.TempDir(), nil))
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
		if _, err := buildAll(defaultOptions(b, b.TempDir(), nil)); err != nil {
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
		if _, err := buildAll(defaultOptions(b, b.TempDir(), all)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBuildWarnsOnUnbreakableThai(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "th.yaml")
	// Thai typed without zero width spaces breaks between words (the
	// dictionary finds them): the headline is no warning. A run of 30
	// letters that make no word the dictionary knows has no place to
	// break: the warning names it.
	if err := os.WriteFile(file, []byte("messages:\n  th:\n    headline: \"รู้จักสัญญาณเตือนของการค้ามนุษย์เด็กเพื่อการค้าประเวณี\"\n    call_label: \"ฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮฮ\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	opts := defaultOptions(t, dir, []language.Tag{language.Thai})
	opts.Content = set
	opts.Only = map[string]bool{"sticker-3x3": true}
	m, _ := buildAll(opts)
	found := false
	for _, r := range m.Files {
		for _, w := range r.Warnings {
			w := w.Pos.String() + ": " + w.Message
			if strings.Contains(w, "`headline` has") {
				t.Errorf("the Thai headline breaks between words, but: %s", w)
			}
			if strings.Contains(w, "th.yaml:4:17: `call_label` has 30 characters") && strings.Contains(w, "U+200B") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no warning about the unbreakable Thai run: %+v", m.Files)
	}
}

func TestBuildWarnsOnStaleHotlinesAndRefusesDrafts(t *testing.T) {
	opts := defaultOptions(t, t.TempDir(), []language.Tag{language.English})
	opts.Only = map[string]bool{"sticker-3x3": true}
	opts.Now = time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	m, err := buildAll(opts)
	if err != nil {
		t.Fatal(err)
	}
	stale := 0
	for _, w := range m.Files[0].Warnings {
		if w := w.Pos.String() + ": " + w.Message; strings.Contains(w, "hotline us-nhth (1-888-373-7888) was last verified on") && strings.Contains(w, "over a year ago") {
			stale++
		}
	}
	if stale != 1 {
		t.Errorf("want one stale warning for the national hotline in 2031, got %v", m.Files[0].Warnings)
	}
	opts.Now = time.Time{}
	opts.RequireReviewed = true
	opts.OutDir = t.TempDir()
	_, err = buildAll(opts)
	if err == nil || !strings.Contains(err.Error(), "machine draft, not yet reviewed (--require-reviewed)") {
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
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	opts.ctx = ctx
	opts.Progress = func(p build.Progress) {
		if p.Done == 3 {
			stop()
		}
	}
	m, err := buildAll(opts)
	if err == nil {
		t.Fatal("a stopped build should report the documents it did not build")
	}
	built, interrupted := 0, 0
	for _, r := range m.Files {
		switch {
		case !r.Failed():
			built++
			if _, err := os.Stat(filepath.Join(dir, r.File)); err != nil {
				t.Errorf("%s listed as built but missing", r.File)
			}
		case r.Errors[0].Message == "not built: the run was interrupted":
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
