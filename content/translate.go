package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"handbill/source"
)

// Entry is one translatable unit of a language for one audience, as
// written (placeholders not filled): a text message (Index -1) or one
// item of a list (Index 0, 1, …). It is what the translate stage exports
// to translators and checks their work against.
type Entry struct {
	Key   string
	Index int // -1 for a text message
	// ID is the hotline whose name it is, when Key is NamesKey.
	ID string
	// Text is the text as written, with its position (the file and line
	// a translator's tool shows); CallOnly its call-only form, if any.
	Text, CallOnly source.Text
	// Prov is who wrote the text and how far it is reviewed; English
	// tells that the language lacks the key and the text is English's.
	Prov    Provenance
	English bool
}

// Context is the entry's name in a translation file: the key, "signs[3]"
// for an item of a list.
func (e Entry) Context() string {
	if e.Key == NamesKey {
		return NamesKey + "/" + e.ID
	}
	if e.Index < 0 {
		return e.Key
	}
	return fmt.Sprintf("%s[%d]", e.Key, e.Index)
}

// Entries lists what lang says to audience, in MessageKeys order, as
// written, without filling placeholders or picking call-only forms.
func (s *Set) Entries(lang language.Tag, audience string) ([]Entry, error) {
	if audience == "" {
		audience = s.defAudience
	}
	l, _, err := s.language(lang)
	if err != nil {
		return nil, err
	}
	r := &resolver{s: s, l: l, en: s.byTag["en"], chain: s.parents(l), audience: audience, used: map[*langData]bool{}}
	var out []Entry
	for _, key := range MessageKeys {
		k, err := r.key(key)
		if err != nil {
			return nil, err
		}
		if k == nil {
			continue
		}
		if !IsListKey(key) {
			out = append(out, Entry{Key: key, Index: -1, Text: k.text.Text, CallOnly: k.text.CallOnly, Prov: k.prov, English: k.english})
			continue
		}
		for i, v := range k.items {
			out = append(out, Entry{Key: key, Index: i, Text: v.Text, CallOnly: v.CallOnly, Prov: k.prov, English: k.english})
		}
	}
	return out, nil
}

// NameEntries lists the names of the directory's hotlines in lang (Key
// NamesKey, ID the line's id), in the directory's order; English's
// (English true) where lang has none.
func (s *Set) NameEntries(lang language.Tag) ([]Entry, error) {
	l, _, err := s.language(lang)
	if err != nil {
		return nil, err
	}
	r := &resolver{s: s, l: l, en: s.byTag["en"], chain: s.parents(l), audience: "community", used: map[*langData]bool{}}
	var out []Entry
	for _, h := range s.hotlines {
		n, prov, ok, err := r.nameIn(r.chain, h.ID)
		if err != nil {
			return nil, err
		}
		e := Entry{Key: NamesKey, Index: -1, ID: h.ID, Text: n, Prov: prov}
		if !ok {
			if n, prov, ok, err = r.nameIn([]*langData{r.en}, h.ID); err != nil {
				return nil, err
			}
			if !ok {
				n, prov = h.Name, Provenance{Lang: language.English, Status: StatusUser, User: true}
			}
			e.Text, e.Prov, e.English = n, prov, true
		}
		out = append(out, e)
	}
	return out, nil
}

// SourceHash is the short hash of an English source text that a review
// records (provenance `sources:`): when the English changes, the
// translation reviewed against it is stale.
func SourceHash(english string) string {
	h := sha256.Sum256([]byte(strings.TrimSpace(english)))
	return hex.EncodeToString(h[:6])
}

// SourceHash is the hash of the entry's English (SourceHash of its text,
// and of its call-only form when it has one), as a review records it.
func (e Entry) SourceHash() string {
	if e.CallOnly.S == "" {
		return SourceHash(e.Text.S)
	}
	return SourceHash(e.Text.S + "\n" + e.CallOnly.S)
}

// ReviewedSources returns, for the user file's provenance of lang, the
// hash of the English source each context was reviewed against
// (`provenance: LANG: sources: {CONTEXT: HASH}`), or nil.
func (s *Set) ReviewedSources(lang language.Tag) map[string]string {
	return s.userSources[lang.String()]
}

// UserFile is the path of the user's content file, "" if none.
func (s *Set) UserFile() string { return s.userFile }

// UserProvenance is what the user file says about the review of its text
// in lang, and whether it says anything.
func (s *Set) UserProvenance(lang language.Tag) (Provenance, bool) {
	p, ok := s.userProv[lang.String()]
	return p, ok
}

// RuleStaleTranslation: a reviewed translation whose English source has
// changed since the review.
const RuleStaleTranslation = "stale-translation"

// Stale lists the contexts of lang (for audience) whose recorded source
// hash differs from the hash of the current English source. An audience's
// messages are recorded as "AUDIENCE/CONTEXT" (the hotlines' names, the
// same for every audience, as "hotline_names/ID"); the contexts returned
// have no audience.
func (s *Set) Stale(lang language.Tag, audience string) ([]string, error) {
	src := s.ReviewedSources(lang)
	if len(src) == 0 {
		return nil, nil
	}
	en, err := s.Entries(language.English, audience)
	if err != nil {
		return nil, err
	}
	names, err := s.NameEntries(language.English)
	if err != nil {
		return nil, err
	}
	en = append(en, names...)
	prefix := ""
	if audience != "" && audience != "community" {
		prefix = audience + "/"
	}
	var stale []string
	for _, e := range en {
		k := prefix + e.Context()
		if e.Key == NamesKey {
			k = e.Context()
		}
		if h, ok := src[k]; ok && h != e.SourceHash() {
			stale = append(stale, e.Context())
		}
	}
	return stale, nil
}
