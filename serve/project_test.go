package serve

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbill/content"
	"handbill/source"
)

// TestFitErrorComesAndGoes: a headline too long for the poster is an
// error next to the headline field, and goes when the headline is short
// again; the preview changes with the text.
func TestFitErrorComesAndGoes(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	f := baseForm()
	res, st := a.form(f)
	if res.StatusCode != 200 || len(st.Previews) != 1 || st.Previews[0].File != "en/poster-letter.pdf" {
		t.Fatalf("%s: %+v", res.Status, st)
	}
	_, png1 := a.get(st.Previews[0].URL)
	if errs := fieldFindings(a.findings(), "messages.en.headline"); len(errs) != 0 {
		t.Fatalf("findings at the headline before it was changed: %+v", errs)
	}
	f.Set("messages.en.headline", strings.Repeat("Know the signs of trafficking and call the hotline today ", 4))
	_, st = a.form(f)
	_, png2 := a.get(st.Previews[0].URL)
	if png1 == png2 {
		t.Error("the preview did not change with the headline")
	}
	errs := fieldFindings(a.findings(), "messages.en.headline")
	if len(errs) != 1 || errs[0].Severity != "error" || !strings.Contains(errs[0].Message, "does not fit") ||
		!strings.HasPrefix(errs[0].Message, "content.yaml:") || !strings.Contains(errs[0].Plain, "too long") || errs[0].Hint == "" {
		t.Fatalf("findings at the headline: %+v", errs)
	}
	f.Set("messages.en.headline", "Know the signs")
	_, st = a.form(f)
	if errs := fieldFindings(a.findings(), "messages.en.headline"); len(errs) != 0 {
		t.Fatalf("the fit error stayed: %+v", errs)
	}
}

// TestBadFormInput: a mistake in the form is reported next to its field
// with the CLI's message and hint for the same content file, and the
// project keeps its last good version.
func TestBadFormInput(t *testing.T) {
	for _, c := range []struct {
		name, field, value string
	}{
		{"colour", "organization.color", "#12"},
		{"digits and display disagree", "hotlines.0.display", "951-555-0199"},
		{"bidi control", "organization.name", "Clinic \u202e1-888"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, nil)
			a.open()
			f := baseForm()
			f.Set("hotlines.0.name", "Clinic nurse line")
			f.Set("hotlines.0.digits", "9515550142")
			f.Set("hotlines.0.display", "951-555-0142")
			if res, st := a.form(f); res.StatusCode != 200 {
				t.Fatalf("good form: %s %+v", res.Status, st.Errors)
			}
			before := string(a.sess().data)
			f.Set(c.field, c.value)
			res, st := a.form(f)
			if res.StatusCode != http.StatusUnprocessableEntity || len(st.Errors) != 1 {
				t.Fatalf("%s: %+v", res.Status, st)
			}
			got := st.Errors[0]
			if got.Field != c.field {
				t.Errorf("finding at %q, want %q: %+v", got.Field, c.field, got)
			}
			// The CLI's words: the same content file loaded as `handbill
			// build --content` loads it.
			data, _ := applyForm([]byte(before), f)
			_, err := content.LoadData(filepath.Join(a.sess().projectDir(), contentName), data)
			d := source.From(err)
			if d == nil {
				t.Fatal("the content package took the bad value")
			}
			d.Pos.File = contentName
			if got.Message != d.Error() || got.Hint != d.Hint {
				t.Errorf("message %q / hint %q, the CLI says %q / %q", got.Message, got.Hint, d.Error(), d.Hint)
			}
			if string(a.sess().data) != before {
				t.Error("the bad form was saved")
			}
		})
	}
}

// sess is the app's one session.
func (a *app) sess() *session {
	a.s.mu.Lock()
	defer a.s.mu.Unlock()
	for _, ss := range a.s.sessions {
		return ss
	}
	a.t.Fatal("no session")
	return nil
}

func pngOf(t *testing.T, w, h int) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader is the start of a PNG that claims w×h pixels: enough for
// image.DecodeConfig, and far smaller than such an image.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0 // 8-bit grey
	chunk := append([]byte("IHDR"), ihdr...)
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// TestLogoUpload: a logo is taken into the project; one too large in
// bytes or pixels, or not an image, is refused at the logo field.
func TestLogoUpload(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	a.form(baseForm())
	res, st := a.upload("/api/logo", "logo", "logo.png", pngOf(t, 600, 300))
	if res.StatusCode != 200 || st.Logo != "logo.png" {
		t.Fatalf("%s: %+v", res.Status, st)
	}
	if _, err := os.Stat(filepath.Join(a.sess().projectDir(), "logo.png")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(a.sess().data), "logo: logo.png") {
		t.Errorf("the content file does not name the logo:\n%s", a.sess().data)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"over 20 MB", append(pngOf(t, 10, 10), make([]byte, MaxLogoBytes)...), "larger than 20 MB"},
		{"over 40 megapixels", pngHeader(8000, 5001), "at most 40 megapixels"},
		{"not an image", []byte("GIF89a not really"), "not a PNG or JPEG"},
	} {
		res, st := a.upload("/api/logo", "logo", "big.png", c.data)
		if res.StatusCode != http.StatusUnprocessableEntity || len(st.Errors) != 1 || st.Errors[0].Field != "organization.logo" ||
			!strings.Contains(st.Errors[0].Message, c.want) {
			t.Errorf("%s: %s %+v", c.name, res.Status, st.Errors)
		}
	}
	// The good logo is still the project's.
	if _, err := os.Stat(filepath.Join(a.sess().projectDir(), "logo.png")); err != nil || !strings.Contains(string(a.sess().data), "logo: logo.png") {
		t.Error("a refused upload removed the logo")
	}
}

// TestCloseRemovesFiles: every session's folder goes when the app stops.
func TestCloseRemovesFiles(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	a.upload("/api/logo", "logo", "logo.png", pngOf(t, 100, 100))
	dir := a.sess().dir
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
	if err := a.s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(a.s.Dir()); !os.IsNotExist(err) {
		t.Errorf("the app's folder is still there: %v", err)
	}
}

// TestLogoTooSmallFinding: a logo with too few pixels for its printed
// size is a finding next to the logo field, in plain words.
func TestLogoTooSmallFinding(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	a.form(baseForm())
	if res, st := a.upload("/api/logo", "logo", "logo.png", pngOf(t, 40, 16)); res.StatusCode != 200 {
		t.Fatalf("%s %+v", res.Status, st.Errors)
	}
	fs := fieldFindings(a.findings(), "organization.logo")
	if len(fs) == 0 || !strings.Contains(fs[0].Plain, "too few pixels") || !strings.HasPrefix(fs[0].Message, "content.yaml:") {
		t.Fatalf("findings at the logo: %+v (all: %+v)", fs, a.findings())
	}
}
