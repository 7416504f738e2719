// Package translate is the review loop for translators: it exports a
// language's messages as a gettext PO file (the format Poedit, Weblate and
// Lokalize open), checks a reviewed PO file and merges it into the user's
// content file with its provenance, and reports how far each language is
// reviewed and which reviewed texts went stale when the English changed.
//
// The PO reader and writer are handbill's own, small and strict: the Go
// PO libraries (github.com/leonelquinteros/gotext, github.com/chai2010/
// gettext-go) are made for reading translations at run time, are lenient
// about syntax and keep no line numbers, while an import here must refuse
// a malformed file with `vi.po:LINE:` and a hint, and an export must write
// translator comments, references, contexts and flags exactly.
package translate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"handbill/source"
)

// Entry is one PO message.
type Entry struct {
	Comments   []string // "# " translator comments
	Extracted  []string // "#." comments for translators
	References []string // "#:" file:line
	Flags      []string // "#," fuzzy, …
	Context    string
	HasContext bool
	ID         string
	Plural     string // msgid_plural, "" if none
	HasPlural  bool
	Str        string // msgstr, or msgstr[0]
	Strs       int    // how many msgstr[N] it has (0: a plain msgstr)
	// Line is the line of the entry's first keyword (msgctxt or msgid);
	// StrLine that of msgstr, PluralLine that of msgid_plural.
	Line, StrLine, PluralLine int
}

// Fuzzy tells whether the entry has the fuzzy flag.
func (e *Entry) Fuzzy() bool {
	for _, f := range e.Flags {
		if f == "fuzzy" {
			return true
		}
	}
	return false
}

// File is a PO file: its header (the msgstr of the entry with an empty
// msgid), as fields, and its entries in order.
type File struct {
	Header     []HeaderField
	HeaderLine int
	Entries    []*Entry
}

// HeaderField is one "Name: value" line of the header.
type HeaderField struct{ Name, Value string }

