// Package render writes composed frames as PDF, through handbill's own PDF
// writer (package render/pdf). It knows nothing of content, layouts or
// builds: it is given a frame.Doc and returns bytes.
//
// Text is written run by run, one TJ per run, glyph by glyph as the
// shaper placed them. Each font is embedded as a subset and reached
// through CIDs, one per distinct (glyph, text it stands for), so that the
// fonts' ToUnicode maps give back the text on their own, in every script
// (actualtext.go, pieces.go); marks are drawn as outlines (outline.go).
// render/readers reads every language's poster back with pdf.js, PDFium,
// MuPDF, pdfminer and poppler; extract_test.go checks poppler's reading
// of every script of the specimen.
//
// Each paragraph is drawn between q and Q, its text in one text object
// and its marks after it, so a paragraph can be wrapped whole in marked
// content (BDC with an MCID … EMC) for a structure tree.
package render

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"handbill/frame"
	"handbill/render/pdf"
	"handbill/text"
)

// epoch is the fixed date written into every PDF, so the same input gives
// the same bytes.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// synthBoldStroke is the outline stroke, as a fraction of the font size,
// that makes a synthesized bold face read as bold in print.
const synthBoldStroke = 0.045

// WriteOptions say how a document is written.
type WriteOptions struct {
	// Created, when not zero, is the creation date written into the PDF;
	// otherwise a fixed date is, so the same input gives the same bytes.
	Created time.Time
	// OutputIntent, when set, is written as the document's PDF/X output
	// intent (see ReadProfile).
	OutputIntent *Profile
}

// Write renders the document as PDF to w, with a fixed date.
func Write(w io.Writer, d *frame.Doc) error { return WriteWith(w, d, WriteOptions{}) }

// WriteWith renders the document as PDF to w.
func WriteWith(w io.Writer, d *frame.Doc, opts WriteOptions) error {
	if len(d.Pages) == 0 {
		return fmt.Errorf("document %q has no pages", d.Title)
	}
	fs, pieces := planDocument(d)
	pw := pdf.NewWriter()
	catalog, pages, resources, info := pw.Alloc(), pw.Alloc(), pw.Alloc(), pw.Alloc()
	// The fonts are subset while the pages are written: their objects
	// are numbered now, and written once the subsets are made.
	waitSubsets, err := fs.startSubsets()
	if err != nil {
		return err
	}
	fontRes := ""
	fontRefs := make([]pdf.FontRefs, len(fs.order))
	for i, df := range fs.order {
		fontRefs[i] = pw.AllocFont()
		fontRes += fmt.Sprintf("%s %s ", df.res, fontRefs[i][0])
	}
	pt := &painter{}
	images := &imageSet{w: pw, byPath: map[string]string{}}
	forms := &glyphForms{w: pw, byKey: map[formKey]string{}}
	kids := ""
	tags := newTagger(d.Lang)
	pageRefs := make([]pdf.Ref, len(d.Pages))
	for pi, p := range d.Pages {
		c := &pdf.Content{}
		pt.page(p, c)
		tags.startPage(pi)
		pgw := &pageWriter{c: c, h: p.H, pt: pt, images: images, fonts: fs, forms: forms, tags: tags}
		if err := pgw.items(p, pieces[pi]); err != nil {
			return err
		}
		page, contents := pw.Alloc(), pw.Alloc()
		pageRefs[pi] = page
		pw.Stream(contents, "", c.Bytes())
		pw.Object(page, fmt.Sprintf("<< /Type /Page /Parent %s %s /Resources %s /Contents %s /StructParents %d /Tabs /S >>",
			pages, pageBoxes(p), resources, contents, pi))
		kids += page.String() + " "
	}
	// The document's other objects are written while the last subsets
	// are made (they are most often what a cold document waits for).
	pw.Object(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(d.Pages)))
	res := "<< /ProcSet [/PDF /Text /ImageB /ImageC /ImageI]"
	if fontRes != "" {
		res += " /Font << " + fontRes + ">>"
	}
	if spots := pt.writeSpots(pw); spots != "" {
		res += " /ColorSpace << " + spots + ">>"
	}
	if xo := images.res + forms.res; xo != "" {
		res += " /XObject << " + xo + ">>"
	}
	pw.Object(resources, res+" >>")

	cat := fmt.Sprintf("<< /Type /Catalog /Pages %s", pages)
	if d.Lang != "" {
		cat += " /Lang " + pdf.Text(d.Lang)
	}
	if opts.OutputIntent != nil {
		cat += " /OutputIntents " + opts.OutputIntent.write(pw)
	}
	cat += tags.write(pw, pageRefs)
	meta := pw.Alloc()
	pw.RawStream(meta, "/Type /Metadata /Subtype /XML", xmp(d, opts.Created, docAuthor(d)))
	cat += " /Metadata " + meta.String()
	pw.Object(catalog, cat+" >>")

	pw.Object(info, infoDict(d, opts.Created))
	subsets, err := waitSubsets()
	if err != nil {
		return err
	}
	for i, f := range subsets {
		pw.EmbedFontAt(fontRefs[i], f)
	}
	out, err := pw.Finish(catalog, info)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// planDocument plans every paragraph of the document and records its
// glyphs in the document's fonts: every glyph must be known before the
// fonts are embedded. pieces[page][item] draws a text item.
func planDocument(d *frame.Doc) (fs *fontSet, pieces [][][]piece) {
	fs = newFontSet()
	pieces = make([][][]piece, len(d.Pages))
	type textItem struct {
		page, item int
		para       *text.Paragraph
	}
	var texts []textItem
	for pi, p := range d.Pages {
		pieces[pi] = make([][]piece, len(p.Items))
		for ii, it := range p.Items {
			if t, ok := it.(*frame.Text); ok {
				texts = append(texts, textItem{pi, ii, t.Para})
			}
		}
	}
	inParallel(len(texts), func(k int) {
		t := texts[k]
		pieces[t.page][t.item] = planFor(t.para)
	})
	// The fonts are recorded in the order the items draw them: it names
	// them (/F1, /F2…).
	for _, t := range texts {
		fs.use(pieces[t.page][t.item])
	}
	return fs, pieces
}

