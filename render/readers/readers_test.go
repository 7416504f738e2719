// Package readers_test reads handbill's PDFs back with real PDF readers —
// pdf.js, PDFium, MuPDF, pdfminer, PDFBox and poppler — and checks that
// each gets the text that was set. It is a test-only package: its scripts
// (extract.mjs for the npm readers, extract.py for pdfminer,
// ExtractPDFBox.java for PDFBox) run the readers, and the helpers here
// run the scripts.
//
// The readers are installed by .ci/run: the npm packages of package.json
// into node_modules beside this file (npm ci), pdfminer from Debian
// (python3-pdfminer), PDFBox from Debian (libpdfbox2-java, run by the
// JDK's java, default-jdk-headless), poppler from Debian (poppler-utils).
// pdfminer and PDFBox take text from the fonts' ToUnicode maps alone. A
// reader that is not installed is skipped, saying how to install it,
// except under CI (HANDBILL_CI=1, which .ci/run sets), where it fails the
// test: CI must never pass with the readers silently skipped.
package readers_test

import (
	order "handbill/render/readers"

	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A reader extracts the text of PDF files and, when it has one, runs its
// own search for strings in them.
type reader struct {
	name string
	// what the reader is, for messages and the table
	about string
	// missing says why the reader cannot run here, or "" if it can.
	missing func() string
	// read returns, for each file, the text of each page and whether the
	// reader's search finds each of finds[i] in file i (nil when the
	// reader has no search).
	read func(pdfs []string, finds [][]string) ([]extraction, error)
	// decode, if set, puts what the reader gives into reading order (see
	// bidi_test.go); rtl is the direction of the document's language.
	decode func(text string, rtl bool) string
}

// extraction is what a reader got from one file.
type extraction struct {
	PDF   string   `json:"pdf"`
	Pages []string `json:"pages"`
	Found []bool   `json:"found"`
	// Tree is, per page, the structure tree as the reader gives it (pdf.js
	// only; see extract.mjs).
	Tree  [][]treeNode `json:"tree"`
	Error string       `json:"error"`
}

// treeNode is a structure element as a reader gives it, in reading order.
type treeNode struct {
	Role    string `json:"role"`
	Depth   int    `json:"depth"`
	Alt     string `json:"alt"`
	Lang    string `json:"lang"`
	Content int    `json:"content"`
}

// Text is the text of every page.
func (e extraction) Text() string { return strings.Join(e.Pages, "\n") }

// readers are the readers the tests use, in the order of the table.
var readers = []reader{
	nodeReader("pdfjs", "pdf.js (Firefox)", "pdfjs-dist"),
	nodeReader("pdfium", "PDFium (Chrome)", "@embedpdf/pdfium"),
	nodeReader("mupdf", "MuPDF (npm mupdf)", "mupdf"),
	{name: "pdfminer", about: "pdfminer.six (Debian python3-pdfminer)", missing: pdfminerMissing, read: pdfminerRead,
		// Each line in its own direction: a multi-language poster's
		// right-to-left panel is in a left-to-right document.
		decode: func(s string, _ bool) string {
			return perLine(s, func(l string) string { return order.RunOrder(l, order.ParagraphRTL(l)) })
		}},
	{name: "pdfbox", about: "PDFBox (Debian libpdfbox2-java)", missing: pdfboxMissing, read: pdfboxRead},
	{name: "poppler", about: "poppler pdftotext", missing: popplerMissing, read: popplerRead,
		decode: func(s string, rtl bool) string {
			return perLine(s, func(l string) string { return order.ReadingOrder(l, lineRTL(l, rtl)) })
		}},
}

// notInstalled skips t because a reader it needs is not installed (why
// says which and how to install it), or fails it under CI (HANDBILL_CI=1).
func notInstalled(t skipper, why string) {
	t.Helper()
	if os.Getenv("HANDBILL_CI") == "1" {
		t.Fatalf("%s (HANDBILL_CI=1: a reader the tests need must be installed)", why)
		return
	}
	t.Skip(why)
}

// skipper is what notInstalled needs of a *testing.T.
type skipper interface {
	Helper()
	Fatalf(format string, args ...any)
	Skip(args ...any)
}

// lineRTL is the direction of a line of pdftotext's output as a viewer
// sets it, line by line: its first strong character's (the bidi
// algorithm's rules P2 and P3), or the document's if it has none (a line
// of digits). A multi-language poster's right-to-left panel is in a
// left-to-right document.
func lineRTL(l string, docRTL bool) bool {
	for _, r := range l {
		if unicode.IsLetter(r) {
			return order.ParagraphRTL(l)
		}
	}
	return docRTL
}

// perLine applies f to each line of s.
func perLine(s string, f func(string) string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = f(l)
	}
	return strings.Join(ls, "\n")
}

// nodeModules is where .ci/run installs the npm readers.
const nodeModules = "node_modules"

