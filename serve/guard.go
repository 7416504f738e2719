package serve

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"

	"handbill/source"
)

// IsLoopback tells whether the host part of addr ("127.0.0.1:8080",
// "[::1]:0", "localhost:8080") is a loopback address.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckAddr refuses an address that is not loopback unless allowRemote
// is set (--allow-remote), and an address that cannot be listened on.
func CheckAddr(addr string, allowRemote bool) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return source.Errorf(source.Pos{}, "give a host and a port, such as 127.0.0.1:8080 (or leave --addr out for a free port on this computer)",
			"--addr %q is not a host:port address", addr)
	}
	if !IsLoopback(addr) && !allowRemote {
		return source.Errorf(source.Pos{}, "the app is for this computer only; add --allow-remote if other computers on your network must reach it (anyone who has the printed address, with its token, can use it)",
			"--addr %s is not a loopback address (127.0.0.1, ::1 or localhost)", addr)
	}
	return nil
}

// hostAllowed checks the Host header against the address the app listens
// on, so a web page whose name is made to resolve to 127.0.0.1 (DNS
// rebinding) cannot talk to it. A remote app (--allow-remote) is reached
// under whatever name the network gives it: its token guards it.
func (s *Server) hostAllowed(host string) bool {
	if s.opts.Remote {
		return host != ""
	}
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		return false
	}
	_, want, err := net.SplitHostPort(s.opts.Addr)
	if err != nil || port != want {
		return false
	}
	switch strings.ToLower(h) {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

// sessionCookie holds a browser's session id.
const sessionCookie = "handbill_session"

// csrfHeader carries the session's CSRF token on requests from the app's
// script; forms send it as the field csrf.
const csrfHeader = "X-CSRF-Token"

// current returns the request's session, or nil.
func (s *Server) current(r *http.Request) *session {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions[c.Value]
}

// tokenOK tells whether a remote app's request carries its token (a
// local app needs none).
func (s *Server) tokenOK(r *http.Request) bool {
	if !s.opts.Remote {
		return true
	}
	t := r.URL.Query().Get("token")
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.opts.Token)) == 1
}

// csrfOK tells whether a state-changing request carries its session's
// CSRF token (in the header or the form field csrf) and comes from the
// app's own pages.
func csrfOK(r *http.Request, ss *session) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		if !strings.HasSuffix(o, "://"+r.Host) {
			return false
		}
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	t := r.Header.Get(csrfHeader)
	if t == "" && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		t = r.PostFormValue("csrf") // a form's (the downloads); uploads send the header
	}
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(ss.csrf)) == 1
}

// guard wraps a handler that needs a session; state-changing ones (POST)
// also need the CSRF token.
// A POST's body is bounded by limit bytes.
func (s *Server) guard(post bool, limit int64, h func(w http.ResponseWriter, r *http.Request, ss *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if post {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		ss := s.current(r)
		if ss == nil {
			http.Error(w, "handbill: no session: open the app's address again", http.StatusForbidden)
			return
		}
		if post {
			if r.Method != http.MethodPost {
				w.Header().Set("Allow", "POST")
				http.Error(w, "handbill: use POST", http.StatusMethodNotAllowed)
				return
			}
			if !csrfOK(r, ss) {
				http.Error(w, "handbill: missing or wrong CSRF token: reload the page", http.StatusForbidden)
				return
			}
		} else if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET")
			http.Error(w, "handbill: use GET", http.StatusMethodNotAllowed)
			return
		}
		ss.mu.Lock()
		defer ss.mu.Unlock()
		h(w, r, ss)
	}
}
