package check

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// The accessibility checks: what makes a PDF less usable with a screen
// reader or a reader's copy, search and read-aloud, that the user can
// change in a content or layout file. render tags every desktop PDF
// (PDF/UA-1) from the frames; these rules find what the frames cannot
// give it. Text contrast (WCAG 2.1 AA: 4.5:1, 3:1 for large text) is
// checked with the other frame checks (rule "contrast").
//
// Each rule's name is in AccessibilityRules, so the check command can
// print the findings as their own section.
const (
	// ruleAltText: an image (a logo) with no alternate text; a screen
	// reader says only "Logo".
	ruleAltText = "alt-text"
	// ruleTitle: no text in the document's language to title it; the
	// PDF's title is then the layout's description, in English.
	ruleTitle = "document-title"
	// ruleHeading: no text set in a heading style; screen reader users
	// cannot jump to the headline, and the document has no H1.
	ruleHeading = "heading"
	// ruleLangTag: a language that cannot be a PDF /Lang (not a
	// well-formed BCP 47 tag, or undetermined).
	ruleLangTag = "language-tag"
	// ruleTextMapping: characters readers cannot give back: glyphs drawn
	// for no character, or private-use characters, whose meaning only a
	// particular font knows.
	ruleTextMapping = "text-mapping"
)

// AccessibilityRules are the rules of the accessibility checks, for the
// check command's accessibility section.
var AccessibilityRules = map[string]bool{
	ruleAltText: true, ruleTitle: true, ruleHeading: true, ruleLangTag: true, ruleTextMapping: true,
}

// Accessibility checks a composed document for what keeps its tagged PDF
// from being read out or searched right (see the rules above); lang is
// the document's language, for the findings.
func Accessibility(t layouts.Target, doc *frame.Doc, lang string) []source.Diagnostic {
	var out []source.Diagnostic
	if t.Calibration {
		return nil // a page for measuring a printer, read by no one
	}
	add := func(sev source.Severity, pos source.Pos, rule, msg, hint string) {
		out = append(out, source.Diagnostic{Severity: sev, Pos: pos, Output: t.Name(), Lang: lang, Message: msg, Hint: hint, Rule: rule})
	}
	if !pdfLang(doc.Lang) {
		add(source.Error, source.Pos{}, ruleLangTag, fmt.Sprintf("the document's language %q cannot be written as the PDF's /Lang", doc.Lang),
			"use a BCP 47 language tag such as es, zh-Hant or pt-BR")
	}
	var first *frame.Text // the first text tagged, where a finding about the whole document points
	heading := false
	langs := map[string]bool{}
	mapped := map[*frame.Text]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *frame.Image:
				if !it.Artifact && strings.TrimSpace(it.Alt) == "" {
					add(source.Warning, it.Src, ruleAltText, fmt.Sprintf("the image %s has no alternate text: a screen reader says only \"Logo\"", it.Path()),
						"name your organisation in the content file (organization: name:), which the logo's text says, or set alt: \"…\" on the layout's image block")
				}
			case *frame.QR:
				if !it.Artifact && it.Alt != "" && !strings.Contains(strings.ToLower(it.Alt), qrTarget(it.Content)) {
					add(source.Warning, it.Src, ruleAltText, fmt.Sprintf("the QR code's alternate text %q does not say where it leads (%s)", it.Alt, qrTarget(it.Content)),
						"say where the code leads in the layout's alt:, or leave alt: out for \"QR code: \" and its address")
				}
			case *frame.Text:
				if it.Tag == "Artifact" || it.Para == nil {
					continue
				}
				if first == nil {
					first = it
				}
				if it.Role == "heading" {
					heading = true
				}
				if l := it.Para.Style.Lang.String(); !langs[l] {
					langs[l] = true
					if !pdfLang(l) {
						add(source.Error, it.Src, ruleLangTag, fmt.Sprintf("this text's language %q cannot be written as its /Lang", l),
							"use a BCP 47 language tag such as es, zh-Hant or pt-BR")
					}
				}
				if !mapped[it] {
					mapped[it] = true
					checkMapping(it, add)
				}
			}
		}
	}
	if first == nil {
		return out
	}
	if doc.Headline() == nil {
		add(source.Warning, first.Block, ruleTitle, fmt.Sprintf("no text is set in the document's language (%s): its PDF title, which a screen reader announces first, is the layout's description in English", doc.Lang),
			"set the document's own text in its language (the content file's messages for it)")
	}
	if !heading && !t.Layout.Discreet {
		add(source.Warning, first.Block, ruleHeading, "no text is set in a heading style: a screen reader cannot jump to the headline, and the PDF has no H1",
			"give the headline's style role: heading in the layout (styles: NAME: {role: heading})")
	}
	return dedupe(out)
}

// checkMapping finds characters of t that a reader cannot give back:
// glyphs drawn for a cluster with no characters, and private-use
// characters.
func checkMapping(t *frame.Text, add func(source.Severity, source.Pos, string, string, string)) {
	for _, r := range t.Para.Text {
		if unicode.Is(unicode.Co, r) {
			add(source.Error, t.Src, ruleTextMapping, fmt.Sprintf("U+%04X is a private-use character: screen readers, copy and search get a code only one font gives a meaning to", r),
				"write the character's standard Unicode form instead (or the words it stands for)")
			return
		}
	}
	for _, l := range t.Para.Lines {
		for _, run := range l.Runs {
			for _, c := range run.Clusters {
				if len(c.Glyphs) > 0 && strings.TrimSpace(c.Text) == "" && c.Text == "" {
					add(source.Error, t.Src, ruleTextMapping, "a glyph is drawn for no character: readers cannot give it back",
						"report this to handbill's maintainers with the text")
					return
				}
			}
		}
	}
}

// pdfLang reports whether tag can be a PDF /Lang: a well-formed BCP 47
// tag naming a language.
func pdfLang(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil || t == language.Und {
		return false
	}
	b, conf := t.Base()
	return conf != language.No && b.String() != "und"
}

// qrTarget is where a QR code's content leads, as its alternate text
// should name it: the host and path of a web address, the number of a
// phone or text link, else the content; lower case.
func qrTarget(s string) string {
	low := strings.ToLower(s)
	for _, p := range []string{"https://", "http://", "tel:", "sms:", "smsto:"} {
		if strings.HasPrefix(low, p) {
			low = strings.TrimPrefix(low, p)
			break
		}
	}
	low = strings.TrimPrefix(low, "www.")
	if i := strings.IndexAny(low, "/?:"); i > 0 {
		low = low[:i]
	}
	return low
}
