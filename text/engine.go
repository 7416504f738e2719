package text

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	gtlang "github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/language"

	"handbill/fonts"
)

// A line's ascent and descent are those of its ink (so a box always holds
// every mark and stacked vowel), but never less than these fractions of the
// size, so lines of different scripts and texts sit on the same baselines.
// Font-wide metrics would not do: Noto Sans Arabic's are 2.1 em tall, and
// would set Arabic smaller than Latin in the same box.
const (
	minAscent  = 0.8
	minDescent = 0.22
)

// refSize is the size, in points, text is shaped at. Shaping scales
// linearly (no hinting), so a paragraph is shaped once and scaled to each
// size Fit tries.
const refSize = 1000

// Engine lays out paragraphs with the faces of a registry. An Engine holds
// shaping caches and is not safe for concurrent use: use one per goroutine.
// The registry's parsed fonts are shared by all engines.
type Engine struct {
	reg     *fonts.Registry
	seg     shaping.Segmenter
	wrapper shaping.LineWrapper
	// sh is the shaper the engine holds while it shapes (see hold), nil
	// otherwise; lastSh the one it held last, holding lastFaces faces.
	sh        *shaper
	lastSh    *shaper
	lastFaces int
	holds     int
	// back names the registry's face of every go-text face the engine
	// shaped with (any shaper's).
	back   map[*font.Face]*fonts.Face
	chains map[chainKey][]*fonts.Face
	shaped map[shapeKey]*shaped
	laid   map[layoutKey]*Paragraph
	fitted map[fitKey]*Paragraph
	// measures holds Shaped.Measure's figures, by the same key as laid.
	measures map[layoutKey]measured
	// cacheBytes is what shaped, laid, fitted and measures hold (see
	// remember).
	cacheBytes int
	metrics    map[metricsKey][2]float64
	// ahead holds the paragraphs asked for ahead (see Preshape) that no
	// layout has asked for yet; asked, used and notAhead count for
	// Preshaped.
	ahead                 map[shapeKey]*ahead
	asked, used, notAhead int
	scales                map[scaleKey]float64
}

// chainKey names a font chain: the registry's faces for a language and
// weight.
type chainKey struct {
	lang language.Tag
	bold bool
}

// NewEngine returns an engine drawing with the faces of reg.
func NewEngine(reg *fonts.Registry) *Engine {
	return &Engine{reg: reg, back: map[*font.Face]*fonts.Face{},
		chains: map[chainKey][]*fonts.Face{}, shaped: map[shapeKey]*shaped{}, laid: map[layoutKey]*Paragraph{}, fitted: map[fitKey]*Paragraph{},
		measures: map[layoutKey]measured{}, metrics: map[metricsKey][2]float64{}, scales: map[scaleKey]float64{}}
}

// chain returns the registry's font chain for the style, computed once per
// language and weight (the registry does not change).
func (e *Engine) chain(st Style) []*fonts.Face {
	k := chainKey{st.Lang, st.Bold}
	c, ok := e.chains[k]
	if !ok {
		c = e.reg.Chain(st.Lang, st.Bold)
		e.chains[k] = c
	}
	return c
}

// Registry returns the engine's font registry.
func (e *Engine) Registry() *fonts.Registry { return e.reg }

// shaped is a paragraph shaped at refSize, ready to be wrapped at any size.
type shaped struct {
	text string
	orig []rune
	// at is the byte offset in text of each rune of orig, and len(text)
	// last: a cluster's text is a slice of the paragraph's (see cluster).
	at     []int32
	style  Style
	rtl    bool
	pieces []shapedPiece // one per hard line
	first  *fonts.Face   // the face chosen for the paragraph's language
	// scale is the largest factor a run of the paragraph is set larger
	// by (see scriptScale): its line height grows with it.
	scale float64
	// native reports text in the language's own script: only such a
	// paragraph is set by its metrics (see lineMetrics), not a web
	// address or a number alone in a Thai document.
	native bool
	// phrased reports a short line of Chinese or Japanese set by phrases
	// (a headline, a heading, a list item): its lines are balanced (see
	// balancedWidth).
	phrased bool
}

