package text

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// LineTexts returns the text of each line in logical order, as a reader
// would type it. A paragraph the engine set works them out once (a batch
// asks on every clinic's poster whether its shared headings end on one
// word); the slice is the caller's.
func (p *Paragraph) LineTexts() []string {
	if t := p.texts; t != nil {
		t.once.Do(func() { t.lines, t.v = p.Lines, lineTexts(p.Lines) })
		// A copy of the paragraph with other lines (a caption cut short)
		// shares the memo but not its lines.
		if len(t.lines) == len(p.Lines) && (len(p.Lines) == 0 || &t.lines[0] == &p.Lines[0]) {
			return slices.Clone(t.v)
		}
	}
	return lineTexts(p.Lines)
}

// lineTextsMemo holds a paragraph's LineTexts, and the lines they are of.
type lineTextsMemo struct {
	once  sync.Once
	lines []Line
	v     []string
}

func lineTexts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.LogicalText()
	}
	return out
}

// LogicalText returns the line's characters in logical (reading) order.
func (l Line) LogicalText() string {
	// The clusters' texts in order of where they start: in a left-to-right
	// line they already are, and only their starts and texts are sorted.
	type piece struct {
		start int
		text  string
	}
	var ps []piece
	n, sorted := 0, true
	for _, r := range l.Runs {
		for _, c := range r.Clusters {
			if len(ps) > 0 && c.Start < ps[len(ps)-1].start {
				sorted = false
			}
			ps = append(ps, piece{c.Start, c.Text})
			n += len(c.Text)
		}
	}
	if !sorted {
		slices.SortStableFunc(ps, func(a, b piece) int { return cmp.Compare(a.start, b.start) })
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

// Dump writes a stable, human-readable description of the paragraph: its
// lines, where they sit, and which face draws which text. Golden tests
// compare dumps.
func (p *Paragraph) Dump() string {
	var b strings.Builder
	dir := "ltr"
	if p.RTL {
		dir = "rtl"
	}
	fmt.Fprintf(&b, "paragraph lang=%s size=%g %s align=%s width=%.2f height=%.2f lines=%d\n",
		p.Style.Lang, p.Style.Size, dir, p.Style.Align, p.Width, p.Height, len(p.Lines))
	for i, l := range p.Lines {
		fmt.Fprintf(&b, "  line %d x=%.2f baseline=%.2f width=%.2f %q\n", i+1, l.X, l.Baseline, l.Width, strings.TrimRight(l.LogicalText(), " "))
		for _, r := range l.Runs {
			cs := append([]Cluster(nil), r.Clusters...)
			sort.SliceStable(cs, func(a, b int) bool { return cs[a].Start < cs[b].Start })
			var t strings.Builder
			for _, c := range cs {
				t.WriteString(c.Text)
			}
			d := "ltr"
			if r.RTL {
				d = "rtl"
			}
			fmt.Fprintf(&b, "    run x=%.2f adv=%.2f %s %s %q\n", r.X, r.Advance, d, r.Face.Name(), t.String())
		}
	}
	return b.String()
}
