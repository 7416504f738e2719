package content

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"handbill/source"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
)

// hotlineSpec is one entry of the hotline directory as written, in the
// built-in hotlines.yaml or under `hotlines:` in a user's content file.
type hotlineSpec struct {
	ID             source.Text `yaml:"id,required"`
	Name           source.Text `yaml:"name"`
	Country        source.Text `yaml:"country"`
	Digits         source.Text `yaml:"digits"`
	Display        source.Text `yaml:"display"`
	Vanity         source.Text `yaml:"vanity"`
	SMS            source.Text `yaml:"sms"`
	SMSKeyword     source.Text `yaml:"sms_keyword"`
	WhatsApp       source.Text `yaml:"whatsapp"`
	Web            source.Text `yaml:"web"`
	Hours          source.Text `yaml:"hours"`
	Languages      source.Text `yaml:"languages"`
	PhoneLanguages int         `yaml:"phone_languages"`
	// The languages each contact channel works in (BCP 47 tags); none
	// given: no limit recorded.
	CallLanguages []source.Text `yaml:"call_languages"`
	SMSLanguages  []source.Text `yaml:"sms_languages"`
	WebLanguages  []source.Text `yaml:"web_languages"`
	Source        source.Text   `yaml:"source"`
	Verified      source.Text   `yaml:"verified"`
	// Exempt says why a number cannot be checked with libphonenumber (a
	// short code its metadata lacks); the number is still pinned by test.
	Exempt source.Text `yaml:"exempt"`
	// Override lets a user's entry change the number of a built-in one.
	Override bool `yaml:"override"`
}

// onlyID tells whether the entry gives nothing but its id: in a user's
// file, that prints a built-in line the region does not have.
func (h *hotlineSpec) onlyID() bool {
	rest := *h
	rest.ID = source.Text{}
	return reflect.DeepEqual(rest, hotlineSpec{})
}

