package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handbill/build"
)

func zipOf(t *testing.T, files map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// download posts the download form and returns the ZIP's files.
func (a *app) download() map[string][]byte {
	a.t.Helper()
	res, b := a.post("/download/project.zip", "application/x-www-form-urlencoded", strings.NewReader(url.Values{"csrf": {a.csrf}}.Encode()))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/zip" {
		a.t.Fatalf("download: %s %s", res.Status, b)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		a.t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// TestDownloadRebuilds: the project ZIP holds the PDFs, the manifest,
// content.yaml and the logo, and `handbill build` with the command its
// README gives, run in the unpacked folder, makes the same PDFs byte for
// byte.
func TestDownloadRebuilds(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	f := baseForm()
	f.Set("languages", "en")
	f.Add("languages", "vi")
	f.Add("layouts", "wallet-card")
	f.Set("organization.color", "#1a6fb0")
	f.Set("hotlines.0.name", "Clinic nurse line")
	f.Set("hotlines.0.digits", "9515550142")
	f.Set("hotlines.0.display", "951-555-0142")
	if res, st := a.form(f); res.StatusCode != 200 {
		t.Fatalf("%s %+v", res.Status, st.Errors)
	}
	a.upload("/api/logo", "logo", "logo.png", pngOf(t, 900, 300))
	files := a.download()
	for _, want := range []string{"content.yaml", "logo.png", "README.txt", "out/manifest.json", "out/en/poster-letter.pdf", "out/vi/poster-a4.pdf", "out/vi/wallet-card-us-press.pdf"} {
		if _, ok := files[want]; !ok {
			t.Errorf("the ZIP has no %s", want)
		}
	}
	// One PDF alone is the same file.
	res, pdf := a.post("/download/document.pdf", "application/x-www-form-urlencoded", strings.NewReader(url.Values{"csrf": {a.csrf}, "file": {"vi/wallet-card-us-press.pdf"}}.Encode()))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/pdf" || !bytes.Equal(pdf, files["out/vi/wallet-card-us-press.pdf"]) {
		t.Errorf("single PDF: %s, %d bytes, same as the ZIP's: %v", res.Status, len(pdf), bytes.Equal(pdf, files["out/vi/wallet-card-us-press.pdf"]))
	}
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ls := layoutsOfReadme(files["README.txt"])
	if strings.Join(ls, ",") != "poster,wallet-card" {
		t.Fatalf("README's command builds %v:\n%s", ls, files["README.txt"])
	}
	// What `handbill build --content content.yaml --layout poster --layout
	// wallet-card --out again` does, from the unpacked folder.
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	sel, err := build.Select(build.Request{Content: "content.yaml", Layouts: ls, Now: a.s.opts.Now})
	if err != nil {
		t.Fatal(err)
	}
	o := build.Build(context.Background(), sel, "again", build.Options{})
	if o.Failed() {
		t.Fatalf("rebuild failed: %v", o.Diagnostics())
	}
	n := 0
	for _, r := range o.Results {
		data, err := os.ReadFile(filepath.Join("again", r.File))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, files["out/"+r.File]) {
			t.Errorf("%s differs from the ZIP's", r.File)
		}
		n++
	}
	if n < 6 {
		t.Errorf("only %d documents rebuilt", n)
	}
	sum := sha256.Sum256(files["out/en/poster-letter.pdf"])
	if !strings.Contains(string(files["out/manifest.json"]), hex.EncodeToString(sum[:])) {
		t.Error("the manifest does not record the poster's sha256")
	}

	// Loaded back into a new session, the project is the same.
	b := newApp(t, nil)
	b.open()
	res, st := b.upload("/api/load", "project", "handbill-project.zip", zipOf(t, files))
	if res.StatusCode != 200 {
		t.Fatalf("load: %s %+v", res.Status, st.Errors)
	}
	if got := string(b.sess().data); got != string(files["content.yaml"]) {
		t.Errorf("loaded content differs:\n%s", got)
	}
	if strings.Join(b.sess().layouts, ",") != "poster,wallet-card" || len(st.Previews) != 4 {
		t.Errorf("loaded products %v, previews %+v", b.sess().layouts, st.Previews)
	}
	logo, _ := os.ReadFile(filepath.Join(b.sess().projectDir(), "logo.png"))
	if !bytes.Equal(logo, files["logo.png"]) {
		t.Error("the logo was not loaded")
	}
}

// TestLoadBadZip: a ZIP that climbs out of its folder, unpacks to too
// much, has too many entries, is too large, is not a ZIP or holds a
// content file with mistakes is refused at the load field, whole, and
// the project is unchanged.
func TestLoadBadZip(t *testing.T) {
	good := []byte("languages: [en]\nregion: US\n")
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		zw.Create("content.yaml")
		w, _ := zw.Create("out/zeros.pdf")
		zero := make([]byte, 1<<20)
		for range MaxZipUnpacked>>20 + 1 {
			w.Write(zero)
		}
		zw.Close()
		return buf.Bytes()
	}
	many := map[string][]byte{"content.yaml": good}
	for i := range MaxZipEntries + 1 {
		many["out/f"+strings.Repeat("x", i%7)+strconv.Itoa(i)] = nil
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"../ path", zipOf(t, map[string][]byte{"content.yaml": good, "../evil.txt": []byte("x")}), "points outside the project folder"},
		{"absolute path", zipOf(t, map[string][]byte{"content.yaml": good, "/etc/evil": []byte("x")}), "points outside the project folder"},
		{"backslash path", zipOf(t, map[string][]byte{"content.yaml": good, "..\\evil": []byte("x")}), "points outside the project folder"},
		{"zip bomb", bomb(), "unpacks to more than 200 MB"},
		{"too many entries", zipOf(t, many), "entries; at most 1000"},
		{"over 50 MB", append([]byte("PK"), make([]byte, MaxZipBytes+1)...), "larger than 50 MB"},
		{"not a zip", []byte("hello"), "not a ZIP archive"},
		{"no content file", zipOf(t, map[string][]byte{"notes.txt": good}), "no content.yaml"},
		{"bad YAML", zipOf(t, map[string][]byte{"content.yaml": []byte("languages: [en\nregion: US\n")}), "content.yaml:"},
		{"unknown key", zipOf(t, map[string][]byte{"content.yaml": []byte("languages: [en]\norganisation:\n  name: X\n")}), "content.yaml:2:1:"},
		{"missing logo", zipOf(t, map[string][]byte{"content.yaml": []byte("organization:\n  logo: logo.png\n")}), "no logo.png"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, nil)
			a.open()
			before := string(a.sess().data)
			res, st := a.upload("/api/load", "project", "p.zip", c.data)
			if res.StatusCode != http.StatusUnprocessableEntity || len(st.Errors) != 1 || st.Errors[0].Field != "load" ||
				!strings.Contains(st.Errors[0].Message, c.want) || st.Errors[0].Hint == "" {
				t.Fatalf("%s: %+v", res.Status, st.Errors)
			}
			if string(a.sess().data) != before {
				t.Error("the project changed")
			}
			if _, err := os.Stat(filepath.Join(a.s.Dir(), "evil.txt")); err == nil {
				t.Error("a file was written outside the project")
			}
		})
	}
}
