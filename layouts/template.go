package layouts

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"handbill/content"
	"handbill/source"
)

// Templates adapt to what a document has. A template is read in four
// levels, from the outside in:
//
//	template    = line { "\n" line }
//	line        = segment { " · " segment }
//	segment     = alternative { " | " alternative }
//	alternative = { literal text | placeholder }
//	placeholder = "{" name { "|" name } [ "?" ] "}" | "{!" name "}"
//
// Filled for a document (see Template.Fill):
//   - a placeholder is the first of its names that has a value
//     ("{sms|web}": the text line, else the web address);
//   - a placeholder with no value makes its alternative fail, unless it is
//     optional ("{sms_note?}"), when it drops just itself (and a space
//     next to it);
//   - a guard ("{!sms_note}") prints nothing, and makes its alternative
//     fail where the name has a value (a tear-off tab prints the text line
//     only where it works in the document's language);
//   - a segment is its first alternative that does not fail and is not
//     blank ("{text_label} {sms} | {web}": "Text 233733" where there is a
//     text line, else the web address); a segment with none is left out,
//     with its separator;
//   - a line with no segment left is left out, with its line break; a
//     template with nothing left is empty, and its block draws nothing.
//
// Braces are only for placeholders: an unclosed or stray brace, an empty
// placeholder or alternative, an unknown name or a misplaced "?" is an
// error when the layout is loaded.

// The separators of a template's levels.
const (
	lineSep    = "\n"
	segmentSep = " · "
	altSep     = " | "
)

// Template is a template of a layout file ("{call_label} {hotline}",
// "https://{web}"), parsed when the layout is loaded into lines, segments,
// alternatives and pieces whose names are known. Fill makes its text for
// a document.
type Template struct {
	// Src is the template as written, and Pos where its value is.
	Src string
	Pos source.Pos
	// Lines are the template's lines, in order.
	Lines []Line
	// single is the placeholder's name when the template is one
	// placeholder and nothing else: the filled text is then that
	// message's, and keeps its position.
	single string
}

// Line is one line of a template: its segments, in order.
type Line []Segment

// Segment is one part of a line between " · " separators: its
// alternatives, of which the first that can be filled is printed.
type Segment []Alternative

// Alternative is literal text and placeholders, in order.
type Alternative []Piece

// Piece is literal text, or a placeholder when Names is set: the names
// to try in order, and whether it may be left empty; or a guard ({!name},
// Not set), which prints nothing and fails its alternative where the
// name has a value. Offset is where it starts in the template, in bytes.
type Piece struct {
	Literal  string
	Names    []string
	Optional bool
	Not      bool
	Offset   int
}

// fieldNames are the placeholders a template can name besides message
// keys: the document's hotlines, organisation and language (see fields).
var fieldNames = []string{
	"emergency", "org_name", "org_contact", "native", "lang",
	"hotline", "hotline_name", "hotline_vanity", "sms", "sms_keyword", "web", "whatsapp",
	"national", "national_name", "national_vanity",
	"more_hotlines", "other_hotlines", "local_hotlines", "local_numbers",
	"hotline2", "hotline2_name", "hotline2_vanity", "web2",
	"builtin_intro",
}

// laterMessageKeys are message keys a template may name before every
// content set has them: a document without the message leaves the
// placeholder empty.
var laterMessageKeys = []string{"sms_note"}

// placeholderHint lists what a template can name.
const placeholderHint = "use a message key of the content file or one of {hotline}, {hotline_name}, {sms}, {sms_keyword}, {web}, {whatsapp}, {national}, {other_hotlines}, {local_hotlines}, {more_hotlines}, {emergency}, {org_name}, {org_contact}, {native}"

// syntaxHint explains the template syntax.
const syntaxHint = `braces hold placeholders only: {name}, {name?} (may be empty), {a|b} (a, else b), {!name} (only where name is empty); " | " between two texts prints the first that can be filled`

// knownNames is every name a template can hold.
func knownNames() []string {
	return append(append(slices.Clone(content.MessageKeys), fieldNames...), laterMessageKeys...)
}

// knownPlaceholder tells whether a template may name key.
func knownPlaceholder(key string) bool {
	return slices.Contains(content.MessageKeys, key) || slices.Contains(fieldNames, key) || slices.Contains(laterMessageKeys, key)
}

// isNameByte tells whether c may be in a placeholder's name.
func isNameByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' }

