package layouts

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"handbill/content"
	"handbill/source"
)

var placeholder = regexp.MustCompile(`\{([a-z0-9_]+)\}`)

// segmentSep separates a template's segments: a segment whose placeholder
// is empty is left out with its separator.
const segmentSep = " · "

// Template is a template of a layout file ("{call_label} {hotline}",
// "https://{web}"), parsed when the layout is loaded: its segments (the
// parts between " · "), each a run of literal text and placeholders whose
// names are known. Fill makes its text for a document.
type Template struct {
	// Src is the template as written, and Pos where its value is.
	Src string
	Pos source.Pos
	// Segments are the parts of Src between " · ", in order.
	Segments []Segment
	// single is the placeholder's name when the template is one
	// placeholder and nothing else: the filled text is then that
	// message's, and keeps its position.
	single string
}

// Segment is one part of a template between separators: literal text and
// placeholders, in order.
type Segment []Piece

// Piece is literal text, or a placeholder when Name is set. Offset is
// where it starts in the template, in bytes.
type Piece struct {
	Literal string
	Name    string
	Offset  int
}

// fieldNames are the placeholders a template can name besides message
// keys: the document's hotlines, organisation and language (see fields).
var fieldNames = []string{
	"emergency", "org_name", "org_contact", "native", "lang",
	"hotline", "sms", "sms_keyword", "web", "hotline_name",
	"more_hotlines", "hotline2", "hotline2_name", "hotline2_vanity", "web2",
}

// placeholderHint lists what a template can name.
const placeholderHint = "use a message key of the content file or one of {hotline}, {sms}, {sms_keyword}, {web}, {more_hotlines}, {emergency}, {org_name}, {org_contact}, {native}"

// knownPlaceholder tells whether a template may name key.
func knownPlaceholder(key string) bool {
	return slices.Contains(content.MessageKeys, key) || slices.Contains(fieldNames, key)
}

// ParseTemplate parses the template src, written at pos. An unknown
// placeholder is an error at pos.
func ParseTemplate(src string, pos source.Pos) (Template, error) {
	t := Template{Src: src, Pos: pos}
	if m := placeholder.FindStringSubmatch(src); m != nil && m[0] == strings.TrimSpace(src) {
		t.single = m[1]
	}
	start := 0
	for _, seg := range strings.Split(src, segmentSep) {
		var s Segment
		at := 0
		for _, m := range placeholder.FindAllStringSubmatchIndex(seg, -1) {
			name := seg[m[2]:m[3]]
			if !knownPlaceholder(name) {
				all := append(slices.Clone(content.MessageKeys), fieldNames...)
				hint := placeholderHint
				if near := source.Suggest(name, all); near != "" {
					hint = fmt.Sprintf("did you mean {%s}? %s", near, hint)
				}
				return Template{}, &source.Diagnostic{Severity: source.Error, Pos: pos,
					Message: fmt.Sprintf("unknown placeholder {%s} in %q", name, src), Hint: hint}
			}
			if m[0] > at {
				s = append(s, Piece{Literal: seg[at:m[0]], Offset: start + at})
			}
			s = append(s, Piece{Name: name, Offset: start + m[0]})
			at = m[1]
		}
		if at < len(seg) {
			s = append(s, Piece{Literal: seg[at:], Offset: start + at})
		}
		t.Segments = append(t.Segments, s)
		start += len(seg) + len(segmentSep)
	}
	return t, nil
}

// IsZero tells whether the template was not given.
func (t Template) IsZero() bool { return t.Src == "" }

// Names lists the placeholders the template names, in order.
func (t Template) Names() []string {
	var out []string
	for _, s := range t.Segments {
		for _, p := range s {
			if p.Name != "" {
				out = append(out, p.Name)
			}
		}
	}
	return out
}

// checkPrintable refuses a control character in the template's literal
// text, which no font draws: the same rule the text engine applies to
// what it sets, found here once, where the layout writes it.
func (t Template) checkPrintable(key string) error {
	for _, s := range t.Segments {
		for _, p := range s {
			if r, ok := controlIn(p.Literal); ok {
				return &source.Diagnostic{Severity: source.Error, Pos: t.Pos,
					Message: fmt.Sprintf("%s holds the control character U+%04X, which cannot be printed", source.QuoteKey(key), r),
					Hint:    "remove the control character from the text"}
			}
		}
	}
	return nil
}

// controlIn finds a character the text engine refuses to set: a control
// character other than tab and line breaks, a lone surrogate or U+FFFD.
func controlIn(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case unicode.IsControl(r) || unicode.Is(unicode.Cs, r) || r == utf8.RuneError:
			return r, true
		}
	}
	return 0, false
}

// fields are the values a template can name besides message keys (see
// fieldNames); a value the document does not have is "".
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

// Fill makes the template's text for a document. A segment with an empty
// placeholder (a region with no text line, no organisation given, a
// message the region leaves out) is dropped with its separator, and a
// template with nothing left is empty. The position is the message's when
// the template is a single message, else at.
func (t Template) Fill(d *content.Doc, at source.Pos) (string, source.Pos) {
	return t.fill(d, fields(d), at)
}

// fill is Fill with the document's fields (see fields) already made.
func (t Template) fill(d *content.Doc, f map[string]string, at source.Pos) (string, source.Pos) {
	pos := at
	if tx, ok := d.Messages.Texts[t.single]; ok && t.single != "" {
		pos = tx.Pos
	}
	var kept []string
	var b strings.Builder
	for _, seg := range t.Segments {
		b.Reset()
		empty := false
		for _, p := range seg {
			if p.Name == "" {
				b.WriteString(p.Literal)
				continue
			}
			v := f[p.Name]
			if tx, isMsg := d.Messages.Texts[p.Name]; isMsg {
				v = tx.S
			} else if slices.Contains(content.MessageKeys, p.Name) {
				v = "" // a message this region leaves out
			}
			if v == "" {
				empty = true
			}
			b.WriteString(v)
		}
		if !empty {
			kept = append(kept, strings.TrimSpace(b.String()))
		}
	}
	return strings.Join(kept, segmentSep), pos
}
