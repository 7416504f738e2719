package text_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/text"
)

// fitsBox reports whether p fits box, judged from the paragraph alone
// (with the engine's 0.01 pt tolerance).
func fitsBox(p *text.Paragraph, box text.Box) bool {
	for _, l := range p.Lines {
		if l.Width > box.W+0.01 {
			return false
		}
	}
	if box.MaxLines > 0 && len(p.Lines) > box.MaxLines {
		return false
	}
	return p.Height <= box.H+0.01
}

func style(lang string) text.Style {
	return text.Style{Lang: language.MustParse(lang)}
}

func layoutAt(t *testing.T, e *text.Engine, s string, st text.Style, size, width float64) *text.Paragraph {
	t.Helper()
	st.Size = size
	p, err := e.Layout(s, st, width)
	if err != nil {
		t.Fatalf("Layout at %g pt: %v", size, err)
	}
	return p
}

const fitEnglish = "Know the signs of human trafficking. If you or someone you know needs help, call the hotline at 1-888-373-7888 or text 233733."

type fitCase struct {
	name     string
	text     string
	lang     string
	box      text.Box
	min, max float64
}

var fitCases = []fitCase{
	{"english-box", fitEnglish, "en", text.Box{W: 200, H: 80}, 6, 40},
	{"english-wide", fitEnglish, "en", text.Box{W: 500, H: 30}, 6, 40},
	{"english-2-lines", fitEnglish, "en", text.Box{W: 300, H: 500, MaxLines: 2}, 6, 40},
	{"english-1-line", fitEnglish, "en", text.Box{W: 400, H: 500, MaxLines: 1}, 4, 40},
	{"hotline-only", hotline, "en", text.Box{W: 100, H: 100, MaxLines: 1}, 6, 72},
	{"arabic", lbCases[4].text, "ar", text.Box{W: 180, H: 120}, 5, 30},
	{"hebrew-3-lines", lbCases[7].text, "he", text.Box{W: 250, H: 300, MaxLines: 3}, 4, 30},
	{"hindi", lbCases[8].text, "hi", text.Box{W: 150, H: 100}, 5, 30},
	{"thai", lbCases[11].text, "th", text.Box{W: 150, H: 100}, 5, 30},
	{"japanese", lbCases[17].text, "ja", text.Box{W: 120, H: 90}, 5, 30},
	{"korean", lbCases[18].text, "ko", text.Box{W: 160, H: 90}, 5, 30},
	{"fits-at-max", "Help", "en", text.Box{W: 200, H: 100}, 6, 24},
	{"fits-only-at-min", fitEnglish, "en", text.Box{W: 104, H: 1000, MaxLines: 6}, 7, 30},
	{"off-grid-max", fitEnglish, "en", text.Box{W: 180, H: 100}, 6.1, 29.9},
}

func TestFitLargestSize(t *testing.T) {
	e := engine()
	for _, c := range fitCases {
		t.Run(c.name, func(t *testing.T) {
			st := style(c.lang)
			p, err := e.Fit(c.text, st, c.box, c.min, c.max)
			if err != nil {
				t.Fatalf("Fit: %v", err)
			}
			size := p.Style.Size
			// A script set larger (Arabic) may go under the minimum by its
			// factor: the minimum is the size drawn.
			if p.DrawnSize() < c.min-1e-9 || size > c.max {
				t.Fatalf("size %g outside %g–%g", size, c.min, c.max)
			}
			if k := (size - c.min) / 0.25; size != c.max && math.Abs(k-math.Round(k)) > 1e-9 {
				t.Errorf("size %g is not on the quarter-point grid from %g", size, c.min)
			}
			if !fitsBox(p, c.box) {
				t.Errorf("Fit's paragraph at %g pt does not fit %+v: %d lines, height %.2f", size, c.box, len(p.Lines), p.Height)
			}
			if got, want := p.Dump(), layoutAt(t, e, c.text, st, size, c.box.W).Dump(); got != want {
				t.Errorf("Fit's paragraph differs from Layout at %g pt:\n%s\n%s", size, got, want)
			}
			if size < c.max {
				next := math.Min(size+0.25, c.max)
				if q := layoutAt(t, e, c.text, st, next, c.box.W); fitsBox(q, c.box) {
					t.Errorf("chose %g pt, but %g pt fits too (%d lines, height %.2f)", size, next, len(q.Lines), q.Height)
				}
				// Fit's binary search assumes fitting is monotonic in the
				// size. Say so when a larger grid size fits after all.
				for s := size + 0.5; s < c.max && s <= size+4; s += 0.25 {
					if q := layoutAt(t, e, c.text, st, s, c.box.W); fitsBox(q, c.box) {
						t.Logf("note: %g pt also fits (non-monotonic line breaking); Fit chose %g", s, size)
						break
					}
				}
			}
			if c.box.MaxLines > 0 && len(p.Lines) > c.box.MaxLines {
				t.Errorf("%d lines, MaxLines is %d", len(p.Lines), c.box.MaxLines)
			}
		})
	}
}

