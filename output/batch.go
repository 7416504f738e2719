package output

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"handbill/content"
	"handbill/text"
)

// BatchFile is a programme of builds (`handbill build --batch FILE`): many
// jobs, each with its own content (organisation overrides), languages,
// layouts and region, built into out/<job name>/.
type BatchFile struct {
	// Out is the folder the jobs' folders go in (default: --out).
	Out string `yaml:"out"`
	// Defaults apply to every job that leaves a field out.
	Defaults BatchJob   `yaml:"defaults"`
	Jobs     []BatchJob `yaml:"jobs,required"`
}

// BatchJob is one job of a programme.
type BatchJob struct {
	Name     string   `yaml:"name"`
	Content  string   `yaml:"content"`
	Layouts  []string `yaml:"layouts"`
	Langs    []string `yaml:"langs"`
	Region   string   `yaml:"region"`
	Audience string   `yaml:"audience"`
	Pos      content.Pos
}

// BatchResult is what became of one job.
type BatchResult struct {
	Job      string
	Err      error // the job could not start (bad content file, unknown name)
	Manifest *Manifest
}

// BatchPlan turns a job into build options; the caller resolves names
// (layouts, languages) the way the command line does.
type BatchPlan func(job BatchJob, out string) (BuildOptions, error)

// LoadBatch reads a programme file strictly. Relative paths in it are
// relative to the file's folder.
func LoadBatch(file string) (*BatchFile, error) {
	data, err := content.ReadFile(file, content.MaxFileSize)
	if err != nil {
		return nil, &content.Error{Pos: content.Pos{File: file}, Msg: "cannot read the batch file: " + err.Error(), Hint: "check the path given to --batch"}
	}
	var b BatchFile
	if err := content.DecodeYAML(file, data, &b); err != nil {
		return nil, err
	}
	dir := filepath.Dir(file)
	seen := map[string]bool{}
	for i := range b.Jobs {
		j := &b.Jobs[i]
		if j.Name == "" {
			return nil, &content.Error{Pos: content.Pos{File: file, Line: 1, Col: 1}, Msg: fmt.Sprintf("job %d has no name", i+1), Hint: "give every job a name: it is the folder its files go in"}
		}
		if seen[j.Name] || filepath.Base(j.Name) != j.Name || j.Name == "." || j.Name == ".." {
			return nil, &content.Error{Pos: content.Pos{File: file, Line: 1, Col: 1}, Msg: fmt.Sprintf("job name %q is repeated or is not a plain folder name", j.Name), Hint: "use a unique name without slashes for every job"}
		}
		seen[j.Name] = true
		if j.Content == "" {
			j.Content = b.Defaults.Content
		}
		if j.Content != "" && !filepath.IsAbs(j.Content) {
			j.Content = filepath.Join(dir, j.Content)
		}
		if j.Layouts == nil {
			j.Layouts = b.Defaults.Layouts
		}
		for k, l := range j.Layouts {
			if filepath.Ext(l) == ".yaml" && !filepath.IsAbs(l) {
				j.Layouts[k] = filepath.Join(dir, l)
			}
		}
		if j.Langs == nil {
			j.Langs = b.Defaults.Langs
		}
		if j.Region == "" {
			j.Region = b.Defaults.Region
		}
		if j.Audience == "" {
			j.Audience = b.Defaults.Audience
		}
	}
	if b.Out != "" && !filepath.IsAbs(b.Out) {
		b.Out = filepath.Join(dir, b.Out)
	}
	return &b, nil
}

// RunBatch builds every job's documents in one pool of workers. A job that
// cannot start, or a document that fails, does not stop the others; each
// job gets its own manifest. progress, if set, is called per document.
func RunBatch(b *BatchFile, out string, workers int, plan BatchPlan, progress func(done, total int, job string, r Result)) []BatchResult {
	if b.Out != "" {
		out = b.Out
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type task struct {
		job  int
		opts BuildOptions
		j    Job
	}
	results := make([]BatchResult, len(b.Jobs))
	var tasks []task
	docs := make([][]Result, len(b.Jobs))
	opts := make([]BuildOptions, len(b.Jobs))
	notes := make([][]string, len(b.Jobs))
	for i, job := range b.Jobs {
		results[i].Job = job.Name
		o, err := plan(job, filepath.Join(out, job.Name))
		if err != nil {
			results[i].Err = err
			continue
		}
		o.prev = readManifest(o.OutDir)
		opts[i] = o
		jobs, n := Plan(o)
		notes[i] = n
		docs[i] = make([]Result, len(jobs))
		for _, j := range jobs {
			tasks = append(tasks, task{job: i, opts: o, j: j})
		}
	}
	index := make([]int, len(tasks)) // position of each task in its job
	count := map[int]int{}
	for k, t := range tasks {
		index[k] = count[t.job]
		count[t.job]++
	}
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range min(workers, max(len(tasks), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			engines := map[any]*text.Engine{}
			for k := range next {
				t := tasks[k]
				e, ok := engines[t.opts.Fonts]
				if !ok {
					e = text.NewEngine(t.opts.Fonts)
					engines[t.opts.Fonts] = e
				}
				r := buildOne(e, t.opts, t.j, nil)
				mu.Lock()
				docs[t.job][index[k]] = r
				done++
				if progress != nil {
					progress(done, len(tasks), b.Jobs[t.job].Name, r)
				}
				mu.Unlock()
			}
		}()
	}
	for k := range tasks {
		next <- k
	}
	close(next)
	wg.Wait()
	for i := range b.Jobs {
		if results[i].Err != nil {
			continue
		}
		sort.SliceStable(docs[i], func(a, c int) bool { return docs[i][a].File < docs[i][c].File })
		m := (&Manifest{Generator: "handbill", Notes: notes[i], Files: docs[i]}).merge(opts[i].prev, opts[i].OutDir)
		if err := m.write(opts[i].OutDir); err != nil && results[i].Err == nil {
			results[i].Err = err
		}
		results[i].Manifest = m
	}
	return results
}
