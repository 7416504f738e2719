package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/text"
)

// BuildOptions say what to build and where.
type BuildOptions struct {
	Content  *content.Set
	Layouts  []*layouts.Layout
	Langs    []language.Tag
	Region   string
	Audience string
	Fonts    *fonts.Registry
	OutDir   string
	// Force replaces files in OutDir that handbill did not write.
	Force bool
	// RequireReviewed makes an unreviewed (machine-draft) translation an
	// error instead of a warning.
	RequireReviewed bool
	// Now is the date hotline entries' last-verified dates are measured
	// against (zero: today).
	Now time.Time
	// Preset, when set, is a compliance preset every document must meet;
	// ThirdLanguage is the county's third language where it asks for one.
	Preset        *layouts.Preset
	ThirdLanguage string
	// MinSize, when set, is a minimum type size (a compliance preset's)
	// stricter than the layouts' own.
	MinSize float64
	// Only, when set, keeps just the outputs (target names) it holds.
	Only map[string]bool
	// Workers is how many documents are built at once (0: one per CPU).
	Workers int
	// Progress, if set, is called once per document as it finishes, never
	// concurrently.
	Progress func(done, total int, r Result)
	// Stop, when closed (on SIGINT), stops handing out documents: those
	// under way finish, the rest are listed in the manifest as not built.
	Stop <-chan struct{}
	// Press adds a print-shop output of every size of every product
	// (cards have one anyway): one design per page, bleed, crop marks,
	// trim and bleed boxes, CMYK and spot colours where the layout gives
	// them.
	Press bool
	// Timestamp writes the real creation date into each PDF; without it
	// the date is fixed and the same input gives the same bytes.
	Timestamp bool
	// Calibration adds the duplex calibration page of every card sheet.
	Calibration bool
	// OutputIntent, when set, is the path of an ICC printer profile written
	// as the PDF/X output intent of press outputs.
	OutputIntent string

	profile *Profile  // read from OutputIntent
	started time.Time // when the build began, for Timestamp
	// prev is the manifest already in OutDir: the files handbill wrote
	// there before, which it may replace.
	prev *Manifest
}

func (o BuildOptions) now() time.Time {
	if o.started.IsZero() {
		return time.Now()
	}
	return o.started
}

// Job is one document to build.
type Job struct {
	Target layouts.Target
	Langs  []language.Tag
	// File is the output path relative to the output folder, e.g.
	// "es/poster-letter.pdf".
	File string
}

// Result is what became of one job; the manifest lists them.
type Result struct {
	File      string   `json:"file"`
	Product   string   `json:"product"`
	Layout    string   `json:"layout"`
	Languages []string `json:"languages"`
	Region    string   `json:"region"`
	Audience  string   `json:"audience"`
	PageSize  string   `json:"page_size"`
	Pages     int      `json:"pages"`
	Bytes     int      `json:"bytes"`
	SHA256    string   `json:"sha256"`
	Warnings  []string `json:"warnings,omitempty"`
	Error     string   `json:"error,omitempty"`
	Err       error    `json:"-"`
}

// Plan lists the documents a build makes, in a stable order: every target
// of every layout in every language; a multilingual layout gets the first
// two languages together, plus each further language as a third panel.
// notes says what was left out and why.
func Plan(opts BuildOptions) (jobs []Job, notes []string) {
	for _, l := range opts.Layouts {
		targets := layouts.Targets(l)
		if opts.Press {
			targets = append(targets, layouts.PressTargets(l)...)
		}
		if opts.Calibration {
			for _, t := range layouts.CalibrationTargets(l) {
				if opts.Only == nil || opts.Only[t.Name()] || opts.Only[t.Desktop().Name()] {
					// One per sheet, at the top of the output folder: its
					// words are English whatever the languages built.
					jobs = append(jobs, Job{Target: t, Langs: []language.Tag{language.English}, File: t.Name() + ".pdf"})
				}
			}
		}
		for _, t := range targets {
			if opts.Only != nil && !opts.Only[t.Name()] && !opts.Only[t.Desktop().Name()] {
				continue
			}
			if t.Multilingual() {
				sets := panelSets(opts.Langs)
				if len(sets) == 0 {
					notes = append(notes, fmt.Sprintf("%s needs two or three languages (e.g. --lang en,es,vi); not built", t.Name()))
				}
				for _, set := range sets {
					jobs = append(jobs, Job{Target: t, Langs: set, File: filepath.Join(langDir(set), t.Name()+".pdf")})
				}
				continue
			}
			for _, lang := range opts.Langs {
				set := []language.Tag{lang}
				jobs = append(jobs, Job{Target: t, Langs: set, File: filepath.Join(langDir(set), t.Name()+".pdf")})
			}
		}
	}
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].File < jobs[j].File })
	return jobs, notes
}

