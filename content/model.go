package content

import (
	"golang.org/x/text/language"

	"handbill/source"
)

// Audiences handbill knows. A content file may define messages for any of
// them; "community" is the default.
var Audiences = []string{"community", "parents", "educators", "clinicians", "youth"}

// Messages is what one language says to one audience, resolved: the
// language's shared messages overlaid with the audience's and then the
// organisation's. Keys are message names (see MessageKeys); lists are
// signs, steps and the like.
type Messages struct {
	Lang     language.Tag
	Name     string // English name of the language, e.g. "Spanish"
	Native   string // its name in its own script, e.g. "Español"
	Audience string
	// Status is the review status of the least reviewed text resolved:
	// "machine-draft", "community-reviewed" or "professional" (see
	// Statuses), or "user" for text from the user's content file that
	// states no review; Reviewed its date. Provenance says it per key.
	Status, Reviewed string
	Texts            map[string]source.Text
	Lists            map[string][]source.Text
	// Provenance says, for each key of Texts and Lists (and NamesKey for
	// the hotlines' names), who wrote the text printed and how far it has
	// been reviewed: a list made of built-in items and the user's has the
	// least reviewed status of the two.
	Provenance map[string]Provenance
}

// NamesKey is the key of Messages.Provenance for the hotlines' names.
const NamesKey = "hotline_names"

// Provenance is where a text comes from and how far it has been reviewed.
type Provenance struct {
	// Lang is the language whose text it is (English for a key a language
	// lacks), and Name that language's English name.
	Lang language.Tag
	Name string
	// Status is "machine-draft", "community-reviewed", "professional" or
	// "user" (the user's own text, with no review stated); Reviewer who
	// reviewed it, Date when (or when the draft was made).
	Status, Reviewer, Date string
	// User tells whether the text is from the user's content file.
	User bool
}

// Hotline is one line to call, text or visit.
type Hotline struct {
	ID   string
	Name source.Text
	// Digits is the number to dial, digits only ("18883737888"); Display how
	// it is printed ("1-888-373-7888"); Vanity a letter form shown as a
	// secondary label ("1-800-THE-LOST"), or "".
	Digits, Display, Vanity string
	// SMS is the text line's number ("233733") and SMSKeyword the word to
	// send, if any ("BEFREE").
	SMS, SMSKeyword string
	// WhatsApp is the number that answers WhatsApp messages, digits only,
	// if any. It is not a text line: texts (SMS) to it may not arrive.
	WhatsApp string
	// Web is the chat or report address, without scheme
	// ("humantraffickinghotline.org").
	Web   string
	Hours string
	// Languages says in words which languages the line answers in
	// ("200+ by phone; text and chat in English and Spanish");
	// PhoneLanguages how many by phone, if known (fills {languages}).
	Languages      string
	PhoneLanguages int
	// CallLanguages, SMSLanguages and WebLanguages are the languages each
	// contact channel works in (BCP 47 tags, "en", "es"); empty: no limit
	// recorded (the US hotline answers calls in 200+ languages through
	// interpreters). See Serves.
	CallLanguages, SMSLanguages, WebLanguages []string
	Country                                   string // ISO 3166-1 alpha-2
	Source                                    string
	Verified                                  string // YYYY-MM-DD
	Pos                                       source.Pos
}

// Org is the organisation a document is made for.
type Org struct {
	Name    source.Text
	Contact source.Text // a local contact line
	Logo    string      // path of a PNG or JPEG file, resolved
	LogoPos source.Pos
	// Color is the brand colour, checked when the content file is read
	// ("#rrggbb", lower case), or "" when none is given.
	Color Color
}

// Doc is everything one document says: the messages in its language, the
// hotlines of its region in order of importance, and the organisation.
type Doc struct {
	Messages  Messages
	Region    string // e.g. "US-CA"
	Hotlines  []Hotline
	Emergency Hotline // e.g. 911
	// Missing is the line for reporting a missing child (NCMEC in the US;
	// it is usually also in Hotlines), or zero if the region has none.
	Missing Hotline
	Org     Org
	// Warnings found while resolving (a fallback to another language, an
	// unreviewed translation); they go into the manifest and the summary.
	Warnings []source.Diagnostic
}

// The rules behind the warnings content gives (Diagnostic.Rule), for
// programs that treat some differently (--require-reviewed makes machine
// drafts errors).
const (
	// RuleFallback: text comes from another language than the one asked for.
	RuleFallback = "fallback"
	// RuleMachineDraft: the text is a machine draft no person has reviewed.
	RuleMachineDraft = "machine-draft"
	// RuleLeftOut: a text is left out, its placeholder having no value.
	RuleLeftOut = "left-out"
	// RuleStale: a hotline was verified too long ago.
	RuleStale = "stale"
	// RuleUnbroken: text in a script without spaces has nowhere to break.
	RuleUnbroken = "unbroken"
)
