package output

import (
	"errors"
	"sort"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/text"
)

// Report is what `handbill check` found.
type Report struct {
	Documents int
	Findings  []layouts.Finding
}

// Errors and Warnings count the findings of each severity.
func (r *Report) Errors() int   { return r.count(layouts.SevError) }
func (r *Report) Warnings() int { return r.count(layouts.SevWarning) }

func (r *Report) count(sev string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == sev {
			n++
		}
	}
	return n
}

// Check runs every check build runs, on every planned document, and writes
// nothing.
func Check(opts BuildOptions) *Report {
	jobs, notes := Plan(opts)
	rep, _ := check(opts, jobs, notes)
	return rep
}

// check is Check of the planned jobs; it also returns each job's composed
// frames (nil where composing failed), so that a build that checks first
// need not compose again.
func check(opts BuildOptions, jobs []Job, notes []string) (*Report, []*frame.Doc) {
	rep := &Report{Documents: len(jobs)}
	for _, n := range notes {
		rep.Findings = append(rep.Findings, layouts.Finding{Severity: layouts.SevWarning, Msg: n})
	}
	e := text.NewEngine(opts.Fonts)
	seen := map[string]bool{}
	var composed []layouts.Composed
	frames := make([]*frame.Doc, len(jobs))
	for i, j := range jobs {
		fs, c := checkOne(e, opts, j)
		if c != nil {
			composed = append(composed, *c)
			frames[i] = c.Frames
		}
		for _, f := range fs {
			k := f.Severity + f.Pos.String() + f.Lang + f.Msg
			if seen[k] {
				continue // the same text in another size or mode
			}
			seen[k] = true
			f.Where = f.Pos.String()
			rep.Findings = append(rep.Findings, f)
		}
	}
	if opts.Preset != nil {
		for _, f := range opts.Preset.Check(composed, opts.ThirdLanguage) {
			f.Where = f.Pos.String()
			rep.Findings = append(rep.Findings, f)
		}
	}
	sort.SliceStable(rep.Findings, func(a, b int) bool {
		fa, fb := rep.Findings[a], rep.Findings[b]
		if fa.Severity != fb.Severity {
			return fa.Severity == layouts.SevError
		}
		return false
	})
	return rep, frames
}

// checkOne composes one document and returns everything wrong with it, and
// the composed document (nil if it could not be composed).
func checkOne(e *text.Engine, opts BuildOptions, j Job) ([]layouts.Finding, *layouts.Composed) {
	name := j.Target.Name()
	var out []layouts.Finding
	var docs []*content.Doc
	for _, lang := range j.Langs {
		d, err := opts.Content.Resolve(lang, opts.Audience, opts.Region)
		if err != nil {
			return append(out, errFinding(err, name, lang.String())), nil
		}
		docs = append(docs, d)
		for _, w := range docWarnings(d, opts.Now) {
			sev := layouts.SevWarning
			if opts.RequireReviewed && w.Kind == content.WarnMachineDraft {
				sev = layouts.SevError
			}
			out = append(out, layouts.Finding{Severity: sev, Product: name, Lang: lang.String(), Pos: w.Pos, Msg: w.Msg, Hint: w.Hint})
		}
	}
	doc, err := layouts.Compose(e, j.Target, docs)
	if err != nil {
		return append(out, errFinding(err, name, langDir(j.Langs))), nil
	}
	out = append(out, layouts.CheckFrames(j.Target, doc, langDir(j.Langs), opts.MinSize)...)
	return out, &layouts.Composed{Target: j.Target, Docs: docs, Frames: doc}
}

func errFinding(err error, product, lang string) layouts.Finding {
	f := layouts.Finding{Severity: layouts.SevError, Product: product, Lang: lang, Msg: err.Error()}
	var ce *content.Error
	if errors.As(err, &ce) {
		f.Pos, f.Msg, f.Hint = ce.Pos, ce.Msg, ce.Hint
	}
	return f
}
