package build_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/build"
	"handbill/layouts"
	"handbill/render"
)

// TestEveryOutputPassesQpdf builds every built-in output, desktop and
// press, and the calibration pages, in the default languages, and runs
// qpdf --check on each file.
func TestEveryOutputPassesQpdf(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed")
	}
	dir := t.TempDir()
	opts := defaultOptions(t, dir, nil)
	opts.Press, opts.Calibration = true, true
	m, err := buildAll(opts)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, r := range m.Files {
		switch {
		case strings.HasSuffix(r.File, "-press.pdf"):
			kinds["press"]++
		case strings.HasSuffix(r.File, "-calibration.pdf"):
			kinds["calibration"]++
		default:
			kinds["desktop"]++
		}
		out, err := exec.Command(qpdf, "--check", filepath.Join(dir, r.File)).CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) {
			t.Errorf("qpdf --check %s: %v\n%s", r.File, err, out)
		}
	}
	// Every product has a press output now: 2 languages × (3 posters, 2
	// flyers, 2 handouts, 2 stickers, 4 cards) + 2 multi-language posters.
	if kinds["press"] < 28 || kinds["calibration"] != 4 || kinds["desktop"] < 28 {
		t.Errorf("built %v", kinds)
	}
	for _, f := range []string{"en/poster-letter-press.pdf", "es/flyer-a4-press.pdf", "en-es/poster-multilang-tabloid-press.pdf",
		"en/sticker-3x3-press.pdf", "en/handout-a5-press.pdf", "wallet-card-us-sheet-avery5371-calibration.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s was not built", f)
		}
	}
}

// TestPressBoxesInPdfinfo reads the trim and bleed boxes of press posters
// with pdfinfo -box: 1/8 in of bleed on Letter, 3 mm on A4, and the crop
// marks' quarter inch of slug around it.
func TestPressBoxesInPdfinfo(t *testing.T) {
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo is not installed")
	}
	dir := t.TempDir()
	opts := defaultOptions(t, dir, []language.Tag{language.English})
	opts.Press = true
	opts.Only = map[string]bool{"poster-letter": true, "poster-a4": true}
	m, err := buildAll(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 4 {
		t.Fatalf("built %d files, want poster-letter and poster-a4, desktop and press", len(m.Files))
	}
	for file, want := range map[string][]string{
		"en/poster-letter-press.pdf": {
			`MediaBox: +0\.00 +0\.00 +666\.00 +846\.00`,
			`TrimBox: +27\.00 +27\.00 +639\.00 +819\.00`,
			`BleedBox: +18\.00 +18\.00 +648\.00 +828\.00`,
		},
		"en/poster-a4-press.pdf": { // 3 mm = 8.50 pt; A4 = 595.28 × 841.89 pt
			`TrimBox: +26\.50 +26\.50 +621\.78 +868\.39`,
			`BleedBox: +18\.00 +18\.00 +630\.28 +876\.(89|90)`,
		},
		"en/poster-letter.pdf": {`MediaBox: +0\.00 +0\.00 +612\.00 +792\.00`, `TrimBox: +0\.00 +0\.00 +612\.00 +792\.00`},
	} {
		out, err := exec.Command(pdfinfo, "-box", filepath.Join(dir, file)).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v\n%s", file, err, out)
		}
		for _, w := range want {
			if !regexp.MustCompile(`(?m)^` + w + `$`).Match(out) {
				t.Errorf("%s: pdfinfo -box has no line %q:\n%s", file, w, out)
			}
		}
	}
}

