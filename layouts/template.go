package layouts

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"handbill/content"
	"handbill/source"
)

var placeholder = regexp.MustCompile(`\{([a-z0-9_]+)\}`)

// fields are the values a template can name besides message keys.
func fields(d *content.Doc) map[string]string {
	m := map[string]string{
		"emergency":   d.Emergency.Display,
		"org_name":    d.Org.Name.S,
		"org_contact": d.Org.Contact.S,
		"native":      d.Messages.Native,
		"lang":        d.Messages.Lang.String(),
	}
	if len(d.Hotlines) > 0 {
		h := d.Hotlines[0]
		m["hotline"], m["sms"], m["sms_keyword"], m["web"], m["hotline_name"] = h.Display, h.SMS, h.SMSKeyword, h.Web, h.Name.S
	}
	var more []string
	for _, h := range d.Hotlines[min(1, len(d.Hotlines)):] {
		line := h.Name.S + " " + h.Display
		if h.Vanity != "" {
			line += " (" + h.Vanity + ")"
		}
		more = append(more, line)
	}
	m["more_hotlines"] = ""
	if len(more) > 0 {
		// The names are English: isolate them left to right, so inside
		// right-to-left text "Name 1-800… (VANITY)" keeps its order.
		m["more_hotlines"] = "\u2066" + strings.Join(more, " · ") + "\u2069"
	}
	for _, h := range d.Hotlines[min(1, len(d.Hotlines)):] {
		if _, ok := m["hotline2"]; !ok {
			m["hotline2"], m["hotline2_name"], m["hotline2_vanity"], m["web2"] = h.Display, h.Name.S, h.Vanity, h.Web
		}
	}
	return m
}

// expand fills a template from the document. A template is read as
// segments separated by " · "; a segment with an empty placeholder (a
// region with no text line, no organisation given, a message the region
// leaves out) is dropped with its separator, and a template with nothing
// left is empty. The position is the message's when the template is a
// single message, else the block's.
func expand(tmpl string, d *content.Doc, at source.Pos) (string, source.Pos, error) {
	f := fields(d)
	pos := at
	if m := placeholder.FindStringSubmatch(tmpl); m != nil && m[0] == strings.TrimSpace(tmpl) {
		if t, ok := d.Messages.Texts[m[1]]; ok {
			pos = t.Pos
		}
	}
	var kept []string
	for _, seg := range strings.Split(tmpl, " · ") {
		var bad string
		empty := false
		out := placeholder.ReplaceAllStringFunc(seg, func(s string) string {
			key := s[1 : len(s)-1]
			v, ok := f[key]
			if t, isMsg := d.Messages.Texts[key]; isMsg {
				v, ok = t.S, true
			} else if slices.Contains(content.MessageKeys, key) {
				v, ok = "", true // a message this region leaves out
			}
			if !ok && bad == "" {
				bad = key
			}
			if v == "" {
				empty = true
			}
			return v
		})
		if bad != "" {
			return "", at, &source.Diagnostic{Severity: source.Error, Pos: at, Message: fmt.Sprintf("unknown placeholder {%s} in %q", bad, tmpl),
				Hint: "use a message key of the content file or one of {hotline}, {sms}, {sms_keyword}, {web}, {more_hotlines}, {emergency}, {org_name}, {org_contact}, {native}"}
		}
		if !empty {
			kept = append(kept, strings.TrimSpace(out))
		}
	}
	return strings.Join(kept, " · "), pos, nil
}