// ParseTemplate parses the template src, written at pos. A syntax
// mistake or an unknown placeholder is an error at pos.
func ParseTemplate(src string, pos source.Pos) (Template, error) {
	t := Template{Src: src, Pos: pos}
	fail := func(hint, format string, args ...any) (Template, error) {
		return Template{}, &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf(format, args...) + fmt.Sprintf(" in %q", src), Hint: hint}
	}
	var (
		line   Line
		seg    Segment
		alt    Alternative
		lit    strings.Builder
		litAt  int
		hasAlt bool // the segment being read has a " | "
	)
	flushLit := func() {
		if lit.Len() > 0 {
			alt = append(alt, Piece{Literal: lit.String(), Offset: litAt})
			lit.Reset()
		}
	}
	// endAlt ends the alternative being read: one next to " | " must
	// print something.
	endAlt := func(nextIsAlt bool) bool {
		flushLit()
		blank := !hasPlaceholder(alt) && strings.TrimSpace(altText(alt)) == ""
		if blank && (hasAlt || nextIsAlt) {
			return false
		}
		seg = append(seg, alt)
		alt = nil
		hasAlt = hasAlt || nextIsAlt
		return true
	}
	endSeg := func() {
		line = append(line, seg)
		seg, hasAlt = nil, false
	}
	const altHint = `write text on both sides of " | ", e.g. "{text_label} {sms} | {web}"`
	for i := 0; i < len(src); {
		switch {
		case strings.HasPrefix(src[i:], altSep):
			if !endAlt(true) {
				return fail(altHint, "empty alternative before \" | \" at byte %d", i+1)
			}
			i += len(altSep)
		case strings.HasPrefix(src[i:], segmentSep), strings.HasPrefix(src[i:], lineSep):
			if !endAlt(false) {
				return fail(altHint, "empty alternative after \" | \" before byte %d", i+1)
			}
			endSeg()
			if strings.HasPrefix(src[i:], lineSep) {
				t.Lines = append(t.Lines, line)
				line = nil
				i += len(lineSep)
			} else {
				i += len(segmentSep)
			}
		case src[i] == '}':
			return fail(syntaxHint, "} with no { before it at byte %d", i+1)
		case src[i] == '{':
			end := strings.IndexAny(src[i+1:], "{}\n")
			if end < 0 || src[i+1+end] != '}' {
				return fail(syntaxHint+"; close it with }", "unclosed { at byte %d", i+1)
			}
			raw := src[i+1 : i+1+end]
			p, err := parsePlaceholder(raw)
			if err != nil {
				return fail(err.hint, "%s", err.msg)
			}
			p.Offset = i
			flushLit()
			alt = append(alt, p)
			i += end + 2
		default:
			if lit.Len() == 0 {
				litAt = i
			}
			_, n := utf8.DecodeRuneInString(src[i:])
			lit.WriteString(src[i : i+n])
			i += n
		}
	}
	if !endAlt(false) {
		return fail(altHint, "empty alternative after \" | \" at the end")
	}
	endSeg()
	t.Lines = append(t.Lines, line)
	// A template that is one message and nothing else (spaces around it
	// aside) prints that message at its own position.
	if len(t.Lines) == 1 && len(t.Lines[0]) == 1 && len(t.Lines[0][0]) == 1 {
		var names []Piece
		for _, p := range t.Lines[0][0][0] {
			if len(p.Names) > 0 {
				names = append(names, p)
			} else if strings.TrimSpace(p.Literal) != "" {
				names = nil
				break
			}
		}
		if len(names) == 1 && len(names[0].Names) == 1 && !names[0].Optional {
			t.single = names[0].Names[0]
		}
	}
	return t, nil
}

// templateErr is a mistake in a placeholder: the message and its hint.
type templateErr struct{ msg, hint string }

// parsePlaceholder reads what is between a placeholder's braces:
// names separated by |, and an optional ? at the end.
func parsePlaceholder(raw string) (Piece, *templateErr) {
	var p Piece
	body := raw
	if b, ok := strings.CutPrefix(body, "!"); ok {
		p.Not, body = true, b
		if strings.ContainsAny(body, "|?") {
			return p, &templateErr{fmt.Sprintf("{%s} is a guard: it takes one name, with no | or ?", raw), "write {!name}: the text it is in is printed only where name has no value"}
		}
	}
	if b, ok := strings.CutSuffix(body, "?"); ok {
		p.Optional, body = true, b
	}
	if strings.TrimSpace(body) == "" {
		return p, &templateErr{fmt.Sprintf("empty placeholder {%s}", raw), syntaxHint}
	}
	for _, name := range strings.Split(body, "|") {
		switch {
		case name == "":
			return p, &templateErr{fmt.Sprintf("{%s} has an empty alternative", raw), "name a placeholder on each side of |, e.g. {sms|web}"}
		case strings.Contains(name, "?"):
			return p, &templateErr{fmt.Sprintf("{%s} has a ? before its end", raw), "write ? once, at the end: {sms|web?}"}
		case strings.IndexFunc(name, func(r rune) bool { return r > 127 || !isNameByte(byte(r)) }) >= 0:
			return p, &templateErr{fmt.Sprintf("bad placeholder {%s}", raw), syntaxHint + "; names are lower-case letters, digits and _"}
		case !knownPlaceholder(name):
			hint := placeholderHint
			if near := source.Suggest(name, knownNames()); near != "" {
				hint = fmt.Sprintf("did you mean {%s}? %s", near, hint)
			}
			if strings.Contains(body, "|") {
				return p, &templateErr{fmt.Sprintf("unknown alternative {%s} of {%s}", name, raw), hint}
			}
			return p, &templateErr{fmt.Sprintf("unknown placeholder {%s}", name), hint}
		case slices.Contains(p.Names, name):
			return p, &templateErr{fmt.Sprintf("{%s} names %s twice", raw, name), "name each alternative once"}
		}
		p.Names = append(p.Names, name)
	}
	return p, nil
}

