// Package build is handbill's one document pipeline: it turns what a
// command or a batch job asks for (a Request, names as the user typed
// them) into a Selection, plans its documents, and carries every document
// through the same steps in one pool of workers — resolve the content
// once, compose the frames, check them, and (for build) write the PDF
// atomically and record it in the output folder's manifest. build,
// check, build --batch and build --preset all run through Run, so the
// same inputs give the same findings, the same refusals and the same
// files whichever way they were asked for.
package build

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/presets"
	"handbill/render"
	"handbill/source"
)

// Request is what a command line or a batch job asks for, as the user
// wrote it: file names, layout and output names, language tags.
type Request struct {
	// Content is the user's content file ("" for the built-ins only).
	Content string
	// Layouts are built-in layout names, output names or layout files;
	// none means every built-in layout.
	Layouts []string
	// Langs are BCP 47 tags, or the one word "all"; none means the
	// content's default languages.
	Langs []string
	// Region and Audience default to the content's.
	Region, Audience string
	// Fallback is a language tag to print in place of a language asked
	// for that has no text (none: such a language is an error).
	Fallback string
	// Preset names a compliance preset, ThirdLanguage the county's third
	// language where the preset asks for one.
	Preset, ThirdLanguage string
	// RequireReviewed refuses machine-drafted text.
	RequireReviewed bool
	// Press, Calibration, Timestamp and OutputIntent: see Selection.
	Press, Calibration, Timestamp bool
	OutputIntent                  string
	// Fonts are the faces to set text with (the built-ins, plus --font).
	Fonts *fonts.Registry
	// Now is the date hotlines' verification is judged on (zero: today).
	Now time.Time
	// Flag names the request's fields in messages: "--lang" on the command
	// line, "langs" in a batch file. Pos is where a batch job is.
	Flag func(field string) string
	Pos  source.Pos
}

// Selection is a Request resolved: what to make, checked and ready to
// plan. Every name in it exists.
type Selection struct {
	Content  *content.Set
	Layouts  []*layouts.Layout
	Langs    []language.Tag
	Region   string
	Audience string
	// Fallback is the language printed in place of one in Langs that has
	// no text (language.Und: none may be missing).
	Fallback language.Tag
	Fonts    *fonts.Registry
	// Only, when set, keeps just the outputs (target names) it holds.
	Only map[string]bool
	// RequireReviewed makes an unreviewed (machine-draft) translation an
	// error instead of a warning.
	RequireReviewed bool
	// Now is the date hotline entries' last-verified dates are measured
	// against (zero: today).
	Now time.Time
	// Preset, when set, is a compliance preset the documents must meet
	// together; ThirdLanguage is the county's third language where it asks
	// for one.
	Preset        *presets.Preset
	ThirdLanguage string
	// MinSize, when set, is a minimum type size stricter than the
	// layouts' own.
	MinSize float64
	// Press adds a print-shop output of every size of every product.
	Press bool
	// Timestamp writes the real creation date into each PDF.
	Timestamp bool
	// Calibration adds the duplex calibration page of every card sheet.
	Calibration bool
	// OutputIntent is the ICC printer profile written into press outputs.
	OutputIntent *render.Profile

	// docs holds each language's resolved content: a document's content
	// is resolved once, when the selection is made.
	docs map[language.Tag]*content.Doc
	// notes are warnings about the selection as a whole, printed once and
	// recorded in the manifest (a language printed in another's place).
	notes []source.Diagnostic
}

