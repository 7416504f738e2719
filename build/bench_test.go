package build_test

// Benchmarks for the speed targets of issue 6. Names follow benchstat's
// conventions (BenchmarkName/key=value) so runs compare with
//
//	go test -run '^$' -bench . -count 10 ./output > new.txt
//	benchstat old.txt new.txt
//
// Fonts are parsed before the timer starts (they are parsed once per
// process and shared); fonts.BenchmarkLoadFonts measures that cost alone.

import (
	"bytes"
	"runtime"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// benchLangs is one language per script family the poster is built in.
var benchLangs = []string{"en", "es", "ar", "hi", "zh-Hans", "th"}

// benchTarget returns the built-in output named name (e.g. "poster-a4").
func benchTarget(b *testing.B, name string) layouts.Target {
	b.Helper()
	ls, err := layouts.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range ls {
		for _, t := range layouts.Targets(l) {
			if t.Name() == name {
				return t
			}
		}
	}
	b.Fatalf("no built-in output %q", name)
	return layouts.Target{}
}

func benchDoc(b *testing.B, lang string) *content.Doc {
	b.Helper()
	set, err := content.Load("")
	if err != nil {
		b.Fatal(err)
	}
	d, err := set.Resolve(language.MustParse(lang), "community", "US")
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// benchOne composes and writes one document per iteration with a warm
// engine (fonts parsed, shaper ready), as a build worker does after its
// first document, and reports the PDF's size.
func benchOne(b *testing.B, name, lang string) {
	t := benchTarget(b, name)
	docs := []*content.Doc{benchDoc(b, lang)}
	e := text.NewEngine(fonts.Builtin())
	var buf bytes.Buffer
	write := func() {
		doc, err := layouts.Compose(e, t, docs)
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := render.Write(&buf, doc); err != nil {
			b.Fatal(err)
		}
	}
	write() // parse the faces this document needs
	b.ReportAllocs()
	for b.Loop() {
		write()
	}
	b.ReportMetric(float64(buf.Len()), "pdf-B")
}

// BenchmarkPoster lays out and writes the A4 poster (layout + PDF, fonts
// loaded), in one language per script family.
func BenchmarkPoster(b *testing.B) {
	for _, lang := range benchLangs {
		b.Run("lang="+lang, func(b *testing.B) { benchOne(b, "poster-a4", lang) })
	}
}

// BenchmarkCardSheet lays out and writes the wallet card imposed 10-up on
// an Avery 5371 sheet (fronts and mirrored backs), and the print-shop
// version with bleed and crop marks.
func BenchmarkCardSheet(b *testing.B) {
	for _, name := range []string{"wallet-card-us-sheet-avery5371", "wallet-card-us-press"} {
		for _, lang := range []string{"en", "ar", "zh-Hans"} {
			b.Run("out="+name+"/lang="+lang, func(b *testing.B) { benchOne(b, name, lang) })
		}
	}
}

// batchOptions plans exactly 100 documents: the three poster sizes and the
// two flyer sizes in the first 20 built-in languages (Latin, Arabic,
// Ethiopic, Devanagari, Armenian, Khmer, Hangul, Gurmukhi, Cyrillic, CJK
// and Thai scripts among them).
func batchOptions(b *testing.B, out string) testOptions {
	opts := defaultOptions(b, out, nil)
	var langs []language.Tag
	for _, l := range opts.Content.Languages() {
		langs = append(langs, l.Tag)
	}
	if len(langs) < 20 {
		b.Fatalf("only %d built-in languages", len(langs))
	}
	opts.Langs = langs[:20]
	ls, err := layouts.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	opts.Layouts = []*layouts.Layout{ls["poster"], ls["flyer"]}
	opts.Workers = runtime.NumCPU()
	if jobs, _ := opts.Plan(); len(jobs) != 100 {
		b.Fatalf("batch plans %d documents, want 100", len(jobs))
	}
	return opts
}

// BenchmarkBatch100 builds 100 documents through build.Build, one worker
// per CPU, writing them and the manifest to disk. Fonts are parsed before
// the timer starts; each worker's engine starts cold, as in a real run.
func BenchmarkBatch100(b *testing.B) {
	opts := batchOptions(b, b.TempDir())
	// Parse every face the batch uses once, as the first run of a process
	// would, so the loop measures building.
	if _, err := buildAll(opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		opts.OutDir = b.TempDir()
		m, err := buildAll(opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Files) != 100 {
			b.Fatalf("built %d documents", len(m.Files))
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N)/100, "ms/doc")
}
