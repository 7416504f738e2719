package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// parsedPDF is a PDF file as these tests read it back: through its
// cross-reference table, as a reader would.
type parsedPDF struct {
	data    []byte
	offsets []int // offsets[n] is where object n starts, from the xref table
	size    int   // the trailer's /Size
	trailer string
}

var (
	startxrefRE = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`)
	xrefHeadRE  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	xrefEntryRE = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf]) \n$`)
	trailerRE   = regexp.MustCompile(`^trailer\n(<<.*>>)\nstartxref\n`)
	sizeRE      = regexp.MustCompile(`/Size (\d+)\b`)
	lengthRE    = regexp.MustCompile(`/Length (\d+)\b`)
)

// parsePDF reads data's trailer and cross-reference table and checks
// their structure: every entry in use points at "N 0 obj".
func parsePDF(t *testing.T, data []byte) *parsedPDF {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		t.Fatalf("the file does not start with %%PDF-1.: %q", data[:min(len(data), 20)])
	}
	// A comment of high bytes on the second line marks the file binary.
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 || len(data) < nl+6 || data[nl+1] != '%' {
		t.Fatalf("no binary comment on the second line")
	}
	for _, c := range data[nl+2 : nl+6] {
		if c < 128 {
			t.Errorf("the binary comment holds byte %#x, below 128", c)
		}
	}
	m := startxrefRE.FindSubmatch(data)
	if m == nil {
		t.Fatalf("no startxref and %%%%EOF at the end: %q", data[max(0, len(data)-60):])
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) {
		t.Fatalf("startxref %d outside the file of %d bytes", xref, len(data))
	}
	rest := data[xref:]
	h := xrefHeadRE.FindSubmatch(rest)
	if h == nil {
		t.Fatalf("startxref %d does not point at an xref table: %q", xref, rest[:min(len(rest), 30)])
	}
	n, _ := strconv.Atoi(string(h[1]))
	rest = rest[len(h[0]):]
	if len(rest) < 20*n {
		t.Fatalf("the xref table of %d entries is cut short", n)
	}
	p := &parsedPDF{data: data, offsets: make([]int, n)}
	for i := 0; i < n; i++ {
		e := rest[20*i : 20*i+20]
		em := xrefEntryRE.FindSubmatch(e)
		if em == nil {
			t.Fatalf("xref entry %d is malformed: %q", i, e)
		}
		off, _ := strconv.Atoi(string(em[1]))
		gen, _ := strconv.Atoi(string(em[2]))
		if i == 0 {
			if string(em[3]) != "f" || gen != 65535 || off != 0 {
				t.Errorf("xref entry 0 is %q, want the head of the free list", e)
			}
			continue
		}
		if string(em[3]) != "n" || gen != 0 {
			t.Errorf("xref entry %d is %q, want an object in use of generation 0", i, e)
		}
		head := fmt.Sprintf("%d 0 obj", i)
		if off <= 0 || off >= xref || !bytes.HasPrefix(data[off:], []byte(head)) {
			t.Errorf("xref entry %d points at offset %d: %q, want %q", i, off, data[off:min(off+20, len(data))], head)
		}
		// The object number is not the tail of a longer number.
		if off > 0 && data[off-1] != '\n' {
			t.Errorf("object %d at offset %d does not start a line", i, off)
		}
		p.offsets[i] = off
	}
	tm := trailerRE.FindSubmatch(rest[20*n:])
	if tm == nil {
		t.Fatalf("no trailer after the xref table: %q", rest[20*n:])
	}
	p.trailer = string(tm[1])
	sm := sizeRE.FindStringSubmatch(p.trailer)
	if sm == nil {
		t.Fatalf("the trailer has no /Size: %s", p.trailer)
	}
	p.size, _ = strconv.Atoi(sm[1])
	if p.size != n {
		t.Errorf("trailer /Size %d, but the xref table has %d entries", p.size, n)
	}
	return p
}

