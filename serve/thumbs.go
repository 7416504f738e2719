package serve

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"sync"

	"handbill/build"
	"handbill/layouts"
	"handbill/text"
)

// thumbCache holds each product's thumbnail, drawn once: the first page
// of its first size, in English with handbill's own text.
type thumbCache struct {
	mu   sync.Mutex
	pngs map[string][]byte
}

// thumb answers a product's thumbnail to a browser with a session. It
// holds no session's lock: thumbnails load beside the first preview.
func (s *Server) thumb(w http.ResponseWriter, r *http.Request) {
	if s.current(r) == nil {
		http.Error(w, "handbill: no session: open the app's address again", http.StatusForbidden)
		return
	}
	name := r.URL.Query().Get("layout")
	data, err := s.thumbnail(name)
	if err != nil {
		http.Error(w, "handbill: "+err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	w.Write(data)
}

func (s *Server) thumbnail(name string) ([]byte, error) {
	s.thumbs.mu.Lock()
	defer s.thumbs.mu.Unlock()
	if d, ok := s.thumbs.pngs[name]; ok {
		return d, nil
	}
	builtin, err := layouts.Builtin()
	if err != nil {
		return nil, err
	}
	l, ok := builtin[name]
	if !ok {
		return nil, fmt.Errorf("no product %q", name)
	}
	langs := []string{"en"}
	if layouts.Targets(l)[0].Multilingual() {
		langs = []string{"en", "es"}
	}
	sel, err := build.Select(build.Request{Layouts: []string{layouts.Targets(l)[0].Name()}, Langs: langs, Fonts: s.opts.Fonts, Now: s.opts.Now})
	if err != nil {
		return nil, err
	}
	tasks, _ := sel.Plan()
	if len(tasks) == 0 {
		return nil, fmt.Errorf("no document for %q", name)
	}
	d := sel.Prepare(text.NewEngine(s.opts.Fonts), tasks[0])
	if d.Frames == nil || len(d.Frames.Pages) == 0 {
		return nil, fmt.Errorf("%s could not be composed", name)
	}
	p := d.Frames.Pages[0]
	img, err := s.opts.Raster(p, dpiFor(p.W, p.H, 240))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	if s.thumbs.pngs == nil {
		s.thumbs.pngs = map[string][]byte{}
	}
	s.thumbs.pngs[name] = buf.Bytes()
	return buf.Bytes(), nil
}
