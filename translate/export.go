package translate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"handbill/build"
	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/third_party/display"
)

// Generator names handbill in the PO header (X-Generator).
const Generator = "handbill translate"

// CallOnlySuffix marks the call-only form of a message in a PO context:
// "card_front#call_only", "do[1]#call_only".
const CallOnlySuffix = "#call_only"

// Unit is one message of a language in the translate loop: its context,
// the English source and the language's current text, and what is known
// about it.
type Unit struct {
	Context  string // "headline", "signs[3]", "do[1]#call_only"; "AUDIENCE/…" outside community
	Key      string
	Index    int    // -1 for a text message
	ID       string // the hotline, for a name (Key content.NamesKey)
	CallOnly bool
	English  string
	Current  string // "" when the language lacks it (English stands in)
	Entry    content.Entry
	Stale    bool
	Missing  bool
}

// Reviewed tells whether the unit's current text is reviewed by a person.
func (u *Unit) Reviewed() bool {
	s := u.Entry.Prov.Status
	return !u.Missing && (s == "community-reviewed" || s == "professional")
}

// Draft tells whether the current text is a machine draft.
func (u *Unit) Draft() bool { return !u.Missing && u.Entry.Prov.Status == "machine-draft" }

// Units lists lang's messages for audience, matched with English's by
// context. A list item the language has beyond the English list is not
// listed (its English source is unknown).
func Units(s *content.Set, lang language.Tag, audience string) ([]*Unit, error) {
	if audience == "" {
		audience = "community"
	}
	en, err := s.Entries(language.English, audience)
	if err != nil {
		return nil, err
	}
	tr, err := s.Entries(lang, audience)
	if err != nil {
		return nil, err
	}
	if audience == "community" {
		// The hotlines' names are the same for every audience.
		ne, err := s.NameEntries(language.English)
		if err != nil {
			return nil, err
		}
		nt, err := s.NameEntries(lang)
		if err != nil {
			return nil, err
		}
		en, tr = append(en, ne...), append(tr, nt...)
	}
	cur := map[string]content.Entry{}
	for _, e := range tr {
		cur[e.Context()] = e
	}
	stale := map[string]bool{}
	if ss, err := s.Stale(lang, audience); err != nil {
		return nil, err
	} else {
		for _, c := range ss {
			stale[c] = true
		}
	}
	prefix := ""
	if audience != "community" {
		prefix = audience + "/"
	}
	var out []*Unit
	for _, e := range en {
		c := e.Context()
		t, has := cur[c]
		missing := !has || t.English
		if !has {
			t = content.Entry{Key: e.Key, Index: e.Index}
		}
		u := &Unit{Context: prefix + c, Key: e.Key, Index: e.Index, ID: e.ID, English: e.Text.S, Entry: t, Missing: missing, Stale: stale[c]}
		if !missing {
			u.Current = t.Text.S
		}
		out = append(out, u)
		if e.CallOnly.S != "" {
			co := *u
			co.Context, co.CallOnly, co.English, co.Current = prefix+c+CallOnlySuffix, true, e.CallOnly.S, ""
			if !missing {
				co.Current = t.CallOnly.S
			}
			out = append(out, &co)
		}
	}
	return out, nil
}

// Products maps each message key to the built-in products (layout names)
// that print it.
func Products() (map[string][]string, error) {
	ls, err := layouts.Builtin()
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(ls))
	for n := range ls {
		names = append(names, n)
	}
	sort.Strings(names)
	out := map[string][]string{}
	for _, n := range names {
		for _, k := range build.PrintedKeys(layouts.Target{Layout: ls[n]}) {
			if !slices.Contains(out[k], n) {
				out[k] = append(out[k], n)
			}
		}
	}
	return out, nil
}

// pluralForms is the Plural-Forms header of a language (gettext's
// table); handbill's messages have no plurals, but translators' tools
// want the header.
func pluralForms(lang language.Tag) string {
	base, _ := lang.Base()
	switch base.String() {
	case "vi", "zh", "ja", "ko", "th", "km", "hmn", "lo", "my", "id", "ms":
		return "nplurals=1; plural=0;"
	case "fr", "pt", "fil", "tl", "hi", "pa", "am", "fa", "hy", "ht":
		if lang.String() == "pt" || strings.HasPrefix(lang.String(), "pt-PT") {
			return "nplurals=2; plural=(n != 1);"
		}
		return "nplurals=2; plural=(n > 1);"
	case "ru", "uk":
		return "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
	case "pl":
		return "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
	case "ar":
		return "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
	}
	return "nplurals=2; plural=(n != 1);"
}