func nodeReader(name, about, pkg string) reader {
	return reader{
		name:  name,
		about: about,
		missing: func() string {
			if _, err := exec.LookPath("node"); err != nil {
				return "node is not installed"
			}
			if _, err := os.Stat(filepath.Join(nodeModules, filepath.FromSlash(pkg), "package.json")); err != nil {
				return fmt.Sprintf("npm package %s is not installed: run `npm ci` in render/readers (.ci/run does)", pkg)
			}
			return ""
		},
		read: func(pdfs []string, finds [][]string) ([]extraction, error) {
			return runScript(exec.Command("node", "extract.mjs", name), pdfs, finds)
		},
	}
}

// python is the interpreter that has pdfminer: Debian's (python3-pdfminer
// installs it for /usr/bin/python3, which a python3 earlier in PATH, from
// pyenv say, may not be), or the one in PATH.
var python = sync.OnceValue(func() string {
	for _, p := range []string{os.Getenv("HANDBILL_PYTHON"), "/usr/bin/python3", "python3"} {
		if p == "" {
			continue
		}
		if exec.Command(p, "-c", "import pdfminer.high_level").Run() == nil {
			return p
		}
	}
	return ""
})

func pdfminerMissing() string {
	if python() == "" {
		return "pdfminer is not installed (Debian: apt-get install python3-pdfminer; .ci/run does)"
	}
	return ""
}

// pdfminerRead reads the files in two processes at once, as pdfminer is
// the slowest reader by far.
func pdfminerRead(pdfs []string, _ [][]string) ([]extraction, error) {
	return inHalves(pdfs, func(pdfs []string) ([]extraction, error) {
		return runScript(exec.Command(python(), "extract.py"), pdfs, nil)
	})
}

// inHalves reads the first half of pdfs and the second half with read in
// two processes at once, and returns their extractions in order.
func inHalves(pdfs []string, read func([]string) ([]extraction, error)) ([]extraction, error) {
	half := len(pdfs) / 2
	var a []extraction
	var errA error
	var wg sync.WaitGroup
	wg.Go(func() { a, errA = read(pdfs[:half]) })
	b, errB := read(pdfs[half:])
	wg.Wait()
	if errA != nil {
		return nil, errA
	}
	if errB != nil {
		return nil, errB
	}
	return append(a, b...), nil
}

// pdfboxJars are the jars PDFBox needs, as Debian's libpdfbox2-java
// installs them (with libfontbox2-java and libcommons-logging-java).
var pdfboxJars = []string{"/usr/share/java/pdfbox2.jar", "/usr/share/java/fontbox2.jar", "/usr/share/java/commons-logging.jar"}

func pdfboxMissing() string {
	// Java's source launcher (java FILE.java) compiles with the JDK's
	// compiler: a runtime alone cannot run ExtractPDFBox.java.
	if _, err := exec.LookPath("javac"); err != nil {
		return "a JDK is not installed (Debian: default-jdk-headless; .ci/run installs it)"
	}
	for _, j := range pdfboxJars {
		if _, err := os.Stat(j); err != nil {
			return "PDFBox is not installed (Debian: apt-get install libpdfbox2-java; .ci/run does)"
		}
	}
	return ""
}

// pdfboxRead reads the files with ExtractPDFBox.java, run by Java's source
// launcher (java FILE.java compiles it in memory), in two processes at
// once.
func pdfboxRead(pdfs []string, _ [][]string) ([]extraction, error) {
	return inHalves(pdfs, func(pdfs []string) ([]extraction, error) {
		cmd := exec.Command("java", "-cp", strings.Join(pdfboxJars, string(os.PathListSeparator)), "ExtractPDFBox.java")
		return runCommand(cmd, []byte(strings.Join(pdfs, "\n")+"\n"), len(pdfs))
	})
}

func popplerMissing() string {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "pdftotext is not installed (Debian: poppler-utils)"
	}
	return ""
}

// popplerRead runs pdftotext in its default (reading order) mode.
func popplerRead(pdfs []string, _ [][]string) ([]extraction, error) {
	out := make([]extraction, len(pdfs))
	for i, p := range pdfs {
		b, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
		out[i] = extraction{PDF: p}
		if err != nil {
			out[i].Error = err.Error()
			continue
		}
		out[i].Pages = strings.Split(strings.TrimSuffix(string(b), "\f"), "\f")
	}
	return out, nil
}

// runScript runs a reader script on the files: the jobs go in as JSON on
// standard input, the extractions come back as JSON on standard output.
func runScript(cmd *exec.Cmd, pdfs []string, finds [][]string) ([]extraction, error) {
	type job struct {
		PDF  string   `json:"pdf"`
		Find []string `json:"find,omitempty"`
	}
	jobs := make([]job, len(pdfs))
	for i, p := range pdfs {
		jobs[i].PDF = p
		if finds != nil {
			jobs[i].Find = finds[i]
		}
	}
	in, err := json.Marshal(jobs)
	if err != nil {
		return nil, err
	}
	return runCommand(cmd, in, len(pdfs))
}

