package build

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"handbill/fonts"
	"handbill/presets"
	"handbill/source"
	"handbill/text"
)

// Job is one selection carried out into one output folder: the command
// line's, or one job of a batch file.
type Job struct {
	// Name is the batch job's name ("" for the command line).
	Name string
	// Sel is what to make; Err, when Sel is nil, why the request could not
	// be selected (the job is reported as failed, the others go on).
	Sel *Selection
	Err error
	// Select, when Sel and Err are both unset, selects the job when Run
	// comes to it: a batch's jobs are loaded one after another as they
	// run, not all before the first document.
	Select func() (*Selection, error)
	OutDir string
}

// Options say how Run carries the jobs out.
type Options struct {
	// Write writes each document that has no error, and each job's
	// manifest (build); without it nothing is written (check).
	Write bool
	// Force replaces files in the output folder handbill did not write.
	Force bool
	// Workers is how many documents are made at once (0: one per CPU).
	Workers int
	// Progress, if set, is called once per document as it is finished
	// (written, refused or checked), never concurrently.
	Progress func(Progress)
	// Waiting, if set, is called when an output folder is held by another
	// handbill: Run waits for it.
	Waiting func(dir string)
}

// Progress is one finished document.
type Progress struct {
	Job  string
	Done int
	// Total is the number of documents planned; while a batch's later jobs
	// are still to be planned, it is an estimate (Estimated), counting
	// each of them as many documents as the jobs planned so far average.
	Total     int
	Estimated bool
	Result    Result
}

// Outcome is what became of one job.
type Outcome struct {
	Job    string
	OutDir string
	// Err is set when the job could not start (a mistake in its content
	// file, an unknown name): nothing of it was made.
	Err *source.Diagnostic
	// Notes are the job's warnings that concern no one document (an
	// output left out); Preset the compliance preset's findings.
	Notes, Preset []source.Diagnostic
	// Results has one entry per planned document, in plan order.
	Results []Result
	// Manifest is the manifest written (nil when nothing was written).
	Manifest *Manifest
	// PresetName is the compliance preset the job was built to ("" for
	// none).
	PresetName string
}

// Failed reports whether any of the job's documents has an error, or the
// job could not start.
func (o *Outcome) Failed() bool {
	if o.Err != nil || len(source.Errors(o.Preset)) > 0 {
		return true
	}
	for _, r := range o.Results {
		if r.Failed() {
			return true
		}
	}
	return false
}

// Diagnostics is every finding of the job, in a stable order (errors
// first, then as found: the job's, then document by document in plan
// order, then the preset's), each once: the same text in another size or
// mode of a product is reported for the first only.
func (o *Outcome) Diagnostics() []source.Diagnostic {
	var all []source.Diagnostic
	if o.Err != nil {
		all = append(all, *o.Err)
	}
	all = append(all, o.Notes...)
	for _, r := range o.Results {
		all = append(all, r.Errors...)
		all = append(all, r.Warnings...)
	}
	all = append(all, o.Preset...)
	return Dedupe(all)
}

// Dedupe drops repeated diagnostics (same severity, place, language and
// message) and puts errors before warnings, keeping the order otherwise.
func Dedupe(ds []source.Diagnostic) []source.Diagnostic {
	seen := map[string]bool{}
	var out []source.Diagnostic
	for _, d := range ds {
		k := d.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].IsError() && !out[b].IsError() })
	return out
}

// jobRun is a job under way.
type jobRun struct {
	job    Job
	out    *Outcome
	tasks  []Task
	docs   []*Document // prepared documents, for a preset's check
	left   int         // tasks not yet finished
	fed    bool        // every task has been handed to a worker (or the run was stopped)
	halted bool        // the run was stopped before every task was handed out
	ended  bool        // the job's manifest is written and its state let go
	prev   *Manifest   // the manifest already in the output folder
	folder *folder     // the output folder, held while writing
	preset bool
}

