package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"handbill/source"
	"handbill/third_party/display"

	"golang.org/x/text/language"
)

// Resolve returns what one document says: the messages in language lang
// for audience, with the hotlines of region, placeholders filled. Empty
// audience or region, or language.Und, mean the defaults.
//
// A language s does not have is read as the language s has that its
// readers read (golang.org/x/text/language matching, kept to the same
// language in the same script: es-MX → es, pt-BR → pt, zh-TW → zh-Hant),
// with the warning "es-MX: using es"; any other is an error naming the
// closest languages s has (see ResolveFallback to print another language
// on purpose). Each message is looked up in this order, the first that
// has it winning: the user file's audience overrides, the user file's
// messages, the built-in audience overrides, the built-in messages. A key
// the language lacks comes from its parent language if s has one (a
// user's es-MX falls back to es, with one warning), else from English,
// with a warning per key. A list key the user writes with `+` (`signs+`)
// adds its items to the list the lookup finds below it.
// Warnings go to Doc.Warnings: the manifest and the summary show them.
// Which text is a machine draft is in Messages.Provenance, and
// Doc.MachineDrafts makes the warnings for the keys a document prints.
//
// Where the region has no text line, or its text line does not work in
// the document's language (the US hotline's texts are in English and
// Spanish only), a message written with a call-only form (`{text: "Call
// or text…", call_only: "Call…"}`) resolves to that form, and `sms_note`
// names the languages the text line works in (it is left out otherwise).
//
// Placeholders ({emergency}, {hotline}, …; see Placeholders) are filled
// from the region's hotlines. A text whose placeholder has no value in the
// region is left out of Messages, and a list item dropped, so layouts must
// skip a block whose message is absent. The hotlines' names are the
// document language's (English, with a warning, where it has none).
//
// Unknown names are *source.Diagnostic values with no file position (they come from
// the command line) and a hint listing the known names.
func (s *Set) Resolve(lang language.Tag, audience, region string) (*Doc, error) {
	return s.ResolveFallback(lang, language.Und, audience, region)
}