type shapedPiece struct {
	prep prepared
	outs []shaping.Output
	// looser holds, for a line with a phrase over maxPhrase characters
	// (prep.longPhrase), the line prepared and shaped at the looser
	// phrase levels, in order (see wrapPiece).
	looser []shapedPiece
}

// fontmap picks, for each character, the first face of the chain that has
// it, and records characters no face has. In a paragraph of a script other
// than Latin, Latin letters and digits are set in the Latin face (see
// latinFace).
type fontmap struct {
	e       *Engine
	chain   []*fonts.Face
	first   *fonts.Face // the chain's first face that loads
	latin   *fonts.Face // nil, or the face for Latin letters and digits
	missing []rune
}

func (m *fontmap) ResolveFace(r rune) *font.Face {
	if m.latin != nil && isLatinLetterOrDigit(r) && m.latin.Has(r) {
		return m.e.goFace(m.latin)
	}
	for _, f := range m.chain {
		if f.Has(r) {
			return m.e.goFace(f)
		}
	}
	m.missing = append(m.missing, r)
	return m.e.goFace(m.first)
}

// IsRTL reports whether paragraphs in the language run right to left.
func IsRTL(tag language.Tag) bool { return isRTLLang(Style{Lang: tag}) }

func isRTLLang(s Style) bool {
	switch fonts.Script(s.Lang) {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo":
		return true
	}
	return false
}

// shapeKey is what shaping depends on: the text, its language (direction,
// font chain) and weight. Size, alignment and line height only matter to
// wrap.
type shapeKey struct {
	text string
	lang language.Tag
	bold bool
}

// shape returns the paragraph shaped, from the engine's cache when the same
// text was shaped before in the same language and weight: a build sets the
// same messages in every size of a product (Letter, A4, Tabloid) and every
// product, and each list item's bullet, so most paragraphs are shaped once
// per engine. Errors are not cached.
func (e *Engine) shape(s string, st Style) (*shaped, error) {
	k := shapeKey{s, st.Lang, st.Bold}
	if sh, ok := e.shaped[k]; ok {
		c := *sh // shaped paragraphs are never modified: share the pieces
		c.style = st
		return &c, nil
	}
	sh, asked := e.shapedAhead(k)
	if sh != nil {
		remember(e, e.shaped, k, sh)
		c := *sh
		c.style = st
		return &c, nil
	}
	if !asked {
		e.notAhead++
	}
	sh, err := e.shapeNew(s, st)
	if err != nil {
		return nil, err
	}
	remember(e, e.shaped, k, sh)
	return sh, nil
}