// cmykLayout is a poster whose theme gives press colours: ink in process
// black, the accent as a spot ink, a grey as a second spot ink.
const cmykLayout = `name: cmyk-poster
description: Poster in press colours
product: poster
sizes:
  - {suffix: letter, size: letter}
margin: 0.5in
theme:
  ink: {rgb: "#1a1a1a", cmyk: [0, 0, 0, 100]}
  accent: {rgb: "#0b3d6e", spot: "PANTONE 2955 C", cmyk: [100, 55, 0, 55]}
  grey: {rgb: "#4a4a4a", spot: "Cool Gray 11 C", cmyk: [0, 2, 0, 68]}
  paper: "#ffffff"
  band: {rgb: "#c8102e", cmyk: [0, 100, 85, 6]}
styles:
  headline: {size: [24, 40], bold: true, color: white, max_lines: 3}
  body: {size: [14, 18], color: ink}
  small: {size: [10, 12], color: grey}
pages:
  - background: paper
    blocks:
      - {type: rect, area: bleed, box: [0, 0, 100%, 20%], fill: accent}
      - {type: text, text: "{headline}", style: headline, box: [0, 0, 100%, 15%], valign: middle}
      - {type: list, items: signs, style: body, max: 4, box: [0, 25%, 100%, 45%]}
      - {type: text, text: "{web}", style: small, box: [0, 72%, 100%, 5%]}
      - {type: rect, area: bleed, box: [0, 80%, 100%, 20%], fill: band}
      - {type: qr, content: "https://{web}", fill: ink, background: paper, box: [80%, 82%, 20%, 18%]}
`

func buildCMYK(t *testing.T, dir string, press bool, intent string) *build.Manifest {
	t.Helper()
	l, err := layouts.Parse("cmyk.yaml", []byte(cmykLayout))
	if err != nil {
		t.Fatal(err)
	}
	opts := defaultOptions(t, dir, []language.Tag{language.English})
	opts.Layouts, opts.Press = []*layouts.Layout{l}, press
	if intent != "" {
		if opts.OutputIntent, err = render.ReadProfile(intent); err != nil {
			t.Fatal(err)
		}
	}
	m, err := buildAll(opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// contentStreams inflates every Flate stream of a PDF and joins them.
func contentStreams(t *testing.T, pdf []byte) string {
	t.Helper()
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?s)/FlateDecode[^>]*>>\s*stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not a content stream of ours
		}
		data, _ := io.ReadAll(r)
		b.Write(data)
		b.WriteString("\n")
	}
	return b.String()
}

