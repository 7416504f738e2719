// Package serve is handbill's local web app (`handbill serve`): a form for
// people who do not write YAML, with a live preview of every chosen
// product and language, check findings next to the field they concern,
// the side-by-side message editor of `handbill translate`, and downloads
// of the PDFs `handbill build` makes from the same project.
//
// The app keeps each browser session's project as a content file (and its
// logo) in a temporary folder: every edit rewrites that file, and every
// preview, finding and download goes through the build pipeline with it,
// exactly as `handbill build --content content.yaml` would. It is safe by
// construction: it listens on loopback unless told otherwise, checks the
// Host header, asks for a CSRF token on every request that changes
// anything, bounds every upload, fetches nothing from the network, and
// removes every session's folder when it stops.
package serve

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"image"
	"net/http"
	"os"
	"sync"
	"time"

	"handbill/fonts"
	"handbill/frame"
	"handbill/preview"
)

// Raster draws one composed page on white at dpi, as preview.Page does.
type Raster func(p *frame.Page, dpi float64) (*image.RGBA, error)

// Options configure a Server.
type Options struct {
	// Addr is the address listened on ("127.0.0.1:8080"): the Host header
	// of every request must name it (or localhost with its port).
	Addr string
	// Remote is set when Addr is not a loopback address (--allow-remote):
	// every browser must then first open the URL with Token in it.
	Remote bool
	Token  string
	// Fonts are the faces to set text with (nil: the built-ins).
	Fonts *fonts.Registry
	// Raster rasterises previews and thumbnails (nil: preview.Page, the
	// rasteriser of handbill preview).
	Raster Raster
	// Now is the date hotline verification is judged on (zero: today).
	Now time.Time
	// Logf, if set, logs requests that fail on the server's side.
	Logf func(format string, args ...any)
}

// Server is the app: an http.Handler over its sessions.
type Server struct {
	opts Options
	root string // every session's folder is in here
	mux  *http.ServeMux

	mu       sync.Mutex
	sessions map[string]*session
	order    []string // session ids, oldest first
	closed   bool

	thumbs thumbCache
}

// maxSessions bounds the sessions kept at once: the oldest is dropped
// (and its folder removed) when another browser opens the app.
const maxSessions = 32

// New returns a server whose sessions keep their files under a new
// temporary folder; Close removes it.
func New(o Options) (*Server, error) {
	if o.Raster == nil {
		o.Raster = preview.Page
	}
	if o.Fonts == nil {
		o.Fonts = fonts.Builtin()
	}
	if o.Remote && o.Token == "" {
		return nil, fmt.Errorf("serve: a remote server needs a token")
	}
	root, err := os.MkdirTemp("", "handbill-serve-")
	if err != nil {
		return nil, fmt.Errorf("cannot make the app's temporary folder: %v", err)
	}
	s := &Server{opts: o, root: root, sessions: map[string]*session{}}
	s.routes()
	return s, nil
}

// Dir is the temporary folder holding every session's files.
func (s *Server) Dir() string { return s.root }

// Close removes every session's files. Requests after it fail.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	s.sessions = map[string]*session{}
	s.order = nil
	s.mu.Unlock()
	return os.RemoveAll(s.root)
}

// ServeHTTP checks the request's Host (and, for a remote server, its
// token) before anything else, and sets the headers every answer carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if !s.hostAllowed(r.Host) {
		http.Error(w, "handbill: this address is not the app's (wrong Host header): open the address handbill serve printed", http.StatusMisdirectedRequest)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// randomToken is n random bytes, URL-safe.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewToken returns a random token for a remote server's URL.
func NewToken() string { return randomToken(24) }
