package text

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/fonts"
)

// The shaping corpus in testdata/shaping is what HarfBuzz itself (hb-shape)
// produces for strings of every complex script handbill supports, with the
// bundled font handbill picks for the language; generate.sh there rebuilds
// it. TestShapingMatchesHarfBuzz lays out the same strings with the engine
// (go-text's HarfBuzz port) and requires the same glyphs, in the same visual
// order, with the same clusters, at the same places.
//
// How the two sides are made comparable:
//   - the engine lays out at Size = the face's unitsPerEm, so its points are
//     font units, as hb-shape's numbers are at its default --font-size=upem.
//     The engine shapes at an internal size and scales, so a position may
//     differ by rounding: the tolerance is 1 unit;
//   - hb-shape lists glyphs in visual order (left to right, right-to-left
//     text too), as the engine's runs and clusters are;
//   - hb-shape's "cl" is a codepoint index into the input (no
//     --utf8-clusters), at cluster level 0; the engine's Cluster.Start is a
//     rune index into the input too, so they compare directly;
//   - hb-shape gives per-glyph offsets (dx, dy up) from a pen that moves by
//     the advances; the engine gives each glyph's X relative to its run, with
//     the offset already added, and Y growing down. Both are turned into an
//     absolute position from the start of the line: x = pen + dx, y = -dy;
//   - the engine inserts invisible controls the author did not type: word
//     joiners (U+2060) between the syllables of a Korean word and between a
//     Hangul syllable and an adjacent letter or digit (so Korean lines break
//     only between words), and joiners and isolates around phone numbers and
//     addresses. Those draw nothing and are left out of the engine's clusters,
//     while hb-shape is given the text as typed. So the comparison is of the
//     visible glyphs, those of the input's characters; because it compares
//     absolute positions, a joiner that took room, broke kerning or changed
//     a substitution still fails it. The Korean cases are chosen so joiners
//     are inserted (multi-syllable words, digits and Latin letters touching
//     Hangul, and decomposed syllables, whose conjoining jamo HarfBuzz
//     composes only if nothing separates them). No case contains a phone
//     number or an address.
//   - characters the author typed that draw nothing (ZWNJ in Persian) keep
//     their zero-width glyph on both sides and are compared like the others.

// shapingCase is one file of testdata/shaping, written by generate.sh.
type shapingCase struct {
	Name      string    `json:"name"`
	Text      string    `json:"text"`
	Lang      string    `json:"lang"`
	Script    string    `json:"script"`
	Direction string    `json:"direction"`
	Font      string    `json:"font"`
	FaceIndex int       `json:"face_index"`
	Note      string    `json:"note"`
	Glyphs    []hbGlyph `json:"glyphs"`
}

// hbGlyph is one record of hb-shape --output-format=json.
type hbGlyph struct {
	G  uint16 `json:"g"`
	Cl int    `json:"cl"`
	Dx int    `json:"dx"`
	Dy int    `json:"dy"`
	Ax int    `json:"ax"`
	Ay int    `json:"ay"`
}

// placedGlyph is a glyph at an absolute position from the line's start, in
// font units, y growing down.
type placedGlyph struct {
	id      uint16
	cluster int
	x, y    float64
	advance float64
}

func (g placedGlyph) String() string {
	return fmt.Sprintf("gid %5d cl %2d x %8.1f y %7.1f adv %7.1f", g.id, g.cluster, g.x+0, g.y+0, g.advance) // +0: no "-0.0"
}

func loadShapingCases(t *testing.T) []shapingCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "shaping", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no shaping corpus in testdata/shaping: run testdata/shaping/generate.sh")
	}
	var cases []shapingCase
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c shapingCase
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if c.Name == "" || c.Text == "" || c.Font == "" || len(c.Glyphs) == 0 {
			t.Fatalf("%s: incomplete case (name, text, font and glyphs are required)", f)
		}
		if want := strings.TrimSuffix(filepath.Base(f), ".json"); c.Name != want {
			t.Fatalf("%s: case is named %q", f, c.Name)
		}
		cases = append(cases, c)
	}
	return cases
}

// faceFile is the file name a bundled face was read from.
func faceFile(f *fonts.Face) string { return strings.TrimPrefix(f.File, "built-in ") }

func TestShapingMatchesHarfBuzz(t *testing.T) {
	cases := loadShapingCases(t)
	reg := fonts.Builtin()
	e := NewEngine(reg)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			checkShaping(t, e, reg, c)
		})
	}
}

