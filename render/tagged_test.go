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
	"slices"
	"strconv"
	"strings"
	"testing"

	"image"
	"image/png"
	"unicode/utf16"

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

// TestTaggedPDF writes every built-in desktop output in every built-in
// language (and the press outputs in English), and a poster with a user's
// logo, and checks each is tagged as PDF/UA-1 asks (checkTagged): the
// structure tree against the frames (checkRoles: Figures with /Alt, a
// tear-off tab's text once), the title in the document's own language
// (checkTitle), the discreet card's metadata (checkDiscreet); qpdf
// --check, when qpdf is installed, on the English files.
func TestTaggedPDF(t *testing.T) {
	dir := t.TempDir()
	set, err := content.Load(logoContent(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	qpdf, _ := exec.LookPath("qpdf")
	en, err := set.Resolve(language.English, "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	infos := set.Languages()
	if len(infos) < 20 {
		t.Fatalf("only %d languages", len(infos))
	}
	for _, info := range infos {
		tag := info.Tag.String()
		t.Run(tag, func(t *testing.T) {
			t.Parallel()
			e := text.NewEngine(fonts.Builtin()) // an engine per goroutine
			d, err := set.Resolve(info.Tag, "community", "US")
			if err != nil {
				t.Fatal(err)
			}
			n := 0
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
						t.Errorf("%s %s: %v", tg.Name(), tag, err)
						continue
					}
					var buf bytes.Buffer
					if err := render.Write(&buf, doc); err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("%s-%s", tg.Name(), tag)
					roles := checkTagged(t, name, buf.Bytes(), doc.Lang)
					checkRoles(t, name, doc, roles, buf.Bytes())
					checkTitle(t, name, buf.Bytes(), doc, tag)
					if tg.Layout.Discreet {
						checkDiscreet(t, name, buf.Bytes(), doc)
					}
					if qpdf != "" && tag == "en" {
						p := filepath.Join(dir, name+".pdf")
						if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
						if out, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil {
							t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
						}
					}
					n++
				}
			}
			if n < 20 {
				t.Errorf("%s: only %d outputs checked", tag, n)
			}
		})
	}
}

