package build

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"handbill/layouts"
	"handbill/source"
)

// Task is one document to make.
type Task struct {
	Target layouts.Target
	Langs  []language.Tag
	// File is the output path relative to the output folder, e.g.
	// "es/poster-letter.pdf".
	File string
}

// Lang is the task's languages as one word, "en" or "en-es-vi".
func (t Task) Lang() string { return langDir(t.Langs) }

// Plan lists the documents a selection makes, in a stable order: every
// target of every layout in every language; a multilingual layout gets
// the first two languages together, plus each further language as a
// third panel. notes are warnings saying what was left out and why.
func (s *Selection) Plan() (tasks []Task, notes []source.Diagnostic) {
	for _, l := range s.Layouts {
		targets := layouts.Targets(l)
		if s.Press {
			targets = append(targets, layouts.PressTargets(l)...)
		}
		if s.Calibration {
			for _, t := range layouts.CalibrationTargets(l) {
				if s.Only == nil || s.Only[t.Name()] || s.Only[t.Desktop().Name()] {
					// One per sheet, at the top of the output folder: its
					// words are English whatever the languages built.
					tasks = append(tasks, Task{Target: t, Langs: []language.Tag{language.English}, File: t.Name() + ".pdf"})
				}
			}
		}
		for _, t := range targets {
			if s.Only != nil && !s.Only[t.Name()] && !s.Only[t.Desktop().Name()] {
				continue
			}
			if t.Multilingual() {
				sets := panelSets(s.Langs)
				if len(sets) == 0 {
					notes = append(notes, source.Diagnostic{Severity: source.Warning, Rule: "languages", Output: t.Name(),
						Message: fmt.Sprintf("%s needs two or three languages (e.g. --lang en,es,vi); not built", t.Name()),
						Hint:    "ask for two or three languages, or leave this layout out"})
				}
				for _, set := range sets {
					tasks = append(tasks, Task{Target: t, Langs: set, File: filepath.Join(langDir(set), t.Name()+".pdf")})
				}
				continue
			}
			for _, lang := range s.Langs {
				set := []language.Tag{lang}
				tasks = append(tasks, Task{Target: t, Langs: set, File: filepath.Join(langDir(set), t.Name()+".pdf")})
			}
		}
	}
	sort.SliceStable(tasks, func(i, j int) bool { return tasks[i].File < tasks[j].File })
	return tasks, append(notes, s.notes...)
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
