package layouts_test

import (
	"testing"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/text"
)

func TestPresetScratch(t *testing.T) {
	set, _ := content.Load("")
	ls, _ := layouts.Builtin()
	e := text.NewEngine(fonts.Builtin())
	ps, err := layouts.Presets()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Logf("=== %s targets %v", p.Name, p.Targets())
		langs, _ := p.Languages("vi")
		var built []layouts.Composed
		for _, tn := range p.Targets() {
			for _, l := range ls {
				for _, tg := range layouts.Targets(l) {
					if tg.Name() != tn {
						continue
					}
					for _, lang := range langs {
						d, err := set.Resolve(lang, "community", p.Region())
						if err != nil {
							t.Fatal(err)
						}
						fd, err := layouts.Compose(e, tg, []*content.Doc{d})
						if err != nil {
							t.Logf("compose %s %s: %v", tn, lang, err)
							continue
						}
						built = append(built, layouts.Composed{Target: tg, Docs: []*content.Doc{d}, Frames: fd})
					}
				}
			}
		}
		for _, f := range p.Check(built, "vi") {
			if f.Severity == "error" && f.Rule != "" {
				t.Logf("%s | hint: %s", f, f.Hint)
			}
		}
	}
}
