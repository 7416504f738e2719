package build

import (
	"handbill/check"
	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
	"handbill/text"
)

// Document is one task carried through the pipeline: its resolved
// content, its frames (nil if it could not be composed) and every
// diagnostic found on the way, each naming the task's output and
// language.
type Document struct {
	Task        Task
	Docs        []*content.Doc
	Frames      *frame.Doc
	Diagnostics []source.Diagnostic
}

// Failed reports whether the document has an error: it is not written.
func (d *Document) Failed() bool { return len(source.Errors(d.Diagnostics)) > 0 }

// Prepare carries one task through the stages every command shares: its
// content (resolved once per selection), the content checks, composing
// with the engine e, and the checks on the frames. The rules that refuse
// a document are applied here, so they hold in every mode:
// --require-reviewed makes a machine-drafted text an error.
func (s *Selection) Prepare(e *text.Engine, t Task) *Document {
	d := &Document{Task: t}
	name, lang := t.Target.Name(), t.Lang()
	add := func(ds ...source.Diagnostic) {
		for _, g := range ds {
			d.Diagnostics = append(d.Diagnostics, g.In(name, lang))
		}
	}
	for _, tag := range t.Langs {
		doc, err := s.doc(tag)
		if err != nil {
			add(*source.From(err))
			return d
		}
		d.Docs = append(d.Docs, doc)
		// Machine drafts are judged on the keys this target prints: a
		// reviewed poster text passes --require-reviewed whatever the
		// handout's keys say.
		for _, w := range append(check.Content(doc, s.Now), doc.MachineDrafts(PrintedKeys(t.Target))...) {
			if s.RequireReviewed && w.Rule == content.RuleMachineDraft {
				w.Severity = source.Error
				w.Message += " (--require-reviewed)"
			}
			add(w.In(name, tag.String()))
		}
	}
	frames, err := layouts.Compose(e, t.Target, d.Docs)
	if err != nil {
		add(*source.From(err))
		return d
	}
	d.Frames = frames
	add(frames.Warnings...)
	add(check.Frames(t.Target, frames, lang)...)
	add(check.Accessibility(t.Target, frames, lang)...)
	add(check.Numbers(t.Target, frames, lang, check.NewDirectory(s.Content.Hotlines()))...)
	return d
}