// Get returns the value of header field name ("" if absent).
func (f *File) Get(name string) (string, bool) {
	for _, h := range f.Header {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

// quote writes s as a PO string: long or multi-line texts as "" followed
// by one string per line, as gettext's tools write them.
func quote(s string) string {
	esc := func(s string) string {
		var b strings.Builder
		b.WriteByte('"')
		for _, r := range s {
			switch r {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\t':
				b.WriteString(`\t`)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
		return b.String()
	}
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		return esc(s)
	}
	var b strings.Builder
	b.WriteString(`""`)
	for _, line := range strings.SplitAfter(s, "\n") {
		if line != "" {
			b.WriteString("\n" + esc(line))
		}
	}
	return b.String()
}

// Bytes writes f in PO syntax.
func (f *File) Bytes() []byte {
	var b strings.Builder
	var hdr strings.Builder
	for _, h := range f.Header {
		hdr.WriteString(h.Name + ": " + h.Value + "\n")
	}
	b.WriteString("msgid \"\"\nmsgstr " + quote(hdr.String()) + "\n")
	for _, e := range f.Entries {
		b.WriteByte('\n')
		for _, c := range e.Comments {
			b.WriteString(strings.TrimRight("# "+c, " ") + "\n")
		}
		for _, c := range e.Extracted {
			b.WriteString(strings.TrimRight("#. "+c, " ") + "\n")
		}
		for _, r := range e.References {
			b.WriteString("#: " + r + "\n")
		}
		if len(e.Flags) > 0 {
			b.WriteString("#, " + strings.Join(e.Flags, ", ") + "\n")
		}
		if e.HasContext {
			b.WriteString("msgctxt " + quote(e.Context) + "\n")
		}
		b.WriteString("msgid " + quote(e.ID) + "\n")
		b.WriteString("msgstr " + quote(e.Str) + "\n")
	}
	return []byte(b.String())
}

// Parse reads a PO file strictly: every line is a comment, a keyword with
// a string, or a continuation string. A mistake is a *source.Diagnostic
// at its line (file:LINE:COL) with a hint.
func Parse(file string, data []byte) (*File, error) {
	errAt := func(line, col int, hint, format string, args ...any) error {
		return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: file, Line: line, Col: col}, Message: fmt.Sprintf(format, args...), Hint: hint}
	}
	if !utf8.Valid(data) {
		line := 1 + strings.Count(string(data[:firstInvalid(data)]), "\n")
		return nil, errAt(line, 1, "save the file as UTF-8 (Poedit and Weblate do)", "the file is not UTF-8 text")
	}
	f := &File{}
	var cur *Entry
	var target *string // the string a continuation line adds to
	var last string    // the keyword of target
	seen := map[string]int{}
	finish := func() error {
		if cur == nil {
			return nil
		}
		if cur.Line == 0 {
			cur = nil
			return nil // comments only (a file's closing comments)
		}
		if cur.StrLine == 0 {
			return errAt(cur.Line, 1, "every msgid needs a msgstr after it (msgstr \"\" if not translated)", "msgid without msgstr")
		}
		if cur.ID == "" && !cur.HasContext {
			if f.HeaderLine != 0 || len(f.Entries) > 0 {
				return errAt(cur.Line, 1, "only the first entry may have an empty msgid (the header)", "an entry with an empty msgid")
			}
			f.HeaderLine = cur.Line
			for _, l := range strings.Split(cur.Str, "\n") {
				if strings.TrimSpace(l) == "" {
					continue
				}
				name, value, ok := strings.Cut(l, ":")
				if !ok {
					return errAt(cur.StrLine, 1, "each header line is `Name: value\\n`", "header line %q has no colon", l)
				}
				f.Header = append(f.Header, HeaderField{strings.TrimSpace(name), strings.TrimSpace(value)})
			}
		} else {
			k := cur.Context + "\x04" + cur.ID
			if prev, dup := seen[k]; dup {
				return errAt(cur.Line, 1, fmt.Sprintf("the first is at line %d: keep one", prev), "message %q is in the file twice", cur.Context)
			}
			seen[k] = cur.Line
			f.Entries = append(f.Entries, cur)
		}
		cur, target = nil, nil
		return nil
	}
	lines := strings.Split(string(data), "\n")
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimRight(raw, "\r")
		t := strings.TrimSpace(line)
		col := 1 + len(line) - len(strings.TrimLeft(line, " \t"))
		switch {
		case t == "":
			if err := finish(); err != nil {
				return nil, err
			}
			continue
		case strings.HasPrefix(t, "#~"):
			continue // an obsolete entry: translators' tools keep them
		case strings.HasPrefix(t, "#"):
			if cur != nil && cur.Line != 0 {
				if err := finish(); err != nil {
					return nil, err
				}
			}
			if cur == nil {
				cur = &Entry{}
			}
			switch {
			case strings.HasPrefix(t, "#."):
				cur.Extracted = append(cur.Extracted, strings.TrimSpace(t[2:]))
			case strings.HasPrefix(t, "#:"):
				cur.References = append(cur.References, strings.Fields(t[2:])...)
			case strings.HasPrefix(t, "#,"):
				for _, fl := range strings.Split(t[2:], ",") {
					if fl = strings.TrimSpace(fl); fl != "" {
						cur.Flags = append(cur.Flags, fl)
					}
				}
			case strings.HasPrefix(t, "#|"):
				// previous msgid: kept by tools, not needed here
			default:
				cur.Comments = append(cur.Comments, strings.TrimSpace(strings.TrimPrefix(t, "#")))
			}
			continue
		case strings.HasPrefix(t, `"`):
			if target == nil {
				return nil, errAt(n, col, "a string on its own line continues the msgid or msgstr above it", "a string with no keyword before it")
			}
			s, err := unquote(t)
			if err != nil {
				return nil, errAt(n, col, err.Error(), "bad string after %s", last)
			}
			*target += s
			continue
		}
		kw, rest, _ := strings.Cut(t, " ")
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, `"`) {
			if isKeyword(kw) {
				return nil, errAt(n, col+len(kw)+1, "write the text in double quotes: msgstr \"…\"", "%s has no quoted string", kw)
			}
			return nil, errAt(n, col, "a PO line is a comment (#), msgctxt, msgid, msgid_plural, msgstr or a quoted string", "unexpected %q", short(t))
		}
		s, err := unquote(rest)
		if err != nil {
			return nil, errAt(n, col+len(kw)+1, err.Error(), "bad string after %s", kw)
		}
		if cur == nil {
			cur = &Entry{}
		}
		switch {
		case kw == "msgctxt":
			if cur.Line != 0 {
				if err := finish(); err != nil {
					return nil, err
				}
				cur = &Entry{}
			}
			cur.Context, cur.HasContext, cur.Line, target = s, true, n, &cur.Context
		case kw == "msgid":
			if cur.Line != 0 && last != "msgctxt" {
				if err := finish(); err != nil {
					return nil, err
				}
				cur = &Entry{}
			}
			if cur.Line == 0 {
				cur.Line = n
			}
			cur.ID, target = s, &cur.ID
		case kw == "msgid_plural":
			if last != "msgid" {
				return nil, errAt(n, col, "msgid_plural follows a msgid", "msgid_plural out of place")
			}
			cur.Plural, cur.HasPlural, cur.PluralLine, target = s, true, n, &cur.Plural
		case kw == "msgstr":
			if last != "msgid" {
				return nil, errAt(n, col, "msgstr follows the msgid it translates", "msgstr out of place")
			}
			cur.Str, cur.StrLine, target = s, n, &cur.Str
		case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
			idx, err := strconv.Atoi(kw[7 : len(kw)-1])
			if err != nil || idx != cur.Strs || !(last == "msgid_plural" || strings.HasPrefix(last, "msgstr[")) {
				return nil, errAt(n, col, "msgstr[0], msgstr[1], … follow a msgid_plural, in order", "%s out of place", kw)
			}
			cur.Strs++
			if idx == 0 {
				cur.Str, cur.StrLine, target = s, n, &cur.Str
			} else {
				var ignore string
				target = &ignore
			}
		default:
			return nil, errAt(n, col, "a PO line is a comment (#), msgctxt, msgid, msgid_plural, msgstr or a quoted string", "unknown keyword %q", short(kw))
		}
		last = kw
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if f.HeaderLine == 0 {
		return nil, errAt(1, 1, "export the file again with `handbill translate export`: it starts with the header (msgid \"\" and msgstr with Language:)", "the PO file has no header entry")
	}
	return f, nil
}

func isKeyword(kw string) bool {
	switch kw {
	case "msgctxt", "msgid", "msgid_plural", "msgstr":
		return true
	}
	return strings.HasPrefix(kw, "msgstr[")
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 30 {
		return string([]rune(s)[:30]) + "…"
	}
	return s
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// unquote reads one PO string: "…" with the C escapes gettext writes.
func unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("a string is in double quotes, on one line: close it with \"")
	}
	in := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch {
		case c == '"':
			return "", fmt.Errorf("a double quote inside a string is written \\\"")
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(in) {
			return "", fmt.Errorf("the string ends with a lone backslash: write \\\\ for a backslash")
		}
		switch in[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '"':
			b.WriteByte('"')
		case '\\':
			b.WriteByte('\\')
		default:
			return "", fmt.Errorf("unknown escape \\%c: PO strings know \\n, \\t, \\\", \\\\", in[i])
		}
	}
	return b.String(), nil
}

var placeholderRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[A-Za-z_][A-Za-z0-9_]*\}`) })