// ResolveFallback is Resolve, except that a language s has no text in is
// printed in fallback's language instead (when fallback is not
// language.Und), with a warning of rule RuleFallback: a poster in another
// language than the one asked for is made only when the user asks for it
// (`--fallback en`).
func (s *Set) ResolveFallback(lang, fallback language.Tag, audience, region string) (*Doc, error) {
	if audience == "" {
		audience = s.defAudience
	}
	if !slices.Contains(Audiences, audience) {
		return nil, &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("unknown audience `%s`", audience), Hint: source.KnownHint(audience, Audiences)}
	}
	if region == "" {
		region = s.defRegion
	}
	code, err := s.region(region)
	if err != nil {
		return nil, err
	}
	doc := &Doc{Region: code}
	l, warn, err := s.language(lang)
	switch {
	case err != nil && fallback == language.Und:
		return nil, err
	case err != nil:
		fl, _, ferr := s.language(fallback)
		if ferr != nil {
			return nil, ferr
		}
		doc.Warnings = append(doc.Warnings, s.fallbackWarning(lang, fallback, fl))
		l = fl
	case warn != "":
		doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Rule: RuleFallback, Message: warn, Hint: fallbackHint})
	}
	s.regionHotlines(doc, code)
	doc.Org = s.org

	lt, err := l.forAudience(audience)()
	if err != nil {
		return nil, brokenBuiltin(err)
	}
	m := Messages{Lang: l.tag, Name: lt.name, Native: lt.native, Audience: audience,
		Texts: map[string]source.Text{}, Lists: map[string][]source.Text{}, Provenance: map[string]Provenance{}}
	en := s.byTag["en"]
	chain := s.parents(l)
	r := &resolver{s: s, l: l, en: en, chain: chain, audience: audience, used: map[*langData]bool{}}

	values := placeholderValues(doc)
	if v, err := r.smsLanguages(doc); err != nil {
		return nil, err
	} else if v != "" {
		values["sms_languages"] = v
	}
	// The call-only wording is printed where texting the hotline would
	// not work for this reader.
	callOnly := values["sms"] == "" || values["sms_languages"] != ""
	pick := func(v variant) source.Text {
		if callOnly && v.CallOnly.S != "" {
			return v.CallOnly
		}
		return v.Text
	}
	for _, key := range MessageKeys {
		k, err := r.key(key)
		if err != nil {
			return nil, err
		}
		if k == nil {
			continue // cannot happen for built-in English, which has every key
		}
		if k.english && l != en {
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: s.userPos(l), Rule: RuleFallback, Message: fmt.Sprintf("%s: no `%s` in %s, using English", l.tag, key, lt.name), Hint: fallbackHint})
		}
		if IsListKey(key) {
			var items []source.Text
			for _, v := range k.items {
				t := pick(v)
				if f, ok := fill(t, values); ok {
					items = append(items, f)
				} else if !t.Pos.IsBuiltin() {
					doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: t.Pos, Rule: RuleLeftOut, Message: fmt.Sprintf("an item of `%s` is left out: %s", key, missingWhy(t, values, code))})
				}
			}
			if len(k.items) > MaxListItems {
				return nil, &source.Diagnostic{Severity: source.Error, Pos: k.appendPos, Message: fmt.Sprintf("`%s%s` makes the list %d items long; a list may have at most %d", key, AppendSuffix, len(k.items), MaxListItems),
					Hint: "add fewer items: a layout shows only a few"}
			}
			if len(items) > 0 {
				m.Lists[key] = items
				m.Provenance[key] = k.prov
			}
			continue
		}
		t := pick(k.text)
		if f, ok := fill(t, values); ok {
			m.Texts[key] = f
			m.Provenance[key] = k.prov
		} else if !t.Pos.IsBuiltin() && key != "sms_note" { // sms_note is left out on purpose
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: t.Pos, Rule: RuleLeftOut, Message: fmt.Sprintf("`%s` is left out: %s", key, missingWhy(t, values, code))})
		}
	}
	if err := r.names(doc, &m); err != nil {
		return nil, err
	}
	for _, p := range chain[1:] {
		if r.used[p] {
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Rule: RuleFallback, Message: fmt.Sprintf("%s: what %s does not say comes from %s", l.tag, l.tag, p.tag), Hint: fallbackHint})
		}
	}
	m.Status, m.Reviewed = lt.status, lt.date
	first := true
	for _, key := range append(slices.Clone(MessageKeys), NamesKey) {
		if p, ok := m.Provenance[key]; ok && (first || statusRank(p.Status) < statusRank(m.Status)) {
			m.Status, m.Reviewed, first = p.Status, p.Date, false
		}
	}
	if len(s.userSources[l.tag.String()]) > 0 {
		stale, err := s.Stale(l.tag, audience)
		if err != nil {
			return nil, err
		}
		if len(stale) > 0 {
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: s.userPos(l), Rule: RuleStaleTranslation,
				Message: fmt.Sprintf("%s: the English of `%s` changed since the %s text was reviewed", l.tag, strings.Join(stale, "`, `"), lt.name),
				Hint:    "have the translation reviewed again: handbill translate export --lang " + l.tag.String() + " marks these fuzzy"})
		}
	}
	doc.Messages = m
	return doc, nil
}

// fallbackWarning says that lang, which s has no text in, is printed in
// the fallback language l, as the user asked.
func (s *Set) fallbackWarning(lang, fallback language.Tag, l *langData) source.Diagnostic {
	return source.Diagnostic{Severity: source.Warning, Rule: RuleFallback, Lang: lang.String(),
		Message: fmt.Sprintf("%s: no text in %s; printing %s (%s) instead, as the fallback %s asks", lang, englishName(lang), l.infoOrTag().name, l.tag, fallback),
		Hint:    "these documents are not in the language their folder names: write the text in your content file (`messages: " + lang.String() + ": …`) to print it"}
}

// resolver looks up one document's keys: l is its language, chain l and
// the parent languages s has, en English.
type resolver struct {
	s        *Set
	l, en    *langData
	chain    []*langData
	audience string
	// used records the languages of chain that gave text.
	used map[*langData]bool
}

