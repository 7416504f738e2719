package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"handbill/source"

	"golang.org/x/text/language"
)

// Resolve returns what one document says: the messages in language lang
// for audience, with the hotlines of region, placeholders filled. Empty
// audience or region, or language.Und, mean the defaults.
//
// A language s does not have is matched to the closest one it has
// (golang.org/x/text/language: es-MX → es), with the warning "es-MX: using
// es"; one with no close match is an error. Each message is looked up in
// this order, the first that has it winning: the user file's audience
// overrides, the user file's messages, the built-in audience overrides,
// the built-in messages. A key the language lacks comes from its parent
// language if s has one (a user's es-MX falls back to es, with one
// warning), else from English, with a warning per key. Each machine-drafted
// language that supplies text adds a warning too.
// Warnings go to Doc.Warnings: the manifest and the summary show them.
//
// Placeholders ({emergency}, {hotline}, …; see Placeholders) are filled
// from the region's hotlines. A text whose placeholder has no value in the
// region is left out of Messages, and a list item dropped, so layouts must
// skip a block whose message is absent.
//
// Unknown names are *source.Diagnostic values with no file position (they come from
// the command line) and a hint listing the known names.
func (s *Set) Resolve(lang language.Tag, audience, region string) (*Doc, error) {
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
	if err != nil {
		return nil, err
	}
	if warn != "" {
		doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Rule: RuleFallback, Message: warn, Hint: fallbackHint})
	}
	s.regionHotlines(doc, code)
	doc.Org = s.org

	lt, err := l.forAudience(audience)()
	if err != nil {
		return nil, brokenBuiltin(err)
	}
	m := Messages{Lang: l.tag, Name: lt.name, Native: lt.native, Audience: audience,
		Status: lt.status, Reviewed: lt.date, Texts: map[string]source.Text{}, Lists: map[string][]source.Text{}}
	values := placeholderValues(doc)
	en := s.byTag["en"]
	chain := s.parents(l)
	used := map[*langData]*langText{}
	for _, key := range MessageKeys {
		var set *messageSet
		for _, p := range chain {
			if set, err = s.lookup(p, audience, key, used); err != nil {
				return nil, err
			}
			if set != nil {
				break
			}
		}
		if set == nil && l != en {
			if set, err = s.lookup(en, audience, key, used); err != nil {
				return nil, err
			}
			if set != nil {
				doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: s.userPos(l), Rule: RuleFallback, Message: fmt.Sprintf("%s: no `%s` in %s, using English", l.tag, key, lt.name), Hint: fallbackHint})
			}
		}
		if set == nil {
			continue // cannot happen for built-in English, which has every key
		}
		if IsListKey(key) {
			var items []source.Text
			for _, t := range set.lists[key] {
				if f, ok := fill(t, values); ok {
					items = append(items, f)
				} else if !t.Pos.IsBuiltin() {
					doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: t.Pos, Rule: RuleLeftOut, Message: fmt.Sprintf("an item of `%s` is left out: %s", key, missingWhy(t, values, code))})
				}
			}
			if len(items) > 0 {
				m.Lists[key] = items
			}
			continue
		}
		t := set.texts[key]
		if f, ok := fill(t, values); ok {
			m.Texts[key] = f
		} else if !t.Pos.IsBuiltin() {
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Pos: t.Pos, Rule: RuleLeftOut, Message: fmt.Sprintf("`%s` is left out: %s", key, missingWhy(t, values, code))})
		}
	}
	for _, p := range append(chain, en) {
		pt := used[p]
		if pt == nil {
			continue
		}
		delete(used, p) // report each language once
		if p != l && p != en {
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Rule: RuleFallback, Message: fmt.Sprintf("%s: what %s does not say comes from %s", l.tag, l.tag, p.tag), Hint: fallbackHint})
		}
		if pt.status == "machine-draft" && (p != en || l == en) {
			doc.Warnings = append(doc.Warnings, source.Diagnostic{Severity: source.Warning, Rule: RuleMachineDraft, Message: fmt.Sprintf("%s: the %s text is a machine draft, not yet reviewed", p.tag, pt.name),
				Hint: "have a native speaker review the translation, then set its provenance status"})
		}
	}
	doc.Messages = m
	return doc, nil
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

// language finds the language to print for lang, and the fallback warning.
func (s *Set) language(lang language.Tag) (*langData, string, error) {
	if lang == language.Und {
		if len(s.defLangs) > 0 {
			lang = s.defLangs[0]
		} else {
			lang = language.English
		}
	}
	if l := s.byTag[lang.String()]; l != nil {
		return l, "", nil
	}
	_, i, c := s.matcher.Match(lang)
	if c == language.No {
		return nil, "", &source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("no content in language `%s`", lang),
			Hint: s.languageHint(lang.String())}
	}
	l := s.langs[i]
	return l, fmt.Sprintf("%s: using %s", lang, l.tag), nil
}

// lookup returns the message set that has key for language l and
// audience, in overlay order, or nil; a language that has the key is
// recorded in used, with its text (decoded here on first use).
func (s *Set) lookup(l *langData, audience, key string, used map[*langData]*langText) (*messageSet, error) {
	t, err := l.forAudience(audience)()
	if err != nil {
		return nil, brokenBuiltin(err)
	}
	tag := l.tag.String()
	for _, m := range []*messageSet{s.userAud[audience][tag], s.userShared[tag], t.audiences[audience], t.shared} {
		if m.has(key) {
			used[l] = t
			return m, nil
		}
	}
	return nil, nil
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
	t.S = placeholderRE.ReplaceAllStringFunc(t.S, func(m string) string {
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