var (
	hotlineIDRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })
	digitsRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+$`) })
	keywordRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9]+$`) })
	webRE       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[^\s]*)?$`) })
)

// validate checks an entry on its own: the id's form, digits-only numbers
// valid for the country (libphonenumber), the display form holding the same
// digits, the vanity letters spelling them on a phone keypad, the web
// address, the date. builtin entries must also carry a source and a date.
func (h *hotlineSpec) validate(builtin bool) error {
	if !hotlineIDRE().MatchString(h.ID.S) {
		return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline id %q must be lower-case letters and digits joined by hyphens", h.ID.S),
			Hint: "e.g. `us-ca-local-shelter`"}
	}
	for _, f := range []struct {
		t    source.Text
		name string
	}{{h.Name, "name"}, {h.Country, "country"}} {
		if f.t.S == "" {
			return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline `%s` has no `%s`", h.ID.S, f.name),
				Hint: "a hotline needs id, name, country and a number, text line or web address"}
		}
	}
	country := h.Country.S
	if !phonenumbers.GetSupportedRegions()[country] {
		return &source.Diagnostic{Severity: source.Error, Pos: h.Country.Pos, Message: fmt.Sprintf("`country` must be an ISO 3166 two-letter code, got %q", country),
			Hint: "e.g. US, CA, GB, MX"}
	}
	if h.Digits.S == "" && h.SMS.S == "" && h.Web.S == "" {
		return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline `%s` has no number, text line or web address", h.ID.S),
			Hint: "add `digits:`, `sms:` or `web:`"}
	}
	if h.Digits.S != "" {
		if err := h.checkNumber(h.Digits, "digits"); err != nil {
			return err
		}
		if h.Display.S == "" {
			return &source.Diagnostic{Severity: source.Error, Pos: h.Digits.Pos, Message: fmt.Sprintf("hotline `%s` has digits but no `display` form", h.ID.S),
				Hint: "add how the number is printed, e.g. `display: 1-888-373-7888`"}
		}
		if got := keepDigits(h.Display.S); got != h.Digits.S {
			return &source.Diagnostic{Severity: source.Error, Pos: h.Display.Pos, Message: fmt.Sprintf("`display` %q has the digits %s, not %s", h.Display.S, got, h.Digits.S),
				Hint: "the printed form must hold exactly the digits to dial"}
		}
		if strings.ContainsFunc(h.Display.S, isLetter) {
			return &source.Diagnostic{Severity: source.Error, Pos: h.Display.Pos, Message: fmt.Sprintf("`display` %q has letters", h.Display.S),
				Hint: "put a letter form such as 1-800-THE-LOST in `vanity:`; `display:` is digits"}
		}
	} else if h.Display.S != "" || h.Vanity.S != "" {
		return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline `%s` has a display or vanity form but no `digits`", h.ID.S),
			Hint: "add `digits:` with the number to dial, digits only"}
	}
	if h.Vanity.S != "" {
		if err := CheckVanity(h.Vanity.S, h.Digits.S); err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: h.Vanity.Pos, Message: "`vanity` " + err.Error(),
				Hint: "on a phone keypad ABC=2 DEF=3 GHI=4 JKL=5 MNO=6 PQRS=7 TUV=8 WXYZ=9"}
		}
	}
	if h.SMS.S != "" {
		if err := h.checkNumber(h.SMS, "sms"); err != nil {
			return err
		}
	}
	if h.WhatsApp.S != "" {
		if err := h.checkNumber(h.WhatsApp, "whatsapp"); err != nil {
			return err
		}
	}
	if h.SMSKeyword.S != "" {
		if h.SMS.S == "" {
			return &source.Diagnostic{Severity: source.Error, Pos: h.SMSKeyword.Pos, Message: "`sms_keyword` without `sms`", Hint: "add the number to text"}
		}
		if !keywordRE().MatchString(h.SMSKeyword.S) {
			return &source.Diagnostic{Severity: source.Error, Pos: h.SMSKeyword.Pos, Message: fmt.Sprintf("`sms_keyword` must be one word of letters or digits, got %q", h.SMSKeyword.S)}
		}
	}
	if h.Web.S != "" && !webRE().MatchString(h.Web.S) {
		return &source.Diagnostic{Severity: source.Error, Pos: h.Web.Pos, Message: fmt.Sprintf("`web` must be an address without http://, got %q", h.Web.S),
			Hint: "e.g. `humantraffickinghotline.org` or `example.org/report`"}
	}
	for _, c := range []struct {
		key   string
		tags  []source.Text
		needs source.Text
		what  string
	}{{"call_languages", h.CallLanguages, h.Digits, "digits"}, {"sms_languages", h.SMSLanguages, h.SMS, "sms"}, {"web_languages", h.WebLanguages, h.Web, "web"}} {
		if c.tags == nil {
			continue
		}
		if c.needs.S == "" {
			return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline `%s` has `%s` but no `%s`", h.ID.S, c.key, c.what),
				Hint: fmt.Sprintf("`%s` says which languages the `%s` channel works in: give the channel, or remove the key", c.key, c.what)}
		}
		if len(c.tags) == 0 {
			return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline `%s` has an empty `%s`", h.ID.S, c.key),
				Hint: "list the languages the channel works in, e.g. [en, es], or remove the key if it works in any"}
		}
		var seen []string
		for _, t := range c.tags {
			tag, err := parseTag(t)
			if err != nil {
				return err
			}
			if slices.Contains(seen, tag.String()) {
				return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("`%s` lists %s twice", c.key, tag), Hint: "list each language once"}
			}
			seen = append(seen, tag.String())
		}
	}
	for _, f := range []struct {
		t    source.Text
		name string
	}{{h.Name, "name"}, {h.Display, "display"}, {h.Vanity, "vanity"}, {h.Hours, "hours"}, {h.Languages, "languages"}, {h.Web, "web"}, {h.Source, "source"}, {h.Exempt, "exempt"}} {
		if err := checkPrintable(f.t, f.name); err != nil {
			return err
		}
	}
	if h.PhoneLanguages < 0 {
		return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: "`phone_languages` must be 0 or more"}
	}
	if h.Verified.S != "" {
		if _, err := time.Parse(time.DateOnly, h.Verified.S); err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: h.Verified.Pos, Message: fmt.Sprintf("`verified` must be a date YYYY-MM-DD, got %q", h.Verified.S)}
		}
	}
	if builtin {
		if h.Source.S == "" || h.Verified.S == "" {
			return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("built-in hotline `%s` needs `source` and `verified`", h.ID.S)}
		}
	}
	return nil
}

// checkNumber refuses a number that is not all digits, or that
// libphonenumber does not know as a valid number or short code for the
// entry's country (unless the entry says why it is exempt).
func (h *hotlineSpec) checkNumber(t source.Text, key string) error {
	if !digitsRE().MatchString(t.S) {
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("`%s` must be digits only, got %q", key, t.S),
			Hint: "write the number to dial without spaces or hyphens, quoted: \"18883737888\"; the printed form goes in `display:`"}
	}
	if h.Exempt.S != "" {
		return nil
	}
	if err := ValidNumber(t.S, h.Country.S); err != nil {
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("`%s` %s", key, err.Error()),
			Hint: "check every digit against the service's own page; a short code that libphonenumber lacks needs `exempt: <why>`"}
	}
	return nil
}

// ValidNumber checks digits (the number to dial, digits only) with
// libphonenumber: it must be a valid number, or a valid short number
// (911, 999, 233733), for the ISO 3166 country.
func ValidNumber(digits, country string) error {
	n, err := phonenumbers.Parse(digits, country)
	if err != nil {
		return fmt.Errorf("%s is not a phone number in %s: %v", digits, country, err)
	}
	if phonenumbers.IsValidNumberForRegion(n, country) || phonenumbers.IsValidShortNumberForRegion(n, country) {
		return nil
	}
	return fmt.Errorf("%s is not a valid number in %s", digits, country)
}

// keypad gives the phone key of a letter (ITU E.161), 0 for any other
// rune; looked up, not a map built in every start of the program.
func keypad(r rune) byte {
	for d, letters := range [...]string{"", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"} {
		if strings.ContainsRune(letters, r) {
			return byte('0' + d)
		}
	}
	return 0
}

// CheckVanity checks that a vanity form ("1-800-THE-LOST") dials digits
// ("18008435678") on a phone keypad: digits stand for themselves, letters
// for their key, separators ("-", " ", ".", "(", ")") are skipped. Letters
// beyond the last digit are allowed ("1-888-KEY-2-FREE" has one more letter
// than the 11 digits dialled); anything else extra is not.
func CheckVanity(vanity, digits string) error {
	var dialled []byte
	extra := ""
	for _, r := range strings.ToUpper(vanity) {
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = byte(r)
		case keypad(r) != 0:
			c = keypad(r)
		case strings.ContainsRune("- .()", r):
			continue
		default:
			return fmt.Errorf("%q has the character %q, which no phone key has", vanity, r)
		}
		if len(dialled) == len(digits) {
			if r >= '0' && r <= '9' {
				return fmt.Errorf("%q has more digits than %s", vanity, digits)
			}
			extra += string(r)
			continue
		}
		dialled = append(dialled, c)
	}
	if string(dialled) != digits {
		return fmt.Errorf("%q dials %s, not %s", vanity, dialled, digits)
	}
	if len(extra) > 2 {
		return fmt.Errorf("%q has %d letters past the last digit (%s)", vanity, len(extra), extra)
	}
	return nil
}

// keepDigits returns the ASCII digits of s.
func keepDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isLetter(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

// hotline turns a checked entry into the Hotline documents carry.
func (h *hotlineSpec) hotline() Hotline {
	return Hotline{
		ID: h.ID.S, Name: h.Name,
		Digits: h.Digits.S, Display: h.Display.S, Vanity: h.Vanity.S,
		SMS: h.SMS.S, SMSKeyword: h.SMSKeyword.S, WhatsApp: h.WhatsApp.S, Web: h.Web.S,
		Hours: h.Hours.S, Languages: h.Languages.S, PhoneLanguages: h.PhoneLanguages,
		CallLanguages: tagStrings(h.CallLanguages), SMSLanguages: tagStrings(h.SMSLanguages), WebLanguages: tagStrings(h.WebLanguages),
		Country: h.Country.S, Source: h.Source.S, Verified: h.Verified.S,
		Pos: h.ID.Pos,
	}
}

// VerifiedDate returns the date the entry was last checked against its
// source (zero and false when it has none). `handbill check` warns when
// it is more than a year old.
func (h Hotline) VerifiedDate() (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, h.Verified)
	return t, err == nil
}

// tagStrings returns checked tags in their canonical form ("es", "zh-Hant").
func tagStrings(ts []source.Text) []string {
	var out []string
	for _, t := range ts {
		if tag, err := language.Parse(t.S); err == nil {
			out = append(out, tag.String())
		}
	}
	return out
}

// The contact channels of a hotline, for Serves.
const (
	ChannelCall = "call"
	ChannelSMS  = "sms"
	ChannelWeb  = "web"
)

// Serves tells whether the hotline's channel (ChannelCall, ChannelSMS or
// ChannelWeb) works in language lang: the channel exists and its list of
// languages is empty (no limit recorded) or holds lang's language (es
// serves es-MX; zh-Hant serves zh-TW, not zh-Hans).
func (h Hotline) Serves(channel string, lang language.Tag) bool {
	var have bool
	var tags []string
	switch channel {
	case ChannelCall:
		have, tags = h.Digits != "", h.CallLanguages
	case ChannelSMS:
		have, tags = h.SMS != "", h.SMSLanguages
	case ChannelWeb:
		have, tags = h.Web != "", h.WebLanguages
	}
	if !have {
		return false
	}
	if len(tags) == 0 {
		return true
	}
	for _, t := range tags {
		if sameLanguage(language.Make(t), lang) {
			return true
		}
	}
	return false
}

// sameLanguage tells whether a reader of b reads a: the same base
// language in the same script (es and es-MX; zh-Hant and zh-TW; not pa and
// pa-Arab).
func sameLanguage(a, b language.Tag) bool {
	ab, _ := a.Base()
	bb, _ := b.Base()
	as, _ := a.Script()
	bs, _ := b.Script()
	return ab == bb && as == bs
}
