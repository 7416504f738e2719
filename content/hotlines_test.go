package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"handbill/source"

	"golang.org/x/text/language"
)

// pinned is the hotline table of shared/reference/domain.md, copied by
// hand: each number as the reference prints it. A typo in hotlines.yaml, or
// a number added there without being added here, fails TestPinnedHotlines.
var pinned = map[string]struct {
	country, display, vanity, sms, keyword, web string
}{
	// | US | National Human Trafficking Hotline | call 1-888-373-7888; text 233733 ("BEFREE"); chat humantraffickinghotline.org |
	"us-nhth": {"US", "1-888-373-7888", "", "233733", "BEFREE", "humantraffickinghotline.org"},
	// | US | NCMEC | 1-800-THE-LOST = 1-800-843-5678; CyberTipline report.cybertip.org |
	"us-ncmec": {"US", "1-800-843-5678", "1-800-THE-LOST", "", "", "report.cybertip.org"},
	// | US | emergency | 911 |
	"us-911": {"US", "911", "", "", "", ""},
	// | US | HSI Tip Line | 1-866-347-2423 (1-866-DHS-2-ICE) |
	"us-hsi": {"US", "1-866-347-2423", "1-866-DHS-2-ICE", "", "", ""},
	// | US | Childhelp | 1-800-4-A-CHILD = 1-800-422-4453, call or text |
	"us-childhelp": {"US", "1-800-422-4453", "1-800-4-A-CHILD", "18004224453", "", ""},
	// | CA | CAST | 1-888-KEY-2-FREE = 1-888-539-2373 |
	"us-ca-cast": {"US", "1-888-539-2373", "1-888-KEY-2-FREE", "", "", ""},
	// | FL | Florida Human Trafficking Hotline | 1-855-FLA-SAFE = 1-855-352-7233 |
	"us-fl": {"US", "1-855-352-7233", "1-855-FLA-SAFE", "", "", ""},
	// | GA | Georgia hotline | 1-866-ENDHTGA = 1-866-363-4842 |
	"us-ga": {"US", "1-866-363-4842", "1-866-ENDHTGA", "", "", ""},
	// | TN | Tennessee hotline | 1-855-55-TNHTH = 1-855-558-6484 |
	"us-tn": {"US", "1-855-558-6484", "1-855-55-TNHTH", "", "", ""},
	// | Canada | Canadian Human Trafficking Hotline | 1-833-900-1010; chat |
	// (web address: the operator's site; not in the reference table)
	"ca-hotline": {"CA", "1-833-900-1010", "", "", "", "canadianhumantraffickinghotline.ca"},
	// | Canada | Cybertip.ca | 1-866-658-9022 |
	"ca-cybertip": {"CA", "1-866-658-9022", "", "", "", "cybertip.ca"},
	"ca-911":      {"CA", "911", "", "", "", ""},
	// | Mexico | Línea Nacional contra la Trata de Personas | 800 5533 000 (WhatsApp on the same number) | 24/7; old "01 800" prefix dropped | M |
	"mx-trata": {"MX", "800 5533 000", "", "", "", ""},
	// Mexico's emergency number (not in the reference's table; named by issue 11).
	"mx-911": {"MX", "911", "", "", "", ""},
	// | UK | Modern Slavery & Exploitation Helpline | 08000 121 700 | emergency 999; Crimestoppers 0800 555 111 |
	// (web address: the operator's site; not in the reference table)
	"gb-modern-slavery": {"GB", "08000 121 700", "", "", "", "modernslaveryhelpline.org"},
	"gb-999":            {"GB", "999", "", "", "", ""},
	"gb-crimestoppers":  {"GB", "0800 555 111", "", "", "", ""},
	// | UK | 116 000 (Missing People) | 116 000, call or text |
	"gb-116000": {"GB", "116 000", "", "116000", "", ""},
	// | EU + others | 116 000 missing children | 116 000 | free, 24/7, 32 countries, NGO-run |
	"eu-116000": {"DE", "116 000", "", "", "", ""},
	"eu-112":    {"DE", "112", "", "", "", ""},
	// | Ireland | Garda confidential line | 1800 666 111 | emergency 999/112 |
	"ie-garda": {"IE", "1800 666 111", "", "", "", ""},
	"ie-999":   {"IE", "999", "", "", "", ""},
	// | Australia | Australian Federal Police | 131 237 (131 AFP); emergency 000 |
	"au-afp": {"AU", "131 237", "131 AFP", "", "", ""},
	"au-000": {"AU", "000", "", "", "", ""},
	// | Philippines | 1343 Actionline | 1343 |
	"ph-1343": {"PH", "1343", "", "", "", ""},
	// | India | CHILDLINE | 1098 |
	"in-childline": {"IN", "1098", "", "", "", ""},
}