// Select resolves a request: it loads the content (once), finds the
// layouts, reads the languages, region, audience and preset, and resolves
// the content of every language, so that a wrong name is one mistake, not
// one per document. Errors are *source.Diagnostic values.
func Select(req Request) (*Selection, error) {
	flag := req.Flag
	if flag == nil {
		flag = func(f string) string { return "--" + f }
	}
	var err error
	if req.Preset != "" {
		builtin, err := layouts.Builtin()
		if err != nil {
			return nil, err
		}
		if req, err = withPreset(req, builtin); err != nil {
			return nil, err
		}
	}
	reg := req.Fonts
	if reg == nil {
		reg = fonts.Builtin()
	}
	// Languages named explicitly are known before the content is read:
	// their fonts load meanwhile, on another core.
	if tags, err := parseLangs(req.Langs, nil, flag); err == nil {
		reg.Prefetch(tags...)
	}
	set, err := content.Load(req.Content)
	if err != nil {
		return nil, err
	}
	langs, err := parseLangs(req.Langs, set, flag)
	if err != nil {
		return nil, err
	}
	fallback, err := checkLangs(langs, req.Fallback, set, flag)
	if err != nil {
		if d, ok := err.(*source.Diagnostic); ok && d.Pos.File == "" {
			d.Pos = req.Pos // a batch job's: where the job is
		}
		return nil, err
	}
	reg.Prefetch(langs...)
	ls, only, err := selectLayouts(req.Layouts, flag)
	if err != nil {
		return nil, err
	}
	s := &Selection{Content: set, Layouts: ls, Only: only, Langs: langs, Region: req.Region, Audience: req.Audience, Fallback: fallback,
		Fonts: reg, RequireReviewed: req.RequireReviewed, Now: req.Now, ThirdLanguage: req.ThirdLanguage,
		Press: req.Press, Timestamp: req.Timestamp, Calibration: req.Calibration}
	if s.Region == "" {
		s.Region = set.DefaultRegion()
	}
	if s.Audience == "" {
		s.Audience = set.DefaultAudience()
	}
	if req.Preset != "" {
		p, err := presets.Lookup(req.Preset)
		if err != nil {
			return nil, err
		}
		builtin, err := layouts.Builtin()
		if err != nil {
			return nil, err
		}
		if err := presets.Validate([]*presets.Preset{p}, set, builtin); err != nil {
			return nil, err
		}
		s.Preset = p
	}
	if req.OutputIntent != "" {
		p, err := render.ReadProfile(req.OutputIntent)
		if err != nil {
			return nil, source.Errorf(source.Pos{}, "give the printer profile (ICC) of the printing condition your print shop names (FOGRA39, GRACoL, SWOP…)",
				"%s %s: %v", flag("output-intent"), req.OutputIntent, err)
		}
		s.OutputIntent = p
	}
	if err := s.resolve(); err != nil {
		return nil, err
	}
	return s, nil
}

// resolve resolves the content of every selected language once.
func (s *Selection) resolve() error {
	s.docs = map[language.Tag]*content.Doc{}
	for _, lang := range s.Langs {
		if _, ok := s.docs[lang]; ok {
			continue
		}
		d, err := s.Content.ResolveFallback(lang, s.Fallback, s.Audience, s.Region)
		if err != nil {
			return err
		}
		s.docs[lang] = d
		for _, w := range d.Warnings {
			if w.Rule == content.RuleFallback && w.Lang != "" {
				s.notes = append(s.notes, w) // another language in this one's place
			}
		}
	}
	return nil
}

// Notes are the warnings about the selection as a whole: a language
// printed in the place of one that has no text (--fallback). Plan adds
// them to its notes, so they are printed once and go into the manifest.
func (s *Selection) Notes() []source.Diagnostic { return slices.Clone(s.notes) }

// doc returns the resolved content of lang, resolving it if the selection
// was made by hand (tests, benchmarks) rather than by Select.
func (s *Selection) doc(lang language.Tag) (*content.Doc, error) {
	if d, ok := s.docs[lang]; ok {
		return d, nil
	}
	return s.Content.ResolveFallback(lang, s.Fallback, s.Audience, s.Region)
}