// layer is one message set of the lookup order, and where it is from.
type layer struct {
	set  *messageSet
	lang *langData
	text *langText
	user bool
}

// layers are p's message sets in lookup order: the user file's audience
// overrides and messages, then the built-in file's.
func (r *resolver) layers(p *langData) ([]layer, error) {
	t, err := p.forAudience(r.audience)()
	if err != nil {
		return nil, brokenBuiltin(err)
	}
	tag := p.tag.String()
	return []layer{
		{r.s.userAud[r.audience][tag], p, t, true},
		{r.s.userShared[tag], p, t, true},
		{t.audiences[r.audience], p, t, false},
		{t.shared, p, t, false},
	}, nil
}

// resolvedKey is one key looked up: its text, or its list's items, where
// they come from (the least reviewed part's provenance), and whether they
// are English standing in for the document's language.
type resolvedKey struct {
	text      variant
	items     []variant
	prov      Provenance
	english   bool
	appendPos source.Pos // of the last `key+` that added items
}

// key looks up key in the document's language, its parents, then English.
func (r *resolver) key(key string) (*resolvedKey, error) {
	k, err := r.keyIn(r.chain, key)
	if err != nil || k != nil || r.l == r.en {
		return k, err
	}
	k, err = r.keyIn([]*langData{r.en}, key)
	if k != nil {
		k.english = true
	}
	return k, err
}

// keyIn looks key up in the languages langs, in order. A list is the
// first list found with the items every `key+` above it adds (the lower
// ones first); `key+` with no list below it in these languages is the
// whole list.
func (r *resolver) keyIn(langs []*langData, key string) (*resolvedKey, error) {
	var adds []layer
	var k resolvedKey
	provs := []Provenance{}
	found := false
search:
	for _, p := range langs {
		ls, err := r.layers(p)
		if err != nil {
			return nil, err
		}
		for _, ly := range ls {
			switch {
			case !IsListKey(key) && ly.set.has(key):
				k.text = ly.set.texts[key]
				provs = append(provs, r.s.provenance(ly))
				r.used[p] = true
				found = true
				break search
			case IsListKey(key) && ly.set.has(key):
				k.items = slices.Clone(ly.set.lists[key])
				provs = append(provs, r.s.provenance(ly))
				r.used[p] = true
				found = true
				break search
			case IsListKey(key) && ly.set.hasAppend(key):
				adds = append(adds, ly)
			}
		}
	}
	if !found && len(adds) == 0 {
		return nil, nil
	}
	for i := len(adds) - 1; i >= 0; i-- {
		ly := adds[i]
		k.items = append(k.items, ly.set.appends[key]...)
		k.appendPos = ly.set.keyPos[key+AppendSuffix]
		provs = append(provs, r.s.provenance(ly))
		r.used[ly.lang] = true
	}
	k.prov = provs[0]
	for _, p := range provs[1:] {
		if statusRank(p.Status) < statusRank(k.prov.Status) {
			k.prov = p
		}
	}
	return &k, nil
}

// provenance is the provenance of the text of layer ly.
func (s *Set) provenance(ly layer) Provenance {
	p := Provenance{Lang: ly.lang.tag, Name: ly.text.name}
	if !ly.user {
		p.Status, p.Date = ly.text.status, ly.text.date
		return p
	}
	p.User = true
	if up, ok := s.userProv[ly.lang.tag.String()]; ok {
		p.Status, p.Reviewer, p.Date = up.Status, up.Reviewer, up.Date
		return p
	}
	p.Status = StatusUser
	return p
}

// statusRank orders review statuses, least reviewed first: a machine
// draft, the user's own text with no review stated, a community review, a
// professional one.
func statusRank(status string) int {
	switch status {
	case "machine-draft":
		return 0
	case StatusUser:
		return 1
	case "community-reviewed":
		return 2
	case "professional":
		return 3
	}
	return 0
}

// textLine is the document's text line: the first of its hotlines with a
// number to text, as {sms} is.
func textLine(doc *Doc) (Hotline, bool) {
	for _, h := range doc.Hotlines {
		if h.SMS != "" {
			return h, true
		}
	}
	return Hotline{}, false
}