// TestPressWritesDeviceCMYK checks the colours of a press page: theme
// colours given in CMYK are filled with k and stroked with K
// (DeviceCMYK), spot colours are Separations with their CMYK alternates,
// crop marks are in the registration colour (/All), and the desktop page
// of the same layout has RGB only.
func TestPressWritesDeviceCMYK(t *testing.T) {
	dir := t.TempDir()
	buildCMYK(t, dir, true, "")
	press, err := os.ReadFile(filepath.Join(dir, "en/cmyk-poster-letter-press.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	s := contentStreams(t, press)
	for _, want := range []string{
		"0.000 0.000 0.000 1.000 k", // ink: body text and the QR code, process black
		"0.000 0.000 0.000 1.000 K", // its stroke (synthesized bold uses it)
		"0.000 1.000 0.850 0.060 k", // the red band
		"cs 1.000 scn",              // a spot fill
		"CS 1.000 SCN",              // a spot stroke: the crop marks
	} {
		if !strings.Contains(s, want) {
			t.Errorf("press content has no %q", want)
		}
	}
	for _, want := range []string{"/Separation /PANTONE#202955#20C", "/Separation /Cool#20Gray#2011#20C", "/Separation /All",
		"/C1 [1.000 0.550 0.000 0.550]", "/C1 [1.000 1.000 1.000 1.000]"} {
		if !bytes.Contains(press, []byte(want)) {
			t.Errorf("press PDF has no %q", want)
		}
	}
	desk, err := os.ReadFile(filepath.Join(dir, "en/cmyk-poster-letter.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ds := contentStreams(t, desk)
	if regexp.MustCompile(`(?m) [kK]$| scn$| SCN$`).MatchString(ds) || bytes.Contains(desk, []byte("/Separation")) {
		t.Error("the desktop PDF has press colours")
	}
	if !strings.Contains(ds, "0.043 0.239 0.431 rg") { // #0b3d6e
		t.Error("the desktop PDF lacks the accent in RGB")
	}
}

// TestSpotColorsAreDeterministic writes a document with three spot
// colours many times: the bytes never change.
func TestSpotColorsAreDeterministic(t *testing.T) {
	var first string
	for i := range 8 {
		dir := t.TempDir()
		m := buildCMYK(t, dir, true, "")
		for _, r := range m.Files {
			if r.File != "en/cmyk-poster-letter-press.pdf" {
				continue
			}
			if i == 0 {
				first = r.SHA256
			} else if r.SHA256 != first {
				t.Fatalf("run %d: %s differs from the first run", i, r.File)
			}
		}
	}
	if first == "" {
		t.Fatal("no press output")
	}
}

// fakeCMYKProfile is the header and description of a CMYK printer ICC
// profile, enough for ReadProfile and for a PDF reader; it has no colour
// tables, so it is good for testing the embedding only.
func fakeCMYKProfile(desc string) []byte {
	tag := make([]byte, 12+len(desc)+1)
	copy(tag, "desc")
	binary.BigEndian.PutUint32(tag[8:], uint32(len(desc)+1))
	copy(tag[12:], desc)
	p := make([]byte, 128+4+12)
	copy(p[8:], []byte{2, 0x10, 0, 0})
	copy(p[12:], "prtr")
	copy(p[16:], "CMYK")
	copy(p[20:], "Lab ")
	copy(p[36:], "acsp")
	binary.BigEndian.PutUint32(p[128:], 1)
	copy(p[132:], "desc")
	binary.BigEndian.PutUint32(p[136:], uint32(len(p)))
	binary.BigEndian.PutUint32(p[140:], uint32(len(tag)))
	p = append(p, tag...)
	binary.BigEndian.PutUint32(p[0:], uint32(len(p)))
	return p
}

// TestOutputIntent embeds a CMYK printer profile as the PDF/X output
// intent of press outputs only, as a four-component ICC stream, with the
// trailer's /Info still the document information dictionary.
func TestOutputIntent(t *testing.T) {
	icc := filepath.Join(t.TempDir(), "press.icc")
	if err := os.WriteFile(icc, fakeCMYKProfile("Coated FOGRA39 (ISO 12647-2:2004)"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	buildCMYK(t, dir, true, icc)
	press, _ := os.ReadFile(filepath.Join(dir, "en/cmyk-poster-letter-press.pdf"))
	for _, want := range []string{"/OutputIntents [", "/S /GTS_PDFX /OutputConditionIdentifier (Coated FOGRA39 ISO 12647-2:2004)", "<< /N 4 "} {
		if !bytes.Contains(press, []byte(want)) {
			t.Errorf("press PDF has no %q", want)
		}
	}
	info := regexp.MustCompile(`(?s)trailer\n<<.*/Info (\d+) 0 R`).FindSubmatch(press)
	if info == nil || !regexp.MustCompile(`\n`+string(info[1])+` 0 obj\n<<[^\n]*/Producer \(handbill\)`).Match(press) {
		t.Error("the trailer's /Info is not the document information dictionary")
	}
	desk, _ := os.ReadFile(filepath.Join(dir, "en/cmyk-poster-letter.pdf"))
	if bytes.Contains(desk, []byte("/OutputIntents")) {
		t.Error("the desktop PDF has an output intent")
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(qpdf, "--check", filepath.Join(dir, "en/cmyk-poster-letter-press.pdf")).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		out, _ := exec.Command(pdfinfo, filepath.Join(dir, "en/cmyk-poster-letter-press.pdf")).CombinedOutput()
		// The title is the poster's headline, in its language (render's docTitle).
		if !bytes.Contains(out, []byte("Title:           Know the signs of child sex trafficking")) {
			t.Errorf("pdfinfo does not find the title:\n%s", out)
		}
	}
	// A screen profile is refused with a reason.
	mntr := fakeCMYKProfile("sRGB")
	copy(mntr[12:], "mntr")
	copy(mntr[16:], "RGB ")
	if _, err := render.ParseProfile(mntr); err == nil || !strings.Contains(err.Error(), "printer profile") {
		t.Errorf("a monitor profile: %v", err)
	}
}

// TestMetadata reads every PDF's information dictionary and catalog:
// title, subject, author, creator, producer and /Lang are set, the dates
// are fixed unless Timestamp asks for the real one.
func TestMetadata(t *testing.T) {
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo is not installed")
	}
	for _, stamp := range []bool{false, true} {
		dir := t.TempDir()
		opts := defaultOptions(t, dir, []language.Tag{language.Spanish})
		opts.Only = map[string]bool{"poster-letter": true, "wallet-card-us-sheet-avery5371": true}
		opts.Press, opts.Calibration, opts.Timestamp = true, true, stamp
		before := time.Now().Add(-time.Second)
		m, err := buildAll(opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Files) != 4 {
			t.Errorf("built %d files", len(m.Files))
		}
		for _, r := range m.Files {
			path := filepath.Join(dir, r.File)
			out, err := exec.Command(pdfinfo, "-isodates", path).CombinedOutput()
			if err != nil {
				t.Fatalf("pdfinfo %s: %v", r.File, err)
			}
			for _, key := range []string{"Title", "Subject", "Author", "Creator", "Producer", "CreationDate"} {
				if !regexp.MustCompile(`(?m)^` + key + `: +\S`).Match(out) {
					t.Errorf("%s: no %s:\n%s", r.File, key, out)
				}
			}
			lang := "es"
			if strings.HasSuffix(r.File, "-calibration.pdf") {
				lang = "en" // its instructions are in English
			}
			data, _ := os.ReadFile(path)
			if !bytes.Contains(data, []byte("/Lang ("+lang+")")) {
				t.Errorf("%s: no /Lang (%s)", r.File, lang)
			}
			date := regexp.MustCompile(`(?m)^CreationDate: +(\S+)`).FindSubmatch(out)
			if date == nil {
				continue
			}
			got, err := time.Parse("2006-01-02T15:04:05Z07:00", string(date[1]))
			if err != nil {
				got, err = time.ParseInLocation("2006-01-02T15:04:05", string(date[1]), time.Local)
			}
			if err != nil {
				t.Errorf("%s: date %s: %v", r.File, date[1], err)
				continue
			}
			if fixed := got.Year() == 2000; fixed == stamp {
				t.Errorf("%s: Timestamp %v, creation date %s", r.File, stamp, date[1])
			}
			if stamp && got.Before(before.Truncate(time.Second)) {
				t.Errorf("%s: creation date %s is before the build", r.File, date[1])
			}
		}
	}
}

// TestPlanPressAndCalibration: --press adds a press output per size of
// every product but cards (which have theirs already), selected with the
// desktop output it is made from; --calibration adds one calibration page
// per card sheet, at the top of the output folder.
func TestPlanPressAndCalibration(t *testing.T) {
	opts := defaultOptions(t, t.TempDir(), nil)
	files := func(o testOptions) map[string]bool {
		jobs, _ := o.Plan()
		out := map[string]bool{}
		for _, j := range jobs {
			out[filepath.ToSlash(j.File)] = true
		}
		return out
	}
	plain := files(opts)
	if plain["en/poster-letter-press.pdf"] || !plain["en/wallet-card-us-press.pdf"] {
		t.Error("without Press: a poster press output, or no card press output")
	}
	opts.Press, opts.Calibration = true, true
	all := files(opts)
	for _, f := range []string{"en/poster-letter-press.pdf", "es/poster-tabloid-press.pdf", "en/flyer-letter-press.pdf",
		"en/sticker-4x6-press.pdf", "en-es/poster-multilang-letter-press.pdf", "wallet-card-eu-sheet-avery-c32011-calibration.pdf"} {
		if !all[f] {
			t.Errorf("no %s", f)
		}
	}
	if all["en/wallet-card-us-press-press.pdf"] {
		t.Error("a second press output for cards")
	}
	opts.Only = map[string]bool{"poster-a4": true, "wallet-card-us-sheet-avery5371": true}
	some := files(opts)
	want := []string{"en/poster-a4.pdf", "en/poster-a4-press.pdf", "es/poster-a4.pdf", "es/poster-a4-press.pdf",
		"en/wallet-card-us-sheet-avery5371.pdf", "es/wallet-card-us-sheet-avery5371.pdf", "wallet-card-us-sheet-avery5371-calibration.pdf"}
	if len(some) != len(want) {
		t.Errorf("planned %v, want %v", some, want)
	}
	for _, f := range want {
		if !some[f] {
			t.Errorf("no %s", f)
		}
	}
}
