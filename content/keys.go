package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"handbill/source"

	"gopkg.in/yaml.v3"
)

// MessageKeys are the names of every message a language provides, in the
// order a reader meets them. Each built-in language file has every one
// (KeyDescription says what each is for). The keys in ListKeys hold lists;
// the others hold one text.
var MessageKeys = []string{
	"headline", "intro",
	"signs_title", "signs",
	"do_title", "do",
	"call_label", "text_label", "sms_note", "web_label",
	"free_line", "languages_line", "emergency_line", "missing_line",
	"sticker_question", "card_front", "not_alone",
	"appointment", "date_label", "time_label",
	"recruit_title", "recruit",
	"vulnerable_title", "vulnerable",
	"protect_title", "protect",
	"info_title", "info",
	"qr_caption", "list_or",
}

var keyDocs = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"headline":         "The big line: a plain statement (\"Know the signs of child sex trafficking\") or, for youth, a question.",
		"intro":            "What child sex trafficking is, in one to three short sentences: anything of value exchanged for sex with anyone under 18; no force needed; child abuse, never the child's fault; boys and LGBTQ youth too.",
		"signs_title":      "Heading of the signs (\"Signs to look for\").",
		"signs":            "List of 5 to 7 short signs (indicators) to look for.",
		"do_title":         "Heading of the steps (\"What to do\").",
		"do":               "List of 2 to 4 steps: don't confront; call or text the hotline; in immediate danger call {emergency}.",
		"call_label":       "Label next to the number to call (\"Call\").",
		"text_label":       "Label next to the text line (\"Text\").",
		"sms_note":         "Printed after the text line where it does not work in the document's language: \"(in {sms_languages} only)\". Left out where the text line serves the language, or the region has none.",
		"web_label":        "Label next to the chat or report web address (\"Chat or report online\").",
		"free_line":        "Free, confidential, 24/7 (\"Free · confidential · 24/7\"): cards and stickers, under 15 words.",
		"languages_line":   "\"Help in more than {languages} languages\"; left out where the hotline does not say.",
		"emergency_line":   "For immediate danger: \"In danger right now? Call {emergency}.\"",
		"missing_line":     "How to report a missing child: \"Report a missing child: {missing}\".",
		"sticker_question": "The one question on a restroom sticker (\"Is someone forcing you to work or have sex?\"), under 15 words.",
		"card_front":       "Front of the discreet wallet card: says nothing about trafficking (\"Need help? Call or text. Free, confidential, 24/7.\"), under 15 words a sentence.",
		"not_alone":        "\"You are not alone. It is not your fault.\", under 15 words a sentence.",
		"appointment":      "Title of the discreet card's front, which passes as an ordinary appointment card (\"Appointment\"): one or two words, nothing about what the card is for.",
		"date_label":       "Label of the discreet card's date field (\"Date\").",
		"time_label":       "Label of the discreet card's time field (\"Time\").",
		"recruit_title":    "Heading: how traffickers draw children in.",
		"recruit":          "List: how traffickers target, trick and trap children (online first; the \"boyfriend\" who buys gifts; threats and shame; family members).",
		"vulnerable_title": "Heading: who is at higher risk.",
		"vulnerable":       "List of vulnerabilities (ran away, foster care, abused before, drugs, LGBTQ youth rejected at home…).",
		"protect_title":    "Heading: how to help keep children safe.",
		"protect":          "List of protective factors, for parents and educators.",
		"info_title":       "Heading: what helps a report.",
		"info":             "List: what information helps a report.",
		"qr_caption":       "Caption under the QR code (\"Scan to chat or report online\").",
		"list_or":          "The word that joins the last two names of a list of languages (\"or\"), for {sms_languages}: \"English or Spanish\".",
	}
})

// KeyDescription says what message key k is for ("" for an unknown key).
func KeyDescription(k string) string { return keyDocs()[k] }

// ListKeys are the message keys whose value is a list of lines.
var ListKeys = []string{"signs", "do", "recruit", "vulnerable", "protect", "info"}

// CardKeys are the messages printed on wallet cards and restroom stickers:
// each sentence in them stays under 15 words.
var CardKeys = []string{"card_front", "sticker_question", "free_line", "not_alone"}

