package render_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// pdfFile is a PDF handbill wrote, read back object by object through its
// cross-reference table: each object's text (a stream's dictionary) and a
// stream's data, inflated.
type pdfFile struct {
	objs    map[int]string
	streams map[int][]byte
	trailer string
}

var (
	refRe    = regexp.MustCompile(`(\d+) 0 R`)
	lengthRe = regexp.MustCompile(`/Length (\d+)`)
)

func readPDF(t *testing.T, b []byte) *pdfFile {
	t.Helper()
	f := &pdfFile{objs: map[int]string{}, streams: map[int][]byte{}}
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	xref, _ := strconv.Atoi(strings.Fields(string(b[sx+10:]))[0])
	tr := bytes.Index(b[xref:], []byte("trailer"))
	f.trailer = string(b[xref+tr : sx])
	lines := strings.Split(string(b[xref:xref+tr]), "\n")
	for i, l := range lines[2:] {
		fs := strings.Fields(l)
		if len(fs) != 3 || fs[2] != "n" {
			continue
		}
		off, _ := strconv.Atoi(fs[0])
		body := b[off:]
		body = body[bytes.IndexByte(body, '\n')+1:]
		if si := bytes.Index(body, []byte(">>\nstream\n")); si >= 0 && si < bytes.Index(body, []byte("endobj")) {
			dict := string(body[:si+2])
			n, _ := strconv.Atoi(lengthRe.FindStringSubmatch(dict)[1])
			data := body[si+10 : si+10+n]
			if strings.Contains(dict, "/FlateDecode") {
				r, err := zlib.NewReader(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("object %d: %v", i, err)
				}
				data, err = io.ReadAll(r)
				if err != nil {
					t.Fatalf("object %d: %v", i, err)
				}
			}
			f.objs[i], f.streams[i] = dict, data
			continue
		}
		f.objs[i] = string(body[:bytes.Index(body, []byte("\nendobj"))])
	}
	return f
}

