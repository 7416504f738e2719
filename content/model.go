package content

import (
	"fmt"

	"golang.org/x/text/language"
)

// Pos is a position in a source file: a content or layout YAML file, or a
// built-in one ("built-in content/en.yaml").
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a mistake in an input file, at a position, with advice.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// HintText returns the advice (the CLI prints it on a "hint:" line).
func (e *Error) HintText() string { return e.Hint }

// Text is a string from a content file with where it came from, so a
// problem found when it is laid out still names file:line:col.
type Text struct {
	S   string
	Pos Pos
}

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
	Texts            map[string]Text
	Lists            map[string][]Text
}

// Hotline is one line to call, text or visit.
type Hotline struct {
	ID   string
	Name Text
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
	Pos            Pos
}

// Org is the organisation a document is made for.
type Org struct {
	Name    Text
	Contact Text   // a local contact line
	Logo    string // path of a PNG or JPEG file, resolved
	LogoPos Pos
	Color   string // brand colour "#rrggbb", or ""
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
	Warnings []Warning
}

// Warning is something a document can be built with but its maker should
// know: where (when there is a place in a file), what, and what to do.
type Warning struct {
	Pos  Pos
	Kind WarningKind
	Msg  string
	Hint string
}

// WarningKind says what a warning is about, for programs that treat some
// kinds differently (--require-reviewed makes machine drafts errors).
type WarningKind string

// The kinds of warnings.
const (
	// WarnFallback: text comes from another language than the one asked for.
	WarnFallback WarningKind = "fallback"
	// WarnMachineDraft: the text is a machine draft no person has reviewed.
	WarnMachineDraft WarningKind = "machine-draft"
	// WarnLeftOut: a text is left out, its placeholder having no value.
	WarnLeftOut WarningKind = "left-out"
	// WarnStale: a hotline was verified too long ago.
	WarnStale WarningKind = "stale"
	// WarnUnbroken: text in a script without spaces has nowhere to break.
	WarnUnbroken WarningKind = "unbroken"
)

// String is the warning as the manifest and the summary give it:
// "FILE:LINE:COL: message", or the message alone when it has no place.
func (w Warning) String() string {
	if w.Pos.File == "" {
		return w.Msg
	}
	return w.Pos.String() + ": " + w.Msg
}
