package serve

import (
	"regexp"
	"strings"
	"sync"

	"handbill/build"
	"handbill/content"
	"handbill/source"
)

// finding is a diagnostic as the page shows it: next to the field it
// concerns (Field, a content file path, or "" for the page's list), in
// plain words first, then the CLI's own message and hint.
type finding struct {
	Field    string `json:"field"`
	Severity string `json:"severity"`
	Plain    string `json:"plain"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// findingOf places a diagnostic of the session's content file.
func (ss *session) findingOf(d source.Diagnostic, byLine map[int]string) finding {
	f := finding{Severity: string(d.Severity), Hint: d.Hint}
	if f.Severity == "" {
		f.Severity = string(source.Error)
	}
	switch {
	case d.Pos.File == ss.contentPath():
		d.Pos.File = contentName
		f.Field = byLine[d.Pos.Line]
	case !strings.Contains(d.Pos.File, "/") && d.Pos.Line == 0 && d.Pos.File != "":
		// A form's own mistake: Pos.File names the field.
		f.Field, d.Pos.File = d.Pos.File, ""
	}
	if f.Field == "" && d.Rule == content.RuleMachineDraft && d.Lang != "" {
		f.Field = "languages." + firstTag(d)
	}
	if f.Field == "" {
		if m := blockRE().FindStringSubmatch(d.Message); m != nil && d.Lang != "" && !strings.Contains(d.Lang, "-") {
			f.Field = "messages." + d.Lang + "." + m[1]
		}
	}
	f.Message = d.Error()
	f.Plain = plain(d)
	return f
}

// firstTag is the language a machine-draft warning is about: its message
// starts "vi: the Vietnamese text…".
func firstTag(d source.Diagnostic) string {
	if tag, _, ok := strings.Cut(d.Message, ":"); ok && !strings.Contains(tag, " ") {
		return tag
	}
	return d.Lang
}

// blockRE finds the message a fit error is about: `the "{headline}" block`.
var blockRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`the "\{([a-z_]+)\}" block`) })

// plain says what a finding means in words a volunteer understands; the
// CLI's message and hint follow it on the page.
func plain(d source.Diagnostic) string {
	m := d.Message
	switch {
	case strings.Contains(m, "does not fit"):
		return "This text is too long: it does not fit on the page. Make it shorter."
	case d.Rule == "image-resolution":
		return "Your logo has too few pixels for the size it prints at: it will look blurred. Upload a larger image."
	case strings.Contains(m, "contrast"):
		return "These colours are too close to each other: the words will be hard to read. Choose a darker colour."
	case d.Rule == content.RuleMachineDraft:
		return "A machine wrote this text and nobody has checked it yet. Ask someone who speaks the language to read it under Messages, then mark it reviewed."
	case d.Rule == content.RuleStale:
		return "Nobody has checked this hotline's details for over a year."
	case d.Rule == "stale-translation":
		return "The English changed after this translation was checked: have it checked again."
	case strings.Contains(m, "has no name in"):
		return "Your line's name is printed in another language here: give its name in this language under Messages (hotline_names)."
	case d.Rule == content.RuleFallback:
		return "This language has no text of its own here: another language is printed in its place."
	case strings.Contains(m, "logo"):
		return "There is a problem with the logo."
	case strings.Contains(m, "digits") || strings.Contains(m, "number") || strings.Contains(m, "display"):
		return "Check this phone number: handbill could not use it as it is."
	case d.Rule == "min-size":
		return "Some text would print very small."
	}
	if d.IsError() {
		return "This must be fixed before handbill can make the PDF."
	}
	return "Worth a look before you print."
}

// findings places every diagnostic of the documents given.
func (ss *session) findings(docs []*build.Document, extra []source.Diagnostic) []finding {
	byLine := lines(ss.data)
	var ds []source.Diagnostic
	ds = append(ds, extra...)
	for _, d := range docs {
		ds = append(ds, d.Diagnostics...)
	}
	out := []finding{}
	for _, d := range build.Dedupe(ds) {
		out = append(out, ss.findingOf(d, byLine))
	}
	return out
}
