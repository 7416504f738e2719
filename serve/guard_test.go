package serve

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	for _, c := range []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:0", false, true},
		{"localhost:8080", false, true},
		{"[::1]:8080", false, true},
		{"0.0.0.0:8080", false, false},
		{"192.168.1.20:8080", false, false},
		{"0.0.0.0:8080", true, true},
		{"8080", false, false},
	} {
		err := CheckAddr(c.addr, c.remote)
		if (err == nil) != c.ok {
			t.Errorf("CheckAddr(%q, %v) = %v, want ok %v", c.addr, c.remote, err, c.ok)
		}
		if err != nil && !c.ok && c.addr == "0.0.0.0:8080" && !strings.Contains(err.Error(), "not a loopback address") {
			t.Errorf("CheckAddr(%q): %v", c.addr, err)
		}
	}
}

// TestWrongHost: a request whose Host is not the app's (DNS rebinding) is
// refused before anything else.
func TestWrongHost(t *testing.T) {
	a := newApp(t, nil)
	_, port, _ := strings.Cut(a.ts.Listener.Addr().String(), ":")
	for _, host := range []string{"evil.example:" + port, "evil.example", "127.0.0.1:1", "127.0.0.1.nip.io:" + port} {
		req, _ := http.NewRequest("GET", a.ts.URL+"/", nil)
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: %s, want 421", host, res.Status)
		}
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port} {
		req, _ := http.NewRequest("GET", a.ts.URL+"/", nil)
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("Host %s: %s, want 200", host, res.Status)
		}
	}
}

// TestCSRF: every state-changing request needs the session's token.
func TestCSRF(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	good := a.csrf
	wrong := "x" + good[1:]
	if good[0] == 'x' {
		wrong = "y" + good[1:]
	}
	body := baseForm().Encode()
	for _, c := range []struct {
		name, token string
		want        int
	}{
		{"missing", "", http.StatusForbidden},
		{"wrong", wrong, http.StatusForbidden},
		{"right", good, http.StatusOK},
	} {
		a.csrf = c.token
		res, b := a.post("/api/project", "application/x-www-form-urlencoded", strings.NewReader(body))
		if res.StatusCode != c.want {
			t.Errorf("%s token: %s, want %d: %s", c.name, res.Status, c.want, b)
		}
	}
	// A form's field works as well as the header; another site's origin
	// does not, even with the token.
	a.csrf = ""
	res, _ := a.post("/download/document.pdf", "application/x-www-form-urlencoded", strings.NewReader(url.Values{"csrf": {good}, "file": {"en/nothing.pdf"}}.Encode()))
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("token in the form: %s, want 404 (past the CSRF check)", res.Status)
	}
	req, _ := http.NewRequest("POST", a.ts.URL+"/api/project", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(csrfHeader, good)
	req.Header.Set("Origin", "http://evil.example")
	res, err := a.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin POST: %s, want 403", res.Status)
	}
	// A GET cannot change anything.
	a.csrf = good
	res, _ = a.get("/api/project")
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/project: %s, want 405", res.Status)
	}
}

// TestNoSession: without the session cookie nothing but the page answers.
func TestNoSession(t *testing.T) {
	a := newApp(t, nil)
	for _, p := range []string{"/api/state", "/api/findings", "/messages", "/api/preview.png?file=en/poster-letter.pdf"} {
		res, _ := a.get(p)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s without a session: %s, want 403", p, res.Status)
		}
	}
}

// TestRemoteToken: an app other computers can reach answers only the
// address with its token.
func TestRemoteToken(t *testing.T) {
	a := newApp(t, func(o *Options) { o.Remote, o.Token = true, "s3cret-token" })
	if res, _ := a.get("/"); res.StatusCode != http.StatusForbidden {
		t.Errorf("without the token: %s, want 403", res.Status)
	}
	if res, _ := a.get("/?token=wrong"); res.StatusCode != http.StatusForbidden {
		t.Errorf("with a wrong token: %s, want 403", res.Status)
	}
	if res, body := a.get("/?token=s3cret-token"); res.StatusCode != 200 || !strings.Contains(body, `name="csrf"`) {
		t.Errorf("with the token: %s", res.Status)
	}
	// The session cookie then stands for the token.
	if res, _ := a.get("/api/state"); res.StatusCode != 200 {
		t.Errorf("with the session: %s", res.Status)
	}
	if _, err := New(Options{Addr: "0.0.0.0:1", Remote: true, Raster: testRaster}); err == nil {
		t.Error("a remote server without a token was made")
	}
}
