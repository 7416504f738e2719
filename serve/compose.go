package serve

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"

	"handbill/build"
	"handbill/layouts"
	"handbill/text"
)

// selection is the project's current selection, made once per version:
// the request `handbill build --content content.yaml --layout …` makes.
func (s *Server) selection(ss *session) (*build.Selection, error) {
	if ss.selVer == ss.version && (ss.sel != nil || ss.selErr != nil) {
		return ss.sel, ss.selErr
	}
	ss.sel, ss.selErr = build.Select(s.request(ss, ss.layouts, nil))
	ss.selVer, ss.docs = ss.version, map[string]*build.Document{}
	return ss.sel, ss.selErr
}

// request is the build request for the session's project: its content
// file, the layouts given, and the languages given (none: the file's).
func (s *Server) request(ss *session, layoutNames, langs []string) build.Request {
	return build.Request{Content: ss.contentPath(), Layouts: layoutNames, Langs: langs, Fonts: s.opts.Fonts, Now: s.opts.Now,
		Flag: func(field string) string { return field }}
}

// previewTasks are the documents previewed: the first size of each chosen
// product, in each language (a multilingual product: each set of panels).
func (s *Server) previewTasks(ss *session) ([]build.Task, error) {
	sel, err := s.selection(ss)
	if err != nil {
		return nil, err
	}
	tasks, _ := sel.Plan()
	first := map[string]string{}
	for _, l := range sel.Layouts {
		if ts := layouts.Targets(l); len(ts) > 0 {
			first[l.Name] = ts[0].Name()
		}
	}
	var out []build.Task
	for _, name := range ss.layouts {
		for _, t := range tasks {
			if t.Target.Layout.Name == name && t.Target.Name() == first[name] {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// document is the prepared document of the task named file (its path in
// the output folder, "vi/poster-letter.pdf"), composed once per version.
func (s *Server) document(ss *session, file string) (*build.Document, error) {
	tasks, err := s.previewTasks(ss)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(tasks, func(t build.Task) bool { return t.File == file })
	if i < 0 {
		return nil, fmt.Errorf("no preview %q in this project", file)
	}
	if d, ok := ss.docs[file]; ok {
		return d, nil
	}
	if ss.engine == nil {
		ss.engine = text.NewEngine(s.opts.Fonts)
	}
	d := ss.sel.Prepare(ss.engine, tasks[i])
	ss.docs[file] = d
	return d, nil
}

// isRTL tells whether a language is written right to left.
func isRTL(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	sc, _ := t.Script()
	switch sc.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg":
		return true
	}
	return false
}
