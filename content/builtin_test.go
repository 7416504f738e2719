package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func builtins(t *testing.T) *builtinSet {
	t.Helper()
	b, err := loadBuiltins()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func langByTag(b *builtinSet, tag string) *langData {
	for _, l := range b.langs {
		if l.tag.String() == tag {
			return l
		}
	}
	return nil
}

// textOf decodes what l's file says, the whole file at once (as
// TestLazyPartsMatchFile shows, the same as decoding it in parts).
func textOf(t *testing.T, l *langData) *langText {
	t.Helper()
	lt, err := l.full()
	if err != nil {
		t.Fatal(err)
	}
	return lt
}

// keysOf lists the keys a message set has.
func keysOf(m *messageSet) []string {
	var out []string
	for _, k := range MessageKeys {
		if m.has(k) {
			out = append(out, k)
		}
	}
	return out
}

func TestBuiltinLanguagesHaveEveryKey(t *testing.T) {
	b := builtins(t)
	if b.langs[0].tag.String() != "en" || langByTag(b, "es") == nil {
		t.Fatalf("built-in languages: English first, Spanish too")
	}
	for _, l := range b.langs {
		if got := keysOf(textOf(t, l).shared); !slices.Equal(got, MessageKeys) {
			t.Errorf("%s: messages has %v, want every key %v", l.tag, got, MessageKeys)
		}
	}
}

// Every translation overrides the same keys per audience as English, so
// a youth poster never mixes youth and community wording.
func TestBuiltinAudiencesMatchEnglish(t *testing.T) {
	b := builtins(t)
	en := textOf(t, b.langs[0])
	// Youth is written in full; the other audiences have at least their
	// own headline and intro.
	youth := keysOf(en.audiences["youth"])
	for _, k := range []string{"headline", "intro", "signs_title", "signs", "do_title", "do", "recruit_title", "recruit",
		"vulnerable_title", "vulnerable", "protect_title", "protect", "info_title", "info", "qr_caption"} {
		if !slices.Contains(youth, k) {
			t.Errorf("en youth does not write its own %s", k)
		}
	}
	for _, aud := range []string{"parents", "educators", "clinicians"} {
		got := keysOf(en.audiences[aud])
		if !slices.Contains(got, "headline") || !slices.Contains(got, "intro") {
			t.Errorf("en %s has %v, want at least headline and intro", aud, got)
		}
	}
	if en.audiences["community"] != nil {
		t.Error("community is the default: its text is `messages`, not an audience override")
	}
	// A translation may override more (Spanish speaks to youth as "tú"),
	// never less.
	for _, l := range b.langs[1:] {
		lt := textOf(t, l)
		for _, aud := range Audiences {
			got := keysOf(lt.audiences[aud])
			for _, k := range keysOf(en.audiences[aud]) {
				if !slices.Contains(got, k) {
					t.Errorf("%s %s does not override %s, as English does", l.tag, aud, k)
				}
			}
		}
	}
}

// Every text of a translation has the same placeholders as the English.
func TestBuiltinPlaceholdersMatchEnglish(t *testing.T) {
	b := builtins(t)
	en := textOf(t, b.langs[0])
	phs := func(m *messageSet, k string) []string {
		var all []string
		if IsListKey(k) {
			for _, t := range m.lists[k] {
				all = append(all, placeholdersIn(t.S)...)
			}
		} else {
			all = placeholdersIn(m.texts[k].S)
		}
		slices.Sort(all)
		return all
	}
	for _, l := range b.langs[1:] {
		lt := textOf(t, l)
		sets := map[string]*messageSet{"": lt.shared}
		for aud, m := range lt.audiences {
			sets[aud] = m
		}
		for aud, m := range sets {
			for _, k := range keysOf(m) {
				enm := en.shared // what English says for this audience
				if en.audiences[aud].has(k) {
					enm = en.audiences[aud]
				}
				if got, want := phs(m, k), phs(enm, k); !slices.Equal(got, want) {
					t.Errorf("%s %s %s: placeholders %v, English has %v", l.tag, aud, k, got, want)
				}
			}
		}
	}
}

func TestBuiltinProvenance(t *testing.T) {
	for _, bl := range builtins(t).langs {
		l := textOf(t, bl)
		if l.name == "" || l.native == "" || l.source == "" {
			t.Errorf("%s: name %q native %q source %q", bl.tag, l.name, l.native, l.source)
		}
		if !slices.Contains(Statuses, l.status) {
			t.Errorf("%s: status %q", bl.tag, l.status)
		}
		if d, err := time.Parse(time.DateOnly, l.date); err != nil || d.After(time.Now()) {
			t.Errorf("%s: date %q", bl.tag, l.date)
		}
	}
	// Nobody who speaks Spanish natively has reviewed it yet: say so.
	if es := textOf(t, langByTag(builtins(t), "es")); es.status != "machine-draft" {
		t.Errorf("es status %q: it has not been reviewed by a native speaker", es.status)
	}
}

// Trauma-informed wording: no word that makes the child the offender or
// to blame, in any language.
var blaming = regexp.MustCompile(`(?i)prostitut|child prostitute|john|pimp|promiscu|runaway kid|their fault|su culpa por`)

func TestBuiltinWordingTraumaInformed(t *testing.T) {
	for _, bl := range builtins(t).langs {
		l := textOf(t, bl)
		for _, m := range append([]*messageSet{l.shared}, mapValues(l.audiences)...) {
			for k, tx := range m.texts {
				if blaming.MatchString(tx.S) {
					t.Errorf("%s %s: %q", tx.Pos, k, tx.S)
				}
			}
			for k, list := range m.lists {
				for _, tx := range list {
					if blaming.MatchString(tx.S) {
						t.Errorf("%s %s: %q", tx.Pos, k, tx.S)
					}
				}
			}
		}
	}
}

func mapValues[V any](m map[string]V) []V {
	var out []V
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Every language × audience × region resolves, with every placeholder
// filled, lists of a printable length, and the intro saying what matters.
func TestResolveEverything(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range s.Languages() {
		for _, aud := range Audiences {
			for _, r := range s.Regions() {
				d, err := s.Resolve(l.Tag, aud, r.Code)
				if err != nil {
					t.Fatalf("%s %s %s: %v", l.Tag, aud, r.Code, err)
				}
				where := l.Tag.String() + "/" + aud + "/" + r.Code
				for k, tx := range d.Messages.Texts {
					if strings.ContainsAny(tx.S, "{}") || strings.TrimSpace(tx.S) == "" {
						t.Errorf("%s %s: %q", where, k, tx.S)
					}
				}
				for k, list := range d.Messages.Lists {
					for _, tx := range list {
						if strings.ContainsAny(tx.S, "{}") {
							t.Errorf("%s %s: %q", where, k, tx.S)
						}
					}
				}
				if n := len(d.Messages.Lists["signs"]); n < 5 || n > 7 {
					t.Errorf("%s: %d signs, want 5 to 7", where, n)
				}
				if n := len(d.Messages.Lists["do"]); n < 2 || n > 4 {
					t.Errorf("%s: %d steps, want 2 to 4", where, n)
				}
				if len(d.Hotlines) == 0 || d.Emergency.Digits == "" {
					t.Errorf("%s: hotlines %v, emergency %v", where, d.Hotlines, d.Emergency)
				}
				for _, k := range []string{"headline", "intro", "call_label", "card_front", "sticker_question", "not_alone"} {
					if _, ok := d.Messages.Texts[k]; !ok {
						t.Errorf("%s: no %s", where, k)
					}
				}
			}
		}
	}
}

// The English intro carries the facts: under 18, anything of value, no
// force, child abuse, boys and LGBTQ youth.
func TestEnglishIntroFacts(t *testing.T) {
	en := textOf(t, builtins(t).langs[0])
	intro := en.shared.texts["intro"].S
	for _, fact := range []string{"under 18", "anything of value", "No force", "child abuse", "not the child's fault", "boys", "LGBTQ"} {
		if !strings.Contains(strings.ReplaceAll(intro, "never the child's", "not the child's"), fact) {
			t.Errorf("intro lacks %q: %s", fact, intro)
		}
	}
	if q := en.audiences["youth"].texts["headline"].S; !strings.HasSuffix(q, "?") {
		t.Errorf("youth headline is not a question: %q", q)
	}
	if card := en.shared.texts["card_front"].S; regexp.MustCompile(`(?i)traffick|sex|abuse`).MatchString(card) {
		t.Errorf("the discreet card front names what it is about: %q", card)
	}
}
