// Package presets holds the compliance presets: what US state laws on
// human-trafficking signs require (sign and type size, languages,
// hotlines, wording), with the source of every figure, and the check of a
// set of composed documents against one. It is given the content set and
// the layouts; it loads neither itself.
package presets

import (
	"embed"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

//go:embed presets.yaml
var presetsFS embed.FS

// presetsFile names the embedded preset data in positions.
const presetsFile = "built-in presets/presets.yaml"

// Preset is a compliance preset: what a US state law asks of a sign about
// human trafficking (page size, type size, languages, hotlines, wording),
// with the source of every figure. Presets are read from
// presets/presets.yaml (see the comment at its top for each key);
// the values Presets and Lookup return are shared: treat them as
// read-only.
type Preset struct {
	// Name is what --preset takes, e.g. "CA-52.6", "TX-lodging", "KY-cling".
	Name string `yaml:"name,required"`
	// Law is the citation, e.g. "Cal. Civ. Code § 52.6"; findings name it
	// as their Rule.
	Law         string `yaml:"law,required"`
	Description string `yaml:"description,required"`
	// Source says where the figures were read: the domain reference (with
	// its confidence tag) and the statute.
	Source string `yaml:"source,required"`
	// Confidence is the domain reference's tag: H (read in the statute),
	// M (secondary source), L (unconfirmed), or H/M, M/L.
	Confidence string `yaml:"confidence,required"`
	// Effective is the date (YYYY-MM-DD) the current requirement applies
	// from, or "unknown"; EffectiveNote says what it is.
	Effective     string `yaml:"effective,required"`
	EffectiveNote string `yaml:"effective_note,required"`
	// MinPage is the smallest sign, in either orientation; nil when the law
	// sets none.
	MinPage *layouts.SizeSpec `yaml:"min_page"`
	// MinBody is the smallest type size in points for body and heading
	// text (captions are exempt); 0 when the law gives no figure. Bold
	// says that text must also be bold.
	MinBody  float64 `yaml:"min_body"`
	Bold     bool    `yaml:"bold"`
	TypeNote string  `yaml:"type_note"`
	// Langs are the languages every set of signs must include.
	Langs []source.Text `yaml:"languages,required"`
	// ThirdLanguage is "required" (the county's Voting Rights Act
	// language, given at build time), "optional" (a language the law adds
	// only in some cases), or "" (none).
	ThirdLanguage     string `yaml:"third_language"`
	ThirdLanguageNote string `yaml:"third_language_note"`
	LanguageNote      string `yaml:"language_note"`
	// SeparateSigns says each language must be a sign of its own.
	SeparateSigns bool `yaml:"separate_signs"`
	// Hotlines are the lines the sign must print.
	Hotlines []PresetHotline `yaml:"hotlines,required"`
	// RegionCode is the region a preset build prints the hotlines of.
	RegionCode string `yaml:"region,required"`
	// Layouts are built-in layout names (every size) or output names (one
	// size) a preset build makes; see Targets.
	Layouts []source.Text `yaml:"layouts,required"`
	// Wording is what is known of the text the law prescribes.
	Wording PresetWording `yaml:"wording,required"`
	// Pos is where the preset is in the preset file; KeyPos where each of
	// its keys is.
	Pos    source.Pos            `yaml:"-"`
	KeyPos map[string]source.Pos `yaml:"-"`
}

// PresetHotline is a line a preset requires on the sign.
type PresetHotline struct {
	// ID is a hotline id of content/builtin/hotlines.yaml.
	ID source.Text `yaml:"id,required"`
	// Text says the line's text number (SMS) must be printed too.
	Text bool   `yaml:"text"`
	Note string `yaml:"note"`
}

// PresetWording is what a law says about the sign's text. handbill ships
// no statutory text. Keys are the message keys the official text must be
// put in, in the user's content file, for every language built: a key
// whose text still comes from handbill's built-in content has not been
// supplied. Status "fixed" (the law prescribes the text) makes that an
// error, "required" (the law lists what the sign must say, or the domain
// reference does not record its text) a warning. handbill cannot check
// that the supplied text is the official one, only that it was supplied
// and that the sign prints it.
type PresetWording struct {
	Status string   `yaml:"status,required"`
	Keys   []string `yaml:"keys,required"`
	Note   string   `yaml:"note,required"`
}

// Wording statuses and third-language rules.
const (
	WordingFixed    = "fixed"
	WordingRequired = "required"
	ThirdRequired   = "required"
	ThirdOptional   = "optional"
)

type presetFields Preset

// DecodeYAMLNode decodes a preset and keeps the positions of its keys.
func (p *Preset) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	pos := map[string]source.Pos{}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			pos[n.Content[i].Value] = d.Pos(n.Content[i])
		}
	}
	err := d.Decode(n, name, (*presetFields)(p))
	p.Pos, p.KeyPos = d.Pos(n), pos
	return err
}

