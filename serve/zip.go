package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"handbill/build"
	"handbill/source"
)

// readmeText goes into a project ZIP: how to build the same PDFs again.
const readmeText = `This is a handbill project, made with handbill serve.

  content.yaml   what your materials say (your organisation, languages,
                 region, lines and wording)
  %s
  out/           the PDFs and their manifest (manifest.json)

To make the same PDFs again, run in this folder:

  handbill build --content content.yaml%s

To change the project in the app, run handbill serve and load this ZIP
with "Load a project".
`

// buildCommandArgs are the --layout flags that build the project's
// products.
func buildCommandArgs(layouts []string) string {
	var b strings.Builder
	for _, l := range layouts {
		b.WriteString(" --layout " + l)
	}
	return b.String()
}

// buildInto builds the session's project into a new folder of the
// session's (the same pipeline as handbill build) and returns it.
func (s *Server) buildInto(ctx context.Context, ss *session, req build.Request) (string, build.Outcome, error) {
	sel, err := build.Select(req)
	if err != nil {
		return "", build.Outcome{}, err
	}
	out, err := os.MkdirTemp(ss.dir, "build-")
	if err != nil {
		return "", build.Outcome{}, err
	}
	o := build.Build(ctx, sel, out, build.Options{})
	if o.Err != nil {
		return out, o, o.Err
	}
	return out, o, nil
}

// downloadZip answers the project as a ZIP: content.yaml, the logo, a
// README with the command that builds it, and out/ with every PDF and
// the manifest, built as handbill build builds them.
func (s *Server) downloadZip(w http.ResponseWriter, r *http.Request, ss *session) {
	out, o, err := s.buildInto(r.Context(), ss, s.request(ss, ss.layouts, nil))
	if out != "" {
		defer os.RemoveAll(out)
	}
	if err != nil {
		s.failFinding(w, ss, err)
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	logo := ss.logoFile()
	logoLine := ""
	if logo != "" {
		logoLine = fmt.Sprintf("%-14s your logo", logo)
	}
	err = add(contentName, ss.data)
	if err == nil && logo != "" {
		var data []byte
		if data, err = os.ReadFile(filepath.Join(ss.projectDir(), logo)); err == nil {
			err = add(logo, data)
		}
	}
	if err == nil {
		err = add("README.txt", []byte(fmt.Sprintf(readmeText, logoLine, buildCommandArgs(ss.layouts))))
	}
	if err == nil {
		err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return add("out/"+filepath.ToSlash(rel), data)
		})
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="handbill-project.zip"`)
	w.Header().Set("X-Handbill-Failed", fmt.Sprint(o.Failed()))
	w.Write(buf.Bytes())
}

// downloadPDF answers one document (a previewed one, named by its file
// in the output folder) built as handbill build builds it.
func (s *Server) downloadPDF(w http.ResponseWriter, r *http.Request, ss *session) {
	file := r.PostFormValue("file")
	tasks, err := s.previewTasks(ss)
	if err != nil {
		s.failFinding(w, ss, err)
		return
	}
	i := slices.IndexFunc(tasks, func(t build.Task) bool { return t.File == file })
	if i < 0 {
		http.Error(w, "handbill: no such document in this project", http.StatusNotFound)
		return
	}
	t := tasks[i]
	var langs []string
	for _, l := range t.Langs {
		langs = append(langs, l.String())
	}
	out, o, err := s.buildInto(r.Context(), ss, s.request(ss, []string{t.Target.Name()}, langs))
	if out != "" {
		defer os.RemoveAll(out)
	}
	if err != nil {
		s.failFinding(w, ss, err)
		return
	}
	data, err := os.ReadFile(filepath.Join(out, t.File))
	if err != nil {
		var ds []source.Diagnostic
		for _, res := range o.Results {
			ds = append(ds, res.Errors...)
		}
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"findings": ss.findings(nil, ds)})
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename=%q`, strings.ReplaceAll(t.File, "/", "-")))
	w.Write(data)
}

// failFinding answers a mistake in the project as findings.
func (s *Server) failFinding(w http.ResponseWriter, ss *session, err error) {
	d := source.From(err)
	if d == nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"findings": ss.findings(nil, []source.Diagnostic{*d})})
}

