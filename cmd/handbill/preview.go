package main

import (
	"bytes"
	"fmt"
	"image"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"handbill/build"
	"handbill/frame"
	"handbill/layouts"
	"handbill/presets"
	"handbill/preview"
	"handbill/source"
	"handbill/text"
)

type previewOptions struct {
	build buildOptions
	sheet string
	dpi   float64
	width int
}

// The resolution and contact sheet width preview uses unless told.
const (
	previewDPI   = 100
	maxDPI       = 600
	previewWidth = 1600
)

func newCmdPreview(g *globalOptions) *cobra.Command {
	opts := &previewOptions{build: buildOptions{global: g}}
	cmd := &cobra.Command{
		Use:   "preview",
		Short: "Draw the documents build would make as PNG images, to check them at a glance",
		Long: `Compose the documents build would make, from the same flags, and draw
each page as a PNG image (NAME-pageN.png, e.g. es/poster-letter-page1.png)
into the --out folder, or, with --sheet, all of them as one contact sheet
with a caption under each page. The images are drawn from the same glyph
outlines and positions as the PDFs: what you see is what will print.

A document with an error is not drawn (the error is printed, as build
prints it). A file already there is replaced only if handbill drew it
(recorded in the folder's preview.json) and it is unchanged, or with
--force.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return previewRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.build.out, "out", "o", "preview", "write the PNG images into `DIR`")
	f.StringVar(&opts.sheet, "sheet", "", "write one contact sheet of every page into `FILE` (a .png) instead")
	f.Float64Var(&opts.dpi, "dpi", previewDPI, "resolution in dots (pixels) per inch")
	f.IntVar(&opts.width, "width", previewWidth, "the contact sheet's width in `PIXELS`")
	addSelectionFlags(f, &opts.build)
	_ = f.MarkHidden("batch") // refused: one selection at a time
	f.BoolVar(&opts.build.force, "force", false, "replace files handbill did not draw")
	f.BoolVar(&opts.build.press, "press", false, "also preview every product as made for a print shop (LAYOUT-SIZE-press)")
	f.BoolVar(&opts.build.calibration, "calibration", false, "also preview the duplex calibration page of each card sheet")
	return cmd
}

// previewPage is one page drawn: where it goes and its caption.
type previewPage struct {
	file, caption string
	doc           int
	page          int
}

func previewRun(cmd *cobra.Command, opts *previewOptions) error {
	start := time.Now()
	if opts.build.batch != "" {
		return usage("preview one selection at a time: give its flags (--content, --lang, --layout…), or run 'handbill build --batch'", "--batch: preview does not take a batch file")
	}
	if !(opts.dpi > 0 && opts.dpi <= maxDPI) {
		return usage(fmt.Sprintf("give a resolution from 1 to %d, e.g. --dpi 100 (a screen) or 300 (print)", maxDPI), "--dpi %g is not a resolution preview draws at", opts.dpi)
	}
	if opts.sheet != "" {
		if !strings.EqualFold(filepath.Ext(opts.sheet), ".png") {
			return usage("name the contact sheet FILE.png, e.g. --sheet sheet.png", "--sheet %s: a contact sheet is a PNG image", opts.sheet)
		}
		if opts.width < 200 || opts.width > 20000 {
			return usage("give a width from 200 to 20000 pixels, e.g. --width 1600", "--width %d is not a contact sheet width", opts.width)
		}
	} else if strings.TrimSpace(opts.build.out) == "" {
		return usage("name the folder to write into, e.g. --out preview (it is made if need be)", "--out: no folder given")
	}
	req, err := opts.build.request()
	if err != nil {
		return err
	}
	sel, err := build.Select(req)
	if err != nil {
		return err
	}
	tasks, notes := sel.Plan()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	p := newPrinter(stderr)
	p.print(sel.Notes()...)
	p.print(notes...)
	if len(tasks) == 0 {
		return usage("choose at least one layout and language that go together", "nothing to preview")
	}
	docs := prepareAll(sel, tasks)
	if err := previewPreset(sel, docs); err != nil {
		return err
	}
	failed, warnings := 0, 0
	var pages []previewPage
	for i, d := range docs {
		// Errors are printed, warnings counted, as build does.
		p.print(source.Errors(d.Diagnostics)...)
		warnings += len(d.Diagnostics) - len(source.Errors(d.Diagnostics))
		if d.Failed() || d.Frames == nil {
			failed++
			continue
		}
		name := strings.TrimSuffix(d.Task.File, ".pdf")
		for pi := range d.Frames.Pages {
			caption := name
			if len(d.Frames.Pages) > 1 {
				caption = fmt.Sprintf("%s p%d", name, pi+1)
			}
			pages = append(pages, previewPage{file: fmt.Sprintf("%s-page%d.png", name, pi+1), caption: caption, doc: i, page: pi})
		}
	}
	if opts.sheet != "" {
		if failed > 0 {
			fmt.Fprintf(stderr, "handbill: not written: %s (%d document%s with errors)\n", opts.sheet, failed, plural(failed))
			return reported{fmt.Errorf("preview failed")}
		}
		thumbs := make([]preview.Thumb, len(pages))
		for i, pg := range pages {
			thumbs[i] = preview.Thumb{Page: docs[pg.doc].Frames.Pages[pg.page], Caption: pg.caption}
		}
		img, err := preview.Sheet(thumbs, opts.width)
		if err != nil {
			return source.Errorf(source.Pos{}, "this is a fault in handbill: please report it with the files that cause it", "%s: %v", opts.sheet, err)
		}
		var b bytes.Buffer
		if err := preview.EncodePNG(&b, img); err != nil {
			return err
		}
		rec := openPreviewRecord(filepath.Dir(opts.sheet))
		if err := rec.write(filepath.Base(opts.sheet), b.Bytes(), opts.build.force); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%dx%d, %d page%s of %d document%s) in %s%s\n", opts.sheet, img.Bounds().Dx(), img.Bounds().Dy(),
			len(pages), plural(len(pages)), len(docs), plural(len(docs)), time.Since(start).Round(10*time.Millisecond), warned(warnings))
		return nil
	}
	rec := openPreviewRecord(opts.build.out)
	written := 0
	// Pages are drawn a core's worth at a time, then written in order.
	n := runtime.NumCPU()
	for at := 0; at < len(pages); at += n {
		batch := pages[at:min(at+n, len(pages))]
		drawn := make([]drawnPage, len(batch))
		var wg sync.WaitGroup
		for i, pg := range batch {
			wg.Go(func() { drawn[i] = drawPage(docs[pg.doc].Frames.Pages[pg.page], opts.dpi) })
		}
		wg.Wait()
		for i, pg := range batch {
			d := drawn[i]
			if d.err != nil {
				return usage("choose a lower --dpi", "%s: %v", pg.file, d.err)
			}
			path := filepath.Join(opts.build.out, pg.file)
			if err := rec.write(pg.file, d.png, opts.build.force); err != nil {
				p.print(*source.From(err))
				failed++
				continue
			}
			written++
			fmt.Fprintf(stdout, "wrote %s (%dx%d)\n", path, d.size.X, d.size.Y)
		}
	}
	summary := fmt.Sprintf("previewed %d page%s in %s into %s", written, plural(written), time.Since(start).Round(10*time.Millisecond), opts.build.out)
	summary += warned(warnings)
	if failed > 0 {
		summary += fmt.Sprintf("; %d failed", failed)
	}
	fmt.Fprintln(stdout, summary)
	if failed > 0 {
		return reported{fmt.Errorf("preview failed")}
	}
	return nil
}

// prepareAll composes and checks every task, as build does, one engine
// per worker.
func prepareAll(sel *build.Selection, tasks []build.Task) []*build.Document {
	docs := make([]*build.Document, len(tasks))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(tasks)) {
		wg.Go(func() {
			e := text.NewEngine(sel.Fonts)
			for i := range next {
				docs[i] = sel.Prepare(e, tasks[i])
			}
		})
	}
	for i := range tasks {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs
}

// warned is the summary's note of the warnings found, which preview
// counts and check lists.
func warned(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d warning%s (run 'handbill check' with the same flags to see them)", n, plural(n))
}

// previewPreset checks a compliance preset on the documents together, as
// build does: when it is not met, each document carries its errors and
// none is drawn.
func previewPreset(sel *build.Selection, docs []*build.Document) error {
	if sel.Preset == nil {
		return nil
	}
	var built []presets.Composed
	for _, d := range docs {
		if d.Frames != nil {
			built = append(built, presets.Composed{Target: d.Task.Target, Docs: d.Docs, Frames: d.Frames})
		}
	}
	ls, err := layouts.Builtin()
	if err != nil {
		return err
	}
	now := sel.Now
	if now.IsZero() {
		now = time.Now()
	}
	unmet := source.Errors(sel.Preset.Check(presets.Env{Content: sel.Content, Layouts: ls, Third: sel.ThirdLanguage, Now: now}, built))
	for _, d := range docs {
		d.Diagnostics = append(d.Diagnostics, unmet...)
	}
	return nil
}

// drawnPage is a page drawn and encoded as PNG.
type drawnPage struct {
	png  []byte
	size image.Point
	err  error
}

func drawPage(p *frame.Page, dpi float64) drawnPage {
	img, err := preview.Page(p, dpi)
	if err != nil {
		return drawnPage{err: err}
	}
	var b bytes.Buffer
	if err := preview.EncodePNG(&b, img); err != nil {
		return drawnPage{err: err}
	}
	return drawnPage{png: b.Bytes(), size: img.Bounds().Size()}
}
