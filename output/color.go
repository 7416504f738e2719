package output

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"handbill/frame"
)

// painter sets colours. On a desktop page every colour is RGB. On a press
// page (one with a trim box) a colour the layout gives in CMYK is written
// as DeviceCMYK (the k and K operators, written raw: fpdf knows only RGB
// and spot colours), and a spot colour as a Separation colour space with
// its CMYK alternate, through fpdf's spot colour API.
type painter struct {
	pdf   *fpdf.Fpdf
	press bool
	spots map[string]bool
}

func newPainter(pdf *fpdf.Fpdf) *painter { return &painter{pdf: pdf, spots: map[string]bool{}} }

// page switches between press and desktop colours for the page.
func (pt *painter) page(p *frame.Page) { pt.press = p.Trim != nil }

// mode is how a colour is written on the current page.
func (pt *painter) mode(c frame.Color) string {
	switch {
	case pt.press && c.Spot != "" && c.HasCMYK:
		pt.addSpot(c)
		return "spot"
	case pt.press && c.HasCMYK:
		return "cmyk"
	}
	return "rgb"
}

func (pt *painter) addSpot(c frame.Color) {
	if pt.spots[c.Spot] {
		return
	}
	pt.spots[c.Spot] = true
	b := func(v float64) byte { return byte(math.Round(math.Max(0, math.Min(100, v)))) }
	pt.pdf.AddSpotColor(c.Spot, b(c.CMYK[0]), b(c.CMYK[1]), b(c.CMYK[2]), b(c.CMYK[3]))
}

// cmykOp is the operands of a DeviceCMYK colour: fractions of full ink.
func cmykOp(c frame.Color) string {
	return fmt.Sprintf("%.3f %.3f %.3f %.3f", c.CMYK[0]/100, c.CMYK[1]/100, c.CMYK[2]/100, c.CMYK[3]/100)
}

// fill sets the colour shapes are filled with.
func (pt *painter) fill(c frame.Color) {
	switch pt.mode(c) {
	case "spot":
		pt.pdf.SetFillSpotColor(c.Spot, 100)
	case "cmyk":
		pt.pdf.RawWriteStr(cmykOp(c) + " k")
	default:
		pt.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	}
}

// stroke sets the colour lines are drawn with.
func (pt *painter) stroke(c frame.Color) {
	switch pt.mode(c) {
	case "spot":
		pt.pdf.SetDrawSpotColor(c.Spot, 100)
	case "cmyk":
		pt.pdf.RawWriteStr(cmykOp(c) + " K")
	default:
		pt.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	}
}

// text sets the colour glyphs are filled with, and stroked with for a
// synthesized bold. fpdf wraps text in its own text colour whenever its
// fill and text colours differ; for press colours both are made equal
// first, so the colour in force when the glyphs are drawn is the one set
// here.
func (pt *painter) text(c frame.Color) {
	switch pt.mode(c) {
	case "spot":
		pt.pdf.SetTextSpotColor(c.Spot, 100)
		pt.pdf.SetFillSpotColor(c.Spot, 100)
		pt.pdf.SetDrawSpotColor(c.Spot, 100)
	case "cmyk":
		pt.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
		pt.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
		pt.pdf.RawWriteStr(cmykOp(c) + " k")
		pt.pdf.RawWriteStr(cmykOp(c) + " K")
	default:
		pt.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
		pt.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	}
}

// spotObject matches one spot colour space object as fpdf writes it.
var spotObject = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n\[/Separation /(\S+)\n.*?endobj`)

// spotDict matches a /ColorSpace dictionary of spot colours.
var spotDict = regexp.MustCompile(`/ColorSpace <<\n((?:/CS\d+ \d+ 0 R\n)*)>>`)

// sortSpotColors makes the spot colour spaces deterministic: fpdf writes
// them, and the resource entries naming them, from a map, so their object
// numbers and order change from run to run. The objects are consecutive;
// they are put back in the order the colours were first used (their CSn
// number), and the resource dictionary sorted, all without changing the
// length of the run, so only the cross-reference entries of the moved
// objects need to change.
func sortSpotColors(pdf []byte) []byte {
	locs := spotObject.FindAllSubmatchIndex(pdf, -1)
	if len(locs) < 2 {
		return pdf
	}
	dict := spotDict.FindSubmatchIndex(pdf)
	if dict == nil {
		return pdf
	}
	for i := 1; i < len(locs); i++ {
		if locs[i][0] != locs[i-1][1] {
			return pdf // not one run: leave it alone
		}
	}
	type spot struct {
		cs   int    // the N of /CSN
		obj  int    // object number fpdf gave it
		body []byte // the object after "N 0 obj"
	}
	objCS := map[int]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(pdf[dict[2]:dict[3]]), []byte("\n")) {
		var cs, obj int
		if _, err := fmt.Sscanf(string(line), "/CS%d %d 0 R", &cs, &obj); err == nil {
			objCS[obj] = cs
		}
	}
	var spots []spot
	var nums []int
	for _, l := range locs {
		n, _ := strconv.Atoi(string(pdf[l[2]:l[3]]))
		cs, ok := objCS[n]
		if !ok {
			return pdf
		}
		head := len(fmt.Sprintf("\n%d 0 obj", n))
		spots = append(spots, spot{cs: cs, obj: n, body: pdf[l[0]+head : l[1]]})
		nums = append(nums, n)
	}
	sort.Ints(nums)
	sort.Slice(spots, func(i, j int) bool { return spots[i].cs < spots[j].cs })
	// Rebuild the run: the smallest object number for CS1, and so on.
	start, end := locs[0][0], locs[len(locs)-1][1]
	var run bytes.Buffer
	offsets := map[int]int{}
	var dictLines bytes.Buffer
	for i, s := range spots {
		offsets[nums[i]] = start + run.Len() + 1 // after the newline
		fmt.Fprintf(&run, "\n%d 0 obj", nums[i])
		run.Write(s.body)
		fmt.Fprintf(&dictLines, "/CS%d %d 0 R\n", s.cs, nums[i])
	}
	if run.Len() != end-start || dictLines.Len() != dict[3]-dict[2] {
		return pdf
	}
	out := bytes.Clone(pdf)
	copy(out[start:end], run.Bytes())
	for _, d := range spotDict.FindAllSubmatchIndex(out, -1) {
		copy(out[d[2]:d[3]], dictLines.Bytes())
	}
	// Point the cross-reference entries of the moved objects at them.
	xref := bytes.LastIndex(out, []byte("\nxref\n0 "))
	if xref < 0 {
		return pdf
	}
	table := xref + len("\nxref\n")
	first := bytes.IndexByte(out[table:], '\n')
	entries := table + first + 1
	for n, off := range offsets {
		e := entries + n*20
		if e+20 > len(out) {
			return pdf
		}
		copy(out[e:e+10], fmt.Sprintf("%010d", off))
	}
	return out
}
