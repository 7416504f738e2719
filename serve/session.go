package serve

import (
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"handbill/build"
	"handbill/content"
	"handbill/text"
)

// session is one browser's project: its content file and logo in a
// folder of its own, what it chose to preview, and the documents
// composed from the current version (previews and findings share them).
type session struct {
	mu   sync.Mutex
	id   string
	csrf string
	dir  string // the session's folder; the project is in dir/project

	data    []byte // the content file as last saved (it loads)
	version int    // bumped on every change to the project
	layouts []string

	sel    *build.Selection
	selErr error
	selVer int
	docs   map[string]*build.Document // by task file, for selVer
	engine *text.Engine
	lastPO []byte // the message editor's last import, for its positions
}

// projectDir is where the content file and the logo are.
func (ss *session) projectDir() string { return filepath.Join(ss.dir, "project") }

// contentPath is the session's content file.
func (ss *session) contentPath() string { return filepath.Join(ss.projectDir(), contentName) }

// contentName is the content file's name, in the folder and in a ZIP.
const contentName = "content.yaml"

// starter is a new project: English, the US, the community.
const starter = `# handbill project made with handbill serve.
# Build it from this folder: handbill build --content content.yaml
languages: [en]
region: US
audience: community
`

// defaultLayouts are the products a new project previews.
var defaultLayouts = []string{"poster"}

// newSession makes a session with a starter project and sets its cookie.
func (s *Server) newSession(w http.ResponseWriter) (*session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, os.ErrClosed
	}
	ss := &session{id: randomToken(24), csrf: randomToken(24), layouts: slices.Clone(defaultLayouts), version: 1}
	dir, err := os.MkdirTemp(s.root, "session-")
	if err != nil {
		return nil, err
	}
	ss.dir = dir
	if err := os.MkdirAll(ss.projectDir(), 0o700); err != nil {
		return nil, err
	}
	ss.data = []byte(starter)
	if err := os.WriteFile(ss.contentPath(), ss.data, 0o600); err != nil {
		return nil, err
	}
	s.sessions[ss.id] = ss
	s.order = append(s.order, ss.id)
	for len(s.order) > maxSessions {
		old := s.sessions[s.order[0]]
		delete(s.sessions, s.order[0])
		s.order = s.order[1:]
		if old != nil {
			go func() {
				old.mu.Lock()
				defer old.mu.Unlock()
				os.RemoveAll(old.dir)
			}()
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: ss.id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return ss, nil
}

// set loads the content file data and, when it loads, makes it the
// project's; a mistake in it is returned (the project keeps its last
// good file).
func (ss *session) save(data []byte) (*content.Set, error) {
	tmp := ss.contentPath() + ".new"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return nil, err
	}
	set, err := content.LoadData(ss.contentPath(), data)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, ss.contentPath()); err != nil {
		return nil, err
	}
	ss.data = data
	ss.version++
	return set, nil
}

// logoFile is the project's logo file name ("" for none).
func (ss *session) logoFile() string {
	doc, err := parseTree(ss.data)
	if err != nil {
		return ""
	}
	return textAt(doc.Content[0], "organization", "logo")
}
