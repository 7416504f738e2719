package layouts

import (
	"fmt"
	"math"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/frame"
	"handbill/text"
)

// SpecimenOptions say what the specimen shows.
type SpecimenOptions struct {
	// Text, when set, is shown alone as one paragraph in Lang; otherwise
	// every built-in sample is shown.
	Text string
	Lang language.Tag
	// Size is the sample size in points (0: 16).
	Size float64
	Bold bool
}

var (
	grey    = frame.Color{R: 0x55, G: 0x55, B: 0x55}
	hairway = frame.Color{R: 0xcc, G: 0xcc, B: 0xcc}
)

const specimenMargin = 36.0

// Specimen composes the specimen: with no text, one A4 page with a sample
// line in every supported script, each labelled with its language and the
// face that drew it; with text, that text alone on a page as wide as it
// needs to stay on one line.
func Specimen(e *text.Engine, samples []content.Sample, opt SpecimenOptions) (*frame.Doc, error) {
	if opt.Size <= 0 {
		opt.Size = 16
	}
	if opt.Text != "" {
		return specimenText(e, opt)
	}
	page := &frame.Page{W: pageSizes["a4"].W, H: pageSizes["a4"].H}
	doc := &frame.Doc{Title: "handbill font specimen", Subject: "Every script handbill prints", Lang: "en", Creator: "handbill", Pages: []*frame.Page{page}}
	w := page.W - 2*specimenMargin
	title, err := e.Layout("handbill specimen: every script, shaped", text.Style{Lang: language.English, Bold: true, Size: 14}, w)
	if err != nil {
		return nil, err
	}
	y := specimenMargin
	page.Items = append(page.Items, &frame.Text{X: specimenMargin, Y: y, Para: title})
	y += title.Height + 10
	row := (page.H - specimenMargin - y) / float64(len(samples))
	labelStyle := text.Style{Lang: language.English, Size: 7.5}
	for _, s := range samples {
		st := text.Style{Lang: s.Lang, Bold: opt.Bold, Size: opt.Size}
		sample, err := e.Fit(s.Text, st, text.Box{W: w, H: row - 12, MaxLines: 1}, math.Min(8, opt.Size), opt.Size)
		if err != nil {
			return nil, fmt.Errorf("%s sample: %w", s.Name, err)
		}
		label, err := e.Layout(fmt.Sprintf("%s · %s · %s · %s", s.Name, s.Native, s.Lang, faceList(sample)), labelStyle, w)
		if err != nil {
			return nil, fmt.Errorf("%s label: %w", s.Name, err)
		}
		page.Items = append(page.Items,
			&frame.Rule{X1: specimenMargin, Y1: y, X2: page.W - specimenMargin, Y2: y, Width: 0.5, Color: hairway},
			&frame.Text{X: specimenMargin, Y: y + 2, Para: label, Color: grey},
			&frame.Text{X: specimenMargin, Y: y + 2 + label.Height + 2, Para: sample},
		)
		y += row
	}
	return doc, nil
}

// faceList names the faces that drew a paragraph, main face first.
func faceList(p *text.Paragraph) string {
	var names []string
	seen := map[string]bool{}
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			if n := r.Face.Name(); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	out := ""
	for i, n := range names {
		if i > 0 {
			out += " + "
		}
		out += n
	}
	return out
}

func specimenText(e *text.Engine, opt SpecimenOptions) (*frame.Doc, error) {
	st := text.Style{Lang: opt.Lang, Bold: opt.Bold, Size: opt.Size}
	wide, err := e.Layout(opt.Text, st, 1e6)
	if err != nil {
		return nil, err
	}
	w := 0.0
	for _, l := range wide.Lines {
		w = math.Max(w, l.Width)
	}
	w = math.Ceil(w) + 1
	p, err := e.Layout(opt.Text, st, w)
	if err != nil {
		return nil, err
	}
	page := &frame.Page{W: w + 2*specimenMargin, H: math.Ceil(p.Height) + 2*specimenMargin}
	page.Items = append(page.Items, &frame.Text{X: specimenMargin, Y: specimenMargin, Para: p})
	return &frame.Doc{Title: "handbill specimen", Lang: opt.Lang.String(), Creator: "handbill", Pages: []*frame.Page{page}}, nil
}
