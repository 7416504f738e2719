package preview_test

import (
	"bytes"
	"testing"

	"handbill/build"
	"handbill/preview"
	"handbill/text"
)

// benchLangs is one language per script the built-ins are set in.
var benchLangs = []string{"en", "ar", "hi", "th", "km", "zh-Hans"}

// benchDPI is the web app's preview resolution.
const benchDPI = 80

// BenchmarkPoster measures, per script, what an edit costs before the
// browser shows the Letter poster: composing it (compose: a fresh engine
// each time, so every text is shaped anew, the worst case of an edit),
// rasterising it (raster) and encoding the PNG (png). Fonts are parsed
// and the glyph cache is warm before the timer starts, as in a running
// server. cpu-ms/op is the processor time of an operation (the machine is
// shared: wall time includes waiting for a core).
//
//	go test -run '^$' -bench Poster ./preview
func BenchmarkPoster(b *testing.B) {
	for _, lang := range benchLangs {
		sel, err := build.Select(build.Request{Layouts: []string{"poster-letter"}, Langs: []string{lang}})
		if err != nil {
			b.Fatal(err)
		}
		tasks, _ := sel.Plan()
		d := sel.Prepare(text.NewEngine(sel.Fonts), tasks[0])
		if d.Frames == nil {
			b.Fatal(d.Diagnostics)
		}
		page := d.Frames.Pages[0]
		img, err := preview.Page(page, benchDPI)
		if err != nil {
			b.Fatal(err)
		}
		step := func(name string, f func()) {
			b.Run("lang="+lang+"/step="+name, func(b *testing.B) {
				start := cpuTime()
				for b.Loop() {
					f()
				}
				b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
		step("compose", func() {
			if d := sel.Prepare(text.NewEngine(sel.Fonts), tasks[0]); d.Frames == nil {
				b.Fatal(d.Diagnostics)
			}
		})
		step("raster", func() {
			if _, err := preview.Page(page, benchDPI); err != nil {
				b.Fatal(err)
			}
		})
		var buf bytes.Buffer
		step("png", func() {
			buf.Reset()
			if err := preview.EncodePNG(&buf, img); err != nil {
				b.Fatal(err)
			}
		})
		b.Logf("%s: the PNG is %d KB", lang, buf.Len()/1024)
	}
}

// BenchmarkPosterCold rasterises the English poster with an empty glyph
// cache each time: the first preview of a size.
func BenchmarkPosterCold(b *testing.B) {
	sel, err := build.Select(build.Request{Layouts: []string{"poster-letter"}, Langs: []string{"en"}})
	if err != nil {
		b.Fatal(err)
	}
	tasks, _ := sel.Plan()
	page := sel.Prepare(text.NewEngine(sel.Fonts), tasks[0]).Frames.Pages[0]
	start := cpuTime()
	for b.Loop() {
		preview.ResetCache()
		if _, err := preview.Page(page, benchDPI); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
}