type presetFile struct {
	Presets []*Preset `yaml:"presets,required"`
}

var loadPresets = sync.OnceValues(func() ([]*Preset, error) {
	data, err := presetsFS.ReadFile("presets.yaml")
	if err != nil {
		return nil, err
	}
	return parsePresets(presetsFile, data)
})

// All returns the built-in compliance presets, sorted by name.
func All() ([]*Preset, error) {
	ps, err := loadPresets()
	return slices.Clone(ps), err
}

// Lookup returns the preset named name (case-insensitive). An
// unknown name is a *source.Diagnostic suggesting the closest name and
// listing them all.
func Lookup(name string) (*Preset, error) {
	ps, err := All()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p, nil
		}
		names = append(names, p.Name)
	}
	hint := "presets: " + strings.Join(names, ", ") + " (handbill list presets)"
	if s := source.Suggest(name, names); s != "" {
		hint = fmt.Sprintf("did you mean %q? %s", s, hint)
	}
	return nil, &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("unknown preset %q", name), Hint: hint}
}

var presetNameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z]{2}-[A-Za-z0-9.-]+$`) })

// parsePresets decodes the preset file strictly and checks what decoding
// cannot: names, dates, languages, and that every hotline, region and
// layout named exists.
func parsePresets(file string, data []byte) ([]*Preset, error) {
	var f presetFile
	if err := source.DecodeYAML(file, data, &f); err != nil {
		return nil, err
	}
	seen := map[string]source.Pos{}
	for _, p := range f.Presets {
		if err := p.validate(); err != nil {
			return nil, err
		}
		if first, ok := seen[strings.ToLower(p.Name)]; ok {
			return nil, &source.Diagnostic{Severity: source.Error, Pos: p.KeyPos["name"], Message: fmt.Sprintf("preset %q is defined twice", p.Name),
				Hint: fmt.Sprintf("the first is at %s; keep one", first)}
		}
		seen[strings.ToLower(p.Name)] = p.Pos
	}
	sort.Slice(f.Presets, func(i, j int) bool { return f.Presets[i].Name < f.Presets[j].Name })
	return f.Presets, nil
}

var presetConfidences = []string{"H", "M", "L", "H/M", "M/L"}

// Validate checks that every hotline, region and layout the presets
// name exists in the content set and the layouts given (the built-ins):
// the presets' figures come from the domain reference, their names must
// match handbill's own data. The build pipeline calls it when a preset is
// used, and a test on the built-ins.
func Validate(ps []*Preset, set *content.Set, ls map[string]*layouts.Layout) error {
	hotlines := map[string]bool{}
	for _, h := range set.Hotlines() {
		hotlines[h.ID] = true
	}
	var regions []string
	for _, r := range set.Regions() {
		regions = append(regions, r.Code)
	}
	outputs := map[string]bool{}
	for _, l := range ls {
		outputs[l.Name] = true
		for _, t := range layouts.Targets(l) {
			outputs[t.Name()] = true
		}
	}
	for _, p := range ps {
		if !slices.Contains(regions, p.RegionCode) {
			return &source.Diagnostic{Severity: source.Error, Pos: p.KeyPos["region"], Message: fmt.Sprintf("preset %s: unknown region %q", p.Name, p.RegionCode), Hint: source.KnownHint(p.RegionCode, regions)}
		}
		for _, h := range p.Hotlines {
			if !hotlines[h.ID.S] {
				return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("preset %s: unknown hotline %q", p.Name, h.ID.S), Hint: source.KnownHint(h.ID.S, slices.Sorted(maps.Keys(hotlines)))}
			}
		}
		for _, l := range p.Layouts {
			if !outputs[l.S] {
				return &source.Diagnostic{Severity: source.Error, Pos: l.Pos, Message: fmt.Sprintf("preset %s: unknown layout or output %q", p.Name, l.S), Hint: source.KnownHint(l.S, slices.Sorted(maps.Keys(outputs)))}
			}
		}
	}
	return nil
}

// validate checks what decoding cannot: the name, figures, dates,
// message keys and language tags.
func (p *Preset) validate() error {
	at := func(key string) source.Pos {
		if pos, ok := p.KeyPos[key]; ok {
			return pos
		}
		return p.Pos
	}
	bad := func(key, msg, hint string) error {
		return &source.Diagnostic{Severity: source.Error, Pos: at(key), Message: fmt.Sprintf("preset %s: %s", p.Name, msg), Hint: hint}
	}
	switch {
	case !presetNameRE().MatchString(p.Name):
		return bad("name", fmt.Sprintf("name %q is not STATE-SECTION", p.Name), "name a preset by the state and the law, e.g. CA-52.6 or TX-lodging")
	case !slices.Contains(presetConfidences, p.Confidence):
		return bad("confidence", fmt.Sprintf("unknown confidence %q", p.Confidence), "use the domain reference's tag: "+strings.Join(presetConfidences, ", "))
	case !strings.Contains(p.Source, "confidence "+p.Confidence):
		return bad("source", "the source does not give the domain reference's confidence "+p.Confidence, "cite the domain reference with its confidence tag, and the statute")
	case p.MinBody < 0 || p.MinBody > 200:
		return bad("min_body", fmt.Sprintf("min_body %g pt is not a type size", p.MinBody), "give the law's minimum in points, or leave it out")
	case p.ThirdLanguage != "" && p.ThirdLanguage != ThirdRequired && p.ThirdLanguage != ThirdOptional:
		return bad("third_language", fmt.Sprintf("third_language %q", p.ThirdLanguage), "use required or optional, or leave it out")
	case p.ThirdLanguage != "" && p.ThirdLanguageNote == "":
		return bad("third_language", "third_language needs a third_language_note saying which language", "say who decides the language (the county's Voting Rights Act language…)")
	case p.Wording.Status != WordingFixed && p.Wording.Status != WordingRequired:
		return bad("wording", fmt.Sprintf("wording status %q", p.Wording.Status), "use fixed (the law prescribes the text) or required")
	case len(p.Wording.Keys) == 0:
		return bad("wording", "wording names no message keys", "list the message keys the official text goes in, e.g. [intro]")
	}
	if p.Effective != "unknown" {
		if _, err := time.Parse(time.DateOnly, p.Effective); err != nil {
			return bad("effective", fmt.Sprintf("effective %q is not a date", p.Effective), "write YYYY-MM-DD, or unknown")
		}
	}
	if p.MinPage != nil && (p.MinPage.Resolve().W <= 0 || p.MinPage.Resolve().H <= 0) {
		return bad("min_page", "min_page has no area", "write [width, height], e.g. [8.5in, 11in]")
	}
	for _, k := range p.Wording.Keys {
		if !slices.Contains(content.MessageKeys, k) {
			return bad("wording", fmt.Sprintf("unknown message key %q in wording keys", k), source.KnownHint(k, content.MessageKeys))
		}
	}
	for _, l := range p.Langs {
		if _, err := language.Parse(l.S); err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: l.Pos, Message: fmt.Sprintf("preset %s: %q is not a BCP 47 language tag", p.Name, l.S), Hint: "write a tag such as en, es or fr"}
		}
	}
	if len(p.Hotlines) == 0 {
		return bad("hotlines", "no hotlines", "list the lines the law requires")
	}
	if len(p.Layouts) == 0 {
		return bad("layouts", "no layouts", "list the built-in layouts or outputs that make the sign")
	}
	return nil
}

// Region is the region whose hotlines a preset build prints.
func (p *Preset) Region() string { return p.RegionCode }

// Targets lists the outputs (target names, e.g. "poster-letter",
// "poster-tabloid") a preset build makes: the sizes of the preset's
// built-in layouts that are at least its minimum page size.
func (p *Preset) Targets(ls map[string]*layouts.Layout) []string {
	var out []string
	for _, t := range p.targets(ls) {
		out = append(out, t.Name())
	}
	return out
}

// targets resolves the preset's layouts among ls, keeping the sizes that
// meet the minimum page size.
func (p *Preset) targets(ls map[string]*layouts.Layout) []layouts.Target {
	var out []layouts.Target
	seen := map[string]bool{}
	for _, want := range p.Layouts {
		for _, name := range slices.Sorted(maps.Keys(ls)) {
			for _, t := range layouts.Targets(ls[name]) {
				if (name == want.S || t.Name() == want.S) && !seen[t.Name()] && p.pageFits(t.Size()) {
					seen[t.Name()] = true
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// pageFits tells whether a page of size ps is at least the minimum page
// size, in either orientation (half a point of slack for rounding).
func (p *Preset) pageFits(ps layouts.PageSize) bool {
	if p.MinPage == nil {
		return true
	}
	m := p.MinPage.Resolve()
	short, long := min(ps.W, ps.H), max(ps.W, ps.H)
	mShort, mLong := min(m.W, m.H), max(m.W, m.H)
	return short >= mShort-0.5 && long >= mLong-0.5
}

// MinPageText is the minimum page size in words ("8.5×11 in"), or "" when
// the preset has none.
func (p *Preset) MinPageText() string {
	if p.MinPage == nil {
		return ""
	}
	m := p.MinPage.Resolve()
	return presetSizeText(m.W, m.H)
}

const (
	inch = 72.0
	mm   = 72.0 / 25.4
)

// presetSizeText writes a size in inches when it is a whole number of eighths
// of an inch, else in millimetres.
func presetSizeText(w, h float64) string {
	isIn := func(v float64) bool { return math.Abs(v/inch*8-math.Round(v/inch*8)) < 0.01 }
	if isIn(w) && isIn(h) {
		return fmt.Sprintf("%g×%g in", math.Round(w/inch*8)/8, math.Round(h/inch*8)/8)
	}
	return fmt.Sprintf("%.0f×%.0f mm", w/mm, h/mm)
}

// Languages returns the languages a preset build makes: the law's, plus
// third (a BCP 47 tag: the county's Voting Rights Act language, or the
// employees' language) when the preset takes one. A preset that requires
// a third language and gets none, a bad tag, or a third language for a
// preset that takes none is an error whose hint names --third-language.
func (p *Preset) Languages(third string) ([]language.Tag, error) {
	var out []language.Tag
	for _, l := range p.Langs {
		out = append(out, language.MustParse(l.S))
	}
	third = strings.TrimSpace(third)
	switch {
	case third == "" && p.ThirdLanguage == ThirdRequired:
		return out, &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("preset %s (%s) requires a third language: %s", p.Name, p.Law, p.ThirdLanguageNote),
			Hint: "give it with --third-language TAG (a BCP 47 tag, e.g. --third-language vi)"}
	case third == "":
		return out, nil
	case p.ThirdLanguage == "":
		return out, &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("preset %s (%s) takes no third language", p.Name, p.Law),
			Hint: "leave out --third-language; to build more languages as well, use --lang"}
	}
	tag, err := language.Parse(third)
	if err != nil {
		return out, &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("third language %q is not a BCP 47 language tag", third),
			Hint: "give --third-language TAG a tag such as vi, zh-Hant, ko or tl"}
	}
	if !slices.Contains(out, tag) {
		out = append(out, tag)
	}
	return out, nil
}

// Composed is one built document: the target, the content of each of its
// languages, and the composed pages.
type Composed struct {
	Target layouts.Target
	Docs   []*content.Doc
	Frames *frame.Doc
}

// Env is what a preset check is given: the content set the documents
// were made from (its hotline directory), the layouts a preset build can
// choose from (the built-ins), the --third-language tag, and the date the
// check is made on.
type Env struct {
	Content *content.Set
	Layouts map[string]*layouts.Layout
	Third   string
	Now     time.Time
}

// Check reports every requirement of the preset the built documents do
// not meet. Each unmet requirement is an error
// whose Rule is the law, with the product, language, the position of the
// offending layout or content value where there is one, and a hint:
//   - a page smaller than the minimum page size;
//   - body or heading text (any role but caption) under the minimum type
//     size, or not bold where the law asks for bold: the smallest offender
//     of each document;
//   - a required language (the third one included) that no built document
//     is in, or a third language that is required and not given;
//   - a required hotline whose number (and text number, where required)
//     the document does not print, or prints only under the minimum size;
//   - a document holding several languages where each must be its own sign;
//   - wording: a wording key whose text still comes from handbill's
//     built-in content (error when the wording is fixed, warning when it
//     is only required), or supplied text the sign does not print.
//
// Hotline and wording findings say since when the requirement applies;
// when that date is after now they are warnings, not errors.
func (p *Preset) Check(env Env, built []Composed) []source.Diagnostic {
	third, now := env.Third, env.Now
	var out []source.Diagnostic
	add := func(f source.Diagnostic) {
		f.Rule = p.Law
		if f.Severity == "" {
			f.Severity = source.Error
		}
		out = append(out, f)
	}
	if len(built) == 0 {
		add(source.Diagnostic{Message: fmt.Sprintf("nothing was built to check against %s", p.Law),
			Hint: fmt.Sprintf("build the preset's outputs: %s", strings.Join(p.Targets(env.Layouts), ", "))})
		return out
	}
	when, future := p.effectiveAt(now)
	timed := func(f source.Diagnostic) source.Diagnostic {
		if when != "" {
			f.Message += " (" + when + ")"
		}
		if future && (f.Severity == source.Error || f.Severity == "") {
			f.Severity = source.Warning
		}
		return f
	}
	out = append(out, p.checkLanguages(built, third)...)
	for _, c := range built {
		if c.Frames == nil {
			continue
		}
		product, langs := c.Target.Name(), presetDocLangs(c.Docs)
		if !p.pageFits(c.Target.Size()) {
			ps := c.Target.Size()
			add(source.Diagnostic{Pos: c.Target.Layout.Pos["sizes"], Output: product, Lang: langs,
				Message: fmt.Sprintf("the page is %s; %s requires a sign of at least %s (either orientation)", presetSizeText(ps.W, ps.H), p.Law, p.MinPageText()),
				Hint:    p.targetsHint(env.Layouts)})
		}
		if p.SeparateSigns && len(c.Docs) > 1 {
			add(source.Diagnostic{Pos: c.Target.Layout.Pos["product"], Output: product, Lang: langs,
				Message: fmt.Sprintf("one sign holds %d languages (%s); %s requires each language on a sign of its own", len(c.Docs), langs, p.Law),
				Hint:    "build a one-language layout (poster) in each language instead of the multilingual one"})
		}
		paras := presetParagraphs(c.Frames)
		scale := c.Target.Variant.TypeScale
		if scale == 0 {
			scale = 1
		}
		for _, f := range p.checkType(paras, scale) {
			f.Output = product
			add(f)
		}
		for _, f := range p.checkHotlines(env.Content, c.Docs, paras, scale) {
			f.Output, f.Lang = product, langs
			add(timed(f))
		}
		for _, f := range p.checkWording(env.Layouts, c.Docs, paras) {
			f.Output = product
			add(timed(f))
		}
	}
	return out
}

// effectiveAt says since when the requirement applies ("in force since
// 2013-04-01", "takes effect on …"), and whether that is after now.
func (p *Preset) effectiveAt(now time.Time) (string, bool) {
	d, err := time.Parse(time.DateOnly, p.Effective)
	if err != nil {
		return "", false
	}
	if now.Before(d) {
		return fmt.Sprintf("%s takes effect on %s; until then this is advice", p.Law, p.Effective), true
	}
	return fmt.Sprintf("in force since %s", p.Effective), false
}

func (p *Preset) targetsHint(ls map[string]*layouts.Layout) string {
	if ts := p.Targets(ls); len(ts) > 0 {
		return fmt.Sprintf("print a larger size: %s (handbill build --preset %s builds them)", strings.Join(ts, ", "), p.Name)
	}
	return fmt.Sprintf("use a layout whose page is at least %s", p.MinPageText())
}

func presetDocLangs(docs []*content.Doc) string {
	var s []string
	for _, d := range docs {
		s = append(s, d.Messages.Lang.String())
	}
	return strings.Join(s, ",")
}

// checkLanguages reports required languages no built document is in.
func (p *Preset) checkLanguages(built []Composed, third string) []source.Diagnostic {
	var out []source.Diagnostic
	want, err := p.Languages(third)
	if err != nil {
		f := source.Diagnostic{Severity: source.Error, Rule: p.Law, Message: err.Error()}
		if ce, ok := err.(*source.Diagnostic); ok {
			f.Message, f.Hint = ce.Message, ce.Hint
		}
		out = append(out, f)
	}
	var have []language.Tag
	for _, c := range built {
		for _, d := range c.Docs {
			have = append(have, d.Messages.Lang)
		}
	}
	for _, w := range want {
		if slices.ContainsFunc(have, func(h language.Tag) bool { return presetSameLanguage(h, w) }) {
			continue
		}
		what := "a required language"
		hint := fmt.Sprintf("build it too: --lang %s", presetLangList(want))
		if third != "" && w.String() == presetMustTagString(third) {
			what = "the third language (" + p.ThirdLanguageNote + ")"
			hint = fmt.Sprintf("build it too: --preset %s --third-language %s", p.Name, w)
		}
		out = append(out, source.Diagnostic{Severity: source.Error, Rule: p.Law, Lang: w.String(),
			Message: fmt.Sprintf("no sign is in %s: %s requires %s", w, p.Law, what),
			Hint:    hint})
	}
	return out
}

func presetMustTagString(s string) string {
	t, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return t.String()
}

func presetLangList(tags []language.Tag) string {
	var s []string
	for _, t := range tags {
		s = append(s, t.String())
	}
	return strings.Join(s, ",")
}

// presetSameLanguage tells whether a document in have meets a requirement for
// want: the same tag, or one is the other's parent (es-MX meets es; a
// required fr-US is met by fr). zh-Hans does not meet zh-Hant.
func presetSameLanguage(have, want language.Tag) bool {
	isAncestor := func(a, b language.Tag) bool {
		for t := b; ; t = t.Parent() {
			if t == a {
				return true
			}
			if t.IsRoot() {
				return false
			}
		}
	}
	return isAncestor(have, want) && !have.IsRoot() || isAncestor(want, have) && !want.IsRoot()
}

// presetPara is one paragraph of a composed document, for the checks.
type presetPara struct {
	text string
	t    *frame.Text
}

func presetParagraphs(d *frame.Doc) []presetPara {
	var out []presetPara
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			t, ok := it.(*frame.Text)
			if !ok || t.Para == nil || len(t.Para.Lines) == 0 {
				continue
			}
			s := t.Para.Text
			if s == "" {
				var b strings.Builder
				for _, l := range t.Para.Lines {
					b.WriteString(l.LogicalText())
				}
				s = b.String()
			}
			if strings.TrimSpace(s) == "" {
				continue
			}
			out = append(out, presetPara{text: s, t: t})
		}
	}
	return out
}

// checkType reports, per document, the smallest body or heading text
// under the minimum size, and the first that is not bold where bold is
// required.
func (p *Preset) checkType(paras []presetPara, scale float64) []source.Diagnostic {
	var out []source.Diagnostic
	if p.MinBody > 0 {
		var small *presetPara
		n := 0
		for i := range paras {
			t := paras[i].t
			if t.Role == "caption" || t.Para.Style.Size >= p.MinBody-0.01 || !presetHasWords(paras[i].text) {
				continue
			}
			n++
			if small == nil || t.Para.Style.Size < small.t.Para.Style.Size {
				small = &paras[i]
			}
		}
		if small != nil {
			more := ""
			if n > 1 {
				more = fmt.Sprintf("; %d texts in all are under it", n)
			}
			out = append(out, source.Diagnostic{Pos: small.t.Src, Lang: small.t.Para.Style.Lang.String(),
				Message: fmt.Sprintf("%s text %q is set at %.3g pt, under the %g pt %s requires%s",
					presetRoleName(small.t.Role), presetClipText(small.text), small.t.Para.Style.Size, p.MinBody, p.Law, more),
				Hint: presetSizeHint("raise the minimum size of this text's style", p.MinBody, scale) + ", and give its block the room to fit or shorten the text; only text whose style has role: caption is exempt"})
		}
	}
	if p.Bold {
		var first *presetPara
		n := 0
		for i := range paras {
			if t := paras[i].t; t.Role != "caption" && !t.Para.Style.Bold && presetHasWords(paras[i].text) {
				n++
				if first == nil {
					first = &paras[i]
				}
			}
		}
		if first != nil {
			more := ""
			if n > 1 {
				more = fmt.Sprintf("; %d texts in all are not bold", n)
			}
			out = append(out, source.Diagnostic{Pos: first.t.Src, Lang: first.t.Para.Style.Lang.String(),
				Message: fmt.Sprintf("%s text %q is not bold; %s requires bold type%s", presetRoleName(first.t.Role), presetClipText(first.text), p.Law, more),
				Hint:    "set bold: true on the styles of the layout's body and heading text"})
		}
	}
	return out
}

func presetRoleName(r string) string {
	if r == "" {
		return "body"
	}
	return r
}

// presetHasWords tells whether s has a letter or a digit: a list's bullet
// is set at its item's size and is not reported on its own.
func presetHasWords(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// presetClipText shortens s for a message, without the invisible
// direction marks that keep numbers left to right.
func presetClipText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// checkHotlines reports required lines the document does not print, or
// prints only under the minimum size.
func (p *Preset) checkHotlines(set *content.Set, docs []*content.Doc, paras []presetPara, scale float64) []source.Diagnostic {
	var out []source.Diagnostic
	for _, req := range p.Hotlines {
		h, ok := presetFindHotline(set, docs, req.ID.S)
		if !ok {
			out = append(out, source.Diagnostic{Pos: req.ID.Pos,
				Message: fmt.Sprintf("the sign does not print hotline %s, which %s requires", req.ID.S, p.Law),
				Hint:    fmt.Sprintf("build for region %s (--region %s), which prints it", p.RegionCode, p.RegionCode)})
			continue
		}
		type num struct{ what, display, digits string }
		nums := []num{{"the number", h.Display, h.Digits}}
		if req.Text {
			nums = append(nums, num{"the text number", h.SMS, h.SMS})
		}
		for _, n := range nums {
			if n.digits == "" {
				out = append(out, source.Diagnostic{Pos: h.Pos,
					Message: fmt.Sprintf("%s requires %s of %s, and the directory has none", p.Law, n.what, h.ID),
					Hint:    "add it to the hotline's entry"})
				continue
			}
			largest, at := 0.0, (*frame.Text)(nil)
			for _, pp := range paras {
				if presetMentionsNumber(pp.text, n.display, n.digits) && pp.t.Para.Style.Size > largest {
					largest, at = pp.t.Para.Style.Size, pp.t
				}
			}
			switch {
			case at == nil:
				out = append(out, source.Diagnostic{Pos: h.Pos,
					Message: fmt.Sprintf("%s of %s (%s) is not printed; %s requires it", n.what, h.Name.S, n.display, p.Law),
					Hint: fmt.Sprintf("build for region %s (--region %s) with a layout that prints the region's lines (the poster prints {hotline}, {sms} and {more_hotlines}), or add a block that prints it",
						p.RegionCode, p.RegionCode)})
			case p.MinBody > 0 && largest < p.MinBody-0.01:
				out = append(out, source.Diagnostic{Pos: at.Src,
					Message: fmt.Sprintf("%s of %s (%s) is printed only at %.3g pt, under the %g pt %s requires", n.what, h.Name.S, n.display, largest, p.MinBody, p.Law),
					Hint: presetSizeHint(fmt.Sprintf("in the layout, a required line may not be small print: raise the minimum size of the style of the text that prints it (%q)", presetClipText(at.Para.Text)), p.MinBody, scale) +
						", and give its block the room to fit"})
			}
		}
	}
	return out
}

// presetFindHotline finds a hotline by id among the documents' lines, else in
// the set's directory. Its name is the directory's: documents name their
// lines in their own language, findings speak to the user.
func presetFindHotline(set *content.Set, docs []*content.Doc, id string) (content.Hotline, bool) {
	dir := set.Hotlines()
	for _, d := range docs {
		for _, h := range append(slices.Clone(d.Hotlines), d.Emergency, d.Missing) {
			if h.ID == id {
				if i := slices.IndexFunc(dir, func(x content.Hotline) bool { return x.ID == id }); i >= 0 {
					h.Name = dir[i].Name
				}
				return h, true
			}
		}
	}
	for _, h := range dir {
		if h.ID == id {
			return h, true
		}
	}
	return content.Hotline{}, false
}

var presetPhoneTokenRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d(?:[-. ]?\d)*`) })