// runCommand runs a reader's command with in on its standard input and
// reads the extractions of n files, as JSON, from its standard output.
func runCommand(cmd *exec.Cmd, in []byte, n int) ([]extraction, error) {
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	var out []extraction
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("%s: %v in its answer:\n%.500s\n%s", strings.Join(cmd.Args, " "), err, stdout.String(), stderr.String())
	}
	if len(out) != n {
		return nil, fmt.Errorf("%s answered for %d files, not %d", strings.Join(cmd.Args, " "), len(out), n)
	}
	return out, nil
}

// Comparing text.
//
// Readers differ in what they do with what cannot be seen, so text is
// compared after normalisation (normalize): NFC; format characters
// (Unicode Cf: zero width space and joiners, bidi controls, soft hyphens)
// dropped, as readers differ in keeping them and they are invisible (the
// render package's pdftotext tests do check that ZERO WIDTH NON-JOINER
// comes back there); list bullets dropped; runs of white space as one
// space. A line break (or a wide gap: two spaces or more, where a reader
// puts two columns on one line) splits the text into lines.
//
// Each string that was set is then looked for in the reader's lines in
// order (distanceIn): its characters must come back in order, but other
// lines may come between two of its lines (a reader that reads two
// columns line by line, as pdftotext and pdfminer do with the poster's
// lists, interleaves them: that is the reader's idea of the page's
// layout, not a fault of the text), and the space at a line break may be
// left out (Thai, Khmer, Chinese and Japanese break lines where the text
// has no space).

// bullets are the list markers a reader may give back.
var bullets = map[rune]bool{'•': true, '◦': true, '▪': true, '‣': true, '⁃': true, '●': true}

// normalize returns the lines of s, normalised for comparison (above).
func normalize(s string) [][]rune {
	s = norm.NFC.String(s)
	var lines [][]rune
	var cur []rune
	end := func() {
		for len(cur) > 0 && cur[len(cur)-1] == ' ' {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			lines = append(lines, cur)
		}
		cur = nil
	}
	spaces := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cf, r), bullets[r]:
			continue
		case r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029':
			end()
			spaces = 0
			continue
		case unicode.IsSpace(r):
			spaces++
			if r == '\t' {
				spaces++
			}
			continue
		}
		if spaces >= 2 {
			end()
		} else if spaces == 1 && len(cur) > 0 {
			cur = append(cur, ' ')
		}
		spaces = 0
		cur = append(cur, r)
	}
	end()
	return lines
}

// flat is a normalised text on one line, its lines joined with spaces.
func flat(s string) string {
	var b strings.Builder
	for i, l := range normalize(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(l))
	}
	return b.String()
}

// distanceIn is the fewest single-character edits (insertions, deletions,
// substitutions) that turn want into text read from got, where reading
// may start anywhere, may jump at the end of a line to the start of any
// later line (a space of want at the jump comes for free), and may stop
// anywhere (Sellers' approximate matching, with jumps between lines).
func distanceIn(want []rune, got [][]rune) int {
	if len(want) == 0 {
		return 0
	}
	var g []rune
	var starts []bool // starts[j]: position j is the start of a line (or the end of the text)
	for _, l := range got {
		g = append(g, l...)
		for range l {
			starts = append(starts, false)
		}
		starts[len(starts)-len(l)] = true
	}
	starts = append(starts, true)
	n := len(g)
	prev := make([]int, n+1) // row i-1: prev[j] edits for want[:i-1] ending at g[:j]
	cur := make([]int, n+1)
	for i := 1; i <= len(want); i++ {
		jump := i // best over line boundaries so far in this row
		for j := 0; j <= n; j++ {
			d := prev[j] + 1 // want[i-1] left out
			if j > 0 {
				sub := prev[j-1]
				if want[i-1] != g[j-1] {
					sub++
				}
				d = min(d, sub, cur[j-1]+1)
			}
			if starts[j] {
				if want[i-1] == ' ' {
					d = min(d, prev[j]) // the space of a line break
				}
				d = min(d, jump)
				jump = min(jump, d)
			}
			cur[j] = d
		}
		prev, cur = cur, prev
	}
	best := prev[0]
	for _, d := range prev {
		best = min(best, d)
	}
	return best
}

// score compares what a reader extracted with the strings that were set:
// the share of the strings' characters that come back (1 - edits/length,
// over all of them), and the string that comes back worst.
func score(want []string, got string) (s float64, worst string, worstDist int) {
	g := normalize(got)
	total, dist := 0, 0
	worstShare := -1.0
	for _, w := range want {
		wr := []rune(flat(w))
		d := distanceIn(wr, g)
		total += len(wr)
		dist += d
		if share := float64(d) / float64(max(1, len(wr))); share > worstShare {
			worstShare, worst, worstDist = share, w, d
		}
	}
	if total == 0 {
		return 1, "", 0
	}
	return 1 - float64(dist)/float64(total), worst, worstDist
}
