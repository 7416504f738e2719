package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"handbill/frame"
	"handbill/layouts"
	"handbill/render"
	"handbill/source"
)

// Result is what became of one document; the manifest lists them.
type Result struct {
	File      string              `json:"file"`
	Product   string              `json:"product"`
	Layout    string              `json:"layout"`
	Languages []string            `json:"languages"`
	Region    string              `json:"region"`
	Audience  string              `json:"audience"`
	PageSize  string              `json:"page_size,omitempty"`
	Pages     int                 `json:"pages,omitempty"`
	Bytes     int                 `json:"bytes,omitempty"`
	SHA256    string              `json:"sha256,omitempty"`
	Warnings  []source.Diagnostic `json:"warnings,omitempty"`
	Errors    []source.Diagnostic `json:"errors,omitempty"`
	// Reviews say, per language, how far the text was reviewed: the
	// built-in text's status, and what the user's content file says of
	// its own text (status, reviewer, date).
	Reviews []Review `json:"reviews,omitempty"`
	// Removed is the path of the file an earlier build wrote for this
	// document, removed because the document now fails.
	Removed string `json:"removed,omitempty"`
	// Kept is the sha256 of the file an earlier build wrote for this
	// document, left as it was because this one could not replace it
	// (on Windows, while a PDF viewer has it open): the next build may
	// replace it.
	Kept string `json:"kept_sha256,omitempty"`
}

// Failed reports whether the document has an error (and was not written).
func (r Result) Failed() bool { return len(r.Errors) > 0 }

// Written reports whether the document was written.
func (r Result) Written() bool { return r.SHA256 != "" }

func (r *Result) add(ds []source.Diagnostic) {
	for _, d := range ds {
		if d.IsError() {
			r.Errors = append(r.Errors, d)
		} else {
			r.Warnings = append(r.Warnings, d)
		}
	}
}

// Review is how far a document's text in one language was reviewed.
type Review struct {
	Language string `json:"language"`
	// Builtin is the status of handbill's own text in the language
	// (machine-draft for every built-in language today).
	Builtin string `json:"builtin_status,omitempty"`
	// Status, Reviewer and Date are what the user's content file says of
	// the text it gives in the language (its provenance).
	Status   string `json:"status,omitempty"`
	Reviewer string `json:"reviewer,omitempty"`
	Date     string `json:"date,omitempty"`
}

func newResult(sel *Selection, t Task) Result {
	r := Result{File: filepath.ToSlash(t.File), Product: t.Target.Layout.Product, Layout: t.Target.Layout.Name,
		Region: sel.Region, Audience: sel.Audience}
	for _, l := range t.Langs {
		r.Languages = append(r.Languages, l.String())
		rv := Review{Language: l.String()}
		if d, ok := sel.docs[l]; ok {
			rv.Builtin = d.Messages.Status
		}
		if p, ok := sel.Content.UserProvenance(l); ok {
			rv.Status, rv.Reviewer, rv.Date = p.Status, p.Reviewer, p.Date
		}
		r.Reviews = append(r.Reviews, rv)
	}
	return r
}

// interrupted is the result of a document a stopped run did not make.
func interrupted(sel *Selection, t Task) Result {
	r := newResult(sel, t)
	r.Errors = []source.Diagnostic{{Severity: source.Error, Rule: RuleInterrupted, Output: t.Target.Name(), Lang: t.Lang(),
		Message: "not built: the run was interrupted", Hint: "run the same command again to build it"}}
	return r
}

// RuleInterrupted marks documents a stopped run did not make.
const RuleInterrupted = "interrupted"

// started is when this process began building, for --timestamp.
var started = sync.OnceValue(time.Now)

func (s *Selection) now() time.Time {
	if s.Now.IsZero() {
		return time.Now()
	}
	return s.Now
}

// builtinLayouts is the built-in layouts (a preset is met by them).
func builtinLayouts() map[string]*layouts.Layout {
	ls, _ := layouts.Builtin()
	return ls
}

// write renders a prepared document and writes it into outDir, filling
// in the result. The file is replaced only if the folder's manifest
// records handbill writing it and it is unchanged since, or with force.
func write(sel *Selection, outDir string, doc *Document, force bool, prev *Manifest, r *Result) *source.Diagnostic {
	path := filepath.Join(outDir, doc.Task.File)
	if err := checkReplace(path, r.File, force, prev); err != nil {
		return err
	}
	var buf bytes.Buffer
	wo := render.WriteOptions{}
	if sel.Timestamp {
		wo.Created = started()
	}
	if doc.Task.Target.Mode == "press" {
		wo.OutputIntent = sel.OutputIntent
	}
	if err := render.WriteWith(&buf, doc.Frames, wo); err != nil {
		return source.Errorf(source.Pos{}, "this is a fault in handbill: please report it with the files that cause it", "%s: %v", r.File, err)
	}
	if err := source.WriteAtomic(path, buf.Bytes()); err != nil {
		// A diagnostic naming the file: it could not be written, or could
		// not replace the old one (open in a PDF viewer on Windows). The
		// old one, as it was, stays recorded for the next build.
		r.Kept = prev.written(r.File, path)
		return source.From(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	r.SHA256, r.Bytes, r.Pages = hex.EncodeToString(sum[:]), buf.Len(), len(doc.Frames.Pages)
	r.PageSize = pageSize(doc.Frames.Pages[0])
	return nil
}

func pageSize(p *frame.Page) string {
	w, h := p.W, p.H
	if p.Trim != nil {
		return fmt.Sprintf("%.0fx%.0fpt trim %.2fx%.2fin, bleed %.0fx%.0fpt", w, h, p.Trim.W/72, p.Trim.H/72, p.Bleed.W, p.Bleed.H)
	}
	return fmt.Sprintf("%.0fx%.0fpt", w, h)
}

// checkReplace allows replacing an existing file only when the manifest
// in the output folder records handbill writing it and it has not changed
// since (same sha256), or with force.
func checkReplace(path, rel string, force bool, prev *Manifest) *source.Diagnostic {
	st, err := os.Stat(path)
	if err != nil || force {
		return nil
	}
	if !st.IsDir() && prev.wrote(rel, path) {
		return nil
	}
	return source.Errorf(source.Pos{}, "move the file away, choose another --out folder, or add --force to replace it",
		"%s exists and was not written by handbill", path)
}
