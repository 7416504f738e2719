package build

import (
	"fmt"
	"path/filepath"
	"strings"

	"handbill/source"
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
	Name     source.Text `yaml:"name"`
	Content  string      `yaml:"content"`
	Layouts  []string    `yaml:"layouts"`
	Langs    []string    `yaml:"langs"`
	Region   string      `yaml:"region"`
	Audience string      `yaml:"audience"`
	Preset   string      `yaml:"preset"`
	Third    string      `yaml:"third_language"`
	// Fallback is the language printed in place of one that has no text
	// (`--fallback` on the command line).
	Fallback string `yaml:"fallback"`
}

// LoadBatch reads a programme file strictly. Relative paths in it are
// relative to the file's folder.
func LoadBatch(file string) (*BatchFile, error) {
	data, err := source.ReadFile(file, source.MaxFileSize)
	if err != nil {
		return nil, source.Errorf(source.Pos{File: file}, "check the path given to --batch", "cannot read the batch file: %v", err)
	}
	var b BatchFile
	if err := source.DecodeYAML(file, data, &b); err != nil {
		return nil, err
	}
	if len(b.Jobs) == 0 {
		return nil, source.Errorf(keyPos(file, data, "jobs"), "list at least one job: `- name: …` with its content file, languages and layouts", "the batch file has no jobs")
	}
	dir := filepath.Dir(file)
	seen := map[string]bool{}
	for i := range b.Jobs {
		j := &b.Jobs[i]
		if j.Name.S == "" {
			return nil, source.Errorf(source.Pos{File: file, Line: 1, Col: 1}, "give every job a name: it is the folder its files go in", "job %d has no name", i+1)
		}
		if seen[j.Name.S] || filepath.Base(j.Name.S) != j.Name.S || j.Name.S == "." || j.Name.S == ".." {
			return nil, source.Errorf(j.Name.Pos, "use a unique name without slashes for every job", "job name %q is repeated or is not a plain folder name", j.Name.S)
		}
		seen[j.Name.S] = true
		if j.Content == "" {
			j.Content = b.Defaults.Content
		}
		if j.Content != "" && !filepath.IsAbs(j.Content) {
			j.Content = filepath.Join(dir, j.Content)
		}
		if j.Layouts == nil {
			j.Layouts = b.Defaults.Layouts
		}
		layouts := make([]string, len(j.Layouts))
		for k, l := range j.Layouts {
			layouts[k] = l
			if ext := filepath.Ext(l); (ext == ".yaml" || ext == ".yml") && !filepath.IsAbs(l) {
				layouts[k] = filepath.Join(dir, l)
			}
		}
		j.Layouts = layouts
		if j.Langs == nil {
			j.Langs = b.Defaults.Langs
		}
		if j.Region == "" {
			j.Region = b.Defaults.Region
		}
		if j.Audience == "" {
			j.Audience = b.Defaults.Audience
		}
		if j.Preset == "" {
			j.Preset = b.Defaults.Preset
		}
		if j.Third == "" {
			j.Third = b.Defaults.Third
		}
		if j.Fallback == "" {
			j.Fallback = b.Defaults.Fallback
		}
	}
	if b.Out != "" && !filepath.IsAbs(b.Out) {
		b.Out = filepath.Join(dir, b.Out)
	}
	return &b, nil
}

// Plan turns the programme into jobs for Run: each job's request is base
// (the command line's flags) with the job's own fields in place of
// base's, into its folder under out (or the file's `out`). A job is
// selected (its content file read, its names checked) when Run comes to
// it; a job whose request cannot be selected is a job with its error.
func (b *BatchFile) Plan(base Request, out string) []Job {
	if b.Out != "" {
		out = b.Out
	}
	var jobs []Job
	for _, bj := range b.Jobs {
		req := base
		req.Content, req.Layouts, req.Langs = bj.Content, bj.Layouts, bj.Langs
		req.Region, req.Audience = bj.Region, bj.Audience
		req.Preset, req.ThirdLanguage = bj.Preset, bj.Third
		if bj.Fallback != "" {
			req.Fallback = bj.Fallback
		}
		req.Flag = func(f string) string { return fmt.Sprintf("job %s: %s", bj.Name.S, batchKey(f)) }
		req.Pos = bj.Name.Pos
		jobs = append(jobs, Job{Name: bj.Name.S, OutDir: filepath.Join(out, bj.Name.S), Select: func() (*Selection, error) { return Select(req) }})
	}
	return jobs
}

// batchKey is the batch file's key for a command-line flag.
func batchKey(flag string) string {
	switch flag {
	case "lang":
		return "`langs`"
	case "layout":
		return "`layouts`"
	case "third-language":
		return "`third_language`"
	}
	return "`" + flag + "`"
}

// keyPos is the position of a top-level key in a YAML file (line 1 if it
// is not found).
func keyPos(file string, data []byte, key string) source.Pos {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, key+":") {
			return source.Pos{File: file, Line: i + 1, Col: 1}
		}
	}
	return source.Pos{File: file, Line: 1, Col: 1}
}
