package build_test

import (
	"bytes"
	"testing"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// BenchmarkColdDocument composes and writes the US letter poster (fitted
// headline and intro, the signs list, the hotline band, the QR code) with
// every cache emptied before each document — a new text engine and
// render.ForgetMemos — as the first document of a process is made once
// its fonts are parsed. What a process keeps on purpose stays: parsed
// fonts and layouts, resolved content, the QR codes of addresses seen.
func BenchmarkColdDocument(b *testing.B) {
	for _, lang := range []string{"en", "ar", "hi", "th", "zh-Hans"} {
		b.Run("lang="+lang, func(b *testing.B) {
			t := benchTarget(b, "poster-letter")
			docs := []*content.Doc{benchDoc(b, lang)}
			var buf bytes.Buffer
			write := func() {
				e := text.NewEngine(fonts.Builtin())
				render.ForgetMemos()
				doc, err := layouts.Compose(e, t, docs)
				if err != nil {
					b.Fatal(err)
				}
				buf.Reset()
				if err := render.Write(&buf, doc); err != nil {
					b.Fatal(err)
				}
			}
			write() // parse the faces
			b.ReportAllocs()
			for b.Loop() {
				write()
			}
		})
	}
}
