package text_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"handbill/text"
)

// fuzzLangs are the languages FuzzLayout picks from by index: every
// supported one, plus some with no font (Thaana, Mongolian) and "und".
var fuzzLangs = []language.Tag{
	language.MustParse("en"), language.MustParse("vi"), language.MustParse("ru"),
	language.MustParse("el"), language.MustParse("ar"), language.MustParse("fa"),
	language.MustParse("ur"), language.MustParse("he"), language.MustParse("hi"),
	language.MustParse("pa"), language.MustParse("bn"), language.MustParse("th"),
	language.MustParse("km"), language.MustParse("am"), language.MustParse("hy"),
	language.MustParse("zh-Hans"), language.MustParse("zh-Hant"), language.MustParse("ja"),
	language.MustParse("ko"), language.Und, language.MustParse("dv"),
	language.MustParse("mn-Mong"),
}

func isHardBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

// fuzzEngine is one engine per fuzz worker process (engines are not safe
// for concurrent use, and each worker calls the target sequentially).
var fuzzEngine = engine()

// FuzzLayout lays out arbitrary text and checks that
//   - Layout returns a paragraph or a *MissingGlyphError naming a character
//     of the input, never another error or a panic;
//   - every input rune but hard line breaks is in exactly one cluster, and a
//     cluster's Text is the input runes [Start, Start+len(Text)) — so the
//     clusters in visual order are a permutation of the logical order;
//   - controls the engine inserts (Start -1) carry no text and take no room;
//   - positions are finite and lines are aligned as the style says.
//
// When Layout reports a missing glyph, the character is removed and the
// rest laid out again, so every input also exercises layout proper.
// flags: bit 0 bold, bits 1-2 alignment, bits 3-7 the size (4–35 pt).
func FuzzLayout(f *testing.F) {
	for i, c := range lbCases {
		f.Add(c.text, c.width, uint8(langIndex(c.lang)), uint8(i<<1))
	}
	seeds := []struct {
		s     string
		width float64
		lang  string
	}{
		{"", 100, "en"},
		{" ", 100, "en"},
		{"\n", 100, "en"},
		{"a\r\nb\rc\nd\u2028e\u2029f", 50, "en"},
		{"Call\t1-888-373-7888\tnow", 40, "en"},
		{"(02) 1343, 08000 121 700, 1-800-THE-LOST, +1 (888) 373 7888", 60, "en"},
		{"https://humantraffickinghotline.org/en/get-help?x=1. help@example.org!", 80, "en"},
		{"اتصل بالرقم 1-888-373-7888 أو help@example.org أو https://example.org/ar.", 70, "ar"},
		{"שלום world 123 עולם (1-888-373-7888).", 60, "he"},
		{"English text with عربي inside and 1-888-373-7888.", 60, "en"},
		{"\u1100\u1161\u11a8 \uac00\u0301 1-888-373-7888로 전화", 40, "ko"},
		{"\u0301\u200d\u200c\u2060\u2066\u2069\u202e", 50, "en"},
		{"รู้จัก\u200bสัญญาณ\u200b\u200b\u200bเตือน", 20, "th"},
		{"一二三四五六七八九十。」」」「「「", 15, "ja"},
		{"x\u200b\u200b y", 0, "en"},
		{"word", -5, "en"},
		{"مرحبا\u00a0\u00a0بالعالم", 1e9, "fa"},
		{"क्षत्रिय ਪੰਜਾਬੀ বাংলা", 10, "hi"},
	}
	for i, s := range seeds {
		f.Add(s.s, s.width, uint8(langIndex(s.lang)), uint8(i*37))
	}
	f.Fuzz(func(t *testing.T, data string, width float64, lang, flags uint8) {
		if math.IsNaN(width) || math.IsInf(width, 0) {
			return
		}
		width = math.Mod(math.Abs(width), 2000)
		st := text.Style{
			Lang:  fuzzLangs[int(lang)%len(fuzzLangs)],
			Bold:  flags&1 != 0,
			Align: text.Align(((flags >> 1) & 3) % 3),
			Size:  4 + float64(flags>>3),
		}
		s := data
		for try := 0; try < 8; try++ {
			p, err := fuzzEngine.Layout(s, st, width)
			if err == nil {
				checkParagraph(t, s, st, width, p)
				return
			}
			var me *text.MissingGlyphError
			if !errors.As(err, &me) {
				t.Fatalf("Layout(%q, %s): unexpected error %T: %v", s, st.Lang, err, err)
			}
			if !strings.ContainsRune(s, me.Rune) && !(me.Rune == utf8.RuneError && !utf8.ValidString(s)) {
				t.Fatalf("Layout(%q, %s): error names %U, which is not in the text: %v", s, st.Lang, me.Rune, err)
			}
			if !strings.Contains(me.Error(), "U+") {
				t.Fatalf("message %q names no code point", me.Error())
			}
			if me.Rune == utf8.RuneError {
				s = strings.ToValidUTF8(s, "")
			}
			s = strings.ReplaceAll(s, string(me.Rune), "")
		}
	})
}