// TestFitOffGridTop checks the largest grid size below an off-grid maximum
// is tried: a one-line text whose box is exactly as wide as the text at
// 12 pt, with sizes 7–12.1, must come out at 12 pt.
func TestFitOffGridTop(t *testing.T) {
	e := engine()
	st := style("en")
	w := layoutAt(t, e, "Help", st, 12, 1000).Lines[0].Width
	box := text.Box{W: w + 0.005, H: 100, MaxLines: 1}
	for _, max := range []float64{12, 12.1, 12.2, 12.24} {
		p, err := e.Fit("Help", st, box, 7, max)
		if err != nil {
			t.Fatalf("max %g: %v", max, err)
		}
		if p.Style.Size != 12 {
			t.Errorf("sizes 7–%g pt, box fits 12 pt exactly: Fit chose %g pt", max, p.Style.Size)
		}
	}
}

func TestFitMaxLines(t *testing.T) {
	e := engine()
	st := style("en")
	for _, n := range []int{1, 2, 3, 5} {
		box := text.Box{W: 240, H: 1000, MaxLines: n}
		p, err := e.Fit(fitEnglish, st, box, 4, 60)
		if err != nil {
			t.Fatalf("MaxLines %d: %v", n, err)
		}
		if len(p.Lines) > n {
			t.Errorf("MaxLines %d: %d lines at %g pt", n, len(p.Lines), p.Style.Size)
		}
		q := layoutAt(t, e, fitEnglish, st, p.Style.Size+0.25, box.W)
		if fitsBox(q, box) {
			t.Errorf("MaxLines %d: chose %g pt but %g fits (%d lines)", n, p.Style.Size, p.Style.Size+0.25, len(q.Lines))
		}
	}
	// More lines allowed never gives a smaller size.
	prev := 0.0
	for n := 1; n <= 8; n++ {
		p, err := e.Fit(fitEnglish, st, text.Box{W: 240, H: 1000, MaxLines: n}, 4, 60)
		if err != nil {
			t.Fatal(err)
		}
		if p.Style.Size < prev {
			t.Errorf("MaxLines %d gives %g pt, fewer lines gave %g", n, p.Style.Size, prev)
		}
		prev = p.Style.Size
	}
}

func TestFitOverflow(t *testing.T) {
	e := engine()
	cases := []struct {
		name     string
		text     string
		lang     string
		box      text.Box
		min, max float64
		what     string
		msg      string
	}{
		{"hotline-too-wide", hotline, "en", text.Box{W: 30, H: 100, MaxLines: 1}, 6, 12, "width", "too wide"},
		{"word-too-wide", "Confidentiality", "en", text.Box{W: 20, H: 100}, 6, 12, "width", "too wide"},
		{"arabic-hotline-too-wide", "اتصل بالرقم " + hotline, "ar", text.Box{W: 30, H: 100}, 6, 12, "width", "too wide"},
		{"korean-word-too-wide", "인신매매의 징후를", "ko", text.Box{W: 25, H: 100}, 6, 12, "width", "too wide"},
		{"too-many-lines", fitEnglish, "en", text.Box{W: 100, H: 1000, MaxLines: 2}, 8, 12, "lines", "lines"},
		{"too-high", fitEnglish, "en", text.Box{W: 100, H: 20}, 8, 12, "height", "high box"},
		{"thai-too-high", lbCases[11].text, "th", text.Box{W: 90, H: 15}, 8, 12, "height", "high box"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := style(c.lang)
			p, err := e.Fit(c.text, st, c.box, c.min, c.max)
			var oe *text.OverflowError
			if !errors.As(err, &oe) {
				t.Fatalf("Fit: got %v, want an *OverflowError", err)
			}
			if oe.What != c.what {
				t.Errorf("What = %q, want %q", oe.What, c.what)
			}
			if p == nil {
				t.Fatal("no paragraph returned with the overflow")
			}
			// At the minimum as drawn: a script set larger (Arabic) goes
			// under it by its factor, on the grid.
			if p.Style.Size > c.min || p.DrawnSize() < c.min-1e-9 || p.DrawnSize() >= c.min+0.25*1.2 {
				t.Errorf("paragraph at %g pt (drawn at %g), want the minimum %g", p.Style.Size, p.DrawnSize(), c.min)
			}
			low := layoutAt(t, e, c.text, st, p.Style.Size, c.box.W)
			var by float64
			switch c.what {
			case "width":
				for _, l := range low.Lines {
					by = math.Max(by, l.Width-c.box.W)
				}
			case "lines":
				by = float64(len(low.Lines)-c.box.MaxLines) * p.Style.Size * 1.3
			case "height":
				by = low.Height - c.box.H
			}
			if by <= 0 || math.Abs(oe.By-by) > 0.001 {
				t.Errorf("By = %.3f, want %.3f", oe.By, by)
			}
			if oe.Lines != len(low.Lines) {
				t.Errorf("Lines = %d, want %d", oe.Lines, len(low.Lines))
			}
			if oe.MinSize != c.min || oe.Box != c.box || oe.Text != c.text || oe.Lang != st.Lang {
				t.Errorf("error fields: %+v", oe)
			}
			if msg := oe.Error(); !strings.Contains(msg, c.msg) || !strings.Contains(msg, fmt.Sprintf("%.1f", oe.By)) {
				t.Errorf("message %q does not say %q and by how much", msg, c.msg)
			}
			if oe.Hint() == "" {
				t.Error("no hint")
			}
		})
	}
}