// exempt lists the only numbers allowed to skip libphonenumber validation.
var exempt = []string{"ph-1343"}

func builtinDirectory(t *testing.T) []Hotline {
	t.Helper()
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	return s.Hotlines()
}

func TestPinnedHotlines(t *testing.T) {
	hs := builtinDirectory(t)
	seen := map[string]bool{}
	for _, h := range hs {
		seen[h.ID] = true
		p, ok := pinned[h.ID]
		if !ok {
			t.Errorf("%s: %s is not in the pinned table: copy its row from domain.md into hotlines_test.go", h.Pos, h.ID)
			continue
		}
		got := [6]string{h.Country, h.Display, h.Vanity, h.SMS, h.SMSKeyword, h.Web}
		want := [6]string{p.country, p.display, p.vanity, p.sms, p.keyword, p.web}
		if got != want {
			t.Errorf("%s: %s\n got %q\nwant %q", h.Pos, h.ID, got, want)
		}
		if h.Digits != keepDigits(p.display) {
			t.Errorf("%s: %s digits %s, reference %s", h.Pos, h.ID, h.Digits, p.display)
		}
	}
	for id := range pinned {
		if !seen[id] {
			t.Errorf("pinned hotline %s is missing from hotlines.yaml", id)
		}
	}
}

// channelsPinned is what the reference says of each line's channels
// beyond its numbers: the languages its text line and chat work in, and a
// WhatsApp number. Lines not listed have none of these.
var channelsPinned = map[string]string{
	// | US | National Human Trafficking Hotline | … | 24/7; phone in 200+ languages; text and chat in English and Spanish |
	"us-nhth": "call: sms:en,es web:en,es whatsapp:",
	// | Mexico | Línea Nacional contra la Trata de Personas | 800 5533 000 (WhatsApp on the same number) |
	"mx-trata": "call: sms: web: whatsapp:8005533000",
}

func TestChannelsPinned(t *testing.T) {
	for _, h := range builtinDirectory(t) {
		got := fmt.Sprintf("call:%s sms:%s web:%s whatsapp:%s", strings.Join(h.CallLanguages, ","), strings.Join(h.SMSLanguages, ","),
			strings.Join(h.WebLanguages, ","), h.WhatsApp)
		want, ok := channelsPinned[h.ID]
		if !ok {
			want = "call: sms: web: whatsapp:"
		}
		if got != want {
			t.Errorf("%s: %s, want %s", h.ID, got, want)
		}
	}
}

func TestHotlineServes(t *testing.T) {
	h := Hotline{Digits: "1", SMS: "2", SMSLanguages: []string{"en", "es"}, Web: "x.org"}
	for _, c := range []struct {
		channel, lang string
		want          bool
	}{
		{ChannelSMS, "en", true}, {ChannelSMS, "es-MX", true}, {ChannelSMS, "vi", false}, {ChannelSMS, "ur", false},
		{ChannelCall, "vi", true}, {ChannelWeb, "vi", true},
	} {
		if got := h.Serves(c.channel, language.MustParse(c.lang)); got != c.want {
			t.Errorf("%s in %s: %v, want %v", c.channel, c.lang, got, c.want)
		}
	}
	if (Hotline{Digits: "1"}).Serves(ChannelSMS, language.English) {
		t.Error("a line with no text line serves texts")
	}
	zh := Hotline{SMS: "1", SMSLanguages: []string{"zh-Hant"}}
	if !zh.Serves(ChannelSMS, language.MustParse("zh-TW")) || zh.Serves(ChannelSMS, language.MustParse("zh-Hans")) {
		t.Error("zh-Hant serves zh-TW, not zh-Hans")
	}
}