// shapeNew splits the text into hard lines, prepares and shapes each,
// with a shaper borrowed for the call.
func (e *Engine) shapeNew(s string, st Style) (*shaped, error) {
	e.hold()
	defer e.release()
	orig := []rune(s)
	rtl := isRTLLang(st)
	sh := &shaped{text: s, orig: orig, style: st, rtl: rtl, scale: 1, native: native(orig, st.Lang)}
	sh.at = make([]int32, 0, len(orig)+1)
	for i := range s {
		sh.at = append(sh.at, int32(i))
	}
	sh.at = append(sh.at, int32(len(s)))
	chain := e.chain(st)
	if len(chain) == 0 {
		return nil, &MissingGlyphError{Text: s, Lang: st.Lang}
	}
	for _, f := range chain {
		if f.Load() == nil {
			sh.first = f
			break
		}
	}
	if sh.first == nil {
		return nil, chain[0].Load()
	}
	// The rest of the chain loads lazily: a face is parsed when a character
	// reaches it (Has is false for a face that cannot load, so such a face
	// is passed over). A paragraph in English parses Noto Sans, not all 26
	// bundled faces, and a fresh process pays only for the faces its
	// documents use.
	live := func() []*fonts.Face {
		var out []*fonts.Face
		for _, f := range chain {
			if f.Load() == nil {
				out = append(out, f)
			}
		}
		return out
	}
	if err := checkControls(s, orig, st); err != nil {
		return nil, err
	}
	isolate := rtl || slices.ContainsFunc(orig, isRTLRune)
	protect := protectedRanges(s)
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	lang := gtlang.NewLanguage(st.Lang.String())
	fm := &fontmap{e: e, chain: chain, first: sh.first, latin: latinFace(st, chain)}
	start := 0
	for i := 0; i <= len(orig); i++ {
		if i < len(orig) && !isHardBreak(orig[i]) {
			continue
		}
		p := prepare(orig, start, i, protect, isolate, st.Lang, wholePhrases)
		piece := shapedPiece{prep: p, outs: e.shapePrepared(sh, st, p, dir, lang, fm)}
		sh.phrased = sh.phrased || p.phrased
		for level := morphemePhrases; p.longPhrase && int(level) < phraseLevels; level++ {
			q := prepare(orig, start, i, protect, isolate, st.Lang, level)
			last := piece.prep
			if n := len(piece.looser); n > 0 {
				last = piece.looser[n-1].prep
			}
			if slices.Equal(q.runes, last.runes) {
				continue // nothing inside the long phrases to break at this level
			}
			piece.looser = append(piece.looser, shapedPiece{prep: q, outs: e.shapePrepared(sh, st, q, dir, lang, fm)})
		}
		sh.pieces = append(sh.pieces, piece)
		if i < len(orig) && orig[i] == '\r' && i+1 < len(orig) && orig[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	if len(fm.missing) > 0 {
		return nil, &MissingGlyphError{Text: s, Lang: st.Lang, Rune: fm.missing[0], Tried: faceNames(live())}
	}
	for _, pc := range sh.pieces {
		for _, out := range pc.outs {
			for _, g := range out.Glyphs {
				if g.GlyphID != 0 {
					continue
				}
				for k := g.TextIndex(); k < g.TextIndex()+g.RunesCount(); k++ {
					r := pc.prep.runes[k]
					if !invisible(r) {
						return nil, &MissingGlyphError{Text: s, Lang: st.Lang, Rune: r, Tried: []string{e.back[out.Face].Name()}}
					}
				}
			}
		}
	}
	return sh, nil
}

// shapePrepared shapes a prepared line of sh in style st, each run in
// the face fm picks, or keepFace for a phone number or address.
func (e *Engine) shapePrepared(sh *shaped, st Style, p prepared, dir di.Direction, lang gtlang.Language, fm *fontmap) []shaping.Output {
	if len(p.runes) == 0 {
		return nil
	}
	in := shaping.Input{
		Text: p.runes, RunStart: 0, RunEnd: len(p.runes),
		Direction: dir, Size: fixed.I(refSize), Language: lang,
	}
	var runs []shaping.Input
	for _, run := range e.seg.Split(in, fm) {
		run.Face = e.keepFace(p, run, fm.chain, fm.latin)
		// A phone number split by the fontmap (its digits in one
		// face, its hyphens in another) and put back in one face
		// by keepFace is shaped as one run.
		if n := len(runs) - 1; n >= 0 && runs[n].Face == run.Face && runs[n].RunEnd == run.RunStart &&
			runs[n].Script == run.Script && runs[n].Direction == run.Direction {
			runs[n].RunEnd = run.RunEnd
			continue
		}
		runs = append(runs, run)
	}
	var outs []shaping.Output
	for _, run := range runs {
		// A script that reads small is shaped larger (see
		// scriptScale): its advances and extents grow with it, so
		// wrapping and fitting see the size it is drawn at.
		if k := e.scriptScale(run.Face, run.Script, st.Bold); k != 1 {
			run.Size = fixed.Int26_6(math.Round(refSize * 64 * k))
			sh.scale = max(sh.scale, k)
		}
		outs = append(outs, e.sh.hb.Shape(run))
	}
	return outs
}

// keepFace returns the face for a run: the segmenter's choice, except
// inside a phone number or address, which is drawn in the first face that
// has every one of its characters, so its digits and hyphens match (the
// Latin face first, when the paragraph has one: see latinFace).
func (e *Engine) keepFace(p prepared, run shaping.Input, chain []*fonts.Face, latin *fonts.Face) *font.Face {
	for _, k := range p.keep {
		if run.RunStart < k[0] || run.RunEnd > k[1] {
			continue
		}
		if latin != nil && coversAll(latin, p.runes[k[0]:k[1]]) {
			return e.goFace(latin)
		}
		for _, f := range chain {
			if coversAll(f, p.runes[k[0]:k[1]]) {
				return e.goFace(f)
			}
		}
	}
	return run.Face
}

// latinFace returns the face Latin letters and digits are set in inside a
// paragraph of another script (Chinese, Arabic, Hindi…): the chain's first
// bundled Latin face (Noto Sans, in the paragraph's weight), so a hotline
// number or "LGBTQ" in a Chinese sentence looks as it does in English. It
// returns nil for Latin, Cyrillic and Greek paragraphs, which are set in
// that face anyway, and when the user's fonts come first: their face is
// then the one they chose for everything it covers.
func latinFace(st Style, chain []*fonts.Face) *fonts.Face {
	switch fonts.Script(st.Lang) {
	case "Latn", "Cyrl", "Grek":
		return nil
	}
	if len(chain) == 0 || !chain[0].BuiltIn() {
		return nil
	}
	for _, f := range chain {
		if slices.Contains(f.Scripts, "Latn") && f.Load() == nil {
			return f
		}
	}
	return nil
}

// isLatinLetterOrDigit reports a character the Latin face sets in a
// paragraph of another script: a Latin letter (with its accents) or an
// ASCII digit.
func isLatinLetterOrDigit(r rune) bool {
	return r >= '0' && r <= '9' || unicode.Is(unicode.Latin, r)
}

func coversAll(f *fonts.Face, rs []rune) bool {
	for _, r := range rs {
		if !invisible(r) && !f.Has(r) {
			return false
		}
	}
	return true
}

func isHardBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

// invisible reports characters that draw nothing and need no glyph.
func invisible(r rune) bool {
	return harfbuzz.IsDefaultIgnorable(r) || unicode.IsSpace(r) || r == wj || r == lri || r == pdi
}

func checkControls(s string, orig []rune, st Style) error {
	for _, r := range orig {
		if r == '\t' || isHardBreak(r) {
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cs, r) || r == unicode.ReplacementChar {
			return &MissingGlyphError{Text: s, Lang: st.Lang, Rune: r, Control: true}
		}
	}
	return nil
}

func faceNames(fs []*fonts.Face) []string {
	var out []string
	for _, f := range fs {
		if n := f.Name(); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// Layout sets s in the style, breaking lines to fit width points. It
// returns a *MissingGlyphError when a character has no glyph in any face.
// Lines wider than width (a word or hotline that cannot break) are kept
// whole; Fit reports them. Paragraphs are shared (the engine returns the
// same one for the same text, style and width): callers must not modify
// them.
func (e *Engine) Layout(s string, st Style, width float64) (*Paragraph, error) {
	if err := checkBox(width, st.Size); err != nil {
		return nil, err
	}
	k := layoutKey{s, st, width}
	if p, ok := e.laid[k]; ok {
		return p, nil
	}
	sh, err := e.shape(s, st)
	if err != nil {
		return nil, err
	}
	p := e.wrap(sh, st.Size, width)
	remember(e, e.laid, k, p)
	return p, nil
}

// layoutKey is what a paragraph's layout depends on. The same text in the
// same style and width is laid out once per engine: a batch sets the same
// messages on every clinic's poster.
type layoutKey struct {
	text  string
	style Style
	width float64
}

// checkBox refuses sizes and widths no page can have.
func checkBox(width, size float64) error {
	if math.IsNaN(width) || math.IsInf(width, 0) || width < 0 {
		return fmt.Errorf("box width %g pt is not valid", width)
	}
	if math.IsNaN(size) || size <= 0 || size > 5000 {
		return fmt.Errorf("font size %g pt is not valid", size)
	}
	return nil
}

func toPt(v fixed.Int26_6, size float64) float64 {
	return float64(v) / 64 * size / refSize
}

// lineBreaking is what wrap and measure both break a paragraph's pieces
// with, at one size and width.
type lineBreaking struct {
	cfg     shaping.WrapConfig
	maxW    fixed.Int26_6 // the wrapper's width (maxWidthAt)
	natural bool          // breakWidth's second result
	// asc and desc are the least ascent and descent of a line, in ems:
	// with ScriptMetrics, the reach of the language's marks, so that the
	// pitch (the style's line height, or more for a script whose marks
	// reach further above and below, as Khmer's and Thai's do) keeps the
	// lines' marks from touching.
	asc, desc float64
}

// breakSetup works out how sh is broken in style st (its Size set) at
// width.
func (e *Engine) breakSetup(sh *shaped, st Style, width float64) lineBreaking {
	dir := di.DirectionLTR
	if sh.rtl {
		dir = di.DirectionRTL
	}
	bw, natural := e.breakWidth(sh, st.Size, width)
	b := lineBreaking{
		cfg:     shaping.WrapConfig{Direction: dir, BreakPolicy: shaping.Never},
		maxW:    maxWidthAt(bw, st.Size),
		natural: natural,
		asc:     minAscent, desc: minDescent,
	}
	if st.ScriptMetrics && sh.native {
		b.asc, b.desc = e.lineMetrics(st)
	}
	return b
}

// wrap breaks a shaped paragraph into lines at the given size and width.
func (e *Engine) wrap(sh *shaped, size, width float64) *Paragraph {
	st := sh.style
	st.Size = size
	p := &Paragraph{Text: sh.text, Style: st, RTL: sh.rtl, Width: width, texts: &lineTextsMemo{}}
	b := e.breakSetup(sh, st, width)
	cfg, dir, maxW, asc, desc := b.cfg, b.cfg.Direction, b.maxW, b.asc, b.desc
	pitch := size * max(st.lineHeight()*sh.scale, asc+desc)
	p.breaks = breakRange{lo: 0, hi: maxW, known: b.natural}
	for _, pc := range sh.pieces {
		if len(pc.outs) == 0 {
			p.Lines = append(p.Lines, Line{Ascent: asc * size, Descent: desc * size})
			continue
		}
		lines, prep, _ := e.wrapPiece(cfg, maxW, pc)
		p.breaks.add(lines, dir, maxW)
		if len(pc.looser) > 0 {
			// At another width its phrases may break otherwise.
			p.breaks.known = false
		}
		for _, l := range lines {
			line := e.convertLine(sh, prep, l, size)
			line.Ascent = max(line.Ascent, asc*size)
			line.Descent = max(line.Descent, desc*size)
			p.Lines = append(p.Lines, line)
		}
	}
	y := 0.0
	for i := range p.Lines {
		l := &p.Lines[i]
		if i == 0 {
			y = l.Ascent
		} else {
			y += pitch
		}
		l.Baseline = y
		free := width - l.Width
		switch {
		case st.Align == Center:
			l.X = free / 2
		case (st.Align == Start) == sh.rtl:
			l.X = free
		}
		p.Height = y + l.Descent
	}
	return p
}

func copyOutputs(outs []shaping.Output) []shaping.Output {
	c := make([]shaping.Output, len(outs))
	for i, o := range outs {
		c[i] = o
		c[i].Glyphs = slices.Clone(o.Glyphs)
	}
	return c
}

// convertLine turns a wrapped line into positioned clusters in visual order.
func (e *Engine) convertLine(sh *shaped, prep prepared, l shaping.Line, size float64) Line {
	runs := slices.Clone([]shaping.Output(l))
	sort.SliceStable(runs, func(a, b int) bool { return runs[a].VisualIndex < runs[b].VisualIndex })
	var line Line
	x := 0.0
	for _, o := range runs {
		face := e.back[o.Face]
		run := Run{Face: face, Size: size * float64(o.Size) / (refSize * 64), RTL: o.Direction.Progression() == di.TowardTopLeft, X: x,
			Clusters: make([]Cluster, 0, len(o.Glyphs))}
		// One array holds the glyphs of all the run's clusters, each cluster
		// a capped slice of it: one allocation per run, not per cluster.
		glyphs := make([]Glyph, len(o.Glyphs))
		pen := 0.0
		for i := 0; i < len(o.Glyphs); {
			g0 := o.Glyphs[i]
			n := 1
			for i+n < len(o.Glyphs) && o.Glyphs[i+n].TextIndex() == g0.TextIndex() {
				n++
			}
			c := e.cluster(sh, prep, o, g0.TextIndex(), g0.RunesCount(), n, g0.GlyphID)
			c.Glyphs = glyphs[i : i+n : i+n]
			for k, g := range o.Glyphs[i : i+n] {
				top := toPt(g.YOffset+g.YBearing, size)
				line.Ascent = max(line.Ascent, top)
				line.Descent = max(line.Descent, -(top + toPt(g.Height, size)))
				c.Glyphs[k] = Glyph{
					ID:      uint16(g.GlyphID),
					X:       pen + toPt(g.XOffset, size),
					Y:       -toPt(g.YOffset, size),
					Advance: toPt(g.Advance, size),
				}
				pen += toPt(g.Advance, size)
			}
			if c.Start >= 0 || pen != c.Glyphs[0].X {
				run.Clusters = append(run.Clusters, c)
			}
			i += n
		}
		run.Advance = pen
		x += pen
		if len(run.Clusters) > 0 {
			line.Runs = append(line.Runs, run)
		}
	}
	line.Width = x
	line.Ascent = max(line.Ascent, minAscent*size)
	line.Descent = max(line.Descent, minDescent*size)
	return line
}

// cluster builds a cluster (without glyphs) for prepared runes
// [start, start+count) drawn by nGlyphs glyphs, the first being gid.
func (e *Engine) cluster(sh *shaped, prep prepared, o shaping.Output, start, count, nGlyphs int, gid font.GID) Cluster {
	c := Cluster{Start: -1}
	var only rune
	n := 0
	// Most clusters stand for a run of the paragraph's characters in
	// order: their text is a slice of the paragraph's, not a new string.
	inOrder := true
	for k := start; k < start+count; k++ {
		oi := prep.origin[k]
		if oi < 0 {
			continue // a character the engine inserted
		}
		if c.Start < 0 {
			c.Start = oi
		} else if oi != c.Start+n {
			inOrder = false
		}
		only = sh.orig[oi]
		n++
	}
	switch {
	case n == 0:
	case inOrder:
		c.Text = sh.text[sh.at[c.Start]:sh.at[c.Start+n]]
	default:
		var b strings.Builder
		for k := start; k < start+count; k++ {
			if oi := prep.origin[k]; oi >= 0 {
				b.WriteRune(sh.orig[oi])
			}
		}
		c.Text = b.String()
	}
	if n == 1 && count == 1 && nGlyphs == 1 && only <= 0xFFFF && !(only >= 0xE000 && only <= 0xF8FF) && !unicode.IsControl(only) {
		// The parsed font's cmap, not the face's cached lookup: the
		// face belongs to a shaper another engine may hold by now.
		nominal, ok := o.Face.Font.NominalGlyph(only)
		c.Simple = ok && nominal == gid
	}
	return c
}

// Shaped is a paragraph shaped once, to be set at any size and width
// (fitting several paragraphs at one size shapes each only once).
type Shaped struct {
	e  *Engine
	sh *shaped
}

// Shape shapes s in the style (its Size is ignored); errors are those of
// Layout.
func (e *Engine) Shape(s string, st Style) (*Shaped, error) {
	sh, err := e.shape(s, st)
	if err != nil {
		return nil, err
	}
	return &Shaped{e: e, sh: sh}, nil
}

// At breaks the paragraph into lines at the size for the width. It is
// Layout of the same text and style at that size: the paragraph comes
// from the same cache, and is shared (callers must not modify it). A
// batch sets the same headings and list items, at the same sizes and
// measures, on every clinic's poster.
func (s *Shaped) At(size, width float64) *Paragraph {
	k := s.key(size, width)
	if p, ok := s.e.laid[k]; ok {
		return p
	}
	p := s.e.wrap(s.sh, size, width)
	remember(s.e, s.e.laid, k, p)
	return p
}

// key is what the paragraph set at the size for the width depends on.
func (s *Shaped) key(size, width float64) layoutKey {
	st := s.sh.style
	st.Size = size
	return layoutKey{s.sh.text, st, width}
}

// Overflow reports what of p does not fit the box ("" when it fits) and by
// how many points.
func Overflow(p *Paragraph, box Box) (what string, by float64) { return overflow(p, box) }