// checkLangs checks that the content has text in every language asked
// for (a regional variant reads its language: es-MX → es), and reads the
// fallback: the language to print in place of one that has none, given
// only on purpose (--fallback). Without it, a language with no text is an
// error naming the closest the content has, never English in its place.
func checkLangs(langs []language.Tag, fallback string, set *content.Set, flag func(string) string) (language.Tag, error) {
	fb := language.Und
	if s := strings.TrimSpace(fallback); s != "" {
		tag, err := parseTag(s, flag("fallback"))
		if err != nil {
			return language.Und, err
		}
		if _, err := set.Lookup(tag); err != nil {
			d := *source.From(err)
			d.Message = flag("fallback") + ": " + d.Message
			d.Hint = "the fallback must be a language handbill has text in: 'handbill list languages' shows them"
			return language.Und, &d
		}
		fb = tag
	}
	for _, tag := range langs {
		if _, err := set.Lookup(tag); err != nil && fb == language.Und {
			d := *source.From(err)
			d.Message = flag("lang") + ": " + d.Message
			return language.Und, &d
		}
	}
	return fb, nil
}

// parseTag reads one BCP 47 tag given to flag.
func parseTag(s, flag string) (language.Tag, error) {
	tag, err := language.Parse(s)
	if err == nil && tag != language.Und {
		return tag, nil
	}
	if _, unknown := err.(language.ValueError); unknown {
		return language.Und, source.Errorf(source.Pos{}, "use a language's BCP 47 tag, such as en, es, vi or zh-Hant; 'handbill list languages' shows the languages handbill has",
			"%s: %q is no language BCP 47 knows", flag, s)
	}
	return language.Und, source.Errorf(source.Pos{}, "use tags such as en,es,vi or all; 'handbill list languages' shows what is built in",
		"%s: %q is not a BCP 47 language tag", flag, s)
}

// PrintedKeys are the message keys a target prints (content.NamesKey
// when it prints a hotline's name): the keys its templates and lists
// name, in every block of every page, and list_or with sms_note, which it
// fills. A placeholder that is neither a message key nor one of the
// fields known to hold only numbers, addresses or the organisation's
// words counts as printing names, so a new field is never left out of
// --require-reviewed.
func PrintedKeys(t layouts.Target) []string {
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	var walk func(bs []layouts.Block)
	walk = func(bs []layouts.Block) {
		for _, b := range bs {
			if b.Items != "" {
				add(b.Items)
			}
			for _, tmpl := range []string{b.Text, b.Title, b.Content, b.If} {
				for _, m := range fieldRE().FindAllStringSubmatch(tmpl, -1) {
					for _, name := range strings.Split(m[1], "|") {
						name = strings.TrimSuffix(strings.TrimSpace(name), "?")
						switch {
						case slices.Contains(content.MessageKeys, name):
							add(name)
							if name == "sms_note" {
								add("list_or")
							}
						case !slices.Contains(wordlessFields, name):
							add(content.NamesKey)
						}
					}
				}
			}
			walk(b.Blocks)
		}
	}
	for _, p := range t.Layout.Pages {
		walk(p.Blocks)
	}
	return keys
}