// object returns the body of non-stream object n: what lies between
// "n 0 obj\n" and "\nendobj".
func (p *parsedPDF) object(t *testing.T, n Ref) string {
	t.Helper()
	if int(n) <= 0 || int(n) >= len(p.offsets) {
		t.Fatalf("object %d is not in the xref table", n)
	}
	s := p.data[p.offsets[n]:]
	s = s[bytes.IndexByte(s, '\n')+1:]
	end := bytes.Index(s, []byte("\nendobj\n"))
	if end < 0 {
		t.Fatalf("object %d has no endobj", n)
	}
	return string(s[:end])
}

// stream returns stream object n's dictionary and its data as stored
// (still encoded), taking /Length at its word.
func (p *parsedPDF) stream(t *testing.T, n Ref) (string, []byte) {
	t.Helper()
	if int(n) <= 0 || int(n) >= len(p.offsets) {
		t.Fatalf("object %d is not in the xref table", n)
	}
	s := p.data[p.offsets[n]:]
	s = s[bytes.IndexByte(s, '\n')+1:]
	k := bytes.Index(s, []byte(">>\nstream\n"))
	if k < 0 || !bytes.HasPrefix(s, []byte("<<")) {
		t.Fatalf("object %d is not a stream: %q", n, s[:min(len(s), 40)])
	}
	dict := string(s[:k+2])
	lm := lengthRE.FindStringSubmatch(dict)
	if lm == nil {
		t.Fatalf("stream %d has no /Length: %s", n, dict)
	}
	length, _ := strconv.Atoi(lm[1])
	data := s[k+len(">>\nstream\n"):]
	if len(data) < length || !bytes.HasPrefix(data[length:], []byte("\nendstream\nendobj\n")) {
		t.Fatalf("stream %d: /Length %d does not end at endstream", n, length)
	}
	return dict, data[:length]
}

// flateStream returns stream n's dictionary and its data inflated; the
// dictionary must name /FlateDecode.
func (p *parsedPDF) flateStream(t *testing.T, n Ref) (string, []byte) {
	t.Helper()
	dict, data := p.stream(t, n)
	if !strings.Contains(dict, "/Filter /FlateDecode") {
		t.Fatalf("stream %d is not compressed with Flate: %s", n, dict)
	}
	return dict, inflate(t, data)
}

func inflate(t *testing.T, data []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not zlib data: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflating: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("inflating: %v", err)
	}
	return out
}