// smsLanguages is what fills {sms_languages}: the languages the text line
// works in, named in the document's language and joined with its
// `list_or` ("English or Spanish"), or "" when the text line works in the
// document's language or there is none.
func (r *resolver) smsLanguages(doc *Doc) (string, error) {
	h, ok := textLine(doc)
	if !ok || h.Serves(ChannelSMS, r.l.tag) {
		return "", nil
	}
	or := "or"
	k, err := r.key("list_or")
	if err != nil {
		return "", err
	}
	if k != nil {
		or = k.text.S
	}
	var names []string
	for _, t := range h.SMSLanguages {
		names = append(names, r.s.languageName(r.l.tag, language.Make(t)))
	}
	return joinOr(names, or, r.l.tag), nil
}

// languageName is the name of language t in language in: CLDR's, through
// golang.org/x/text/language/display, where it has one in that language;
// else t's own name for itself (from its language file: "Español").
func (s *Set) languageName(in, t language.Tag) string {
	if displays(in) {
		n := display.Tags(in).Name(t)
		// display answers in English where it lacks a name.
		if n != "" && (sameLanguage(in, language.English) || n != display.English.Tags().Name(t)) {
			return n
		}
	}
	if l := s.byTag[t.String()]; l != nil {
		return l.infoOrTag().native
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return t.String()
}

// displayed is the languages golang.org/x/text/language/display names
// languages in.
var displayed = sync.OnceValue(func() []language.Tag { return display.Supported.Tags() })

// displays tells whether display has names in language t (it answers
// for others in a related language: Haitian Creole in French).
func displays(t language.Tag) bool {
	return slices.ContainsFunc(displayed(), func(d language.Tag) bool { return sameLanguage(d, t) })
}

// englishName is the English name of t, or t itself.
func englishName(t language.Tag) string {
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return t.String()
}

// joinOr joins names as a list of alternatives in language tag: "A or
// B", "A, B or C", with the separators its script uses (none between
// words in Chinese and Japanese, ZERO WIDTH SPACE in Thai and Khmer, an
// Arabic comma in Arabic script).
func joinOr(names []string, or string, tag language.Tag) string {
	space, comma := " ", ", "
	switch script, _ := tag.Script(); script.String() {
	case "Hans", "Hant", "Jpan":
		space, comma = "", "、"
	case "Thai", "Khmr", "Laoo", "Mymr":
		space, comma = "\u200b", " "
	case "Arab":
		comma = "، "
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], comma) + space + or + space + names[len(names)-1]
}

// names gives the document's hotlines their names in its language: the
// user file's `hotline_names`, then the language file's, through the
// parent languages; a line the language names nowhere keeps its English
// name (a user's own line, the name its entry gives), with a warning.
func (r *resolver) names(doc *Doc, m *Messages) error {
	var provs []Provenance
	warned := map[string]bool{}
	for _, h := range r.hotlinesOf(doc) {
		name, prov, ok, err := r.name(h.ID)
		if err != nil {
			return err
		}
		warn := func(d source.Diagnostic) { // once per line, however often it is printed
			if !warned[h.ID] {
				doc.Warnings = append(doc.Warnings, d)
			}
			warned[h.ID] = true
		}
		if !ok {
			name, prov = h.Name, Provenance{Lang: language.English, Name: "English", Status: StatusUser, User: true}
			if !h.Name.Pos.IsBuiltin() && r.s.isLocal(h.ID) {
				// The user's own line: its entry's name is in the user's
				// first language.
				if !sameLanguage(r.s.firstLang(), r.l.tag) {
					warn(source.Diagnostic{Severity: source.Warning, Pos: h.Name.Pos, Rule: RuleFallback,
						Message: fmt.Sprintf("%s: hotline `%s` has no name in %s; printing %q", r.l.tag, h.ID, m.Name, h.Name.S),
						Hint:    fmt.Sprintf("add its name under `hotline_names: %s: %s: …` in your content file", r.l.tag, h.ID)})
				}
			} else {
				if en, eprov, eok, err := r.nameIn([]*langData{r.en}, h.ID); err != nil {
					return err
				} else if eok {
					name, prov = en, eprov
				} else {
					prov = Provenance{Lang: language.English, Name: "English", Status: "machine-draft"}
				}
				if r.l != r.en {
					warn(source.Diagnostic{Severity: source.Warning, Pos: r.s.userPos(r.l), Rule: RuleFallback,
						Message: fmt.Sprintf("%s: hotline `%s` has no name in %s; printing its English name", r.l.tag, h.ID, m.Name),
						Hint:    fmt.Sprintf("add its name under `hotline_names: %s: %s: …` in your content file", r.l.tag, h.ID)})
				}
			}
		}
		h.Name = name
		provs = append(provs, prov)
	}
	for i, p := range provs {
		if i == 0 || statusRank(p.Status) < statusRank(m.Provenance[NamesKey].Status) {
			m.Provenance[NamesKey] = p
		}
	}
	return nil
}