// ExportOptions says what to export.
type ExportOptions struct {
	Lang     language.Tag
	Audience string
	// Date fills PO-Revision-Date ("YYYY-MM-DD HH:MM+0000").
	Date string
	// Fonts, when set, are the faces to measure each message's room with
	// (see Room): a second or two per language.
	Fonts *fonts.Registry
}

// Export writes lang's messages as a PO file: per message the context
// (key, "AUDIENCE/key", "signs[3]"), the English source as msgid, the
// current text as msgstr, comments for the translator (what the message
// is, which products print it, its status), the file:line of the current
// text, and the fuzzy flag on machine drafts and on reviewed texts whose
// English changed since (stale).
func Export(s *content.Set, o ExportOptions) (*File, error) {
	units, err := Units(s, o.Lang, o.Audience)
	if err != nil {
		return nil, err
	}
	prods, err := Products()
	if err != nil {
		return nil, err
	}
	var room map[string]map[string]int
	if o.Fonts != nil {
		if room, err = Room(s, o.Lang, o.Audience, o.Fonts); err != nil {
			return nil, err
		}
	}
	name := display.English.Languages().Name(o.Lang)
	f := &File{Header: []HeaderField{
		{"Project-Id-Version", "handbill"},
		{"Report-Msgid-Bugs-To", ""},
		{"POT-Creation-Date", o.Date},
		{"PO-Revision-Date", o.Date},
		{"Last-Translator", "none yet <>"},
		{"Language-Team", name + " <>"},
		{"Language", o.Lang.String()},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Content-Transfer-Encoding", "8bit"},
		{"Plural-Forms", pluralForms(o.Lang)},
		{"X-Generator", Generator},
	}}
	if a := o.Audience; a != "" && a != "community" {
		f.Header = append(f.Header, HeaderField{"X-Handbill-Audience", a})
	}
	for _, u := range units {
		e := &Entry{Context: u.Context, HasContext: true, ID: u.English, Str: u.Current}
		what := content.KeyDescription(u.Key)
		if u.Key == content.NamesKey {
			what = fmt.Sprintf("The name of the hotline `%s`, printed next to its number.", u.ID)
		}
		if u.Index >= 0 {
			what = fmt.Sprintf("Item %d of the list `%s`. %s", u.Index+1, u.Key, what)
		}
		if u.CallOnly {
			what = "Call-only form, printed where texting the hotline does not work for this reader. " + what
		}
		e.Extracted = append(e.Extracted, what)
		if p := prods[u.Key]; len(p) > 0 {
			e.Extracted = append(e.Extracted, "Printed on: "+strings.Join(p, ", ")+".")
		} else {
			e.Extracted = append(e.Extracted, "Printed on: no built-in product (your own layouts may print it).")
		}
		if r := roomLine(room[u.Key]); r != "" && u.Index < 0 && u.Key != content.NamesKey {
			e.Extracted = append(e.Extracted, r)
		}
		if ph := placeholders(u.English); len(ph) > 0 {
			e.Extracted = append(e.Extracted, "Keep the placeholders "+strings.Join(ph, ", ")+" as they are: handbill fills them with numbers and addresses.")
		}
		switch {
		case u.Missing:
			e.Extracted = append(e.Extracted, "Not yet translated: English is printed.")
		case u.Stale:
			e.Extracted = append(e.Extracted, "Stale: the English changed since this was reviewed"+by(u.Entry.Prov)+".")
			e.Flags = append(e.Flags, "fuzzy")
		case u.Draft():
			e.Extracted = append(e.Extracted, "Machine draft: not yet reviewed by a person.")
			e.Flags = append(e.Flags, "fuzzy")
		case u.Reviewed():
			e.Extracted = append(e.Extracted, "Reviewed"+by(u.Entry.Prov)+".")
		}
		if p := u.Entry.Text.Pos; p.Line > 0 && !u.Missing {
			e.References = append(e.References, reference(p.File, p.Line))
		}
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

func by(p content.Provenance) string {
	s := ""
	if p.Reviewer != "" {
		s += " by " + p.Reviewer
	}
	if p.Date != "" {
		s += " on " + p.Date
	}
	return s
}

// reference is a PO reference to file:line: built-in files by their path
// in handbill's source, spaces (which separate references) escaped.
func reference(file string, line int) string {
	if rest, ok := strings.CutPrefix(file, "built-in content/"); ok {
		file = "content/builtin/" + rest
	}
	file = strings.ReplaceAll(file, " ", "%20")
	return fmt.Sprintf("%s:%d", file, line)
}

// placeholders lists the {name}s in s, in order, each once.
func placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRE().FindAllString(s, -1) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}