func checkShaping(t *testing.T, e *Engine, reg *fonts.Registry, c shapingCase) {
	tag, err := language.Parse(c.Lang)
	if err != nil {
		t.Fatalf("lang %q: %v", c.Lang, err)
	}
	chain := reg.Chain(tag, false)
	if len(chain) == 0 {
		t.Fatalf("no face for %s", c.Lang)
	}
	face := chain[0]
	if faceFile(face) != c.Font || face.Index != c.FaceIndex {
		t.Fatalf("the registry picks %s #%d for %q; the corpus was shaped with %s #%d",
			faceFile(face), face.Index, c.Lang, c.Font, c.FaceIndex)
	}
	if err := face.Load(); err != nil {
		t.Fatal(err)
	}
	upem := float64(face.Font().Upem())

	p, err := e.Layout(c.Text, Style{Lang: tag, Size: upem}, 1e9)
	if err != nil {
		t.Fatalf("Layout(%q): %v", c.Text, err)
	}
	if len(p.Lines) != 1 {
		t.Fatalf("Layout(%q) gave %d lines, want 1:\n%s", c.Text, len(p.Lines), p.Dump())
	}
	if rtl := c.Direction == "rtl"; p.RTL != rtl {
		t.Errorf("paragraph RTL = %v, hb-shape was run with --direction=%s", p.RTL, c.Direction)
	}

	var got []placedGlyph
	width := 0.0 // the line's width at the size hb-shape was run at
	scaled := false
	for _, r := range p.Lines[0].Runs {
		if faceFile(r.Face) != c.Font || r.Face.Index != c.FaceIndex {
			t.Errorf("run %q is drawn with %s #%d, want %s #%d", runText(r), faceFile(r.Face), r.Face.Index, c.Font, c.FaceIndex)
		}
		// A script that reads small is set larger (scriptScale): hb-shape's
		// positions are compared at the size the run is drawn at.
		k := p.Style.Size / r.Size
		scaled = scaled || k != 1
		for _, cl := range r.Clusters {
			if cl.Start < 0 {
				t.Errorf("cluster %q has no input character: an inserted control was kept", cl.Text)
			}
			for _, g := range cl.Glyphs {
				got = append(got, placedGlyph{
					id: g.ID, cluster: cl.Start,
					x: width + g.X*k, y: g.Y * k, advance: g.Advance * k,
				})
			}
		}
		width += r.Advance * k
	}

	var want []placedGlyph
	pen := 0.0
	for _, g := range c.Glyphs {
		if g.Ay != 0 {
			t.Fatalf("hb-shape gave a vertical advance (%d) in horizontal text", g.Ay)
		}
		want = append(want, placedGlyph{
			id: g.G, cluster: g.Cl,
			x: pen + float64(g.Dx), y: -float64(g.Dy), advance: float64(g.Ax),
		})
		pen += float64(g.Ax)
	}

	// Font units; a run shaped larger is rounded at its own size, and its
	// positions, scaled back, drift by a font unit every thousand.
	tol := 1.0
	xtol := func(x float64) float64 {
		if scaled {
			return tol + math.Abs(x)/1000
		}
		return tol
	}
	var diffs []string
	worst := 0.0 // largest position difference, for -v
	for i := 0; i < max(len(got), len(want)); i++ {
		var problems []string
		switch {
		case i >= len(got):
			problems = append(problems, "missing from the engine")
		case i >= len(want):
			problems = append(problems, "not in hb-shape's output")
		default:
			g, w := got[i], want[i]
			worst = max(worst, math.Abs(g.x-w.x), math.Abs(g.y-w.y), math.Abs(g.advance-w.advance))
			if g.id != w.id {
				problems = append(problems, "glyph id")
			}
			if g.cluster != w.cluster {
				problems = append(problems, "cluster")
			}
			if math.Abs(g.x-w.x) > xtol(w.x) {
				problems = append(problems, "x")
			}
			if math.Abs(g.y-w.y) > tol {
				problems = append(problems, "y")
			}
			if math.Abs(g.advance-w.advance) > tol {
				problems = append(problems, "advance")
			}
		}
		if len(problems) > 0 {
			diffs = append(diffs, fmt.Sprintf("glyph %d: %s", i, strings.Join(problems, ", ")))
		}
	}
	if math.Abs(width-pen) > xtol(pen) && len(diffs) == 0 {
		diffs = append(diffs, fmt.Sprintf("line width %.1f, hb-shape's advances add up to %.0f", width, pen))
	}
	if len(diffs) == 0 {
		t.Logf("%d glyphs match; largest position difference %.3f units", len(want), worst)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q (%s, %s, %s) shapes differently from hb-shape:\n", c.Text, c.Lang, c.Font, c.Direction)
	for _, d := range diffs {
		fmt.Fprintf(&b, "  %s\n", d)
	}
	b.WriteString("  engine:\n")
	for i, g := range got {
		fmt.Fprintf(&b, "    %2d %s\n", i, g)
	}
	b.WriteString("  hb-shape:\n")
	for i, g := range want {
		fmt.Fprintf(&b, "    %2d %s\n", i, g)
	}
	t.Error(b.String())
}

func runText(r Run) string {
	var b strings.Builder
	for _, c := range r.Clusters {
		b.WriteString(c.Text)
	}
	return b.String()
}