// hotlinesOf is pointers to every hotline the document names.
func (r *resolver) hotlinesOf(doc *Doc) []*Hotline {
	var out []*Hotline
	for i := range doc.Hotlines {
		out = append(out, &doc.Hotlines[i])
	}
	for _, h := range []*Hotline{&doc.Emergency, &doc.Missing} {
		if h.ID != "" {
			out = append(out, h)
		}
	}
	return out
}

// name is hotline id's name in the document's language or a parent.
func (r *resolver) name(id string) (source.Text, Provenance, bool, error) {
	return r.nameIn(r.chain, id)
}

func (r *resolver) nameIn(langs []*langData, id string) (source.Text, Provenance, bool, error) {
	for _, p := range langs {
		t, err := p.forAudience(r.audience)()
		if err != nil {
			return source.Text{}, Provenance{}, false, brokenBuiltin(err)
		}
		if n, ok := r.s.userNames[p.tag.String()][id]; ok {
			return n, r.s.provenance(layer{lang: p, text: t, user: true}), true, nil
		}
		if n, ok := t.names[id]; ok {
			return n, r.s.provenance(layer{lang: p, text: t}), true, nil
		}
	}
	return source.Text{}, Provenance{}, false, nil
}

// MachineDrafts returns a warning (rule RuleMachineDraft) for each
// language whose machine-drafted text the document prints, naming the
// keys: keys are the message keys a layout prints (NamesKey for the
// hotlines' names), nil for every key resolved. --require-reviewed makes
// them errors.
func (d *Doc) MachineDrafts(keys []string) []source.Diagnostic {
	type group struct {
		prov Provenance
		keys []string
	}
	var groups []*group
	total := 0
	for _, key := range append(slices.Clone(MessageKeys), NamesKey) {
		p, ok := d.Messages.Provenance[key]
		if !ok || keys != nil && !slices.Contains(keys, key) {
			continue
		}
		total++
		if p.Status != "machine-draft" {
			continue
		}
		i := slices.IndexFunc(groups, func(g *group) bool { return g.prov.Lang == p.Lang && g.prov.User == p.User })
		if i < 0 {
			groups = append(groups, &group{prov: p})
			i = len(groups) - 1
		}
		groups[i].keys = append(groups[i].keys, key)
	}
	var out []source.Diagnostic
	for _, g := range groups {
		what := "the " + g.prov.Name + " text"
		if len(g.keys) < total {
			what += " of `" + strings.Join(g.keys, "`, `") + "`"
		}
		// English is the text the others are translated from: it needs a
		// reviewer who works in child protection, not a native speaker.
		reviewer := "have a native speaker review the translation"
		if base, _ := g.prov.Lang.Base(); base.String() == "en" {
			reviewer = "have someone who works in child protection review the text"
		}
		hint := reviewer + ", then put the reviewed text in your content file with `provenance: " + g.prov.Lang.String() + ": {status: community-reviewed, reviewer: …, date: …}` (see the content format)"
		if g.prov.User {
			what += " (in your content file)"
			hint = "have a native speaker review it, then set its `provenance` status to community-reviewed or professional"
		}
		out = append(out, source.Diagnostic{Severity: source.Warning, Rule: RuleMachineDraft,
			Message: fmt.Sprintf("%s: %s is a machine draft, not yet reviewed", g.prov.Lang, what), Hint: hint})
	}
	return out
}

