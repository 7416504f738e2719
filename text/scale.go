package text

import (
	"math"
	"slices"

	"github.com/go-text/typesetting/font"
	gtlang "github.com/go-text/typesetting/language"
	"golang.org/x/text/language"

	"handbill/fonts"
)

// Scripts do not read at the same size at the same point size: Arabic's
// letters sit in a band much lower than Latin's x-height, and Khmer's and
// Ethiopic's carry more detail in the same height. handbill sets each run
// of a script larger by the face's own measure (see scriptScale), so a
// size in a layout means the same apparent size in every language: a
// style's [min, max] is in Latin points. The factor is never under 1 (no
// script is set smaller than Latin: Chinese, Japanese and Korean, whose
// ideographs fill more of the em than Latin's capitals, keep their size)
// and never over maxScale.
const maxScale = 1.2

// scaleRef says, for a script whose letters read smaller than Latin's at
// the same point size, how its size is measured: the median height, above
// the baseline, of its body letters (sample: letters without ascenders in
// scripts that have them), against the Latin face's x-height (or cap
// height, for a script whose letters stand as tall as capitals), times
// target: how much taller than that reference its body must be to read
// at the same size. target is 1 for a script whose letters are as plain
// as Latin's, more for one with more strokes and finer distinctions in
// the same height (Khmer's subscripts and vowel signs, Ethiopic's vowel
// orders drawn as small appendages), as typographers set such text 10–20%
// larger next to Latin.
//
// Measured in Noto (Dec 2026): Arabic's body is 0.42 em against Noto
// Sans's 0.55 em x-height (1.30, but see below), Armenian's 0.50 (1.09),
// Khmer's 0.59 (×1.2: 1.12), Ethiopic's 0.71 em, the cap height (×1.1:
// 1.1); Hebrew, Thai, Lao, Devanagari, Gurmukhi and Bengali are at least
// Latin's x-height and keep their size. A user's font of these scripts is
// measured the same way.
type scaleRef struct {
	sample string
	cap    bool // measure against the Latin cap height, not the x-height
	target float64
	// tall, where set, are the script's tall letters (Arabic's alef and
	// lam): the factor is then the geometric mean of the body's and of
	// these letters' against the Latin ascenders (see scaleRefs).
	tall string
}

// Arabic's letters do not share one band as Latin's lower case does: its
// body (بسصعمهورفقنى) is short, 0.42 em in Noto Sans Arabic against Noto
// Sans's 0.55 em x-height (1.30), but its tall letters, alef and lam —
// the article ال, a good share of any line — already stand 0.71 em, as
// tall as Latin capitals. Set large enough for the body alone to match,
// they would rise 22% above the Latin ascenders (d, h, k, l: 0.76 em),
// and a line of Arabic would look a size heavier than its Latin
// neighbours (the bold question of the 4×6 sticker next to its number
// did). So Arabic's factor is the geometric mean of the two matches —
// the body against the x-height and the tall letters against the
// ascenders: Noto Sans Arabic 1.18 (bold 1.10), and Noto Naskh Arabic
// (Urdu), whose body is smaller still (0.37 em, bold 0.40) and alef
// shorter (0.67 em), 1.29 (bold 1.25), held at maxScale: 1.2, its alef
// then 6% above the Latin ascenders (Noto Sans Arabic's, at 1.18, 11%).
var scaleRefs = map[gtlang.Script]scaleRef{
	gtlang.Arabic:     {sample: "بسصعمهورفقنى", target: 1, tall: "الأإآ"},
	gtlang.Hebrew:     {sample: "אבגדהוזחטכמנסעפצקרשת", target: 1},
	gtlang.Armenian:   {sample: "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ", target: 1},
	gtlang.Thai:       {sample: "กขคงจฉชซดตถทธนบปผพฟภมยรลวสหอ", target: 1},
	gtlang.Lao:        {sample: "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ", target: 1},
	gtlang.Khmer:      {sample: "កខគងចឆជញដឋណតថទធនបផពភមយរលវសហអ", target: 1.2},
	gtlang.Ethiopic:   {sample: "ሀለሐመሰረቀበተነአከወዐዘየደገጠፈ", cap: true, target: 1.1},
	gtlang.Devanagari: {sample: "कखगघचजटडतदनपबमयरलवसह", target: 1},
	gtlang.Gurmukhi:   {sample: "ਕਖਗਘਚਜਟਡਤਦਨਪਬਮਯਰਲਵਸਹ", target: 1},
	gtlang.Bengali:    {sample: "কখগঘচজটডতদনপবমযরলবসহ", target: 1},
}

// Latin samples: lower-case letters without ascenders, capitals, and
// lower-case letters with ascenders.
const (
	xSample   = "xzvuwnmrsaceo"
	capSample = "HIEFTLZXNM"
	ascSample = "bdhkl"
)

// scaleKey names a face's factor for a script.
type scaleKey struct {
	face   *font.Face
	script gtlang.Script
	bold   bool
}

// scriptScale returns the factor a run of the script set in face is
// enlarged by (1 for most: see scaleRefs), measured once per engine from
// the glyphs' outlines' extents against the registry's Latin face of the
// same weight.
func (e *Engine) scriptScale(face *font.Face, script gtlang.Script, bold bool) float64 {
	ref, ok := scaleRefs[script]
	if !ok || face == nil {
		return 1
	}
	k := scaleKey{face, script, bold}
	if s, ok := e.scales[k]; ok {
		return s
	}
	s := 1.0
	body := medianTop(face, ref.sample)
	var latin *font.Face
	for _, f := range e.reg.Chain(language.English, bold) {
		if f.Load() == nil {
			latin = e.goFace(f)
			break
		}
	}
	if latin != nil && body > 0 {
		sample := xSample
		if ref.cap {
			sample = capSample
		}
		if x := medianTop(latin, sample); x > 0 {
			k := ref.target * x / body
			if ref.tall != "" {
				tall, asc := medianTop(face, ref.tall), medianTop(latin, ascSample)
				if tall > 0 && asc > 0 {
					k = math.Sqrt(k * asc / tall)
				}
			}
			s = min(max(k, 1), maxScale)
		}
	}
	e.scales[k] = s
	return s
}

// medianTop is the median height above the baseline, in ems, of the
// sample's letters the face has (0 when it has fewer than half of them).
func medianTop(f *font.Face, sample string) float64 {
	upem := float64(f.Upem())
	var tops []float64
	n := 0
	for _, r := range sample {
		n++
		g, ok := f.NominalGlyph(r)
		if !ok {
			continue
		}
		if ext, ok := f.GlyphExtents(g); ok && ext.Height != 0 {
			tops = append(tops, float64(ext.YBearing)/upem)
		}
	}
	if len(tops)*2 < n || upem == 0 {
		return 0
	}
	slices.Sort(tops)
	return tops[len(tops)/2]
}

// Scale is how much larger than the style's size text in its language is
// drawn (1 for most: see scriptScale), measured in the language's first
// face: a size search that builds paragraphs itself (a list) lets the
// size go down to its minimum divided by it, as Fit does.
func (e *Engine) Scale(st Style) float64 {
	e.hold()
	defer e.release()
	var first *fonts.Face
	for _, f := range e.chain(st) {
		if f.Load() == nil {
			first = f
			break
		}
	}
	if first == nil {
		return 1
	}
	sc, err := gtlang.ParseScript(fonts.Script(st.Lang))
	if err != nil {
		return 1
	}
	return e.scriptScale(e.goFace(first), sc, st.Bold)
}