// logoContent writes a content file naming an organisation with a logo
// (a small PNG) into dir and returns its path.
func logoContent(t *testing.T, dir string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 300, 100))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content.yaml")
	if err := os.WriteFile(p, []byte("organization:\n  name: Lincoln High School\n  logo: logo.png\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfString decodes a PDF string as handbill writes it: (literal) or
// <FEFF…> UTF-16BE.
func pdfString(s string) string {
	if strings.HasPrefix(s, "<FEFF") {
		h := s[5 : len(s)-1]
		var u []uint16
		for i := 0; i+4 <= len(h); i += 4 {
			v, _ := strconv.ParseUint(h[i:i+4], 16, 16)
			u = append(u, uint16(v))
		}
		return string(utf16.Decode(u))
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	return strings.NewReplacer(`\\`, `\`, `\(`, "(", `\)`, ")").Replace(s)
}

var titleRe = regexp.MustCompile(`/Title (\((?:[^\\)]|\\.)*\)|<[0-9A-F]*>)`)

// checkTitle checks that the document's title is its headline in its own
// language: the text of the first heading (or first text, on the discreet
// card) set in the document's language, as printed.
func checkTitle(t *testing.T, name string, b []byte, doc *frame.Doc, lang string) {
	t.Helper()
	f := readPDF(t, b)
	info := f.objs[ref(f.trailer, "/Info")]
	m := titleRe.FindStringSubmatch(info)
	if m == nil {
		t.Errorf("%s: no /Title: %s", name, info)
		return
	}
	title := pdfString(m[1])
	h := doc.Headline()
	if h == nil {
		t.Errorf("%s: no headline to take the title from", name)
		return
	}
	if got := h.Para.Style.Lang.String(); !strings.EqualFold(got, lang) && !strings.EqualFold(got, doc.Lang) {
		t.Errorf("%s: the title comes from a text in %s", name, got)
	}
	if want := frame.TitleText(h); title != want || title == "" {
		t.Errorf("%s: the title is %q, want the headline %q", name, title, want)
	}
	if lang != "en" && strings.Contains(title, "(") && strings.HasSuffix(title, "("+lang+")") {
		t.Errorf("%s: the title is the layout's English description: %q", name, title)
	}
}

// checkRoles checks the tree against the frames: one H1 at most, first
// among the headings; a Figure per QR code and image not repeated, each
// with its alternate text (a QR code's says where it leads, the logo's
// names the organisation); a text a block places several times (a
// tear-off tab's) tagged once, its repeats artifacts; as many text
// elements as texts tagged.
func checkRoles(t *testing.T, name string, doc *frame.Doc, roles []string, b []byte) {
	t.Helper()
	all := strings.Join(roles, "\n")
	var alts []string
	for _, m := range figureAltRe.FindAllStringSubmatch(string(b), -1) {
		alts = append(alts, pdfString(m[1]))
	}
	figures, texts := 0, 0
	type placed struct {
		block frame.Pos
		text  string
	}
	seen := map[placed]int{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *frame.QR:
				if !it.Artifact {
					figures++
					u := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(it.Content, "https://"), "http://"), "www.")
					if it.Alt == "" && !slices.ContainsFunc(alts, func(a string) bool { return a == "QR code: "+strings.TrimSuffix(u, "/") }) {
						t.Errorf("%s: no Figure says the QR code leads to %s: %q", name, u, alts)
					}
				}
			case *frame.Image:
				if !it.Artifact {
					figures++
					if !slices.Contains(alts, "Lincoln High School logo") {
						t.Errorf("%s: the logo's Figure does not name the organisation: %q", name, alts)
					}
				}
			case *frame.Text:
				if it.Tag == "Artifact" {
					continue
				}
				if it.Tag == "Lbl" {
					continue // every item's bullet is the same
				}
				texts++
				k := placed{it.Block, it.Para.Text}
				if seen[k]++; seen[k] == 2 {
					t.Errorf("%s: %q of block %s is tagged twice: a screen reader reads it again", name, it.Para.Text, it.Block)
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
	elems := 0
	for _, r := range roles {
		switch strings.TrimSpace(r) {
		case "H1", "H2", "P", "LBody":
			elems++
		}
	}
	if elems != texts {
		t.Errorf("%s: %d text elements in the tree for %d texts tagged", name, elems, texts)
	}
	if roles[0] != "Document" {
		t.Errorf("%s: the tree starts with %s", name, roles[0])
	}
}

var figureAltRe = regexp.MustCompile(`/S /Figure [^\n]*?/Alt (\((?:[^\\)]|\\.)*\)|<[0-9A-F]*>)`)

// checkDiscreet checks that nothing in a discreet product's file outside
// its pages' drawing says what it is about: the information dictionary
// (its title is the card's own front text, printed on it; no subject; no
// organisation as author), the XMP metadata, the structure tree's
// alternate texts; and that none of them holds the words for trafficking,
// exploitation or a hotline in the languages tested here.
func checkDiscreet(t *testing.T, name string, b []byte, doc *frame.Doc) {
	t.Helper()
	f := readPDF(t, b)
	info := f.objs[ref(f.trailer, "/Info")]
	m := titleRe.FindStringSubmatch(info)
	if m == nil || !printedText(doc, pdfString(m[1])) || !strings.Contains(info, "/Subject ()") || !strings.Contains(info, "/Author (handbill)") {
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
		for _, s := range titleRe.FindAllStringSubmatch(text, -1) {
			text += " " + pdfString(s[1])
		}
		low := strings.ToLower(text)
		for _, w := range discreetWords {
			if strings.Contains(low, w) {
				t.Errorf("%s: object %d says %q: %.200s", name, n, w, text)
			}
		}
	}
}

// discreetWords are words a discreet card's metadata must not hold:
// trafficking, exploitation, abuse and hotline, in some of the built-in
// languages (lower case).
var discreetWords = []string{"traffick", "trata", "explotación", "exploit", "sex", "abuse", "hotline",
	"الاتجار", "اتجار", "قاچاق", "贩卖", "販賣", "人身売買", "인신매매", "торгов", "trafficking", "buôn bán", "การค้ามนุษย์", "तस्करी"}

// printedText reports whether a text item of doc sets s (as a title, on
// one line).
func printedText(doc *frame.Doc, s string) bool {
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*frame.Text); ok && tx.Para != nil && frame.TitleText(tx) == s {
				return true
			}
		}
	}
	return false
}