// fieldRE finds a template's placeholders: {name}, {name?}, {a|b}. It is
// compiled on first use: a regular expression compiled at package
// initialisation is paid by every start (issue 17).
var fieldRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\{([A-Za-z0-9_|? ]+)\}`)
})

// wordlessFields are template fields that print no translated words:
// numbers, addresses, the organisation's own words, the language's tag
// and name for itself.
var wordlessFields = []string{"hotline", "hotline2", "hotline_vanity", "hotline2_vanity", "sms", "sms_keyword", "web", "web2",
	"emergency", "org_name", "org_contact", "native", "lang"}

// withPreset fills what a compliance preset asks for into the request:
// its outputs, languages and region, unless the request names others.
func withPreset(req Request, builtin map[string]*layouts.Layout) (Request, error) {
	p, err := presets.Lookup(req.Preset)
	if err != nil {
		return req, err
	}
	if len(req.Layouts) == 0 {
		req.Layouts = p.Targets(builtin)
	}
	if len(req.Langs) == 0 {
		tags, err := p.Languages(req.ThirdLanguage)
		if err != nil {
			return req, err
		}
		for _, t := range tags {
			req.Langs = append(req.Langs, t.String())
		}
	}
	if req.Region == "" {
		req.Region = p.Region()
	}
	return req, nil
}

// parseLangs reads the requested languages: tags, "all", or none for the
// content's defaults. Without a content set, only a list of tags is read
// (none and "all" give none).
func parseLangs(tags []string, set *content.Set, flag func(string) string) ([]language.Tag, error) {
	all := len(tags) == 1 && strings.TrimSpace(tags[0]) == "all"
	if set == nil && (len(tags) == 0 || all) {
		return nil, nil
	}
	switch {
	case len(tags) == 0:
		return set.DefaultLanguages(), nil
	case all:
		// The default languages first: the multi-language poster pairs the
		// first two (English and Spanish) with each of the others.
		out := set.DefaultLanguages()
		for _, l := range set.Languages() {
			if !slices.Contains(out, l.Tag) {
				out = append(out, l.Tag)
			}
		}
		return out, nil
	}
	var out []language.Tag
	for _, part := range tags {
		tag, err := parseTag(strings.TrimSpace(part), flag("lang"))
		if err != nil {
			return nil, err
		}
		out = append(out, tag)
	}
	return out, nil
}

// selectLayouts reads the requested layouts: built-in layout names,
// output names (one size or mode of a layout) or layout files. With none,
// every built-in. Only the built-in layouts a name can belong to are
// parsed (each once per process): a build of the poster does not parse the
// wallet card.
func selectLayouts(names []string, flag func(string) string) ([]*layouts.Layout, map[string]bool, error) {
	if len(names) == 0 {
		builtin, err := layouts.Builtin()
		if err != nil {
			return nil, nil, err
		}
		return layouts.Sorted(builtin), nil, nil
	}
	var out []*layouts.Layout
	only := map[string]bool{}
	seen := map[string]bool{}
	add := func(l *layouts.Layout) {
		if !seen[l.Name] {
			seen[l.Name] = true
			out = append(out, l)
		}
	}
	var user []*layouts.Layout
	for _, n := range names {
		if strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") {
			l, err := layouts.LoadFile(n)
			if err != nil {
				return nil, nil, err
			}
			add(l)
			user = append(user, l)
			continue
		}
		l, err := layouts.BuiltinNamed(n)
		if err != nil {
			return nil, nil, err
		}
		if l != nil {
			add(l)
			for _, t := range layouts.Targets(l) {
				only[t.Name()] = true
			}
			continue
		}
		// An output is named LAYOUT-SIZE: only layouts whose name begins
		// its name can hold it.
		found := false
		for _, name := range layouts.BuiltinNames() {
			if !strings.HasPrefix(n, name+"-") {
				continue
			}
			l, err := layouts.BuiltinNamed(name)
			if err != nil {
				return nil, nil, err
			}
			for _, t := range layouts.Targets(l) {
				if t.Name() == n {
					add(l)
					only[n] = true
					found = true
				}
			}
		}
		if !found {
			builtin, err := layouts.Builtin()
			if err != nil {
				return nil, nil, err
			}
			var all []string
			for _, l := range layouts.Sorted(builtin) {
				all = append(all, l.Name)
				for _, t := range layouts.Targets(l) {
					all = append(all, t.Name())
				}
			}
			hint := "'handbill list layouts' shows them all"
			if s := source.Suggest(n, all); s != "" {
				hint = fmt.Sprintf("did you mean %q? %s", s, hint)
			}
			return nil, nil, source.Errorf(source.Pos{}, hint, "%s: no layout or output named %q", flag("layout"), n)
		}
	}
	// User layout files build every output they define.
	for _, l := range user {
		for _, t := range layouts.Targets(l) {
			only[t.Name()] = true
		}
	}
	return out, only, nil
}