// ref is the object number of the reference after key in dict, or 0.
func ref(dict, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` (\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// kids are the structure element's /K array: MCIDs and element numbers.
func kids(dict string) (mcids []int, elems []int) {
	k := dict[strings.Index(dict, "/K [")+4:]
	k = k[:strings.Index(k, "]")]
	for _, m := range refRe.FindAllStringSubmatch(k, -1) {
		n, _ := strconv.Atoi(m[1])
		elems = append(elems, n)
	}
	for _, w := range strings.Fields(refRe.ReplaceAllString(k, "")) {
		n, _ := strconv.Atoi(w)
		mcids = append(mcids, n)
	}
	return
}

var markRe = regexp.MustCompile(`(?m)^(/\w+ <<[^\n]*>> BDC|/\w+ BMC|EMC|BT|ET|[^\n]* (TJ|Tj|f|S|B|Do|sh|re)|f|S|B)$`)

// checkTagged checks the machine-checkable conditions of PDF/UA-1 (the
// Matterhorn Protocol's) that apply to what handbill writes.
func checkTagged(t *testing.T, name string, b []byte, lang string) (roles []string) {
	t.Helper()
	f := readPDF(t, b)
	cat := f.objs[ref(f.trailer, "/Root")]
	info := f.objs[ref(f.trailer, "/Info")]
	if !bytes.HasPrefix(b, []byte("%PDF-1.7")) {
		t.Errorf("%s: not PDF 1.7", name)
	}
	for _, want := range []string{"/MarkInfo << /Marked true >>", "/DisplayDocTitle true", "/Lang (" + lang + ")"} {
		if !strings.Contains(cat, want) { // 06-001, 07-001, 11-001
			t.Errorf("%s: the catalog has no %s: %s", name, want, cat)
		}
	}
	meta := string(f.streams[ref(cat, "/Metadata")])
	title := regexp.MustCompile(`/Title \(([^)]*)\)`).FindStringSubmatch(info)
	for _, want := range []string{"<pdfuaid:part>1</pdfuaid:part>", "<dc:title>", "<dc:language><rdf:Bag><rdf:li>" + lang + "<", "<pdf:Producer>handbill</pdf:Producer>", "<xmp:CreateDate>2000-01-01T00:00:00Z</xmp:CreateDate>"} {
		if !strings.Contains(meta, want) { // 06-002, 06-003, 07-002
			t.Errorf("%s: the XMP metadata has no %s", name, want)
		}
	}
	if title != nil && !strings.Contains(meta, ">"+title[1]+"<") && !strings.ContainsRune(title[1], '\\') {
		t.Errorf("%s: dc:title is not /Title %q", name, title[1])
	}
	root := f.objs[ref(cat, "/StructTreeRoot")]
	if root == "" {
		t.Fatalf("%s: no structure tree", name) // 01-001
	}
	// The structure tree: every element's MCIDs, per page.
	owner := map[[2]int]int{} // (page object, MCID) → element
	var walk func(n int, depth int)
	walk = func(n int, depth int) {
		d := f.objs[n]
		role := regexp.MustCompile(`^<< /S /(\w+)`).FindStringSubmatch(d)
		if role == nil {
			t.Fatalf("%s: object %d is no structure element: %s", name, n, d)
		}
		roles = append(roles, strings.Repeat(" ", depth)+role[1])
		if role[1] == "Figure" && !strings.Contains(d, "/Alt (") && !strings.Contains(d, "/Alt <") {
			t.Errorf("%s: a Figure without /Alt: %s", name, d) // 13-004
		}
		ms, es := kids(d)
		pg := ref(d, "/Pg")
		if len(ms) > 0 && pg == 0 {
			t.Errorf("%s: MCIDs without /Pg: %s", name, d)
		}
		for _, m := range ms {
			k := [2]int{pg, m}
			if _, ok := owner[k]; ok {
				t.Errorf("%s: MCID %d of page %d in the tree twice", name, m, pg)
			}
			owner[k] = n
		}
		for _, e := range es {
			walk(e, depth+1)
		}
	}
	walk(ref(root, "/K"), 0)
	// The pages: /Tabs /S, /StructParents, every content item in marked
	// content, each MCID once and in the tree, no artifact in tagged
	// content, and the ParentTree naming each MCID's element.
	ptree := f.objs[ref(root, "/ParentTree")]
	seen := 0
	for n, d := range f.objs {
		if !strings.HasPrefix(d, "<< /Type /Page ") {
			continue
		}
		if !strings.Contains(d, "/Tabs /S") { // 28-?: pages with annotations; every page here
			t.Errorf("%s: page %d without /Tabs /S", name, n)
		}
		sp := regexp.MustCompile(`/StructParents (\d+)`).FindStringSubmatch(d)
		if sp == nil {
			t.Fatalf("%s: page %d without /StructParents", name, n)
		}
		arr := regexp.MustCompile(`(?:^|[\[ ])` + sp[1] + ` \[([^\]]*)\]`).FindStringSubmatch(ptree)
		if arr == nil {
			t.Fatalf("%s: the ParentTree has no entry %s", name, sp[1])
		}
		parents := refRe.FindAllStringSubmatch(arr[1], -1)
		content := string(f.streams[ref(d, "/Contents")])
		var stack []string
		mcids := map[int]bool{}
		for _, m := range markRe.FindAllString(content, -1) {
			switch {
			case strings.HasSuffix(m, "BDC") || strings.HasSuffix(m, "BMC"):
				tag := m[1:strings.IndexAny(m, " ")]
				if tag == "Artifact" && len(stack) > 0 && stack[0] != "Artifact" {
					t.Errorf("%s: an artifact inside tagged content", name)
				}
				if mm := regexp.MustCompile(`/MCID (\d+)`).FindStringSubmatch(m); mm != nil {
					id, _ := strconv.Atoi(mm[1])
					if mcids[id] {
						t.Errorf("%s: MCID %d twice on page %d", name, id, n)
					}
					mcids[id] = true
					el, ok := owner[[2]int{n, id}]
					if !ok {
						t.Errorf("%s: MCID %d of page %d is in no structure element", name, id, n)
					} else if id >= len(parents) || parents[id][1] != strconv.Itoa(el) {
						t.Errorf("%s: the ParentTree does not give MCID %d its element %d", name, id, el)
					}
					seen++
				}
				stack = append(stack, tag)
			case m == "EMC":
				if len(stack) == 0 {
					t.Fatalf("%s: EMC without BDC", name)
				}
				stack = stack[:len(stack)-1]
			default:
				if len(stack) == 0 { // 01-005: content neither tagged nor an artifact
					t.Errorf("%s: page %d: %q outside marked content", name, n, m)
				}
			}
		}
		if len(stack) != 0 {
			t.Errorf("%s: marked content left open", name)
		}
	}
	if seen != len(owner) {
		t.Errorf("%s: %d MCIDs in the tree, %d in the pages", name, len(owner), seen)
	}
	// Fonts: embedded, with ToUnicode (31-009, 31-027).
	for n, d := range f.objs {
		if strings.Contains(d, "/Type /Font") && strings.Contains(d, "/Subtype /Type0") && !strings.Contains(d, "/ToUnicode") {
			t.Errorf("%s: font %d without ToUnicode", name, n)
		}
		if strings.Contains(d, "/Type /FontDescriptor") && !strings.Contains(d, "/FontFile") {
			t.Errorf("%s: font %d not embedded", name, n)
		}
	}
	return roles
}

// TestTaggedPDF writes every built-in desktop output (and the press ones)
// in English, Spanish, Arabic and Simplified Chinese and checks each is
// tagged as PDF/UA-1 asks; qpdf --check, when qpdf is installed.
func TestTaggedPDF(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	e := text.NewEngine(fonts.Builtin())
	qpdf, _ := exec.LookPath("qpdf")
	dir := t.TempDir()
	en, _ := set.Resolve(language.English, "community", "US")
	for _, tag := range []string{"en", "es", "ar", "zh-Hans"} {
		d, err := set.Resolve(language.MustParse(tag), "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			targets := layouts.Targets(l)
			if tag == "en" {
				targets = append(targets, layouts.PressTargets(l)...)
			}
			for _, tg := range targets {
				docs := []*content.Doc{d}
				if tg.Multilingual() {
					if tag == "en" {
						continue
					}
					docs = []*content.Doc{en, d}
				}
				doc, err := layouts.Compose(e, tg, docs)
				if err != nil {
					t.Logf("%s %s: %v", tg.Name(), tag, err)
					continue
				}
				var buf bytes.Buffer
				if err := render.Write(&buf, doc); err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s-%s", tg.Name(), tag)
				roles := checkTagged(t, name, buf.Bytes(), doc.Lang)
				checkRoles(t, name, doc, roles)
				if tg.Layout.Discreet || strings.Contains(tg.Layout.Name, "discreet") {
					checkDiscreet(t, name, buf.Bytes())
				}
				if qpdf != "" {
					p := filepath.Join(dir, name+".pdf")
					os.WriteFile(p, buf.Bytes(), 0o644)
					if out, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil {
						t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
					}
				}
			}
		}
	}
}

// checkRoles checks the tree against the frames: one H1 at most, first
// among the headings; a Figure per QR code and image not repeated; a
// multi-language poster's second language on its elements.
func checkRoles(t *testing.T, name string, doc *frame.Doc, roles []string) {
	t.Helper()
	all := strings.Join(roles, "\n")
	figures := 0
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *frame.QR:
				if !it.Artifact {
					figures++
				}
			case *frame.Image:
				if !it.Artifact {
					figures++
				}
			}
		}
	}
	if got := strings.Count(all, "Figure"); got != figures {
		t.Errorf("%s: %d Figures for %d codes and images", name, got, figures)
	}
	if strings.Count(all, "H1") > 1 || (strings.Contains(all, "H2") && strings.Index(all, "H1") > strings.Index(all, "H2")) {
		t.Errorf("%s: headings out of order:\n%s", name, all)
	}
	if roles[0] != "Document" {
		t.Errorf("%s: the tree starts with %s", name, roles[0])
	}
}

// checkDiscreet checks that nothing in a discreet product's file outside
// its pages' drawing says what it is about: the information dictionary,
// the XMP metadata, the structure tree's alternate texts.
func checkDiscreet(t *testing.T, name string, b []byte) {
	t.Helper()
	f := readPDF(t, b)
	info := f.objs[ref(f.trailer, "/Info")]
	if !strings.Contains(info, `/Title (Wallet card \(`) || !strings.Contains(info, "/Subject ()") || !strings.Contains(info, "/Author (handbill)") {
		t.Errorf("%s: the discreet card's information dictionary: %s", name, info)
	}
	for n, d := range f.objs {
		if strings.Contains(d, "/Type /FontFile") || strings.Contains(d, "/Subtype /CIDFontType") {
			continue
		}
		text := d
		if strings.Contains(d, "/Type /Metadata") {
			text += string(f.streams[n])
		}
		low := strings.ToLower(text)
		for _, w := range []string{"traffick", "trata", "explotación", "exploit", "sex", "abuse", "hotline"} {
			if strings.Contains(low, w) {
				t.Errorf("%s: object %d says %q: %.200s", name, n, w, text)
			}
		}
	}
}
