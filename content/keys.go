package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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
	"call_label", "text_label", "web_label",
	"free_line", "languages_line", "emergency_line", "missing_line",
	"sticker_question", "card_front", "not_alone",
	"recruit_title", "recruit",
	"vulnerable_title", "vulnerable",
	"protect_title", "protect",
	"info_title", "info",
	"qr_caption",
}

var keyDocs = map[string]string{
	"headline":         "The big line: a plain statement (\"Know the signs of child sex trafficking\") or, for youth, a question.",
	"intro":            "What child sex trafficking is, in one to three short sentences: anything of value exchanged for sex with anyone under 18; no force needed; child abuse, never the child's fault; boys and LGBTQ youth too.",
	"signs_title":      "Heading of the signs (\"Signs to look for\").",
	"signs":            "List of 5 to 7 short signs (indicators) to look for.",
	"do_title":         "Heading of the steps (\"What to do\").",
	"do":               "List of 2 to 4 steps: don't confront; call or text the hotline; in immediate danger call {emergency}.",
	"call_label":       "Label next to the number to call (\"Call\").",
	"text_label":       "Label next to the text line (\"Text\").",
	"web_label":        "Label next to the chat or report web address (\"Chat or report online\").",
	"free_line":        "Free, confidential, 24/7 (\"Free · confidential · 24/7\"): cards and stickers, under 15 words.",
	"languages_line":   "\"Help in more than {languages} languages\"; left out where the hotline does not say.",
	"emergency_line":   "For immediate danger: \"In danger right now? Call {emergency}.\"",
	"missing_line":     "How to report a missing child: \"Report a missing child: {missing}\".",
	"sticker_question": "The one question on a restroom sticker (\"Is someone forcing you to work or have sex?\"), under 15 words.",
	"card_front":       "Front of the discreet wallet card: says nothing about trafficking (\"Need help? Call or text. Free, confidential, 24/7.\"), under 15 words a sentence.",
	"not_alone":        "\"You are not alone. It is not your fault.\", under 15 words a sentence.",
	"recruit_title":    "Heading: how traffickers draw children in.",
	"recruit":          "List: how traffickers target, trick and trap children (online first; the \"boyfriend\" who buys gifts; threats and shame; family members).",
	"vulnerable_title": "Heading: who is at higher risk.",
	"vulnerable":       "List of vulnerabilities (ran away, foster care, abused before, drugs, LGBTQ youth rejected at home…).",
	"protect_title":    "Heading: how to help keep children safe.",
	"protect":          "List of protective factors, for parents and educators.",
	"info_title":       "Heading: what helps a report.",
	"info":             "List: what information helps a report.",
	"qr_caption":       "Caption under the QR code (\"Scan to chat or report online\").",
}

// KeyDescription says what message key k is for ("" for an unknown key).
func KeyDescription(k string) string { return keyDocs[k] }

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
	"emergency":   "the region's emergency number (911)",
	"hotline":     "the region's first hotline, as printed (1-888-373-7888)",
	"sms":         "the text line of the region's first hotline that has one (233733)",
	"sms_keyword": "the word to text to it (BEFREE)",
	"web":         "the chat or report address of the first hotline that has one",
	"missing":     "the region's line for reporting a missing child (1-800-843-5678)",
	"languages":   "how many languages the first hotline answers in by phone (200)",
}

var placeholderRE = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// placeholdersIn lists the placeholder names in s.
func placeholdersIn(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
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

// messageSet is what one language says to one audience, as written in one
// file: a subset of MessageKeys, each text or list, with positions.
type messageSet struct {
	texts map[string]source.Text
	lists map[string][]source.Text
	pos   source.Pos // of the mapping
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

// DecodeYAMLNode reads a mapping of message keys: unknown keys, a list
// where text is wanted (and the reverse), empty texts and unknown
// placeholders are errors.
func (m *messageSet) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	if n.Kind != yaml.MappingNode {
		return d.TypeErr(n, name, "a mapping of message keys (`headline: …`)")
	}
	m.texts, m.lists, m.pos = map[string]source.Text{}, map[string][]source.Text{}, d.Pos(n)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := d.CheckKey(k, seen); err != nil {
			return err
		}
		key := k.Value
		if !slices.Contains(MessageKeys, key) {
			hint := "message keys: " + strings.Join(MessageKeys, ", ")
			if s := source.Suggest(key, MessageKeys); s != "" {
				hint = "did you mean `" + s + "`?"
			}
			return d.Errorf(k, hint, "unknown message key `%s`", key)
		}
		if IsListKey(key) {
			if v.Kind != yaml.SequenceNode {
				return d.TypeErr(v, key, "a list of lines (`- …` under the key)")
			}
			if len(v.Content) > MaxListItems {
				return d.Errorf(k, fmt.Sprintf("keep the %d that matter most; a layout shows only a few", MaxListItems),
					"`%s` has %d items; a list may have at most %d", key, len(v.Content), MaxListItems)
			}
			var list []source.Text
			if err := d.Decode(v, key, &list); err != nil {
				return err
			}
			if len(list) == 0 {
				return d.Errorf(v, "write at least one `- line`, or remove the key to keep the built-in list", "`%s` is an empty list", key)
			}
			for _, t := range list {
				if err := checkMessageText(t, key+" item"); err != nil {
					return err
				}
			}
			m.lists[key] = list
			continue
		}
		var t source.Text
		if err := d.Decode(v, key, &t); err != nil {
			return err
		}
		if err := checkMessageText(t, key); err != nil {
			return err
		}
		m.texts[key] = t
	}
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
	if i := strings.IndexFunc(t.S, badControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(t.S[i:])
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("%s has the control character %U", source.QuoteKey(name), r),
			Hint: "remove it: only tab and line breaks may be written as escapes in text"}
	}
	return checkPlaceholders(t)
}

// badControl tells whether r is a control character that has no place in
// printed text: any but tab, line feed and carriage return.
func badControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}