// parents returns l and the languages s has that l's tag falls back to
// (es-MX: es-MX, es-419, es), before English.
func (s *Set) parents(l *langData) []*langData {
	chain := []*langData{l}
	for t := l.tag.Parent(); t != language.Und; t = t.Parent() {
		if p := s.byTag[t.String()]; p != nil && !slices.Contains(chain, p) && t != language.English {
			chain = append(chain, p)
		}
	}
	return chain
}

// language finds the language to print for lang, and the warning when it
// is another tag (es-MX: using es).
func (s *Set) language(lang language.Tag) (*langData, string, error) {
	if lang == language.Und {
		if len(s.defLangs) > 0 {
			lang = s.defLangs[0]
		} else {
			lang = language.English
		}
	}
	l, ok := s.match(lang)
	if !ok {
		return nil, "", s.noLanguage(lang, "")
	}
	if l.tag == lang {
		return l, "", nil
	}
	return l, fmt.Sprintf("%s: using %s", lang, l.tag), nil
}

// match finds the language s prints for want: want itself, or the
// language s has that a reader of want reads, by
// golang.org/x/text/language's matching, kept to the same language in the
// same script (es-MX → es, zh-TW → zh-Hant, cmn → zh-Hans). The matcher
// alone offers English for Urdu or Klingon, with high confidence: a
// fallback to another language is the user's choice (--fallback), never
// made here.
func (s *Set) match(want language.Tag) (*langData, bool) {
	if l := s.byTag[want.String()]; l != nil {
		return l, true
	}
	_, i, c := s.matcher.Match(want)
	if c == language.No {
		return nil, false
	}
	l := s.langs[i]
	if c == language.Exact || sameLanguage(l.tag, want) {
		return l, true
	}
	return nil, false
}

// Lookup returns the language s prints for tag: tag itself, or the
// language of a regional variant (es-MX → es). A language s has no text
// in is an error (no position) naming the closest it has.
func (s *Set) Lookup(tag language.Tag) (language.Tag, error) {
	l, ok := s.match(tag)
	if !ok {
		return language.Und, s.noLanguage(tag, "")
	}
	return l.tag, nil
}

// noLanguage is the error for a language s has no text in; how says how
// to add text in it ("" for the content file's messages).
func (s *Set) noLanguage(want language.Tag, how string) *source.Diagnostic {
	if how == "" {
		how = "write the text in a content file (`messages: " + want.String() + ": …`)"
	}
	hint := "'handbill list languages' shows the " + strconv.Itoa(len(s.langs)) + " languages handbill has"
	if near := s.closest(want); len(near) > 0 {
		hint = "closest: " + strings.Join(near, ", ")
	}
	hint += "; add --fallback TAG to print one of them instead, on purpose, or " + how
	msg := fmt.Sprintf("no text in language `%s`", want)
	if n := englishName(want); n != want.String() {
		msg += " (" + n + ")"
	}
	return &source.Diagnostic{Severity: source.Error, Message: msg, Hint: hint}
}

// closest lists the languages s has that are nearest to want, as "ar
// (Arabic)": the same language in another script, languages written in
// the same script (unless Latin, which too many share), and a tag one
// typo away.
func (s *Set) closest(want language.Tag) []string {
	var out []string
	add := func(l *langData) {
		e := fmt.Sprintf("%s (%s)", l.tag, l.infoOrTag().name)
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	wb, _ := want.Base()
	ws, sc := want.Script()
	for _, l := range s.langs {
		if b, _ := l.tag.Base(); b == wb {
			add(l)
		}
	}
	if sc != language.No && ws.String() != "Latn" && ws.String() != "Zzzz" {
		for _, l := range s.langs {
			if sc, _ := l.tag.Script(); sc == ws {
				add(l)
			}
		}
	}
	var tags []string
	for _, l := range s.langs {
		tags = append(tags, l.tag.String())
	}
	if t := source.Suggest(want.String(), tags); t != "" {
		add(s.byTag[t])
	}
	return out[:min(len(out), 4)]
}

// region normalises a region code and checks it exists.
func (s *Set) region(code string) (string, error) {
	up := strings.ToUpper(strings.TrimSpace(code))
	var codes []string
	for _, r := range s.regions {
		if r.Code.S == up {
			return up, nil
		}
		codes = append(codes, r.Code.S)
	}
	return "", &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("unknown region `%s`", code), Hint: source.KnownHint(up, codes)}
}

