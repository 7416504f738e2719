package serve

import (
	"archive/zip"
	"bytes"
	"net/url"
	"testing"
)

// FuzzUnzipProject: whatever the upload, reading it never panics, and
// what it keeps is top-level files whose names stay in the folder.
func FuzzUnzipProject(f *testing.F) {
	for _, files := range []map[string]string{
		{"content.yaml": "languages: [en]\n", "logo.png": "\x89PNG"},
		{"../x": "a"},
		{"out/en/poster-letter.pdf": "%PDF-1.7", "README.txt": "handbill build --content content.yaml --layout poster"},
	} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for n, d := range files {
			w, _ := zw.Create(n)
			w.Write([]byte(d))
		}
		zw.Close()
		f.Add(buf.Bytes())
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := unzipProject(data)
		if err != nil {
			return
		}
		for name := range files {
			if !safeName(name) || bytes.ContainsRune([]byte(name), '/') {
				t.Errorf("kept %q", name)
			}
		}
	})
}

// FuzzApplyForm: any form gives a content file that parses as YAML (or
// an error), never a panic; and the form reads back what it wrote.
func FuzzApplyForm(f *testing.F) {
	f.Add("Riverside Clinic", "Ask us", "#1a6fb0", "US", "en", "Know the signs", "9515550142")
	f.Add("a: b", "- x", "#zz", "US-CA", "ar", "{emergency}", "")
	f.Add("\u202e1-888", "'\"", "", "", "", "\x00", "abc")
	f.Fuzz(func(t *testing.T, name, contact, colour, region, lang, headline, digits string) {
		v := url.Values{"organization.name": {name}, "organization.contact": {contact}, "organization.color": {colour},
			"region": {region}, "languages": {lang}, "messages.en.headline": {headline}, "hotlines.0.digits": {digits}}
		data, err := applyForm([]byte(starter), v)
		if err != nil {
			return
		}
		if _, err := parseTree(data); err != nil {
			t.Fatalf("the form wrote YAML that does not parse: %v\n%s", err, data)
		}
		got := viewOf(data)
		if trim(name) != "" && got.OrgName != trim(name) && got.OrgName != name {
			t.Errorf("name %q read back as %q", name, got.OrgName)
		}
	})
}

func trim(s string) string { return string(bytes.TrimSpace([]byte(s))) }