func panelSets(langs []language.Tag) [][]language.Tag {
	switch {
	case len(langs) < 2:
		return nil
	case len(langs) == 2:
		return [][]language.Tag{langs}
	}
	var out [][]language.Tag
	for _, third := range langs[2:] {
		out = append(out, []language.Tag{langs[0], langs[1], third})
	}
	return out
}

func langDir(langs []language.Tag) string {
	var s []string
	for _, l := range langs {
		s = append(s, l.String())
	}
	return strings.Join(s, "-")
}

// Build makes every planned document, in parallel, and writes the
// manifest. A document with an error is not written; the others still
// are. The error returned joins every document's error.
func Build(opts BuildOptions) (*Manifest, error) {
	if opts.OutputIntent != "" {
		p, err := ReadProfile(opts.OutputIntent)
		if err != nil {
			return nil, fmt.Errorf("--output-intent %s: %w", opts.OutputIntent, err)
		}
		opts.profile = p
	}
	if opts.Timestamp {
		opts.started = time.Now()
	}
	opts.prev = readManifest(opts.OutDir)
	jobs, notes := Plan(opts)
	if len(jobs) == 0 {
		return nil, fmt.Errorf("nothing to build: %s", strings.Join(notes, "; "))
	}
	// composed holds each job's frames when they were composed already.
	composed := make([]*frame.Doc, len(jobs))
	if opts.Preset != nil {
		// A preset is met by the whole set of documents (its languages,
		// its hotlines on each): check before writing anything, then write
		// the documents the check composed.
		rep, frames := check(opts, jobs, notes)
		composed = frames
		var errs []error
		for _, f := range rep.Findings {
			if f.Severity == layouts.SevError && f.Rule == opts.Preset.Law {
				errs = append(errs, &content.Error{Pos: f.Pos, Msg: fmt.Sprintf("[%s %s] %s", f.Product, f.Lang, f.Msg), Hint: f.Hint})
			}
		}
		if len(errs) > 0 {
			return nil, &PresetError{Preset: opts.Preset.Name, Errs: errs}
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	results := make([]Result, len(jobs))
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := text.NewEngine(opts.Fonts)
			for i := range next {
				r := buildOne(e, opts, jobs[i], composed[i])
				mu.Lock()
				results[i] = r
				done++
				if opts.Progress != nil {
					opts.Progress(done, len(jobs), r)
				}
				mu.Unlock()
			}
		}()
	}
	stopped := -1
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-opts.Stop:
			stopped = i
			break feed
		}
	}
	close(next)
	wg.Wait()
	if stopped >= 0 {
		for i := stopped; i < len(jobs); i++ {
			if results[i].File == "" {
				results[i] = Result{File: filepath.ToSlash(jobs[i].File), Layout: jobs[i].Target.Layout.Name,
					Error: "not built: the run was interrupted", Err: ErrInterrupted}
			}
		}
	}
	m := &Manifest{Generator: "handbill", Notes: notes, Files: results}
	if err := m.merge(opts.prev, opts.OutDir).write(opts.OutDir); err != nil {
		return m, err
	}
	var errs []error
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
	}
	return m, errors.Join(errs...)
}