func TestFitBadRange(t *testing.T) {
	e := engine()
	for _, r := range [][2]float64{{0, 10}, {-1, 10}, {12, 10}} {
		_, err := e.Fit("Help", style("en"), text.Box{W: 100, H: 100}, r[0], r[1])
		var oe *text.OverflowError
		if err == nil || errors.As(err, &oe) {
			t.Errorf("Fit with sizes %g–%g: got %v, want a range error", r[0], r[1], err)
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	e := engine()
	cases := []struct {
		name    string
		text    string
		lang    string
		r       rune
		control bool
		code    string
	}{
		{"emoji", "Call now 😀 for help", "en", 0x1F600, false, "U+1F600"},
		{"linear-b", "𐀀 is Linear B", "en", 0x10000, false, "U+10000"},
		{"emoji-in-arabic", "اتصل 😀 الآن", "ar", 0x1F600, false, "U+1F600"},
		{"emoji-in-japanese", "電話😀してください", "ja", 0x1F600, false, "U+1F600"},
		{"bell", "Call\a now", "en", 0x07, true, "U+0007"},
		{"nul", "Call\x00 now", "en", 0x00, true, "U+0000"},
		{"escape-in-korean", "전화\x1b하세요", "ko", 0x1B, true, "U+001B"},
		{"delete", "Call\x7f", "en", 0x7F, true, "U+007F"},
		{"c1-control", "Call\u0085now", "en", 0x85, true, "U+0085"},
		{"invalid-utf8", "Call \xff now", "en", 0xFFFD, true, "U+FFFD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := style(c.lang)
			st.Size = 12
			_, lerr := e.Layout(c.text, st, 200)
			_, ferr := e.Fit(c.text, st, text.Box{W: 200, H: 200}, 6, 12)
			for _, err := range []error{lerr, ferr} {
				var me *text.MissingGlyphError
				if !errors.As(err, &me) {
					t.Fatalf("got %v, want a *MissingGlyphError", err)
				}
				if me.Rune != c.r || me.Control != c.control {
					t.Errorf("Rune=%U Control=%v, want %U %v", me.Rune, me.Control, c.r, c.control)
				}
				if !strings.Contains(me.Error(), c.code) {
					t.Errorf("message %q does not name %s", me.Error(), c.code)
				}
				if !c.control && len(me.Tried) == 0 {
					t.Errorf("Tried is empty")
				}
				if me.Text != c.text || me.Lang != st.Lang {
					t.Errorf("Text=%q Lang=%s", me.Text, me.Lang)
				}
				if me.Hint() == "" {
					t.Error("no hint")
				}
			}
		})
	}
	// Tabs and hard line breaks are not errors.
	for _, s := range []string{"a\tb", "a\nb", "a\r\nb", "a\u2028b", "a\u2029b"} {
		if _, err := e.Layout(s, text.Style{Lang: language.English, Size: 12}, 200); err != nil {
			t.Errorf("Layout(%q): %v", s, err)
		}
	}
}
