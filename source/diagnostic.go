// Package source is handbill's ground floor: positions in the files users
// write, the one diagnostic type every stage reports through, the strict
// YAML decoder that gives every value its file:line:col, and bounded file
// reading. It imports no other handbill package.
package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Pos is a position in a source file: a content, layout or batch YAML
// file, or a built-in one ("built-in content/en.yaml"). A zero Line means
// the whole file; a zero File, no place at all.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsBuiltin reports whether p is in one of handbill's own embedded files.
func (p Pos) IsBuiltin() bool { return strings.HasPrefix(p.File, "built-in ") }

// Text is a string from a source file with where it came from, so a
// problem found when it is laid out still names file:line:col.
type Text struct {
	S   string
	Pos Pos
}

// Severity says whether a diagnostic stops a document.
type Severity string

// The severities: an error keeps a document from being written (and makes
// the exit status 1); a warning is reported and the document is written
// (with check --strict, a warning fails too).
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is the one report every stage gives: what is wrong, how bad,
// where in the user's (or a built-in) file, for which output and language,
// which rule found it, and what to change. A *Diagnostic is an error, so
// a stage that must stop returns one; one that can go on collects them.
type Diagnostic struct {
	Severity Severity
	Pos      Pos
	Message  string
	// Hint says what the user can change; it is set by the code that
	// finds the problem.
	Hint string
	// Rule names what found the problem: a check's id ("fit",
	// "contrast", "machine-draft"…) or a law's citation for a compliance
	// preset ("CA Civ. Code 52.6").
	Rule string
	// Output and Lang name the document it concerns ("poster-letter",
	// "en-es"), when it concerns one.
	Output, Lang string
}

// Errorf returns an error diagnostic at pos with a hint (may be "").
func Errorf(pos Pos, hint, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, Pos: pos, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// Warnf returns a warning at pos, found by rule, with a hint.
func Warnf(pos Pos, rule, hint, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Warning, Pos: pos, Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// Error is the diagnostic as one line without its severity or hint:
// "FILE:LINE:COL: [OUTPUT LANG] message" (parts without a value left out).
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if d.Pos.File != "" {
		b.WriteString(d.Pos.String())
		b.WriteString(": ")
	}
	switch {
	case d.Output != "" && d.Lang != "":
		fmt.Fprintf(&b, "[%s %s] ", d.Output, d.Lang)
	case d.Output != "":
		fmt.Fprintf(&b, "[%s] ", d.Output)
	}
	b.WriteString(d.Message)
	return b.String()
}

// String is the diagnostic as one line with its severity: "error: …".
func (d Diagnostic) String() string {
	sev := d.Severity
	if sev == "" {
		sev = Error
	}
	return string(sev) + ": " + d.Error()
}

// IsError reports whether d stops a document.
func (d Diagnostic) IsError() bool { return d.Severity != Warning }

// In returns d for the document output in language lang (fields already
// set are kept).
func (d Diagnostic) In(output, lang string) Diagnostic {
	if d.Output == "" {
		d.Output = output
	}
	if d.Lang == "" {
		d.Lang = lang
	}
	return d
}

// MarshalJSON writes the record check --format json prints: severity,
// where (FILE:LINE:COL), file, line, col, output, language, rule, message,
// hint.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	type record struct {
		Severity Severity `json:"severity"`
		Where    string   `json:"where,omitempty"`
		File     string   `json:"file,omitempty"`
		Line     int      `json:"line,omitempty"`
		Col      int      `json:"col,omitempty"`
		Output   string   `json:"output,omitempty"`
		Lang     string   `json:"language,omitempty"`
		Rule     string   `json:"rule,omitempty"`
		Message  string   `json:"message"`
		Hint     string   `json:"hint,omitempty"`
	}
	r := record{Severity: d.Severity, File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
		Output: d.Output, Lang: d.Lang, Rule: d.Rule, Message: d.Message, Hint: d.Hint}
	if r.Severity == "" {
		r.Severity = Error
	}
	if d.Pos.File != "" {
		r.Where = d.Pos.String()
	}
	return json.Marshal(r)
}

// Hinter is an error of a lower stage's own type that carries the hint
// set where it was found (the text engine's overflow and missing-glyph
// errors).
type Hinter interface {
	error
	Hint() string
}

// From returns err as a diagnostic: the *Diagnostic it is or wraps (any
// context a wrapper adds is dropped: the diagnostic already says where),
// or an error diagnostic with err's text and, for a Hinter, its hint.
func From(err error) *Diagnostic {
	var d *Diagnostic
	if errors.As(err, &d) {
		return d
	}
	out := &Diagnostic{Severity: Error, Message: err.Error()}
	var h Hinter
	if errors.As(err, &h) {
		out.Hint = h.Hint()
	}
	return out
}

// Errors returns the error diagnostics among ds.
func Errors(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.IsError() {
			out = append(out, d)
		}
	}
	return out
}

// Count returns how many of ds are errors and how many warnings.
func Count(ds []Diagnostic) (errs, warns int) {
	for _, d := range ds {
		if d.IsError() {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// Key identifies what a diagnostic says, for reporting it once: its
// severity, place, language and message. The output is left out, so the
// same finding in another size or mode of a product counts as the same.
func (d Diagnostic) Key() string {
	return string(d.Severity) + "\x00" + d.Pos.String() + "\x00" + d.Lang + "\x00" + d.Message
}