// IsListKey tells whether message key k holds a list.
func IsListKey(k string) bool { return slices.Contains(ListKeys, k) }

// Placeholders are the names that may appear in braces in a message, and
// what fills them when a document is resolved for a region. A message
// whose placeholder has no value in the region (no missing-child line in
// CA, say) is left out of the document; a list item is dropped.
var Placeholders = map[string]string{
	"emergency":     "the region's emergency number (911)",
	"hotline":       "the region's first hotline, as printed (1-888-373-7888)",
	"sms":           "the text line of the region's first hotline that has one (233733)",
	"sms_keyword":   "the word to text to it (BEFREE)",
	"web":           "the chat or report address of the first hotline that has one",
	"missing":       "the region's line for reporting a missing child (1-800-843-5678)",
	"languages":     "how many languages the first hotline answers in by phone (200)",
	"sms_languages": "the languages the text line works in, named in the document's language and joined with `list_or` (\"English or Spanish\"); no value where the text line works in the document's language (so `sms_note` is left out)",
}

var placeholderRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`) })

// placeholdersIn lists the placeholder names in s.
func placeholdersIn(s string) []string {
	var out []string
	for _, m := range placeholderRE().FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

func placeholderNames() []string {
	var names []string
	for k := range Placeholders {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// checkPlaceholders refuses an unknown {name} in t.
func checkPlaceholders(t source.Text) error {
	if !strings.Contains(t.S, "{") {
		return nil // most texts have none
	}
	for _, name := range placeholdersIn(t.S) {
		if _, ok := Placeholders[name]; !ok {
			hint := "placeholders: {" + strings.Join(placeholderNames(), "}, {") + "}"
			if s := source.Suggest(name, placeholderNames()); s != "" {
				hint = "did you mean `{" + s + "}`? " + hint
			}
			return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("unknown placeholder `{%s}`", name), Hint: hint}
		}
	}
	return nil
}

// variant is one message or list item as written: its text and, where
// the text promises a way to reach the hotline that may not work (call or
// text), its call-only form, used where the region has no text line or
// the text line does not work in the document's language. CallOnly is
// zero when the message has no such form.
type variant struct {
	source.Text
	CallOnly source.Text
}

// variantSpec is a message written as a mapping: `{text: …, call_only: …}`.
type variantSpec struct {
	Text     source.Text `yaml:"text,required"`
	CallOnly source.Text `yaml:"call_only,required"`
}

// AppendSuffix marks a list key whose items are added to the list below
// it instead of replacing it: `signs+:` adds to the built-in signs.
const AppendSuffix = "+"

// messageSet is what one language says to one audience, as written in one
// file: a subset of MessageKeys, each text or list, with positions, and
// lists to append to the ones below (`signs+:`).
type messageSet struct {
	texts   map[string]variant
	lists   map[string][]variant
	appends map[string][]variant
	pos     source.Pos // of the mapping
	// keyPos is where each key is written (`signs+` under its list's name).
	keyPos map[string]source.Pos
}

func (m *messageSet) has(k string) bool {
	if m == nil {
		return false
	}
	if IsListKey(k) {
		_, ok := m.lists[k]
		return ok
	}
	_, ok := m.texts[k]
	return ok
}

// hasAppend tells whether m adds items to list k (`k+:`).
func (m *messageSet) hasAppend(k string) bool {
	if m == nil {
		return false
	}
	_, ok := m.appends[k]
	return ok
}

// DecodeYAMLNode reads a mapping of message keys: unknown keys, a list
// where text is wanted (and the reverse), empty texts and unknown
// placeholders are errors. A list key ending in `+` appends to the list
// below it; a text or list item may be a mapping `{text, call_only}`.
func (m *messageSet) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	if n.Kind != yaml.MappingNode {
		return d.TypeErr(n, name, "a mapping of message keys (`headline: …`)")
	}
	m.texts, m.lists, m.appends, m.pos = map[string]variant{}, map[string][]variant{}, map[string][]variant{}, d.Pos(n)
	m.keyPos = map[string]source.Pos{}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := d.CheckKey(k, seen); err != nil {
			return err
		}
		key, add := strings.CutSuffix(k.Value, AppendSuffix)
		if !slices.Contains(MessageKeys, key) {
			hint := "message keys: " + strings.Join(MessageKeys, ", ") + "; a list key ending in + (`signs+`) adds to the built-in list"
			if s := source.Suggest(k.Value, appendKeys()); add && s != "" {
				hint = "did you mean `" + s + "`?"
			} else if s := source.Suggest(key, MessageKeys); s != "" {
				hint = "did you mean `" + s + "`?"
				if add && IsListKey(s) {
					hint = "did you mean `" + s + AppendSuffix + "`?"
				}
			}
			return d.Errorf(k, hint, "unknown message key `%s`", k.Value)
		}
		if add && !IsListKey(key) {
			return d.Errorf(k, "only a list ("+strings.Join(ListKeys, ", ")+") can be added to; write `"+key+":` to replace the text",
				"`%s` is not a list: nothing to add to", k.Value)
		}
		other := key
		if !add {
			other = key + AppendSuffix
		}
		if first, ok := seen[other]; ok {
			return d.Errorf(k, fmt.Sprintf("`%s:` replaces the built-in list and `%s+:` adds to it: keep one (`%s` is at line %d)", key, key, first.Value, first.Line),
				"`%s` and `%s` both given", first.Value, k.Value)
		}
		m.keyPos[k.Value] = d.Pos(k)
		if IsListKey(key) {
			if v.Kind != yaml.SequenceNode {
				return d.TypeErr(v, k.Value, "a list of lines (`- …` under the key)")
			}
			if len(v.Content) > MaxListItems {
				return d.Errorf(k, fmt.Sprintf("keep the %d that matter most; a layout shows only a few", MaxListItems),
					"`%s` has %d items; a list may have at most %d", k.Value, len(v.Content), MaxListItems)
			}
			if len(v.Content) == 0 {
				hint := "write at least one `- line`, or remove the key to keep the built-in list"
				if add {
					hint = "write at least one `- line` to add, or remove the key"
				}
				return d.Errorf(v, hint, "`%s` is an empty list", k.Value)
			}
			list := make([]variant, len(v.Content))
			for j, item := range v.Content {
				if err := decodeVariant(d, item, k.Value+" item", &list[j]); err != nil {
					return err
				}
			}
			if add {
				m.appends[key] = list
			} else {
				m.lists[key] = list
			}
			continue
		}
		var t variant
		if err := decodeVariant(d, v, key, &t); err != nil {
			return err
		}
		m.texts[key] = t
	}
	return nil
}

// appendKeys are the list keys with the append suffix, for suggestions.
func appendKeys() []string {
	out := make([]string, len(ListKeys))
	for i, k := range ListKeys {
		out[i] = k + AppendSuffix
	}
	return out
}

// decodeVariant reads one message or list item: text, or a mapping
// `{text: …, call_only: …}`.
func decodeVariant(d *source.Decoder, n *yaml.Node, name string, out *variant) error {
	if n.Kind == yaml.MappingNode {
		var spec variantSpec
		if err := d.Decode(n, name, &spec); err != nil {
			return err
		}
		if err := checkMessageText(spec.Text, name); err != nil {
			return err
		}
		if err := checkMessageText(spec.CallOnly, strings.TrimSuffix(name, " item")+".call_only"); err != nil {
			return err
		}
		for _, p := range placeholdersIn(spec.CallOnly.S) {
			if p == "sms" || p == "sms_keyword" || p == "sms_languages" {
				return &source.Diagnostic{Severity: source.Error, Pos: spec.CallOnly.Pos, Message: fmt.Sprintf("the call_only form of %s names {%s}", source.QuoteKey(name), p),
					Hint: "the call_only form is printed where there is no text line to use: leave the text line out of it"}
			}
		}
		if spec.Text.S == spec.CallOnly.S {
			return &source.Diagnostic{Severity: source.Error, Pos: spec.CallOnly.Pos, Message: fmt.Sprintf("the call_only form of %s is the same as its text", source.QuoteKey(name)),
				Hint: "write the text without \"or text\" in call_only, or give the text alone (`" + strings.TrimSuffix(name, " item") + ": …`)"}
		}
		*out = variant{Text: spec.Text, CallOnly: spec.CallOnly}
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		return d.TypeErr(n, name, "text")
	}
	var t source.Text
	if err := d.Decode(n, name, &t); err != nil {
		return err
	}
	if err := checkMessageText(t, name); err != nil {
		return err
	}
	*out = variant{Text: t}
	return nil
}

// Bounds on messages: a content file is written by hand, and a runaway
// one (a pasted document, a generated list) must be refused at once, not
// laid out for minutes.
const (
	// MaxTextLen is the most characters one message may have.
	MaxTextLen = 20000
	// MaxListItems is the most items a list message may have.
	MaxListItems = 100
)

func checkMessageText(t source.Text, name string) error {
	if strings.TrimSpace(t.S) == "" {
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: source.QuoteKey(name) + " is empty",
			Hint: "write the text, or remove the key to keep the built-in text"}
	}
	if n := utf8.RuneCountInString(t.S); n > MaxTextLen {
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("%s is %d characters long; a message may have at most %d", source.QuoteKey(name), n, MaxTextLen),
			Hint: "shorten the text: a poster holds a few sentences"}
	}
	if err := checkPrintable(t, name); err != nil {
		return err
	}
	return checkPlaceholders(t)
}

// checkPrintable refuses a control character or a bidi control in text a
// user (or a built-in file) gives to be printed.
func checkPrintable(t source.Text, name string) error {
	if i := strings.IndexFunc(t.S, badControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(t.S[i:])
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("%s has the control character %U", source.QuoteKey(name), r),
			Hint: "remove it: only tab and line breaks may be written as escapes in text"}
	}
	return checkBidi(t, name)
}

// badControl tells whether r is a control character that has no place in
// printed text: any but tab, line feed and carriage return.
func badControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// RuleBidi is the rule of the error for a bidi control character in text.
const RuleBidi = "bidi"

// bidiControls are the invisible characters that change the order in
// which text is displayed: the explicit embeddings, overrides and
// isolates of the Unicode bidirectional algorithm (UAX #9) and the three
// direction marks. Typed into a message they can turn a hotline number
// round on the page ("Call 8887-373-888-1"). handbill sets the direction
// of every language itself and isolates numbers, so text never needs
// them. ZERO WIDTH JOINER and NON-JOINER (U+200D, U+200C: Persian and
// Indic spelling) and ZERO WIDTH SPACE (U+200B: word breaks in Thai and
// Khmer) change no order and stay allowed.
var bidiControls = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		0x061C: "ARABIC LETTER MARK",
		0x200E: "LEFT-TO-RIGHT MARK",
		0x200F: "RIGHT-TO-LEFT MARK",
		0x202A: "LEFT-TO-RIGHT EMBEDDING",
		0x202B: "RIGHT-TO-LEFT EMBEDDING",
		0x202C: "POP DIRECTIONAL FORMATTING",
		0x202D: "LEFT-TO-RIGHT OVERRIDE",
		0x202E: "RIGHT-TO-LEFT OVERRIDE",
		0x2066: "LEFT-TO-RIGHT ISOLATE",
		0x2067: "RIGHT-TO-LEFT ISOLATE",
		0x2068: "FIRST STRONG ISOLATE",
		0x2069: "POP DIRECTIONAL ISOLATE",
	}
})

// IsBidiControl tells whether r is one of the bidi controls refused in
// text (see bidiControls).
func IsBidiControl(r rune) bool { _, ok := bidiControls()[r]; return ok }

// checkBidi refuses a bidi control character in t, at t's position (the
// loader of a user's file moves it to the character itself: see
// placeBidi).
func checkBidi(t source.Text, name string) error {
	i := strings.IndexFunc(t.S, IsBidiControl)
	if i < 0 {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(t.S[i:])
	return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Rule: RuleBidi,
		Message: fmt.Sprintf("%s holds %U %s, an invisible character that reorders text: a number after it can print backwards", source.QuoteKey(name), r, bidiControls()[r]),
		Hint:    "remove it (most editors do not show it: delete and retype the text around it); handbill sets each language's direction itself and keeps numbers left to right"}
}
