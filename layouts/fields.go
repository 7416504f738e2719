package layouts

import (
	"slices"
	"strings"
	"unicode"

	"handbill/content"
	"handbill/source"
	"handbill/text"
)

// What the hotline placeholders hold. A document's lines are its region's
// lines, most important first, then the lines the user's content file
// adds (see content.Doc). They are printed in three tiers:
//
//   - the main line: {hotline} (its number), {hotline_name},
//     {hotline_vanity};
//   - the national line, {national} (with {national_name} and
//     {national_vanity}), printed with the main line at the same size:
//     when the first line has neither a text line nor a web address (a
//     state line a posting law puts first, as Florida's, Georgia's and
//     Tennessee's), the next of the region's lines that has one; empty
//     elsewhere. {sms}, {sms_keyword} and {web} are the main line's, or
//     when it has none the national line's: the text line and address
//     printed beside the numbers always belong to one of them; so is
//     {whatsapp}, the number that answers WhatsApp messages (Mexico's
//     line), which is not a text line;
//   - every other line, by name and number: {other_hotlines} the region's
//     (and its missing-child line where the region lists it apart, as
//     the UK's 116 000), {local_hotlines} the user's own (a line with
//     its own id in the content file), {local_numbers} the same without
//     their names (the discreet card, where a name could say what the
//     card is about), {more_hotlines} the region's and the user's, with
//     the national line: every line but the first.
//
// {hotline2}, {hotline2_name}, {hotline2_vanity} and {web2} are the
// second line of the document, whatever it is.

// mainLines returns the document's main line and its national line
// (zero when there is none; see above), and the other lines in order:
// the region's, the missing-child line when it is not among them, and
// the user's own.
func mainLines(d *content.Doc) (first, national content.Hotline, others, local []content.Hotline) {
	if len(d.Hotlines) == 0 {
		return
	}
	first = d.Hotlines[0]
	rest := d.Hotlines[1:]
	if first.SMS == "" && first.Web == "" {
		if i := slices.IndexFunc(rest, func(h content.Hotline) bool { return isRegionLine(h) && (h.SMS != "" || h.Web != "") }); i >= 0 {
			national = rest[i]
			rest = slices.Delete(slices.Clone(rest), i, i+1)
		}
	}
	seen := map[string]bool{first.ID: true, national.ID: true}
	for _, h := range rest {
		seen[h.ID] = true
		if isRegionLine(h) {
			others = append(others, h)
		} else {
			local = append(local, h)
		}
	}
	if m := d.Missing; (m.Display != "" || m.SMS != "") && !seen[m.ID] {
		others = append(others, m)
	}
	return
}

// isRegionLine tells whether h is one of handbill's own lines (the
// region's, or a built-in line a content file names by its id), not a
// line a user's content file adds.
func isRegionLine(h content.Hotline) bool { return h.Pos.File == "" || h.Pos.IsBuiltin() }

// fields are the values a template can name besides message keys (see
// fieldNames); a value the document does not have is "".
func fields(d *content.Doc) map[string]string {
	rtl := text.IsRTL(d.Messages.Lang)
	m := map[string]string{
		"emergency":   d.Emergency.Display,
		"org_name":    isolateLTR(d.Org.Name.S, rtl),
		"org_contact": isolateLTR(d.Org.Contact.S, rtl),
		"native":      d.Messages.Native,
		"lang":        d.Messages.Lang.String(),
	}
	// The intro where it is handbill's own, empty where the content file
	// gives its own (a law's wording on a notice).
	if in := d.Messages.Texts["intro"]; in.Pos.IsBuiltin() {
		m["builtin_intro"] = in.S
	}
	first, national, others, local := mainLines(d)
	m["hotline"], m["hotline_name"], m["hotline_vanity"] = first.Display, first.Name.S, first.Vanity
	m["national"], m["national_name"], m["national_vanity"] = national.Display, national.Name.S, national.Vanity
	for _, h := range []content.Hotline{first, national} {
		if m["sms"] == "" && h.SMS != "" {
			m["sms"], m["sms_keyword"] = h.SMS, h.SMSKeyword
		}
		if m["web"] == "" {
			m["web"] = h.Web
		}
		if m["whatsapp"] == "" && h.WhatsApp != "" {
			m["whatsapp"] = h.WhatsApp
			if h.WhatsApp == h.Digits {
				m["whatsapp"] = h.Display // the same number, as printed
			}
		}
	}
	all := slices.Concat(d.Hotlines[min(1, len(d.Hotlines)):], nil)
	if m := d.Missing; (m.Display != "" || m.SMS != "") && !slices.ContainsFunc(d.Hotlines, func(h content.Hotline) bool { return h.ID == m.ID }) {
		all = append(all, m)
	}
	m["more_hotlines"] = lineList(all, rtl)
	m["other_hotlines"] = lineList(others, rtl)
	m["local_hotlines"] = lineList(local, rtl)
	var bare []content.Hotline
	for _, h := range local {
		h.Name = source.Text{}
		bare = append(bare, h)
	}
	m["local_numbers"] = lineList(bare, rtl)
	if len(d.Hotlines) > 1 {
		h := d.Hotlines[1]
		m["hotline2"], m["hotline2_name"], m["hotline2_vanity"], m["web2"] = h.Display, h.Name.S, h.Vanity, h.Web
	}
	return m
}

// lineList prints lines by name and number, separated by " · ": "National
// Center for Missing & Exploited Children 1-800-843-5678 (1-800-THE-LOST)
// · …". A line's hours are added when it is not open day and night ("…
// 951-555-0142, Mon–Fri 8am–6pm"); a line with no number prints its text
// line or web address. In a right-to-left document, a name in a
// left-to-right script is isolated with its number, and the number of a
// name in a right-to-left script on its own, so each reads in order; a
// line named in a right-to-left script prints its number without the
// letters that spell it ("1-800-THE-LOST"): an English mnemonic in
// parentheses means nothing to a reader of Arabic, Persian or Urdu, and
// PDFium and poppler, reordering the line themselves, gave it back as
// "(LOST-THE1-800- (1-800-843-5678".
func lineList(hs []content.Hotline, rtl bool) string {
	var items []string
	for _, h := range hs {
		num := h.Display
		switch {
		case num == "" && h.SMS != "":
			num = h.SMS
		case num == "":
			num = h.Web
		}
		if num == "" {
			continue
		}
		name := strings.TrimSpace(h.Name.S)
		if h.Vanity != "" && !(rtl && strings.ContainsFunc(name, isRTLLetter)) {
			num += " (" + h.Vanity + ")"
		}
		if hours := strings.TrimSpace(h.Hours); hours != "" && hours != "24/7" {
			num += ", " + hours
		}
		switch {
		case !rtl:
			items = append(items, strings.TrimSpace(name+" "+num))
		case name == "":
			items = append(items, isolate(num))
		case strings.ContainsFunc(name, isRTLLetter):
			items = append(items, name+" "+isolate(num))
		default:
			items = append(items, isolate(name+" "+num))
		}
	}
	return strings.Join(items, segmentSep)
}

// isolateLTR isolates s, the organisation's name or contact, in a
// right-to-left document when it has no right-to-left letters: an
// English name and address then read in order inside Arabic text.
func isolateLTR(s string, rtl bool) string {
	if !rtl || s == "" || strings.ContainsFunc(s, isRTLLetter) {
		return s
	}
	return isolate(s)
}

// isolate wraps s in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE.
func isolate(s string) string { return "\u2066" + s + "\u2069" }

// isRTLLetter reports a letter of a right-to-left script.
func isRTLLetter(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
