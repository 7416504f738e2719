package check_test

import (
	"testing"

	"handbill/check"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// a11y returns what check.Accessibility finds with rule.
func a11y(tg layouts.Target, doc *frame.Doc, rule string) []source.Diagnostic {
	var out []source.Diagnostic
	for _, f := range check.Accessibility(tg, doc, "en") {
		if !check.AccessibilityRules[f.Rule] {
			continue
		}
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// headed is a page of text with a heading, in English.
func headed(t *testing.T, items ...frame.Item) *frame.Doc {
	t.Helper()
	h := textItem(t, "Know the signs", 72, 72, at(4))
	h.Role = "heading"
	d := page(letter, tall, append([]frame.Item{h}, items...)...)
	d.Lang = "en"
	return d
}

func TestAccessibilityAltText(t *testing.T) {
	logo := &frame.Image{X: 72, Y: 300, W: 144, H: 72, Data: &frame.ImageData{Path: "logo.png", Width: 600, Height: 300}, Src: at(7)}
	want(t, a11y(plain(), headed(t, logo), "alt-text"), source.Warning, at(7), "logo.png", "no alternate text")
	named := *logo
	named.Alt = "Lincoln High School logo"
	none(t, a11y(plain(), headed(t, &named), "alt-text"))
	repeat := *logo
	repeat.Artifact = true // a sheet's copies after the first are not read
	none(t, a11y(plain(), headed(t, &repeat), "alt-text"))

	q := qrItem(t, "https://humantraffickinghotline.org", 72, 400, 144, at(9))
	none(t, a11y(plain(), headed(t, q), "alt-text")) // the default says where it leads
	q.Alt = "Scan me"
	want(t, a11y(plain(), headed(t, q), "alt-text"), source.Warning, at(9), "does not say where it leads", "humantraffickinghotline.org")
	q.Alt = "QR code: HumanTraffickingHotline.org, the hotline's web site"
	none(t, a11y(plain(), headed(t, q), "alt-text"))
}

func TestAccessibilityHeadingAndTitle(t *testing.T) {
	body := textItem(t, "Know the signs", 72, 72, at(4))
	d := page(letter, tall, body)
	d.Lang = "en"
	want(t, a11y(plain(), d, "heading"), source.Warning, at(4), "no text is set in a heading style")
	none(t, a11y(plain(), d, "document-title")) // the first text names it
	none(t, a11y(plain(), headed(t), "heading"))

	discreet := plain()
	discreet.Layout.Discreet = true // the discreet card says little, on purpose
	none(t, a11y(discreet, d, "heading"))

	// Nothing in the document's language: the title falls back to the
	// layout's English description.
	es := page(letter, tall, textItem(t, "Know the signs", 72, 72, at(4)))
	es.Lang = "es"
	want(t, a11y(plain(), es, "document-title"), source.Warning, at(4), "no text is set in the document's language (es)")
}

func TestAccessibilityLanguageTag(t *testing.T) {
	d := headed(t)
	none(t, a11y(plain(), d, "language-tag"))
	for _, bad := range []string{"", "und", "not a tag"} {
		d.Lang = bad
		fs := a11y(plain(), d, "language-tag")
		if len(fs) != 1 || fs[0].Severity != source.Error || fs[0].Hint == "" {
			t.Errorf("document language %q: %v", bad, fs)
		}
	}
}

func TestAccessibilityTextMapping(t *testing.T) {
	// The bundled fonts have no private-use glyphs (the engine refuses such
	// a character), so the paragraph's text is changed after it is set, as
	// a font that had one would leave it.
	// (The engine keeps paragraphs it has set: texts changed here are
	// used by no other test.)
	pua := textItem(t, "Private use here", 72, 200, at(6))
	pua.Para.Text = "Call \ue000 now"
	pua.Src = at(12)
	fs := a11y(plain(), headed(t, pua), "text-mapping")
	want(t, fs, source.Error, at(12), "U+E000", "private-use")
	none(t, a11y(plain(), headed(t, textItem(t, "Call ☎ now", 72, 200, at(6))), "text-mapping"))

	// A glyph drawn for no character (a cluster with glyphs and no text).
	p := para(t, "Lost glyph here", "en", 14, 300)
	p.Lines[0].Runs[0].Clusters[0].Text = ""
	lost := &frame.Text{X: 72, Y: 200, Para: p, Src: at(14), Block: at(6)}
	want(t, a11y(plain(), headed(t, lost), "text-mapping"), source.Error, at(14), "a glyph is drawn for no character")
}
