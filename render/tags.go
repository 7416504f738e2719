package render

// Tagged PDF (PDF/UA-1, ISO 14289-1).
//
// Every document is tagged: a structure tree whose elements follow the
// frames' items in order (the layouts place blocks in reading order), each
// element's content wrapped in marked content with an MCID, and everything
// else an artifact. Frames say what a text is by its role (heading: the
// document's first heading is H1, the others H2; body and caption: P) and
// by its Tag (Lbl and LBody: a list item's bullet and text, grouped into
// LI and L; Artifact: a tear-off tab's repeats, a sheet's cards after the
// first, slug lines). QR codes and
// images are Figures with /Alt. Rectangles and rules (backgrounds, panels,
// tab cuts, crop and registration marks) are artifacts. An element in
// another language than the document's (a panel of a multi-language
// poster) carries its own /Lang.
//
// Press output is tagged too: marked content changes nothing that is
// printed, and PDF/X allows it.

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"handbill/frame"
	"handbill/render/pdf"
)

// selem is a structure element.
type selem struct {
	role      string
	alt, lang string
	page      int // the page its MCIDs are on, when it has any
	mcids     []int
	kids      []*selem
	ref       pdf.Ref
}

// tagger builds a document's structure tree while its pages are drawn.
type tagger struct {
	lang    string
	doc     *selem
	list    *selem // the list being filled, if the last item was in one
	heading bool   // whether the document's H1 has been given
	page    int
	// parents[page][mcid] is the element that MCID's content belongs to.
	parents [][]*selem
}

func newTagger(lang string) *tagger {
	return &tagger{lang: lang, doc: &selem{role: "Document"}}
}

func (t *tagger) startPage(i int) {
	t.page = i
	t.parents = append(t.parents, nil)
	t.list = nil
}

// mark gives el a new MCID on the current page and returns it.
func (t *tagger) mark(el *selem) int {
	n := len(t.parents[t.page])
	t.parents[t.page] = append(t.parents[t.page], el)
	el.page = t.page
	el.mcids = append(el.mcids, n)
	return n
}

// textElem returns the element a text item's content belongs to, adding
// it to the tree, or nil when the text is an artifact.
func (t *tagger) textElem(it *frame.Text) *selem {
	lang := ""
	if it.Para != nil {
		if l := it.Para.Style.Lang.String(); l != "" && l != "und" && !strings.EqualFold(l, t.lang) {
			lang = l
		}
	}
	switch it.Tag {
	case "Artifact":
		return nil
	case "Lbl":
		if t.list == nil {
			t.list = &selem{role: "L", lang: lang}
			t.doc.kids = append(t.doc.kids, t.list)
		}
		li := &selem{role: "LI"}
		t.list.kids = append(t.list.kids, li)
		el := &selem{role: "Lbl"}
		li.kids = append(li.kids, el)
		return el
	case "LBody":
		if t.list == nil || len(t.list.kids) == 0 {
			t.list = &selem{role: "L", lang: lang}
			t.doc.kids = append(t.doc.kids, t.list)
			t.list.kids = append(t.list.kids, &selem{role: "LI"})
		}
		li := t.list.kids[len(t.list.kids)-1]
		el := &selem{role: "LBody"}
		li.kids = append(li.kids, el)
		return el
	}
	role := "P"
	if it.Role == "heading" {
		role = "H2"
		if !t.heading {
			role, t.heading = "H1", true
		}
	}
	return t.add(&selem{role: role, lang: lang})
}

// add puts el at the end of the document, closing any list.
func (t *tagger) add(el *selem) *selem {
	t.list = nil
	t.doc.kids = append(t.doc.kids, el)
	return el
}

// qrAlt is a QR code's alternate text: where it leads.
func qrAlt(q *frame.QR) string {
	if q.Alt != "" {
		return q.Alt
	}
	s := q.Content
	if u, err := url.Parse(s); err == nil {
		switch u.Scheme {
		case "http", "https":
			s = strings.TrimSuffix(u.Host+u.EscapedPath(), "/")
			s = strings.TrimPrefix(s, "www.")
		case "tel":
			s = "call " + u.Opaque
		case "sms", "smsto":
			s = "text " + strings.SplitN(u.Opaque, ":", 2)[0]
		}
	}
	return "QR code: " + s
}

// write writes the structure tree and returns the catalog's entries for
// it. pages are the pages' references.
func (t *tagger) write(w *pdf.Writer, pages []pdf.Ref) string {
	root, ptree := w.Alloc(), w.Alloc()
	var alloc func(e *selem)
	alloc = func(e *selem) {
		e.ref = w.Alloc()
		for _, k := range e.kids {
			alloc(k)
		}
	}
	alloc(t.doc)
	var emit func(e *selem, parent pdf.Ref)
	emit = func(e *selem, parent pdf.Ref) {
		var b strings.Builder
		fmt.Fprintf(&b, "<< /S /%s /P %s", e.role, parent)
		if e.lang != "" {
			b.WriteString(" /Lang " + pdf.Text(e.lang))
		}
		if e.alt != "" {
			b.WriteString(" /Alt " + pdf.Text(e.alt))
		}
		if len(e.mcids) > 0 {
			fmt.Fprintf(&b, " /Pg %s", pages[e.page])
		}
		b.WriteString(" /K [")
		for _, m := range e.mcids {
			fmt.Fprintf(&b, "%d ", m)
		}
		for _, k := range e.kids {
			b.WriteString(k.ref.String() + " ")
		}
		b.WriteString("] >>")
		w.Object(e.ref, b.String())
		for _, k := range e.kids {
			emit(k, e.ref)
		}
	}
	emit(t.doc, root)
	var nums strings.Builder
	for i, ps := range t.parents {
		fmt.Fprintf(&nums, "%d [", i)
		for _, p := range ps {
			nums.WriteString(p.ref.String() + " ")
		}
		nums.WriteString("] ")
	}
	w.Object(ptree, "<< /Nums ["+nums.String()+"] >>")
	w.Object(root, fmt.Sprintf("<< /Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d >>", t.doc.ref, ptree, len(t.parents)))
	return fmt.Sprintf(" /StructTreeRoot %s /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle true >>", root)
}

// xmp is the document's XMP metadata packet: title, subject and author
// as in the information dictionary, its language, the producer, dates
// matching the dictionary's, and the PDF/UA-1 identification.
func xmp(d *frame.Doc, created time.Time, author string) []byte {
	if created.IsZero() {
		created = epoch
	}
	lang := d.Lang
	if lang == "" {
		lang = "x-default"
	}
	date := created.Format(time.RFC3339)
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	alt := func(tag, v string) {
		fmt.Fprintf(&b, "<dc:%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>", tag, xmlEscape(v))
		if lang != "x-default" {
			fmt.Fprintf(&b, "<rdf:li xml:lang=\"%s\">%s</rdf:li>", xmlEscape(lang), xmlEscape(v))
		}
		fmt.Fprintf(&b, "</rdf:Alt></dc:%s>\n", tag)
	}
	alt("title", docTitle(d))
	if d.Subject != "" {
		alt("description", d.Subject)
	}
	if author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(author))
	}
	if d.Lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlEscape(d.Lang))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", producer)
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlEscape(d.Creator))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// xmlEscaper is made once: a Replacer builds its table on first use.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }
