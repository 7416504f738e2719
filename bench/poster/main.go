// Command poster builds the comparison poster of bench/compare.sh with the
// handbill library: an A4 page of six panels (English, Spanish, Arabic,
// Hindi, Simplified Chinese, Thai), each the language's built-in headline,
// intro and signs, at fixed sizes. It also writes the same poster as Typst
// source, so both tools set the same text in the same boxes with the same
// font files.
//
//	poster -typst poster.typ -fonts DIR   # write the Typst source and exit
//	poster -o poster.pdf                  # build once (a fresh process)
//	poster -o poster.pdf -n 50            # build once to warm up, then 50
//	                                      # times; print the mean per document
//	poster -o poster.pdf -n 50 -cold      # the same, every cache emptied
//	                                      # before each build
//	poster -o poster.pdf -n 50 -cold -faces
//	                                      # and the faces' shaping state too
//
// A cold build keeps what Typst keeps across a memo eviction, its parsed
// fonts: handbill's parsed fonts and each face's shaping state (go-text
// face, HarfBuzz font and shape plans: see text.ForgetShapers); -faces
// forgets the latter as well.
//
// The layout is deliberately plain (no fitting, no hotline band): the
// comparison is about the text engine and the PDF writer, which is where a
// handbill document spends its time.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/render"
	"handbill/text"
)

// Page geometry and type sizes, in points, shared with the Typst source.
const (
	pageW, pageH = 595.2756, 841.8898 // A4
	margin       = 36.0
	gutter       = 18.0
	headSize     = 14.0
	bodySize     = 8.0
	lineHeight   = 1.3 // baseline pitch, as a multiple of the size
	paraGap      = 5.0 // between headline, intro and the list
	itemGap      = 0.3 // between list items, as a fraction of bodySize
	indent       = 1.1 // list indent, as a fraction of bodySize
)

// panel is one language's text.
type panel struct {
	tag      string // handbill's tag, e.g. "zh-Hans"
	typst    string // Typst's lang, e.g. "zh"
	fonts    []string
	rtl      bool
	headline string
	intro    string
	signs    []string
}

// order is the panels' order, two per row; each font list puts the
// language's face first, as handbill's font chain does.
var order = []struct {
	tag, typst string
	fonts      []string
}{
	{"en", "en", []string{"Noto Sans"}},
	{"es", "es", []string{"Noto Sans"}},
	{"ar", "ar", []string{"Noto Sans Arabic", "Noto Sans"}},
	{"hi", "hi", []string{"Noto Sans Devanagari", "Noto Sans"}},
	{"zh-Hans", "zh", []string{"Noto Sans CJK SC", "Noto Sans"}},
	{"th", "th", []string{"Noto Sans Thai", "Noto Sans"}},
}

func loadPanels() ([]panel, error) {
	set, err := content.Load("")
	if err != nil {
		return nil, err
	}
	var out []panel
	for _, o := range order {
		tag := language.MustParse(o.tag)
		d, err := set.Resolve(tag, "community", "US")
		if err != nil {
			return nil, err
		}
		p := panel{tag: o.tag, typst: o.typst, fonts: o.fonts, rtl: text.IsRTL(tag),
			headline: d.Messages.Texts["headline"].S, intro: d.Messages.Texts["intro"].S}
		for _, s := range d.Messages.Lists["signs"] {
			p.signs = append(p.signs, s.S)
		}
		if p.headline == "" || p.intro == "" || len(p.signs) == 0 {
			return nil, fmt.Errorf("%s: the built-in content lacks headline, intro or signs", o.tag)
		}
		out = append(out, p)
	}
	return out, nil
}

// cell returns the top-left corner and size of panel i.
func cell(i int) (x, y, w, h float64) {
	w = (pageW - 2*margin - gutter) / 2
	h = (pageH - 2*margin - 2*gutter) / 3
	return margin + float64(i%2)*(w+gutter), margin + float64(i/2)*(h+gutter), w, h
}

// compose lays the poster out with handbill's text engine. Like a
// layout (see layouts.Compose), it first asks the engine to shape the
// paragraphs it will set, which the engine does on every processor.
func compose(e *text.Engine, panels []panel) (*frame.Doc, error) {
	page := &frame.Page{W: pageW, H: pageH}
	var ahead []text.Request
	for _, p := range panels {
		lang := language.MustParse(p.tag)
		body := text.Style{Lang: lang}
		ahead = append(ahead, text.Request{Text: p.headline, Style: text.Style{Lang: lang, Bold: true}},
			text.Request{Text: p.intro, Style: body}, text.Request{Text: "•", Style: body})
		for _, s := range p.signs {
			ahead = append(ahead, text.Request{Text: s, Style: body})
		}
	}
	e.Preshape(ahead)
	for i, p := range panels {
		x, y, w, h := cell(i)
		top := y
		lang := language.MustParse(p.tag)
		add := func(px, py float64, para *text.Paragraph) {
			page.Items = append(page.Items, &frame.Text{X: px, Y: py, Para: para, Color: frame.Black, Role: "body"})
		}
		head, err := e.Layout(p.headline, text.Style{Lang: lang, Bold: true, Size: headSize, LineHeight: lineHeight}, w)
		if err != nil {
			return nil, err
		}
		add(x, y, head)
		y += head.Height + paraGap
		body := text.Style{Lang: lang, Size: bodySize, LineHeight: lineHeight}
		intro, err := e.Layout(p.intro, body, w)
		if err != nil {
			return nil, err
		}
		add(x, y, intro)
		y += intro.Height + paraGap
		in := bodySize * indent
		for _, s := range p.signs {
			item, err := e.Layout(s, body, w-in)
			if err != nil {
				return nil, err
			}
			bullet, err := e.Layout("•", body, in)
			if err != nil {
				return nil, err
			}
			ix, bx := x+in, x
			if p.rtl {
				ix, bx = x, x+w-in
			}
			add(bx, y+item.Lines[0].Baseline-bullet.Lines[0].Baseline, bullet)
			add(ix, y, item)
			y += item.Height + bodySize*itemGap
		}
		if y-top > h+bodySize*itemGap {
			return nil, fmt.Errorf("%s: the panel overflows by %.1f pt", p.tag, y-top-h)
		}
	}
	return &frame.Doc{Title: "handbill benchmark poster", Creator: "handbill", Lang: "en", Pages: []*frame.Page{page}}, nil
}

// build composes and writes the poster.
func build(e *text.Engine, panels []panel) ([]byte, error) {
	doc, err := compose(e, panels)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := render.Write(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// typstSource is the same poster in Typst markup. Line pitch is fixed at
// lineHeight×size (text edges at 0.8 em and −0.5 em, no leading), as
// handbill sets it.
func typstSource(panels []panel) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#set document(title: [handbill benchmark poster])\n")
	fmt.Fprintf(&b, "#set page(paper: \"a4\", margin: %gpt)\n", margin)
	fmt.Fprintf(&b, "#set text(size: %gpt, top-edge: 0.8em, bottom-edge: -%gem)\n", bodySize, lineHeight-0.8)
	fmt.Fprintf(&b, "#set par(leading: 0pt, spacing: %gpt)\n", paraGap)
	fmt.Fprintf(&b, "#set list(marker: [•], indent: 0pt, body-indent: %gpt, spacing: %gpt)\n", bodySize*indent-bodySize*0.4, bodySize*itemGap)
	fmt.Fprintf(&b, "#grid(columns: (1fr, 1fr), rows: (1fr, 1fr, 1fr), column-gutter: %gpt, row-gutter: %gpt,\n", gutter, gutter)
	for _, p := range panels {
		dir := "ltr"
		if p.rtl {
			dir = "rtl"
		}
		var fs []string
		for _, f := range p.fonts {
			fs = append(fs, typstString(f))
		}
		fmt.Fprintf(&b, "  [\n    #set text(lang: %q, dir: %s, font: (%s,))\n", p.typst, dir, strings.Join(fs, ", "))
		fmt.Fprintf(&b, "    #text(size: %gpt, weight: \"bold\", %s)\n\n", headSize, typstString(p.headline))
		fmt.Fprintf(&b, "    #%s\n\n", typstString(p.intro))
		fmt.Fprintf(&b, "    #list(")
		for _, s := range p.signs {
			fmt.Fprintf(&b, "%s, ", typstString(s))
		}
		fmt.Fprintf(&b, ")\n  ],\n")
	}
	b.WriteString(")\n")
	return b.String()
}

// typstString quotes s as a Typst string literal (set as text, so no
// markup character in the content can change its meaning).
func typstString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			if r < 0x20 || (r >= 0x200B && r <= 0x200F) || (r >= 0x2066 && r <= 0x2069) || r == 0xA0 || r == 0x2060 {
				fmt.Fprintf(&b, `\u{%x}`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func main() {
	// The garbage collector is tuned as cmd/handbill tunes it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
	out := flag.String("o", "", "write the handbill PDF here")
	n := flag.Int("n", 0, "after one warm-up build, build this many times and print the mean time per document")
	typ := flag.String("typst", "", "write the poster's Typst source here and exit")
	cold := flag.Bool("cold", false, "with -n: forget every cache before each build (a new text engine, render.ForgetMemos), as Typst's evicted memo")
	faces := flag.Bool("faces", false, "with -cold: also forget the faces' shaping state (text.ForgetShapers), which Typst keeps with its parsed fonts")
	verbose := flag.Bool("v", false, "print where the time of a single build goes (stderr)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile here: of the timed builds with -n, else of the whole run")
	memprofile := flag.String("memprofile", "", "write an allocation profile here, of every allocation of the run (with -n, mostly the timed builds')")
	flag.Parse()
	if *memprofile != "" {
		runtime.MemProfileRate = 512
		defer func() {
			f, err := os.Create(*memprofile)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "poster: error:", err)
			}
		}()
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "poster: error:", err)
			os.Exit(1)
		}
		profile = f
	}
	if err := run(*out, *n, *typ, *verbose, *cold, *cold && *faces); err != nil {
		fmt.Fprintln(os.Stderr, "poster: error:", err)
		os.Exit(1) // no profile of a failed run
	}
}

func run(out string, n int, typ string, verbose, cold, faces bool) error {
	if profile != nil && n == 0 {
		// A single build: profile all of it, font parsing included.
		if err := pprof.StartCPUProfile(profile); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	// Start parsing the panels' fonts on another core while the content
	// loads, as the CLI does for the languages it is given.
	var tags []language.Tag
	for _, o := range order {
		tags = append(tags, language.MustParse(o.tag))
	}
	fonts.Builtin().Prefetch(tags...)
	panels, err := loadPanels()
	if err != nil {
		return err
	}
	if typ != "" {
		return os.WriteFile(typ, []byte(typstSource(panels)), 0o644)
	}
	tContent := time.Since(t0)
	e := text.NewEngine(fonts.Builtin())
	t1 := time.Now()
	pdf, err := build(e, panels)
	if err != nil {
		return err
	}
	if verbose {
		fmt.Fprintf(os.Stderr, "content %.1f ms, first build (fonts parsed as needed) %.1f ms\n",
			ms(tContent), ms(time.Since(t1)))
	}
	if n > 0 {
		if profile != nil {
			if err := pprof.StartCPUProfile(profile); err != nil {
				return err
			}
			defer pprof.StopCPUProfile()
		}
		start := time.Now()
		for range n {
			if cold {
				e = text.NewEngine(fonts.Builtin())
				render.ForgetMemos()
				if faces {
					text.ForgetShapers()
				}
			}
			if pdf, err = build(e, panels); err != nil {
				return err
			}
		}
		fmt.Printf("%.3f\n", ms(time.Since(start))/float64(n))
	}
	if out != "" {
		return os.WriteFile(out, pdf, 0o644)
	}
	return nil
}

// profile, when set, receives a CPU profile of the timed builds.
var profile *os.File

func ms(d time.Duration) float64 { return d.Seconds() * 1000 }