// Run carries every job's documents through the pipeline in one pool of
// workers: Prepare, then (with o.Write) write the document if it has no
// error. A job with a compliance preset is checked as a whole once all
// its documents are prepared, and nothing of it is written if the preset
// is not met. A job that fails, or a document that does, does not stop the
// others.
//
// Jobs are selected and planned one after another as the workers come to
// them, and a job's manifest is written, its folder let go and its
// content and documents released as soon as its last document is done:
// the first document of a batch of thousands is written as soon as that of
// a batch of one, and memory does not grow with the number of jobs.
//
// When ctx is cancelled (Ctrl-C), no further document is started; those
// under way finish, and each job's manifest lists the rest as not built.
// No partial file is ever left: PDFs are written to a temporary file and
// renamed.
func Run(ctx context.Context, jobs []Job, o Options) []Outcome {
	outs := make([]*Outcome, len(jobs))
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var mu sync.Mutex
	done, planned, plannedJobs := 0, 0, 0
	report := func(r *jobRun, k int) { // with mu held
		done++
		if o.Progress == nil {
			return
		}
		total, est := planned, plannedJobs < len(jobs)
		if est && plannedJobs > 0 {
			total += (len(jobs) - plannedJobs) * planned / plannedJobs
		}
		o.Progress(Progress{Job: r.job.Name, Done: done, Total: max(total, done), Estimated: est, Result: r.out.Results[k]})
	}
	// end finishes a job whose documents are all done: its manifest is
	// written, its folder let go and its state released.
	end := func(r *jobRun) {
		if o.Write && r.out.Err == nil {
			m := (&Manifest{Generator: "handbill", Notes: r.out.Notes, Files: r.out.Results}).merge(r.prev, r.job.OutDir)
			if err := m.write(r.job.OutDir); err != nil {
				r.out.Err = source.Errorf(source.Pos{File: r.job.OutDir}, "check that the output folder can be written to", "cannot write the manifest: %v", err)
			}
			r.out.Manifest = m
		}
		if r.folder != nil {
			r.folder.close()
		}
		r.job, r.tasks, r.docs, r.prev, r.folder = Job{Name: r.job.Name, OutDir: r.job.OutDir}, nil, nil, nil, nil
	}
	// settle ends r if its last document is done and no more are coming.
	// A preset job's documents are first checked together and finished
	// (written when the preset is met); a preset job that was stopped
	// before all of them were prepared is not written at all.
	settle := func(r *jobRun) { // with mu held
		if !r.fed || r.left > 0 || r.ended {
			return
		}
		r.ended = true
		mu.Unlock()
		if r.preset && !r.halted {
			results := finishPreset(r.job.Sel, r, o)
			mu.Lock()
			for k, res := range results {
				r.out.Results[k] = res
				report(r, k)
			}
			mu.Unlock()
		}
		end(r)
		mu.Lock()
	}

	type item struct {
		r *jobRun
		k int
	}
	next := make(chan item)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			engines := map[*fonts.Registry]*text.Engine{}
			for q := range next {
				r := q.r
				sel := r.job.Sel
				e, ok := engines[sel.Fonts]
				if !ok {
					e = text.NewEngine(sel.Fonts)
					engines[sel.Fonts] = e
				}
				doc := sel.Prepare(e, r.tasks[q.k])
				if !r.preset {
					res := finish(sel, r.job.OutDir, doc, o, r.prev)
					mu.Lock()
					r.out.Results[q.k] = res
					r.left--
					report(r, q.k)
					settle(r)
					mu.Unlock()
					continue
				}
				mu.Lock()
				r.docs[q.k] = doc
				r.left--
				settle(r)
				mu.Unlock()
			}
		}()
	}

	// The jobs are started and their documents handed out in order; after
	// a cancel, the jobs not yet started are planned only to list their
	// documents as not built.
	stopped := false
	for i, j := range jobs {
		r := startJob(j, o)
		outs[i] = r.out
		mu.Lock()
		plannedJobs++
		planned += len(r.tasks)
		mu.Unlock()
		if r.out.Err != nil {
			end(r)
			continue
		}
		k := 0
		if !stopped {
			for ; k < len(r.tasks); k++ {
				select {
				case next <- item{r, k}:
					continue
				case <-ctx.Done():
					stopped = true
				}
				break
			}
		}
		mu.Lock()
		if k < len(r.tasks) {
			r.halted = true
			if r.preset {
				// A preset job whose last documents were not prepared is
				// not written at all.
				for k := range r.tasks {
					r.out.Results[k] = interrupted(r.job.Sel, r.tasks[k])
				}
			} else {
				for k := k; k < len(r.tasks); k++ {
					r.out.Results[k] = interrupted(r.job.Sel, r.tasks[k])
				}
			}
			r.left -= len(r.tasks) - k
		}
		r.fed = true
		settle(r)
		mu.Unlock()
	}
	close(next)
	wg.Wait()
	out := make([]Outcome, len(outs))
	for i, o := range outs {
		out[i] = *o
	}
	return out
}