// buildOne makes one document; doc, when not nil, is its frames,
// composed already.
func buildOne(e *text.Engine, opts BuildOptions, j Job, doc *frame.Doc) Result {
	r := Result{File: filepath.ToSlash(j.File), Product: j.Target.Layout.Product, Layout: j.Target.Layout.Name,
		Region: opts.Region, Audience: opts.Audience}
	fail := func(err error) Result {
		r.Err, r.Error = err, err.Error()
		return r
	}
	var docs []*content.Doc
	for _, lang := range j.Langs {
		r.Languages = append(r.Languages, lang.String())
		d, err := opts.Content.Resolve(lang, opts.Audience, opts.Region)
		if err != nil {
			return fail(err)
		}
		if opts.RequireReviewed && (d.Messages.Status == "machine-draft" || d.Messages.Status == "") {
			return fail(&content.Error{Msg: fmt.Sprintf("%s: the %s text is a machine draft, not reviewed (--require-reviewed)", lang, d.Messages.Name),
				Hint: "have a native speaker review it and set its provenance status to community-reviewed or professional, or build without --require-reviewed"})
		}
		docs = append(docs, d)
		for _, w := range docWarnings(d, opts.Now) {
			r.Warnings = append(r.Warnings, w.String())
		}
	}
	if doc == nil {
		var err error
		if doc, err = layouts.Compose(e, j.Target, docs); err != nil {
			return fail(err)
		}
	}
	for _, f := range layouts.CheckFrames(j.Target, doc, langDir(j.Langs), opts.MinSize) {
		if f.Severity == layouts.SevError {
			return fail(&content.Error{Pos: f.Pos, Msg: f.Msg, Hint: f.Hint})
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: %s", f.Pos, f.Msg))
	}
	path := filepath.Join(opts.OutDir, j.File)
	if err := checkReplace(path, r.File, opts.Force, opts.prev); err != nil {
		return fail(err)
	}
	var buf bytes.Buffer
	wo := WriteOptions{}
	if opts.Timestamp {
		wo.Created = opts.now()
	}
	if j.Target.Mode == "press" {
		wo.OutputIntent = opts.profile
	}
	if err := WriteWith(&buf, doc, wo); err != nil {
		return fail(fmt.Errorf("%s: %w", r.File, err))
	}
	if err := writeAtomic(path, buf.Bytes()); err != nil {
		return fail(fmt.Errorf("%s: %w", r.File, err))
	}
	sum := sha256.Sum256(buf.Bytes())
	r.SHA256, r.Bytes, r.Pages = hex.EncodeToString(sum[:]), buf.Len(), len(doc.Pages)
	r.PageSize = pageSize(doc.Pages[0])
	return r
}

// staleWarnings flags hotlines last verified more than a year before now:
// numbers change, and a stale one may no longer answer.
func staleWarnings(d *content.Doc, now time.Time) []content.Warning {
	if now.IsZero() {
		now = time.Now()
	}
	var out []content.Warning
	for _, h := range append(slices.Clone(d.Hotlines), d.Emergency) {
		if v, ok := h.VerifiedDate(); ok && now.Sub(v) > 366*24*time.Hour {
			out = append(out, content.Warning{Pos: h.Pos, Kind: content.WarnStale,
				Msg: fmt.Sprintf("hotline %s (%s) was last verified on %s, over a year ago; check the number and update `verified`", h.ID, h.Display, h.Verified)})
		}
	}
	return out
}

// docWarnings is everything to warn about in a resolved document: what
// content found, stale hotlines and text with nowhere to break.
func docWarnings(d *content.Doc, now time.Time) []content.Warning {
	return slices.Concat(d.Warnings, unbrokenWarnings(d), staleWarnings(d, now))
}

// unbrokenWarnings flags Thai, Khmer, Lao or Myanmar text with a run of
// letters too long to break (see text.UnbrokenRuns): it lacks the zero
// width spaces handbill breaks lines at.
func unbrokenWarnings(d *content.Doc) []content.Warning {
	var out []content.Warning
	check := func(key string, t content.Text) {
		for _, run := range text.UnbrokenRuns(t.S) {
			out = append(out, content.Warning{Pos: t.Pos, Kind: content.WarnUnbroken,
				Msg: fmt.Sprintf("`%s` has %d characters with no place to break (%q…); put ZERO WIDTH SPACE (U+200B) between words",
					key, len([]rune(run)), string([]rune(run)[:8]))})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(d.Messages.Texts)) {
		check(k, d.Messages.Texts[k])
	}
	for _, k := range slices.Sorted(maps.Keys(d.Messages.Lists)) {
		for _, t := range d.Messages.Lists[k] {
			check(k, t)
		}
	}
	return out
}

func pageSize(p *frame.Page) string {
	w, h := p.W, p.H
	if p.Trim != nil {
		return fmt.Sprintf("%.0fx%.0fpt trim %.2fx%.2fin, bleed %.0fx%.0fpt", w, h, p.Trim.W/72, p.Trim.H/72, p.Bleed.W, p.Bleed.H)
	}
	return fmt.Sprintf("%.0fx%.0fpt", w, h)
}

// PresetError lists what keeps a build from meeting a compliance preset.
type PresetError struct {
	Preset string
	Errs   []error
}

func (e *PresetError) Error() string {
	return fmt.Sprintf("the documents do not meet preset %s (%d problems; the first: %v)", e.Preset, len(e.Errs), e.Errs[0])
}

// Hint says what to do.
func (e *PresetError) Hint() string {
	return "run 'handbill check' with the same flags to see every problem"
}

// ErrInterrupted marks documents a stopped run did not build.
var ErrInterrupted = errors.New("interrupted")

// ReplaceError is a refusal to overwrite a file handbill did not write.
type ReplaceError struct{ Path string }

func (e *ReplaceError) Error() string {
	return fmt.Sprintf("%s exists and was not written by handbill", e.Path)
}

// Hint says what the user can do.
func (e *ReplaceError) Hint() string {
	return "move the file away, choose another --out folder, or add --force to replace it"
}

// checkReplace allows replacing an existing file only when the manifest
// in the output folder records handbill writing it and it has not changed
// since (same sha256), or with --force.
func checkReplace(path, rel string, force bool, prev *Manifest) error {
	st, err := os.Stat(path)
	if err != nil || force {
		return nil
	}
	if !st.IsDir() && prev.wrote(rel, path) {
		return nil
	}
	return &ReplaceError{Path: path}
}
