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
	// Status is the translation's review status: "machine-draft",
	// "community-reviewed" or "professional" (see Statuses), or "user"
	// for a language only the user's content file has; Reviewed its date.
	Status, Reviewed string
	Texts            map[string]source.Text
	Lists            map[string][]source.Text
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
	// Web is the chat or report address, without scheme
	// ("humantraffickinghotline.org").
	Web   string
	Hours string
	// Languages says in words which languages the line answers in
	// ("200+ by phone; text and chat in English and Spanish");
	// PhoneLanguages how many by phone, if known (fills {languages}).
	Languages      string
	PhoneLanguages int
	Country        string // ISO 3166-1 alpha-2
	Source         string
	Verified       string // YYYY-MM-DD
	Pos            source.Pos
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
