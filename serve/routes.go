package serve

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed assets
var assets embed.FS

// Upload bounds.
const (
	// MaxLogoBytes and MaxLogoPixels bound a logo upload.
	MaxLogoBytes  = 20 << 20
	MaxLogoPixels = 40_000_000
	// MaxZipBytes bounds a project ZIP; MaxZipEntries and MaxZipUnpacked
	// its entries and what they unpack to (no zip bombs).
	MaxZipBytes    = 50 << 20
	MaxZipEntries  = 1000
	MaxZipUnpacked = 200 << 20
	// maxFormBytes bounds a form post.
	maxFormBytes = 1 << 20
)

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(assets, "assets/static")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	m.HandleFunc("/{$}", s.index)
	m.HandleFunc("/messages", s.guard(false, 0, s.messagesPage))
	m.HandleFunc("/api/project", s.guard(true, maxFormBytes, s.updateProject))
	m.HandleFunc("/api/logo", s.guard(true, MaxLogoBytes+64<<10, s.uploadLogo))
	m.HandleFunc("/api/load", s.guard(true, MaxZipBytes+64<<10, s.loadProject))
	m.HandleFunc("/api/messages", s.guard(true, maxFormBytes*4, s.saveMessages))
	m.HandleFunc("/api/state", s.guard(false, 0, s.state))
	m.HandleFunc("/api/findings", s.guard(false, 0, s.findingsJSON))
	m.HandleFunc("/api/preview.png", s.guard(false, 0, s.preview))
	m.HandleFunc("GET /api/thumb.png", s.thumb) // the same for every session: no lock
	m.HandleFunc("/download/project.zip", s.guard(true, maxFormBytes, s.downloadZip))
	m.HandleFunc("/download/document.pdf", s.guard(true, maxFormBytes, s.downloadPDF))
	s.mux = m
}
