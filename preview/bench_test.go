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
// browser shows it: composing the Letter poster (a fresh engine each
// time: the edited text is new to it), rasterising it and encoding the
// PNG (edit), and rasterising alone (raster) and encoding alone (png). Fonts are parsed and the
// glyph cache is warm before the timer starts, as in a running server.
//
//	go test -run '^$' -bench . ./preview
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
		if _, err := preview.Page(page, benchDPI); err != nil {
			b.Fatal(err)
		}
		b.Run("lang="+lang+"/step=raster", func(b *testing.B) {
			for b.Loop() {
				if _, err := preview.Page(page, benchDPI); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("lang="+lang+"/step=png", func(b *testing.B) {
			img, _ := preview.Page(page, benchDPI)
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := preview.EncodePNG(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
		b.Run("lang="+lang+"/step=edit", func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				d := sel.Prepare(text.NewEngine(sel.Fonts), tasks[0])
				img, err := preview.Page(d.Frames.Pages[0], benchDPI)
				if err != nil {
					b.Fatal(err)
				}
				buf.Reset()
				if err := preview.EncodePNG(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
		})
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
	for b.Loop() {
		preview.ResetCache()
		if _, err := preview.Page(page, benchDPI); err != nil {
			b.Fatal(err)
		}
	}
}