// regionHotlines fills the document's hotlines: the region's, then the
// lines the user's file lists that the region does not have.
func (s *Set) regionHotlines(doc *Doc, code string) {
	i := slices.IndexFunc(s.regions, func(r regionSpec) bool { return r.Code.S == code })
	r := s.regions[i]
	for _, id := range r.Hotlines {
		doc.Hotlines = append(doc.Hotlines, s.hotlines[s.byID[id.S]])
	}
	for _, id := range s.local {
		if !slices.ContainsFunc(r.Hotlines, func(t source.Text) bool { return t.S == id }) {
			doc.Hotlines = append(doc.Hotlines, s.hotlines[s.byID[id]])
		}
	}
	if r.Emergency.S != "" {
		doc.Emergency = s.hotlines[s.byID[r.Emergency.S]]
	}
	if r.Missing.S != "" {
		doc.Missing = s.hotlines[s.byID[r.Missing.S]]
	}
	// Each document gets its own copies of the lists: names are set per
	// language.
	for i := range doc.Hotlines {
		doc.Hotlines[i] = doc.Hotlines[i].clone()
	}
	doc.Emergency, doc.Missing = doc.Emergency.clone(), doc.Missing.clone()
}

// clone copies h with its own slices.
func (h Hotline) clone() Hotline {
	h.CallLanguages = slices.Clone(h.CallLanguages)
	h.SMSLanguages = slices.Clone(h.SMSLanguages)
	h.WebLanguages = slices.Clone(h.WebLanguages)
	return h
}

// placeholderValues computes what fills each placeholder for a document;
// a placeholder with no value is absent.
func placeholderValues(doc *Doc) map[string]string {
	v := map[string]string{}
	if doc.Emergency.Display != "" {
		v["emergency"] = doc.Emergency.Display
	}
	if doc.Missing.Display != "" {
		v["missing"] = doc.Missing.Display
	}
	for _, h := range doc.Hotlines {
		if h.Display != "" && v["hotline"] == "" {
			v["hotline"] = h.Display
			if h.PhoneLanguages > 0 {
				v["languages"] = strconv.Itoa(h.PhoneLanguages)
			}
		}
		if h.SMS != "" && v["sms"] == "" {
			v["sms"] = h.SMS
			if h.SMSKeyword != "" {
				v["sms_keyword"] = h.SMSKeyword
			}
		}
		if h.Web != "" && v["web"] == "" {
			v["web"] = h.Web
		}
	}
	return v
}

// fill replaces the placeholders in t; ok is false if one has no value.
func fill(t source.Text, values map[string]string) (source.Text, bool) {
	if !strings.Contains(t.S, "{") {
		return t, true // most texts have none
	}
	ok := true
	t.S = placeholderRE().ReplaceAllStringFunc(t.S, func(m string) string {
		v, has := values[m[1:len(m)-1]]
		if !has {
			ok = false
		}
		return v
	})
	return t, ok
}

func missingWhy(t source.Text, values map[string]string, region string) string {
	var missing []string
	for _, p := range placeholdersIn(t.S) {
		if _, ok := values[p]; !ok {
			missing = append(missing, "{"+p+"}")
		}
	}
	return fmt.Sprintf("region %s has no value for %s", region, strings.Join(missing, ", "))
}

// userPos is where the user's content file gives messages in l's
// language: where text it lacks would go. Zero if it gives none.
func (s *Set) userPos(l *langData) source.Pos {
	if m := s.userShared[l.tag.String()]; m != nil {
		return m.pos
	}
	return source.Pos{}
}

// fallbackHint is the advice on text that comes from another language.
const fallbackHint = "add the text in this language to your content file, or choose a built-in language"