// startJob selects and plans a job and, when writing, takes its output
// folder and reads the manifest already in it. A job that cannot start
// has its Outcome's Err set.
func startJob(j Job, o Options) *jobRun {
	r := &jobRun{job: j, out: &Outcome{Job: j.Name, OutDir: j.OutDir}}
	if j.Sel == nil && j.Err == nil && j.Select != nil {
		r.job.Sel, r.job.Err = j.Select()
		if r.job.Sel == nil && r.job.Err == nil {
			r.job.Err = fmt.Errorf("job %s selects nothing", j.Name)
		}
	}
	if r.job.Sel == nil {
		err := r.job.Err
		if err == nil {
			err = fmt.Errorf("nothing selected")
		}
		r.out.Err = source.From(err)
		return r
	}
	if r.job.Sel.Preset != nil {
		r.out.PresetName = r.job.Sel.Preset.Name
	}
	r.tasks, r.out.Notes = r.job.Sel.Plan()
	if len(r.tasks) == 0 {
		r.out.Err = source.Errorf(source.Pos{}, "choose layouts and languages that make at least one document", "nothing to build%s", notesText(r.out.Notes))
		return r
	}
	r.out.Results = make([]Result, len(r.tasks))
	r.left = len(r.tasks)
	r.preset = r.job.Sel.Preset != nil
	if r.preset {
		r.docs = make([]*Document, len(r.tasks))
	}
	if o.Write {
		// The folder is held from before its manifest is read until the
		// new one is written: two builds into one folder take turns, and
		// neither loses the other's files.
		f, err := openFolder(j.OutDir, o.Waiting)
		if err != nil {
			r.out.Err = err
			return r
		}
		r.folder = f
		r.prev = readManifest(j.OutDir)
	}
	return r
}

// finish writes a prepared document when asked to and it has no error,
// and returns its result.
func finish(sel *Selection, outDir string, doc *Document, o Options, prev *Manifest) Result {
	res := newResult(sel, doc.Task)
	res.add(doc.Diagnostics)
	if o.Write && !doc.Failed() {
		if err := write(sel, outDir, doc, o.Force, prev, &res); err != nil {
			res.add([]source.Diagnostic{*err})
		}
	}
	// A file an earlier build wrote is removed when its document fails,
	// but not when it was kept because this build could not replace it.
	if o.Write && res.Failed() && res.Kept == "" {
		res.Removed = removeStale(outDir, doc.Task.File, prev)
	}
	doc.Frames = nil // the frames are done with; let them go
	return res
}

// finishPreset checks a preset job's documents together against the
// preset and then finishes each; when the preset is not met, none is
// written.
func finishPreset(sel *Selection, r *jobRun, o Options) []Result {
	var built []presets.Composed
	for _, d := range r.docs {
		if d.Frames != nil {
			built = append(built, presets.Composed{Target: d.Task.Target, Docs: d.Docs, Frames: d.Frames})
		}
	}
	env := presets.Env{Content: sel.Content, Layouts: builtinLayouts(), Third: sel.ThirdLanguage, Now: sel.now()}
	r.out.Preset = sel.Preset.Check(env, built)
	// The preset is met by the documents together: when it is not, each
	// of them carries its errors and none is written.
	unmet := source.Errors(r.out.Preset)
	results := make([]Result, len(r.docs))
	for k, d := range r.docs {
		d.Diagnostics = append(d.Diagnostics, unmet...)
		results[k] = finish(sel, r.job.OutDir, d, o, r.prev)
	}
	r.docs = nil
	return results
}

func notesText(notes []source.Diagnostic) string {
	s := ""
	for _, n := range notes {
		s += ": " + n.Message
	}
	return s
}

// Build makes the selection's documents into outDir (a one-job Run).
func Build(ctx context.Context, sel *Selection, outDir string, o Options) Outcome {
	o.Write = true
	return Run(ctx, []Job{{Sel: sel, OutDir: outDir}}, o)[0]
}

// Check runs every check Build runs on the selection's documents and
// writes nothing (a one-job Run).
func Check(ctx context.Context, sel *Selection, o Options) Outcome {
	o.Write = false
	return Run(ctx, []Job{{Sel: sel}}, o)[0]
}