// refOf returns the object number the dictionary dict gives key, e.g.
// 7 for "/Contents 7 0 R".
func refOf(t *testing.T, dict, key string) Ref {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(key) + `\s*(\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		t.Fatalf("no reference %s in %s", key, dict)
	}
	n, _ := strconv.Atoi(m[1])
	return Ref(n)
}

// writeTemp writes data to a file in a test's temporary folder.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool returns the path of an external program, skipping the test when
// it is not installed, or failing it under CI (HANDBILL_CI=1, which
// .ci/run sets, installing them all).
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("HANDBILL_CI") == "1" {
			t.Fatalf("%s is not installed, and under CI (HANDBILL_CI=1) the tests that read PDFs back must run", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

// run runs a program and returns its standard output, failing the test
// when it fails.
func run(t *testing.T, name string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// qpdfCheck runs qpdf --check on a PDF file, when qpdf is installed.
func qpdfCheck(t *testing.T, data []byte) {
	t.Helper()
	tool(t, "qpdf")
	path := writeTemp(t, "check.pdf", data)
	out, errs := run(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors found") || errs != "" {
		t.Errorf("qpdf --check:\n%s%s", out, errs)
	}
}

// render rasterizes page 1 at 72 dpi with pdftoppm: one pixel per point.
func render(t *testing.T, data []byte) image.Image {
	t.Helper()
	tool(t, "pdftoppm")
	path := writeTemp(t, "page.pdf", data)
	out := filepath.Join(filepath.Dir(path), "page")
	_, errs := run(t, "pdftoppm", "-r", "72", "-png", "-singlefile", path, out)
	if errs != "" {
		t.Errorf("pdftoppm complains:\n%s", errs)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

var docDate = time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("", 5*3600+30*60))

// minimalDoc is a one-page document with a filled rectangle and an
// information dictionary. Objects are written out of order on purpose.
func minimalDoc(rgb [3]float64) ([]byte, error) {
	w := NewWriter()
	catalog, pages, page, content, info := w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()
	var c Content
	c.FillRGB(rgb[0], rgb[1], rgb[2])
	c.Rect(10, 10, 50, 30)
	c.Fill()
	w.Stream(content, "", c.Bytes())
	w.Object(info, "<< /Title "+Text("Tëst (1)")+" /Producer "+Text(`a\b (c)`)+" /CreationDate "+Date(docDate)+" >>")
	w.Object(page, fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 100 100] /Resources << >> /Contents %s >>", pages, content))
	w.Object(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", page))
	w.Object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	return w.Finish(catalog, info)
}

var red = [3]float64{1, 0, 0}

func TestMinimalDocument(t *testing.T) {
	data, err := minimalDoc(red)
	if err != nil {
		t.Fatal(err)
	}
	p := parsePDF(t, data)
	// Five objects and the free entry 0.
	if p.size != 6 {
		t.Errorf("/Size %d, want 6", p.size)
	}
	// Every object is in the table, and no more: count the headers.
	if n := len(regexp.MustCompile(`(?m)^\d+ 0 obj$`).FindAll(data, -1)); n != p.size-1 {
		t.Errorf("%d object headers in the file, /Size %d", n, p.size)
	}
	if got := refOf(t, p.trailer, "/Root"); got != 1 {
		t.Errorf("/Root is %d, want 1", got)
	}
	if got := refOf(t, p.trailer, "/Info"); got != 5 {
		t.Errorf("/Info is %d, want 5", got)
	}
	idRE := regexp.MustCompile(`/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]`)
	if m := idRE.FindStringSubmatch(p.trailer); m == nil || m[1] != m[2] {
		t.Errorf("the trailer has no /ID of two equal 16-byte strings: %s", p.trailer)
	}
	if cat := p.object(t, 1); !strings.Contains(cat, "/Type /Catalog") || refOf(t, cat, "/Pages") != 2 {
		t.Errorf("catalog: %s", cat)
	}
	page := p.object(t, 3)
	dict, ops := p.flateStream(t, refOf(t, page, "/Contents"))
	if strings.Contains(dict, "/Length1") {
		t.Errorf("content stream dictionary %s", dict)
	}
	if want := "1.000 0.000 0.000 rg\n10 10 50 30 re\nf\n"; string(ops) != want {
		t.Errorf("content stream %q, want %q", ops, want)
	}
}

func TestMinimalDocumentDeterministic(t *testing.T) {
	a, err := minimalDoc(red)
	if err != nil {
		t.Fatal(err)
	}
	b, err := minimalDoc(red)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("the same calls give different files")
	}
	// Another document gets another identifier.
	c, err := minimalDoc([3]float64{0, 0, 1})
	if err != nil {
		t.Fatal(err)
	}
	idRE := regexp.MustCompile(`/ID \[<([0-9A-F]+)>`)
	ida, idc := idRE.FindSubmatch(a), idRE.FindSubmatch(c)
	if ida == nil || idc == nil {
		t.Fatal("no /ID")
	}
	if bytes.Equal(ida[1], idc[1]) {
		t.Errorf("two different documents share the ID %s", ida[1])
	}
}

func TestFinishWithoutInfo(t *testing.T) {
	w := NewWriter()
	catalog, pages := w.Alloc(), w.Alloc()
	w.Object(pages, "<< /Type /Pages /Kids [] /Count 0 >>")
	w.Object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	data, err := w.Finish(catalog, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := parsePDF(t, data)
	if p.size != 3 {
		t.Errorf("/Size %d, want 3", p.size)
	}
	if strings.Contains(p.trailer, "/Info") {
		t.Errorf("trailer without an information dictionary names one: %s", p.trailer)
	}
}

func TestFinishUnwrittenObject(t *testing.T) {
	w := NewWriter()
	catalog, pages, forgotten, page := w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()
	w.Object(page, fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 10 10] >>", pages))
	w.Object(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", page))
	w.Object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	data, err := w.Finish(catalog, 0)
	if err == nil {
		t.Fatalf("Finish succeeded with object %d never written:\n%s", forgotten, data)
	}
	if !strings.Contains(err.Error(), strconv.Itoa(int(forgotten))) {
		t.Errorf("the error %q does not name object %d", err, forgotten)
	}
	if data != nil {
		t.Errorf("Finish returned %d bytes with its error", len(data))
	}
}

// panics reports whether f panics.
func panics(f func()) (msg any) {
	defer func() { msg = recover() }()
	f()
	return nil
}

func TestObjectWrittenTwicePanics(t *testing.T) {
	w := NewWriter()
	r := w.Alloc()
	w.Object(r, "<< >>")
	if panics(func() { w.Object(r, "<< >>") }) == nil {
		t.Error("Object on an object already written did not panic")
	}
	if panics(func() { w.Stream(r, "", []byte("x")) }) == nil {
		t.Error("Stream on an object already written did not panic")
	}
	if panics(func() { w.RawStream(r, "", []byte("x")) }) == nil {
		t.Error("RawStream on an object already written did not panic")
	}
	s := w.Alloc()
	w.Stream(s, "", []byte("q Q"))
	if panics(func() { w.Object(s, "<< >>") }) == nil {
		t.Error("Object on a stream already written did not panic")
	}
}

func TestUnallocatedObjectPanics(t *testing.T) {
	w := NewWriter()
	w.Alloc()
	for _, r := range []Ref{0, -1, 2, 100} {
		if panics(func() { w.Object(r, "null") }) == nil {
			t.Errorf("Object(%d) with only object 1 allocated did not panic", r)
		}
	}
}

func TestStreamDictionary(t *testing.T) {
	w := NewWriter()
	catalog, a, b, c := w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()
	payload := []byte(strings.Repeat("0 0 m 10 10 l S\n", 50))
	w.Stream(a, "/Type /XObject /Subtype /Form /BBox [0 0 10 10]", payload)
	raw := []byte("\x00\x01binary\nendstream\n\xff")
	w.RawStream(b, "", raw)
	w.RawStream(c, "/Filter /ASCIIHexDecode", []byte("48 69>"))
	w.Object(catalog, "<< /Type /Catalog >>")
	data, err := w.Finish(catalog, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := parsePDF(t, data)
	dict, got := p.flateStream(t, a)
	if !bytes.Equal(got, payload) {
		t.Errorf("stream %d inflates to %q, want %q", a, got, payload)
	}
	if !strings.Contains(dict, "/Subtype /Form") || strings.Count(dict, "/Length") != 1 || strings.Count(dict, "/Filter") != 1 {
		t.Errorf("stream %d dictionary %s", a, dict)
	}
	// Stored data holding "endstream" is still found by its length.
	dict, got = p.stream(t, b)
	if !bytes.Equal(got, raw) || strings.Contains(dict, "/Filter") {
		t.Errorf("raw stream %d: %s %q, want %q unfiltered", b, dict, got, raw)
	}
	dict, got = p.stream(t, c)
	if string(got) != "48 69>" || !strings.Contains(dict, "/Filter /ASCIIHexDecode") || strings.Contains(dict, "Flate") {
		t.Errorf("raw stream %d: %s %q", c, dict, got)
	}
}

func TestQpdfCheck(t *testing.T) {
	data, err := minimalDoc(red)
	if err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, data)
}

// TestPdfinfo reads the information dictionary back with poppler: the
// title in UTF-16, the escaped literal and the date with its offset.
func TestPdfinfo(t *testing.T) {
	tool(t, "pdfinfo")
	data, err := minimalDoc(red)
	if err != nil {
		t.Fatal(err)
	}
	out, errs := run(t, "pdfinfo", "-isodates", "-enc", "UTF-8", writeTemp(t, "info.pdf", data))
	if errs != "" {
		t.Errorf("pdfinfo complains:\n%s", errs)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	for k, want := range map[string]string{
		"Title":        "Tëst (1)",
		"Producer":     `a\b (c)`,
		"CreationDate": "2024-03-05T07:08:09+05:30",
		"Pages":        "1",
		"Page size":    "100 x 100 pts",
		"PDF version":  "1.7",
	} {
		if got := fields[k]; got != want {
			t.Errorf("pdfinfo: %s is %q, want %q", k, got, want)
		}
	}
}

// TestRenderRectangle draws the document with poppler: red inside the
// rectangle 10,10–60,40 (PDF space, from the bottom left), white outside.
func TestRenderRectangle(t *testing.T) {
	data, err := minimalDoc(red)
	if err != nil {
		t.Fatal(err)
	}
	img := render(t, data)
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 100 {
		t.Fatalf("page rendered at %v, want 100×100 pixels", b)
	}
	// Image rows run from the top: PDF y maps to row 99-y.
	for _, tt := range []struct {
		x, y int // PDF space
		want color.RGBA
	}{
		{35, 25, color.RGBA{255, 0, 0, 255}},
		{12, 12, color.RGBA{255, 0, 0, 255}},
		{58, 38, color.RGBA{255, 0, 0, 255}},
		{5, 5, color.RGBA{255, 255, 255, 255}},
		{35, 45, color.RGBA{255, 255, 255, 255}},
		{65, 25, color.RGBA{255, 255, 255, 255}},
		{90, 90, color.RGBA{255, 255, 255, 255}},
	} {
		r, g, b, _ := img.At(tt.x, 99-tt.y).RGBA()
		got := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
		if got != tt.want {
			t.Errorf("pixel at %d,%d is %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}

func TestDeflateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 1<<20)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	inputs := map[string][]byte{
		"nil":        nil,
		"empty":      {},
		"one byte":   {0},
		"text":       []byte("BT /F1 12 Tf 72 712 Td <0001> Tj ET\n"),
		"repetitive": bytes.Repeat([]byte("0 0 1 rg 10 10 50 30 re f\n"), 10000),
		"noise":      noise,
	}
	for name, in := range inputs {
		out := Deflate(in)
		// A zlib stream: CM 8 (deflate), and the header a multiple of 31.
		if len(out) < 6 || out[0]&0x0f != 8 || (int(out[0])<<8|int(out[1]))%31 != 0 {
			t.Errorf("%s: Deflate's output does not start with a zlib header: % x", name, out[:min(len(out), 2)])
			continue
		}
		if got := inflate(t, out); !bytes.Equal(got, in) {
			t.Errorf("%s: round trip gives %d bytes, want %d", name, len(got), len(in))
		}
	}
	if rep := inputs["repetitive"]; len(Deflate(rep)) > len(rep)/20 {
		t.Errorf("repetitive data of %d bytes compresses to %d only", len(rep), len(Deflate(rep)))
	}
}

// TestDeflateConcurrent compresses from several goroutines at once, at
// both levels (Deflate's, and the content streams' through Stream): the
// pooled compressors must not mix their outputs (run with -race).
func TestDeflateConcurrent(t *testing.T) {
	const goroutines, rounds = 8, 40
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*rounds)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for i := range rounds {
				// Different sizes, so a compressor handed from one
				// goroutine to another mid-use would show.
				in := make([]byte, 100+rng.IntN(50000))
				for j := range in {
					in[j] = byte(g) + byte(rng.IntN(4)) // compressible, distinct per goroutine
				}
				var out []byte
				if i%2 == 0 {
					out = Deflate(in)
				} else {
					// Through a Writer's Stream, which compresses for speed.
					w := NewWriter()
					r := w.Alloc()
					w.Stream(r, "", in)
					data, err := w.Finish(r, 0)
					if err != nil {
						errs <- err
						continue
					}
					k := bytes.Index(data, []byte(">>\nstream\n")) + len(">>\nstream\n")
					end := bytes.LastIndex(data, []byte("\nendstream"))
					out = data[k:end]
				}
				r, err := zlib.NewReader(bytes.NewReader(out))
				if err != nil {
					errs <- fmt.Errorf("goroutine %d round %d: %v", g, i, err)
					continue
				}
				got, err := io.ReadAll(r)
				if err != nil || !bytes.Equal(got, in) {
					errs <- fmt.Errorf("goroutine %d round %d: round trip failed (%v)", g, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestStreamCompressesFast: Stream compresses content streams, and
// NewProgram font programs, at a fast level (fastLevel: FLEVEL 1, "fast",
// in the zlib header), Deflate (images) at the default (2).
func TestStreamCompressesFast(t *testing.T) {
	in := bytes.Repeat([]byte("0 0 1 rg 10 10 50 30 re f\n"), 100)
	if lvl := Deflate(in)[1] >> 6; lvl != 2 {
		t.Errorf("Deflate's zlib header gives level %d, want 2 (default)", lvl)
	}
	p, err := NewProgram(in, FontMetrics{UnitsPerEm: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if lvl := p.deflated[1] >> 6; lvl != 1 {
		t.Errorf("NewProgram's zlib header gives level %d, want 1 (fast)", lvl)
	}
	if !bytes.Equal(inflate(t, p.deflated), in) {
		t.Error("the font program does not inflate to its data")
	}
	w := NewWriter()
	r := w.Alloc()
	w.Stream(r, "", in)
	data, err := w.Finish(r, 0)
	if err != nil {
		t.Fatal(err)
	}
	dict, got := parsePDF(t, data).stream(t, r)
	if lvl := got[1] >> 6; lvl != 1 {
		t.Errorf("Stream's zlib header gives level %d, want 1 (fast)", lvl)
	}
	if dict != "<< /Filter /FlateDecode /Length "+strconv.Itoa(len(got))+" >>" {
		t.Errorf("stream dictionary %q", dict)
	}
	if !bytes.Equal(inflate(t, got), in) {
		t.Error("the stream does not inflate to its data")
	}
}

// TestDeflateOutputsIndependent checks that a result is not overwritten
// by a later call reusing the pooled compressor.
func TestDeflateOutputsIndependent(t *testing.T) {
	a := Deflate([]byte(strings.Repeat("a", 1000)))
	keep := bytes.Clone(a)
	for i := range 10 {
		Deflate([]byte(strings.Repeat("b", 1000+i)))
	}
	if !bytes.Equal(a, keep) {
		t.Error("a later Deflate changed an earlier result")
	}
}

// TestIDTakesFontPrograms: a font program goes into the file identifier
// as its digest: the same file gives the same identifier, files whose
// programs differ in one byte different ones.
func TestIDTakesFontPrograms(t *testing.T) {
	doc := func(data []byte, asProgram bool) string {
		w := NewWriter()
		r := w.Alloc()
		if asProgram {
			digest := sha256.Sum256(data)
			w.rawStream(r, "/Length1 9", data, &digest)
		} else {
			w.RawStream(r, "/Length1 9", data)
		}
		out, err := w.Finish(r, 0)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`/ID \[<([0-9A-F]{32})>`).FindSubmatch(out)
		if m == nil {
			t.Fatal("no /ID")
		}
		return string(m[1])
	}
	a, b := []byte("program A"), []byte("program B")
	if doc(a, true) != doc(bytes.Clone(a), true) {
		t.Error("the same file gives two identifiers")
	}
	if doc(a, true) == doc(b, true) {
		t.Error("files with different font programs share an identifier")
	}
	if doc(a, true) == doc(a, false) {
		t.Error("a font program and a plain stream of its bytes give one identifier: the program's digest is not in use")
	}
	if doc(a, false) == doc(b, false) {
		t.Error("files with different streams share an identifier")
	}
}