// loadProject takes a project ZIP (as downloadZip makes it) back: its
// content.yaml and logo become the session's project. The ZIP is bounded
// (MaxZipBytes, MaxZipEntries, MaxZipUnpacked, counted as it unpacks),
// and any entry whose name leaves the folder refuses it whole.
func (s *Server) loadProject(w http.ResponseWriter, r *http.Request, ss *session) {
	bad := func(err error) {
		d := source.From(err)
		f := ss.findingOf(*d, nil)
		f.Field, f.Plain = "load", "This ZIP could not be loaded; your project is as it was."
		writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{f}))
	}
	data, _, err := onePart(r, "project", MaxZipBytes)
	if err != nil {
		if err == errTooBig || strings.Contains(err.Error(), "too large") {
			bad(source.Errorf(source.Pos{}, "a project ZIP holds a content file, a logo and PDFs: load the ZIP handbill made", "the ZIP is larger than 50 MB"))
			return
		}
		bad(source.Errorf(source.Pos{}, "choose the .zip file handbill made", "cannot read the upload: %v", err))
		return
	}
	files, err := unzipProject(data)
	if err != nil {
		bad(err)
		return
	}
	yml, ok := files[contentName]
	if !ok {
		bad(source.Errorf(source.Pos{}, "load the .zip file handbill made: it has content.yaml at its top", "the ZIP has no content.yaml"))
		return
	}
	// The logo the content file names, from the ZIP, then the file itself.
	logo := ""
	if tree, err := parseTree(yml); err == nil { // else the content's own reading says where
		logo = textAt(tree.Content[0], "organization", "logo")
	}
	if logo != "" {
		if logo != "logo.png" && logo != "logo.jpg" {
			bad(source.Errorf(source.Pos{File: contentName}, "a project made by handbill serve names its logo logo.png or logo.jpg", "the content file names the logo %q", logo))
			return
		}
		img, ok := files[logo]
		if !ok {
			bad(source.Errorf(source.Pos{File: contentName}, "put the logo into the ZIP next to content.yaml", "the ZIP has no %s", logo))
			return
		}
		for _, old := range []string{"logo.png", "logo.jpg"} {
			os.Remove(filepath.Join(ss.projectDir(), old))
		}
		if err := source.WriteAtomic(filepath.Join(ss.projectDir(), logo), img); err != nil {
			s.fail(w, err)
			return
		}
	}
	if _, err := ss.save(yml); err != nil {
		d := *source.From(err)
		if d.Pos.File == ss.contentPath() {
			d.Pos.File = contentName // the file in the ZIP
		}
		d.Message = "in the ZIP: " + d.Message
		f := ss.findingOf(d, nil)
		f.Field, f.Plain = "load", "The content file in this ZIP has a mistake, so it was not loaded; your project is as it was."
		writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{f}))
		return
	}
	if ls := layoutsOfReadme(files["README.txt"]); len(ls) > 0 {
		if _, err := chosenLayouts(map[string][]string{"layouts": ls}); err == nil {
			ss.layouts = ls
		}
	}
	writeJSON(w, http.StatusOK, s.stateOf(ss, nil))
}

// layoutsOfReadme reads the products of a project ZIP back from the
// build command its README gives.
func layoutsOfReadme(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "handbill" || f[1] != "build" {
			continue
		}
		for i := 0; i+1 < len(f); i++ {
			if f[i] == "--layout" {
				out = append(out, f[i+1])
			}
		}
	}
	return out
}

// unzipProject reads the top-level files of a project ZIP into memory
// (out/ is what the app builds again, and is skipped). Every entry is
// checked: a name that is absolute or climbs out (../), too many entries,
// or more than MaxZipUnpacked bytes once unpacked (counted as read, not
// as the ZIP claims) refuse the whole ZIP.
func unzipProject(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, source.Errorf(source.Pos{}, "choose the .zip file handbill made", "the file is not a ZIP archive: %v", err)
	}
	if len(zr.File) > MaxZipEntries {
		return nil, source.Errorf(source.Pos{}, "a project ZIP holds a content file, a logo and PDFs: load the ZIP handbill made",
			"the ZIP has %d entries; at most %d are taken", len(zr.File), MaxZipEntries)
	}
	for _, f := range zr.File {
		if !safeName(f.Name) {
			return nil, source.Errorf(source.Pos{}, "load the ZIP handbill made; this one may have been made to write files elsewhere on your computer",
				"the ZIP entry %q points outside the project folder", f.Name)
		}
	}
	files := map[string][]byte{}
	var total int64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, source.Errorf(source.Pos{}, "the ZIP is damaged: download the project again", "cannot read %s in the ZIP: %v", f.Name, err)
		}
		keep := !strings.Contains(f.Name, "/")
		var dst io.Writer = io.Discard
		var b bytes.Buffer
		if keep {
			dst = &b
		}
		n, err := io.Copy(dst, io.LimitReader(rc, MaxZipUnpacked-total+1))
		rc.Close()
		total += n
		if total > MaxZipUnpacked {
			return nil, source.Errorf(source.Pos{}, "load the ZIP handbill made; this one unpacks to far more than a project holds (a zip bomb?)",
				"the ZIP unpacks to more than %d MB", MaxZipUnpacked>>20)
		}
		if err != nil {
			return nil, source.Errorf(source.Pos{}, "the ZIP is damaged: download the project again", "cannot read %s in the ZIP: %v", f.Name, err)
		}
		if keep {
			files[f.Name] = b.Bytes()
		}
	}
	return files, nil
}

// safeName tells whether a ZIP entry's name stays inside the folder it
// is unpacked into.
func safeName(name string) bool {
	if name == "" || strings.Contains(name, "\\") || strings.Contains(name, "\x00") || path.IsAbs(name) || filepath.IsAbs(name) || filepath.VolumeName(name) != "" {
		return false
	}
	c := path.Clean(name)
	return c != ".." && !strings.HasPrefix(c, "../")
}