// presetMentionsNumber tells whether s prints a number: its display form, or
// the same digits with other separators ("1 888 373 7888").
func presetMentionsNumber(s, display, digits string) bool {
	if display != "" && strings.Contains(s, display) {
		return true
	}
	for _, tok := range presetPhoneTokenRE().FindAllString(s, -1) {
		if presetOnlyDigits(tok) == digits {
			return true
		}
	}
	return false
}

func presetOnlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkWording reports wording keys whose text the user did not supply,
// and supplied text the sign does not print.
func (p *Preset) checkWording(ls map[string]*layouts.Layout, docs []*content.Doc, paras []presetPara) []source.Diagnostic {
	var out []source.Diagnostic
	var all strings.Builder
	for _, pp := range paras {
		all.WriteString(strings.Join(strings.Fields(pp.text), " "))
		all.WriteString("\n")
	}
	printed := all.String()
	for _, d := range docs {
		lang := d.Messages.Lang.String()
		for _, key := range p.Wording.Keys {
			texts, ok := d.Messages.Lists[key]
			if t, isText := d.Messages.Texts[key]; isText {
				texts, ok = []source.Text{t}, true
			}
			supplied := ok && len(texts) > 0
			for _, t := range texts {
				if strings.HasPrefix(t.Pos.File, "built-in ") || t.Pos.File == "" {
					supplied = false
				}
			}
			var pos source.Pos
			if len(texts) > 0 {
				pos = texts[0].Pos
			}
			if !supplied {
				sev, need := p.wordingSeverity(), "may prescribe"
				if p.Wording.Status == WordingFixed {
					need = "prescribes"
				}
				out = append(out, source.Diagnostic{Severity: sev, Pos: pos, Lang: lang,
					Message: fmt.Sprintf("%s %s the sign's wording, and `%s` (%s) is handbill's own text: the official wording must be supplied", p.Law, need, key, lang),
					Hint: fmt.Sprintf("put the official %s text in your content file under `messages: %s: %s:`; handbill ships no statutory text, and cannot tell whether the text you supply is the official one",
						d.Messages.Name, lang, key)})
				continue
			}
			for _, t := range texts {
				if !strings.Contains(printed, strings.Join(strings.Fields(t.S), " ")) {
					out = append(out, source.Diagnostic{Severity: p.wordingSeverity(), Pos: t.Pos, Lang: lang,
						Message: fmt.Sprintf("the official wording you supplied in `%s` (%s) is not printed on this sign", key, lang),
						Hint:    fmt.Sprintf("use a layout that prints {%s}: %s", key, strings.Join(p.Targets(ls), ", "))})
					break
				}
			}
		}
	}
	return out
}

// wordingSeverity is how serious missing wording is: an error when the
// law fixes the text, a warning when handbill only knows it may.
func (p *Preset) wordingSeverity() source.Severity {
	if p.Wording.Status == WordingFixed {
		return source.Error
	}
	return source.Warning
}

// presetSizeHint says what a style's minimum must be for its text to be
// set at least at minPt on a size with this type_scale.
func presetSizeHint(what string, minPt, scale float64) string {
	if scale == 1 {
		return fmt.Sprintf("%s to at least %g pt", what, minPt)
	}
	need := math.Ceil(minPt/scale*10) / 10
	return fmt.Sprintf("%s to at least %g pt (× this size's type_scale %g = %.3g pt)", what, need, scale, need*scale)
}
