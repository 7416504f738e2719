package serve

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"image"
	"image/color"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"handbill/frame"
)

// testRaster stands in for the rasteriser where a test looks only at the
// server: a page of the right size whose colour depends on what the page
// holds, so a changed page gives a changed PNG.
func testRaster(p *frame.Page, dpi float64) (*image.RGBA, error) {
	h := fnv.New32a()
	io.WriteString(h, (&frame.Doc{Pages: []*frame.Page{p}}).Dump())
	s := h.Sum32()
	img := image.NewRGBA(image.Rect(0, 0, int(p.W*dpi/72), int(p.H*dpi/72)))
	c := color.RGBA{uint8(s), uint8(s >> 8), uint8(s >> 16), 255}
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img, nil
}

// app is a server under test with a browser's cookie jar.
type app struct {
	t    testing.TB
	s    *Server
	ts   *httptest.Server
	c    *http.Client
	csrf string
}

var csrfRE = regexp.MustCompile(`<meta name="csrf" content="([^"]+)">`)

func newApp(t testing.TB, mod func(*Options)) *app {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	o := Options{Addr: ts.Listener.Addr().String(), Raster: testRaster, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	if mod != nil {
		mod(&o)
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(func() { ts.Close(); s.Close() })
	jar, _ := cookiejar.New(nil)
	return &app{t: t, s: s, ts: ts, c: &http.Client{Jar: jar}}
}

// open loads the page, starting a session, and reads its CSRF token.
func (a *app) open() {
	a.t.Helper()
	res, body := a.get("/")
	if res.StatusCode != 200 {
		a.t.Fatalf("GET /: %s\n%s", res.Status, body)
	}
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		a.t.Fatal("the page has no CSRF token")
	}
	a.csrf = m[1]
}

func (a *app) get(path string) (*http.Response, string) {
	a.t.Helper()
	res, err := a.c.Get(a.ts.URL + path)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// post sends body with the session's CSRF token in the header.
func (a *app) post(path, ctype string, body io.Reader) (*http.Response, []byte) {
	a.t.Helper()
	req, _ := http.NewRequest("POST", a.ts.URL+path, body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set(csrfHeader, a.csrf)
	res, err := a.c.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// form posts the project form.
func (a *app) form(v url.Values) (*http.Response, stateView) {
	a.t.Helper()
	res, b := a.post("/api/project", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
	var st stateView
	if err := json.Unmarshal(b, &st); err != nil {
		a.t.Fatalf("%s: %s", res.Status, b)
	}
	return res, st
}

// upload posts one file as the multipart field.
func (a *app) upload(path, field, name string, data []byte) (*http.Response, stateView) {
	a.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile(field, name)
	fw.Write(data)
	mw.Close()
	res, b := a.post(path, mw.FormDataContentType(), &buf)
	var st stateView
	if err := json.Unmarshal(b, &st); err != nil {
		a.t.Fatalf("%s: %s", res.Status, b)
	}
	return res, st
}

// findings fetches the findings of the current version.
func (a *app) findings() []finding {
	a.t.Helper()
	res, body := a.get("/api/findings")
	if res.StatusCode != 200 {
		a.t.Fatalf("findings: %s %s", res.Status, body)
	}
	var j struct{ Findings []finding }
	if err := json.Unmarshal([]byte(body), &j); err != nil {
		a.t.Fatal(err)
	}
	return j.Findings
}

// baseForm is a filled-in form: an organisation, English, the poster.
func baseForm() url.Values {
	return url.Values{
		"organization.name":    {"Riverside Family Clinic"},
		"organization.contact": {"Ask at the front desk"},
		"region":               {"US"},
		"audience":             {"community"},
		"languages":            {"en"},
		"layouts":              {"poster"},
	}
}

func fieldFindings(fs []finding, field string) []finding {
	var out []finding
	for _, f := range fs {
		if f.Field == field {
			out = append(out, f)
		}
	}
	return out
}