func langIndex(tag string) int {
	t := language.MustParse(tag)
	for i, l := range fuzzLangs {
		if l == t {
			return i
		}
	}
	panic("no fuzz language " + tag)
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// checkParagraph checks a laid-out paragraph against its input.
func checkParagraph(t *testing.T, s string, st text.Style, width float64, p *text.Paragraph) {
	t.Helper()
	orig := []rune(s)
	if len(p.Lines) == 0 {
		t.Fatalf("%q: no lines", s)
	}
	seen := make([]int, len(orig))
	for i, l := range p.Lines {
		if !finite(l.X, l.Baseline, l.Width, l.Ascent, l.Descent) {
			t.Fatalf("%q: line %d has a non-finite position: %+v", s, i+1, l)
		}
		free := width - l.Width
		want := 0.0
		switch {
		case st.Align == text.Center:
			want = free / 2
		case (st.Align == text.Start) == p.RTL:
			want = free
		}
		if math.Abs(l.X-want) > 1e-6 {
			t.Fatalf("%q: line %d at x=%g, want %g (align %s, rtl %v)", s, i+1, l.X, want, st.Align, p.RTL)
		}
		for _, r := range l.Runs {
			if !finite(r.X, r.Advance) {
				t.Fatalf("%q: line %d has a non-finite run", s, i+1)
			}
			for _, c := range r.Clusters {
				if len(c.Glyphs) == 0 {
					t.Fatalf("%q: cluster %q (rune %d) has no glyphs", s, c.Text, c.Start)
				}
				adv := 0.0
				for _, g := range c.Glyphs {
					if !finite(g.X, g.Y, g.Advance) {
						t.Fatalf("%q: cluster %q has a non-finite glyph %+v", s, c.Text, g)
					}
					adv += g.Advance
				}
				if c.Start < 0 {
					if c.Text != "" {
						t.Fatalf("%q: inserted cluster (Start -1) has text %q", s, c.Text)
					}
					if adv != 0 {
						t.Fatalf("%q: inserted control on line %d takes %g pt", s, i+1, adv)
					}
					continue
				}
				rs := []rune(c.Text)
				if len(rs) == 0 {
					t.Fatalf("%q: cluster at rune %d has no text", s, c.Start)
				}
				if c.Start+len(rs) > len(orig) || string(orig[c.Start:c.Start+len(rs)]) != c.Text {
					t.Fatalf("%q: cluster %q at rune %d is not the input there (line %d)", s, c.Text, c.Start, i+1)
				}
				for k := range rs {
					seen[c.Start+k]++
				}
			}
		}
	}
	// Lines hold consecutive stretches of the input, in reading order.
	last := -1
	for i, l := range p.Lines {
		lo, hi, n := len(orig), -1, 0
		for _, r := range l.Runs {
			for _, c := range r.Clusters {
				if c.Start < 0 {
					continue
				}
				k := utf8.RuneCountInString(c.Text)
				lo, hi, n = min(lo, c.Start), max(hi, c.Start+k-1), n+k
			}
		}
		if n == 0 {
			continue
		}
		if hi-lo+1 != n {
			t.Fatalf("%q: line %d holds %d runes spread over runes %d–%d", s, i+1, n, lo, hi)
		}
		if lo <= last {
			t.Fatalf("%q: line %d starts at rune %d, before the end of an earlier line (%d)", s, i+1, lo, last)
		}
		for k := last + 1; k < lo; k++ {
			if !isHardBreak(orig[k]) {
				t.Fatalf("%q: rune %d %U falls between lines", s, k, orig[k])
			}
		}
		last = hi
	}
	for k, n := range seen {
		switch {
		case isHardBreak(orig[k]) && n != 0:
			t.Fatalf("%q: hard break at rune %d is in a cluster", s, k)
		case !isHardBreak(orig[k]) && n != 1:
			t.Fatalf("%q: rune %d %U is in %d clusters, want 1", s, k, orig[k], n)
		}
	}
}

// FuzzFit fits arbitrary text in a box and checks that Fit returns either a
// paragraph that fits at a size in range (and no longer fits a quarter point
// larger), an *OverflowError with the paragraph at the minimum size, or a
// *MissingGlyphError; never another error or a panic.
func FuzzFit(f *testing.F) {
	for i, c := range lbCases {
		f.Add(c.text, c.width, c.width/2, uint8(langIndex(c.lang)), uint8(i%4), 6.0, 24.0)
	}
	f.Add(hotline, 30.0, 100.0, uint8(0), uint8(1), 6.0, 12.0)
	f.Add("a\nb\nc", 100.0, 10.0, uint8(4), uint8(0), 4.0, 8.0)
	f.Fuzz(func(t *testing.T, data string, w, h float64, lang, maxLines uint8, lo, hi float64) {
		if !finite(w, h, lo, hi) || lo <= 0 || hi < lo || hi > 200 || hi-lo > 100 || w < 0 || h < 0 || w > 5000 || h > 5000 {
			return
		}
		st := text.Style{Lang: fuzzLangs[int(lang)%len(fuzzLangs)]}
		box := text.Box{W: w, H: h, MaxLines: int(maxLines % 8)}
		p, err := fuzzEngine.Fit(data, st, box, lo, hi)
		var me *text.MissingGlyphError
		var oe *text.OverflowError
		switch {
		case err == nil:
			size := p.Style.Size
			if size < lo || size > hi {
				t.Fatalf("Fit(%q): size %g outside %g–%g", data, size, lo, hi)
			}
			if !fitsBox(p, box) {
				t.Fatalf("Fit(%q, %+v): paragraph at %g pt does not fit", data, box, size)
			}
			checkParagraph(t, data, st, w, p)
			// A quarter point more must not fit. (The top grid size below an
			// off-grid maximum is left out: TestFitOffGridTop covers it.)
			top := lo + math.Floor((hi-lo)/0.25)*0.25
			if next := size + 0.25; next <= hi && !(next == top && top != hi) {
				st.Size = next
				q, err := fuzzEngine.Layout(data, st, w)
				if err != nil {
					t.Fatalf("Layout(%q) at %g pt: %v", data, next, err)
				}
				if fitsBox(q, box) {
					t.Fatalf("Fit(%q, %+v, %g–%g): chose %g pt, but %g pt fits", data, box, lo, hi, size, next)
				}
			}
		case errors.As(err, &oe):
			if p == nil || p.Style.Size > lo || p.DrawnSize() < lo-1e-9 {
				t.Fatalf("Fit(%q): overflow without the paragraph at the minimum size", data)
			}
			if fitsBox(p, box) {
				t.Fatalf("Fit(%q, %+v): overflow %q by %g, but the paragraph fits", data, box, oe.What, oe.By)
			}
			if oe.By <= 0 || (oe.What != "width" && oe.What != "lines" && oe.What != "height") {
				t.Fatalf("Fit(%q): overflow What=%q By=%g", data, oe.What, oe.By)
			}
		case errors.As(err, &me):
		default:
			t.Fatalf("Fit(%q): unexpected error %T: %v", data, err, err)
		}
	})
}