// altText is an alternative's literal text.
func altText(a Alternative) string {
	var b strings.Builder
	for _, p := range a {
		b.WriteString(p.Literal)
	}
	return b.String()
}

func hasPlaceholder(a Alternative) bool {
	return slices.ContainsFunc(a, func(p Piece) bool { return len(p.Names) > 0 })
}

// IsZero tells whether the template was not given.
func (t Template) IsZero() bool { return t.Src == "" }

// Names lists the placeholders the template names, in order.
func (t Template) Names() []string {
	var out []string
	t.pieces(func(p Piece) {
		out = append(out, p.Names...)
	})
	return out
}

// pieces calls f on each piece of the template, in order.
func (t Template) pieces(f func(Piece)) {
	for _, l := range t.Lines {
		for _, s := range l {
			for _, a := range s {
				for _, p := range a {
					f(p)
				}
			}
		}
	}
}

// checkPrintable refuses a control character in the template's literal
// text, which no font draws: the same rule the text engine applies to
// what it sets, found here once, where the layout writes it.
func (t Template) checkPrintable(key string) error {
	var err error
	t.pieces(func(p Piece) {
		if r, ok := controlIn(p.Literal); ok && err == nil {
			err = &source.Diagnostic{Severity: source.Error, Pos: t.Pos,
				Message: fmt.Sprintf("%s holds the control character U+%04X, which cannot be printed", source.QuoteKey(key), r),
				Hint:    "remove the control character from the text"}
		}
	})
	return err
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

// Fill makes the template's text for a document (see the rules at the
// top of this file): a placeholder with no value (a region with no text
// line, no organisation given, a message the region leaves out) takes
// its alternative, segment or line with it unless it is optional. The
// position is the message's when the template is a single message, else
// at.
func (t Template) Fill(d *content.Doc, at source.Pos) (string, source.Pos) {
	return t.fill(d, fields(d), at)
}

// value is what name fills for document d with fields f.
func value(d *content.Doc, f map[string]string, name string) string {
	if tx, isMsg := d.Messages.Texts[name]; isMsg {
		return tx.S
	}
	if slices.Contains(content.MessageKeys, name) {
		return "" // a message this region leaves out
	}
	return f[name]
}

// fill is Fill with the document's fields (see fields) already made.
func (t Template) fill(d *content.Doc, f map[string]string, at source.Pos) (string, source.Pos) {
	pos := at
	if tx, ok := d.Messages.Texts[t.single]; ok && t.single != "" {
		pos = tx.Pos
	}
	var lines []string
	for _, l := range t.Lines {
		var kept []string
		for _, seg := range l {
			for _, alt := range seg {
				if s, ok := fillAlt(alt, d, f); ok && s != "" {
					kept = append(kept, s)
					break
				}
			}
		}
		if len(kept) > 0 {
			lines = append(lines, strings.Join(kept, segmentSep))
		}
	}
	return strings.Join(lines, lineSep), pos
}

// fillAlt fills one alternative; ok is false when a placeholder that is
// not optional has no value.
func fillAlt(a Alternative, d *content.Doc, f map[string]string) (string, bool) {
	var b []byte
	dropped := false // an optional placeholder was just left out
	for _, p := range a {
		if p.Not {
			if value(d, f, p.Names[0]) != "" {
				return "", false
			}
			continue
		}
		if len(p.Names) == 0 {
			s := p.Literal
			if dropped && len(b) > 0 && b[len(b)-1] == ' ' {
				s = strings.TrimPrefix(s, " ")
			}
			b = appendTight(b, s)
			dropped = false
			continue
		}
		v := ""
		for _, n := range p.Names {
			if v = value(d, f, n); v != "" {
				break
			}
		}
		if v == "" {
			if !p.Optional {
				return "", false
			}
			dropped = true
			continue
		}
		b = appendTight(b, v)
		dropped = false
	}
	return strings.TrimSpace(string(b)), true
}

// appendTight appends s to b, without the spaces between them where a
// full-width bracket meets them: Chinese, Japanese and Korean brackets
// (（ ）「 」【 】…) carry their own space in their glyph, so "{sms}
// {sms_note?}" gives "233733（英語またはスペイン語のみ）", not "233733
// （…", whatever the language of the template's literal space.
func appendTight(b []byte, s string) []byte {
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " ")); wideBracket(r, unicode.Ps) {
		s = strings.TrimLeft(s, " ")
		for len(b) > 0 && b[len(b)-1] == ' ' {
			b = b[:len(b)-1]
		}
	}
	if r, _ := utf8.DecodeLastRune(bytes.TrimRight(b, " ")); wideBracket(r, unicode.Pe) {
		b = bytes.TrimRight(b, " ")
		s = strings.TrimLeft(s, " ")
	}
	return append(b, s...)
}

// wideBracket reports whether r is a full-width (East Asian) bracket of
// class cls: opening (Ps) or closing (Pe).
func wideBracket(r rune, cls *unicode.RangeTable) bool {
	return r >= 0x3000 && unicode.Is(cls, r)
}
