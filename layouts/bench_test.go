package layouts_test

// Layout-only benchmarks (no PDF): with output's BenchmarkPoster they split
// a document's time between composing frames and writing the PDF. Names
// follow benchstat's conventions (BenchmarkName/key=value).

import (
	"testing"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/text"
)

// benchCompose composes the built-in output name in lang with a warm
// engine (fonts parsed, shaper ready), as a build worker does after its
// first document.
func benchCompose(b *testing.B, name, lang string) {
	set, err := content.Load("")
	if err != nil {
		b.Fatal(err)
	}
	d, err := set.Resolve(mustTag(lang), "community", "US")
	if err != nil {
		b.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	var tg *layouts.Target
	for _, l := range ls {
		for _, t := range layouts.Targets(l) {
			if t.Name() == name {
				tg = &t
			}
		}
	}
	if tg == nil {
		b.Fatalf("no built-in output %q", name)
	}
	e := text.NewEngine(fonts.Builtin())
	docs := []*content.Doc{d}
	if _, err := layouts.Compose(e, *tg, docs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layouts.Compose(e, *tg, docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComposePoster composes the A4 poster's frames, in one language
// per script family.
func BenchmarkComposePoster(b *testing.B) {
	for _, lang := range []string{"en", "es", "ar", "hi", "zh-Hans", "th"} {
		b.Run("lang="+lang, func(b *testing.B) { benchCompose(b, "poster-a4", lang) })
	}
}

// BenchmarkComposeCardSheet composes the wallet card imposed on an Avery
// 5371 sheet.
func BenchmarkComposeCardSheet(b *testing.B) {
	for _, lang := range []string{"en", "ar", "zh-Hans"} {
		b.Run("lang="+lang, func(b *testing.B) { benchCompose(b, "wallet-card-us-sheet-avery5371", lang) })
	}
}
