package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"handbill/build"
	"handbill/preview"
	"handbill/source"
)

// previewView is one preview the page shows.
type previewView struct {
	File  string `json:"file"`
	Title string `json:"title"`
	Lang  string `json:"lang"` // the languages' own names
	Tag   string `json:"tag"`  // the first language's tag
	URL   string `json:"url"`
}

// stateView answers a change: the project's version, the form's own
// mistakes (nothing was saved when there are some) and the previews.
type stateView struct {
	Version  int           `json:"version"`
	Errors   []finding     `json:"errors"`
	Previews []previewView `json:"previews"`
	Logo     string        `json:"logo,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// stateOf is the session's state, with errs (the form's mistakes).
func (s *Server) stateOf(ss *session, errs []finding) stateView {
	st := stateView{Version: ss.version, Errors: errs, Logo: ss.logoFile()}
	if st.Errors == nil {
		st.Errors = []finding{}
	}
	tasks, err := s.previewTasks(ss)
	if err != nil {
		st.Errors = append(st.Errors, ss.findingOf(*source.From(err), lines(ss.data)))
		return st
	}
	natives := map[string]string{}
	for _, l := range ss.sel.Content.Languages() {
		natives[l.Tag.String()] = l.Native
	}
	for _, t := range tasks {
		var names []string
		for _, l := range t.Langs {
			n := natives[l.String()]
			if n == "" {
				n = l.String()
			}
			names = append(names, n)
		}
		title := productTitles[t.Target.Layout.Name]
		if title == "" {
			title = t.Target.Layout.Name
		}
		st.Previews = append(st.Previews, previewView{File: t.File, Title: title + " (" + t.Target.Describe() + ")", Lang: strings.Join(names, " + "), Tag: t.Langs[0].String(),
			URL: fmt.Sprintf("/api/preview.png?file=%s&v=%d", url.QueryEscape(t.File), ss.version)})
	}
	return st
}

func (s *Server) state(w http.ResponseWriter, r *http.Request, ss *session) {
	writeJSON(w, http.StatusOK, s.stateOf(ss, nil))
}

// updateProject applies the form to the project: when the content file
// it gives loads, it becomes the project's; otherwise each mistake is
// returned for the field it concerns, as the CLI words it.
func (s *Server) updateProject(w http.ResponseWriter, r *http.Request, ss *session) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "handbill: cannot read the form: "+err.Error(), http.StatusBadRequest)
		return
	}
	ls, err := chosenLayouts(r.PostForm)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{ss.findingOf(*source.From(err), nil)}))
		return
	}
	data, err := applyForm(ss.data, r.PostForm)
	if err == nil && !bytes.Equal(data, ss.data) {
		_, err = ss.save(data)
		if err != nil {
			if d := source.From(err); d != nil && d.Pos.File == ss.contentPath() {
				writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{ss.findingOf(*d, lines(data))}))
				return
			}
		}
	}
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{ss.findingOf(*source.From(err), nil)}))
		return
	}
	if !equal(ls, ss.layouts) {
		ss.layouts = ls
		ss.version++
	}
	writeJSON(w, http.StatusOK, s.stateOf(ss, nil))
}

func equal(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// findingsJSON answers every finding of the previewed documents.
func (s *Server) findingsJSON(w http.ResponseWriter, r *http.Request, ss *session) {
	tasks, err := s.previewTasks(ss)
	if err != nil {
		writeJSON(w, http.StatusOK, map[string]any{"version": ss.version, "findings": ss.findings(nil, []source.Diagnostic{*source.From(err)})})
		return
	}
	docs := make([]*build.Document, 0, len(tasks))
	for _, t := range tasks {
		d, err := s.document(ss, t.File)
		if err != nil {
			s.fail(w, err)
			return
		}
		docs = append(docs, d)
	}
	writeJSON(w, http.StatusOK, map[string]any{"version": ss.version, "findings": ss.findings(docs, nil)})
}

// preview answers the first page of a previewed document as PNG, drawn
// from its frames by the rasteriser.
func (s *Server) preview(w http.ResponseWriter, r *http.Request, ss *session) {
	d, err := s.document(ss, r.URL.Query().Get("file"))
	if err != nil {
		http.Error(w, "handbill: "+err.Error(), http.StatusNotFound)
		return
	}
	if d.Frames == nil || len(d.Frames.Pages) == 0 {
		http.Error(w, "handbill: this document could not be composed: see the findings", http.StatusUnprocessableEntity)
		return
	}
	p := d.Frames.Pages[0]
	img, err := s.opts.Raster(p, dpiFor(p.W, p.H, 900))
	if err != nil {
		s.fail(w, err)
		return
	}
	s.writePNG(w, img)
}

// dpiFor is the resolution that draws a page of w×h points px pixels on
// its longer side.
func dpiFor(w, h float64, px int) float64 {
	return float64(px) * 72 / max(w, h, 1)
}

// writePNG answers img as PNG: uncompressed on loopback, where deflate
// took three quarters of a preview's time (BenchmarkPreviewAfterEdit) and
// a 2 MB answer costs a millisecond; compressed by preview.EncodePNG for
// a remote app, whose answers cross a network.
func (s *Server) writePNG(w http.ResponseWriter, img image.Image) {
	var buf bytes.Buffer
	var err error
	if s.opts.Remote {
		err = preview.EncodePNG(&buf, img)
	} else {
		err = (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&buf, img)
	}
	if err != nil {
		http.Error(w, "handbill: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(buf.Bytes())
}

// uploadLogo takes a PNG or JPEG logo (at most MaxLogoBytes and
// MaxLogoPixels) into the project folder and names it in the content file.
func (s *Server) uploadLogo(w http.ResponseWriter, r *http.Request, ss *session) {
	bad := func(msg, hint string) {
		writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{{Field: "organization.logo", Severity: "error",
			Plain: msg, Message: msg, Hint: hint}}))
	}
	data, name, err := onePart(r, "logo", MaxLogoBytes)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) || errors.Is(err, errTooBig) {
			bad("the logo file is larger than 20 MB", "save the logo at a smaller size (a few MB is plenty for print) and upload it again")
			return
		}
		bad("cannot read the uploaded logo: "+err.Error(), "choose a PNG or JPEG file")
		return
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		bad(fmt.Sprintf("%s is not a PNG or JPEG image", filepath.Base(name)), "save the logo as PNG or JPEG and upload it again")
		return
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxLogoPixels {
		bad(fmt.Sprintf("the logo is %d×%d pixels (%.0f megapixels); at most 40 megapixels are taken", cfg.Width, cfg.Height, float64(px)/1e6),
			"scale the logo down: 2000 pixels across is plenty for a poster")
		return
	}
	if _, err := png.DecodeConfig(bytes.NewReader(data)); err == nil || format == "png" {
		format = "png"
	}
	file := "logo.png"
	if format == "jpeg" {
		file = "logo.jpg"
	}
	for _, old := range []string{"logo.png", "logo.jpg"} {
		os.Remove(filepath.Join(ss.projectDir(), old))
	}
	if err := source.WriteAtomic(filepath.Join(ss.projectDir(), file), data); err != nil {
		s.fail(w, err)
		return
	}
	doc, err := parseTree(ss.data)
	if err != nil {
		s.fail(w, err)
		return
	}
	set(mapAt(doc.Content[0], "organization"), "logo", str(file))
	out, err := encodeTree(doc)
	if err == nil {
		_, err = ss.save(out)
	}
	if err != nil {
		if d := source.From(err); d != nil {
			writeJSON(w, http.StatusUnprocessableEntity, s.stateOf(ss, []finding{ss.findingOf(*d, lines(out))}))
			return
		}
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, s.stateOf(ss, nil))
}

var errTooBig = errors.New("too large")

// onePart reads the multipart part named field (at most limit bytes) and
// its file name.
func onePart(r *http.Request, field string, limit int64) ([]byte, string, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", err
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			if err == io.EOF {
				return nil, "", fmt.Errorf("no file was sent")
			}
			return nil, "", err
		}
		if p.FormName() != field {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(p, limit+1))
		if err != nil {
			return nil, "", err
		}
		if int64(len(data)) > limit {
			return nil, "", errTooBig
		}
		return data, p.FileName(), nil
	}
}

var _ = build.Task{}