func TestHotlineNumbersValid(t *testing.T) {
	now := time.Now()
	for _, h := range builtinDirectory(t) {
		if slices.Contains(exempt, h.ID) {
			continue
		}
		if err := ValidNumber(h.Digits, h.Country); err != nil {
			t.Errorf("%s: %v", h.ID, err)
		}
		if h.SMS != "" {
			if err := ValidNumber(h.SMS, h.Country); err != nil {
				t.Errorf("%s text line: %v", h.ID, err)
			}
		}
		if h.WhatsApp != "" {
			if err := ValidNumber(h.WhatsApp, h.Country); err != nil {
				t.Errorf("%s WhatsApp: %v", h.ID, err)
			}
		}
		if h.Vanity != "" {
			if err := CheckVanity(h.Vanity, h.Digits); err != nil {
				t.Errorf("%s: %v", h.ID, err)
			}
		}
		d, ok := h.VerifiedDate()
		if !ok || d.After(now) || h.Source == "" {
			t.Errorf("%s: verified %q, source %q", h.ID, h.Verified, h.Source)
		}
	}
	// A wrong digit fails.
	if err := ValidNumber("1888373788", "US"); err == nil {
		t.Error("a 10-digit NANP number with a missing digit passed")
	}
	if err := ValidNumber("1343", "PH"); err == nil {
		t.Error("1343 validates now: drop its exemption")
	}
}

func TestCheckVanity(t *testing.T) {
	ok := map[string]string{
		"1-800-THE-LOST":   "18008435678",
		"1-888-KEY-2-FREE": "18885392373", // the last E dials nothing
		"1-855-FLA-SAFE":   "18553527233",
		"1-866-ENDHTGA":    "18663634842",
		"1-855-55-TNHTH":   "18555586484",
		"1-800-4-A-CHILD":  "18004224453",
		"131 AFP":          "131237",
		"1 (800) the lost": "18008435678",
	}
	for v, d := range ok {
		if err := CheckVanity(v, d); err != nil {
			t.Errorf("CheckVanity(%q, %s): %v", v, d, err)
		}
	}
	bad := map[string]string{
		"1-800-THE-LOSS":      "18008435678", // S is 7, T is 8
		"1-800-THE-LOS":       "18008435678", // too short
		"1-888-KEY-2-FREE-9":  "18885392373", // a digit past the end
		"1-888-KEY-2-FREEDOM": "18885392373",
		"1-800-THE_LOST":      "18008435678",
	}
	for v, d := range bad {
		if err := CheckVanity(v, d); err == nil {
			t.Errorf("CheckVanity(%q, %s) passed", v, d)
		}
	}
}

// regionsPinned is which lines each region prints, in order: the law's
// line first where a posting law names one.
var regionsPinned = map[string]string{
	"US":    "us-nhth us-ncmec | us-911 | us-ncmec",
	"US-CA": "us-nhth us-ca-cast us-ncmec | us-911 | us-ncmec",
	"US-FL": "us-fl us-nhth us-ncmec | us-911 | us-ncmec",
	"US-GA": "us-ga us-nhth us-ncmec | us-911 | us-ncmec",
	"US-TN": "us-tn us-nhth us-ncmec | us-911 | us-ncmec",
	"CA":    "ca-hotline ca-cybertip | ca-911 | ",
	"MX":    "mx-trata | mx-911 | ",
	"GB":    "gb-modern-slavery gb-crimestoppers | gb-999 | gb-116000",
	"IE":    "ie-garda | ie-999 | ",
	"AU":    "au-afp | au-000 | ",
	"EU":    "eu-116000 | eu-112 | eu-116000",
}

func TestRegionsPinned(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range s.Regions() {
		got[r.Code] = strings.Join(r.Hotlines, " ") + " | " + r.Emergency + " | " + r.Missing
		if r.Description == "" {
			t.Errorf("%s has no description", r.Code)
		}
	}
	for code, want := range regionsPinned {
		if got[code] != want {
			t.Errorf("region %s: got %q, want %q", code, got[code], want)
		}
	}
	if len(got) != len(regionsPinned) {
		t.Errorf("regions %v, pinned %d", got, len(regionsPinned))
	}
}