// inParallel calls do(0) … do(n-1), on as many goroutines as there are
// processors to run them, up to one per 8 calls: planning a cold
// document's paragraphs is a sixth of its work, and the paragraphs do not
// depend on each other (what they share, the plans remembered and the
// fonts' metrics, is locked).
func inParallel(n int, do func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n/8)
	if workers <= 1 {
		for k := range n {
			do(k)
		}
		return
	}
	var next atomic.Int64
	work := func() {
		for {
			k := int(next.Add(1)) - 1
			if k >= n {
				return
			}
			do(k)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// items draws a page's items in order; pieces[i] draws item i if it is
// text.
func (pw *pageWriter) items(p *frame.Page, pieces [][]piece) error {
	t, c := pw.tags, pw.c
	for i, it := range p.Items {
		switch it := it.(type) {
		case *frame.Text:
			if len(pieces[i]) == 0 {
				continue
			}
			if el := t.textElem(it); el != nil {
				c.BeginTagged(el.role, t.mark(el))
			} else {
				c.BeginArtifact()
			}
			pw.text(it, pieces[i])
			c.EndMarked()
		case *frame.Rect:
			if it.Fill == nil && it.Stroke == nil {
				continue
			}
			c.BeginArtifact()
			pw.rect(it)
			c.EndMarked()
		case *frame.Rule:
			c.BeginArtifact()
			pw.rule(it)
			c.EndMarked()
		case *frame.QR:
			if it.Artifact {
				c.BeginArtifact()
			} else {
				el := t.add(&selem{role: "Figure", alt: qrAlt(it)})
				c.BeginTagged("Figure", t.mark(el))
			}
			pw.qr(it)
			c.EndMarked()
		case *frame.Image:
			alt := it.Alt
			if alt == "" {
				alt = "Logo"
			}
			if it.Artifact {
				c.BeginArtifact()
			} else {
				el := t.add(&selem{role: "Figure", alt: alt})
				c.BeginTagged("Figure", t.mark(el))
			}
			if err := pw.image(it); err != nil {
				return err
			}
			c.EndMarked()
		default:
			return fmt.Errorf("output: cannot draw %T", it)
		}
	}
	return nil
}

// docAuthor is the document's author: its organisation, or when none is
// named the tool that made it, which is all that is known.
func docAuthor(d *frame.Doc) string {
	if d.Author == "" {
		return d.Creator
	}
	return d.Author
}

// docTitle is the document's title as the PDF gives it (the information
// dictionary, the XMP metadata, and so the viewer's title bar, which a
// screen reader announces): its headline in its own language when it has
// one (frame.Doc.Headline), else the layout's title.
func docTitle(d *frame.Doc) string {
	if h := d.Headline(); h != nil {
		if s := frame.TitleText(h); s != "" {
			return s
		}
	}
	return d.Title
}

// infoDict is the document information dictionary. created is the
// creation date; zero means the fixed epoch.
func infoDict(d *frame.Doc, created time.Time) string {
	if created.IsZero() {
		created = epoch
	}
	author := docAuthor(d)
	return fmt.Sprintf("<< /Title %s /Subject %s /Author %s /Creator %s /Producer %s /CreationDate %s /ModDate %s >>",
		pdf.Text(docTitle(d)), pdf.Text(d.Subject), pdf.Text(author), pdf.Text(d.Creator), pdf.Text(producer),
		pdf.Date(created), pdf.Date(created))
}

// text draws a paragraph's pieces, in its colour (glyphs are filled, and
// stroked for a synthesized bold), from its top-left corner, turned about
// that corner if it is rotated. Each piece is one TJ, inside its span if
// it has one; the marks follow the text object, as outlines. A later
// tagging pass can wrap the paragraph, q to Q, in its own marked content.
func (pw *pageWriter) text(t *frame.Text, ps []piece) {
	if len(ps) == 0 {
		return
	}
	c := pw.c
	pw.pt.fill(t.Color)
	pw.pt.stroke(t.Color)
	c.Save()
	a := t.Rotate * math.Pi / 180 // counter-clockwise
	cos, sin := math.Cos(a), math.Sin(a)
	c.Transform(cos, sin, -sin, cos, t.X, pw.h-t.Y)
	c.BeginText()
	var df *docFont
	size, bold := 0.0, false
	x, y := 0.0, 0.0 // the start of the current text line, as written
	cids := make([]uint16, 0, 64)
	for _, p := range ps {
		if p.outline {
			continue // after the text object
		}
		if p.span {
			c.BeginActualText(p.actual)
		}
		if df == nil || df.m != p.font || p.size != size {
			df, size = pw.fonts.font(p.font), p.size
			c.Font(df.res, size)
		}
		if p.bold != bold {
			bold = p.bold
			if bold {
				c.TextRender(2)
				c.LineWidth(p.size * synthBoldStroke)
			} else {
				c.TextRender(0)
			}
		}
		px, py := round2(p.glyphs[0].x), round2(-p.y)
		c.TextMove(px-x, py-y)
		x, y = px, py
		cids = cids[:0]
		for _, g := range p.glyphs {
			cids = append(cids, df.keys[g.id])
		}
		c.ShowSpaced(cids, p.adjust)
		if p.span {
			c.EndMarked()
		}
	}
	c.EndText()
	pw.marks(ps)
	c.Restore()
}