func TestHotlineSpecValidate(t *testing.T) {
	base := func() hotlineSpec {
		return hotlineSpec{ID: source.Text{S: "x-line"}, Name: source.Text{S: "X"}, Country: source.Text{S: "US"},
			Digits: source.Text{S: "18883737888"}, Display: source.Text{S: "1-888-373-7888"}}
	}
	cases := map[string]struct {
		edit func(*hotlineSpec)
		msg  string
	}{
		"ok":              {func(*hotlineSpec) {}, ""},
		"id":              {func(h *hotlineSpec) { h.ID.S = "X Line" }, "hotline id \"X Line\" must be lower-case letters and digits joined by hyphens"},
		"country":         {func(h *hotlineSpec) { h.Country.S = "USA" }, "`country` must be an ISO 3166 two-letter code, got \"USA\""},
		"nothing":         {func(h *hotlineSpec) { h.Digits.S, h.Display.S = "", "" }, "hotline `x-line` has no number, text line or web address"},
		"not digits":      {func(h *hotlineSpec) { h.Digits.S = "1-888-373-7888" }, "`digits` must be digits only, got \"1-888-373-7888\""},
		"invalid":         {func(h *hotlineSpec) { h.Digits.S, h.Display.S = "1234", "1234" }, "`digits` 1234 is not a valid number in US"},
		"display":         {func(h *hotlineSpec) { h.Display.S = "1-888-373-7887" }, "`display` \"1-888-373-7887\" has the digits 18883737887, not 18883737888"},
		"display vanity":  {func(h *hotlineSpec) { h.Display.S = "1-888-373-7888 (X)" }, "`display` \"1-888-373-7888 (X)\" has letters"},
		"no display":      {func(h *hotlineSpec) { h.Display.S = "" }, "hotline `x-line` has digits but no `display` form"},
		"vanity":          {func(h *hotlineSpec) { h.Vanity.S = "1-888-FRE-SAFE" }, "`vanity` \"1-888-FRE-SAFE\" dials 18883737233, not 18883737888"},
		"sms":             {func(h *hotlineSpec) { h.SMS.S = "1234" }, "`sms` 1234 is not a valid number in US"},
		"keyword alone":   {func(h *hotlineSpec) { h.SMSKeyword.S = "HELP" }, "`sms_keyword` without `sms`"},
		"web":             {func(h *hotlineSpec) { h.Web.S = "https://example.org" }, "`web` must be an address without http://, got \"https://example.org\""},
		"date":            {func(h *hotlineSpec) { h.Verified.S = "2026-13-01" }, "`verified` must be a date YYYY-MM-DD, got \"2026-13-01\""},
		"whatsapp":        {func(h *hotlineSpec) { h.WhatsApp.S = "1234" }, "`whatsapp` 1234 is not a valid number in US"},
		"sms langs alone": {func(h *hotlineSpec) { h.SMSLanguages = []source.Text{{S: "en"}} }, "hotline `x-line` has `sms_languages` but no `sms`"},
		"web langs empty": {func(h *hotlineSpec) { h.Web.S, h.WebLanguages = "x.org", []source.Text{} }, "hotline `x-line` has an empty `web_languages`"},
		"bad channel tag": {func(h *hotlineSpec) { h.CallLanguages = []source.Text{{S: "english"}} }, "\"english\" is not a BCP 47 language tag"},
		"tag twice":       {func(h *hotlineSpec) { h.CallLanguages = []source.Text{{S: "en"}, {S: "en"}} }, "`call_languages` lists en twice"},
		"bidi in name":    {func(h *hotlineSpec) { h.Name.S = "X \u202e line" }, "`name` holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders text: a number after it can print backwards"},
		"bidi in display": {func(h *hotlineSpec) { h.Display.S = "1-888-373-7888\u200f" }, "`display` holds U+200F RIGHT-TO-LEFT MARK, an invisible character that reorders text: a number after it can print backwards"},
		"bidi in web":     {func(h *hotlineSpec) { h.Web.S = "x.org/\u2067a" }, "`web` holds U+2067 RIGHT-TO-LEFT ISOLATE, an invisible character that reorders text: a number after it can print backwards"},
	}
	for name, c := range cases {
		h := base()
		c.edit(&h)
		err := h.validate(false)
		got := ""
		if err != nil {
			got = err.(*source.Diagnostic).Message
		}
		if got != c.msg {
			t.Errorf("%s:\n got %q\nwant %q", name, got, c.msg)
		}
	}
	h := base()
	if err := h.validate(true); err == nil || !strings.Contains(err.Error(), "needs `source` and `verified`") {
		t.Errorf("built-in without source: %v", err)
	}
}
