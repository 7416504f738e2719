package translate

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"handbill/content"
	"handbill/source"
)

// ImportOptions says what to merge where.
type ImportOptions struct {
	PO   string // the PO file's name, for positions
	Data []byte // what it holds
	// Into is the user's content file (created when absent: Existing nil).
	Into     string
	Existing []byte
	Lang     language.Tag // language.Und: the PO header's
	Reviewer string
	Date     string // YYYY-MM-DD
	Status   string // default community-reviewed
	// Fuzzy takes fuzzy translations too (translate check: a translator
	// wants to know whether a draft fits before it is reviewed).
	Fuzzy bool
}

// Change is one message an import writes.
type Change struct {
	Context  string
	Old, New string
	// Approved: the text is unchanged, and the reviewer approved it (it was
	// a machine draft, or stale).
	Approved bool
}

// Result is what an import would write.
type Result struct {
	Lang    language.Tag
	Changes []Change
	Data    []byte // the new content file
	// Partial lists the lists left out: some of their items are still
	// fuzzy or untranslated, and a list is reviewed whole.
	Partial []string
	Set     *content.Set
}

// Import checks the PO file against the current content (the built-ins
// overlaid with Into) and returns the content file with every non-fuzzy
// translation that is new or newly reviewed merged in, and the
// provenance of the language set to the review. Nothing is returned but
// an error if any part of the import is wrong: a PO syntax error, a
// wrong Language header, an unknown context, plural forms, placeholders
// missing or added, bidi controls, a number that is not in the English.
// The edit is made on the YAML node tree, so the file's comments and key
// order stay.
func Import(o ImportOptions) (*Result, error) {
	po, err := Parse(o.PO, o.Data)
	if err != nil {
		return nil, err
	}
	at := func(line int, hint, format string, args ...any) error {
		return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: o.PO, Line: line, Col: 1}, Message: fmt.Sprintf(format, args...), Hint: hint}
	}
	var set *content.Set
	if len(bytes.TrimSpace(o.Existing)) > 0 {
		set, err = content.LoadData(o.Into, o.Existing)
	} else {
		set, err = content.Load("")
	}
	if err != nil {
		return nil, err
	}
	hl, ok := po.Get("Language")
	if !ok || strings.TrimSpace(hl) == "" {
		return nil, at(po.HeaderLine, "the header needs a `Language: vi\\n` line naming the language of the translations", "the PO header has no Language")
	}
	tag, err := language.Parse(hl)
	if err != nil {
		return nil, at(po.HeaderLine, "write a BCP 47 tag, such as vi, es or zh-Hant", "the PO header's Language %q is not a language tag", hl)
	}
	if o.Lang != language.Und && o.Lang != tag {
		if a, err := set.Lookup(o.Lang); err != nil || a != lookupOr(set, tag) {
			return nil, at(po.HeaderLine, fmt.Sprintf("this file is in %s; import it with --lang %s, or export the %s file", tag, tag, o.Lang), "the PO header's Language is %s, not %s", tag, o.Lang)
		}
	}
	if tag == language.English {
		return nil, at(po.HeaderLine, "a PO file holds a translation of the English; edit English text in your content file", "the PO header's Language is English")
	}
	lt, err := set.Lookup(tag)
	if err != nil {
		return nil, at(po.HeaderLine, "export a file with `handbill translate export --lang TAG`; `handbill list languages` lists them", "handbill has no text in the PO header's Language %s", hl)
	}
	// A regional tag (vi_VN, as some editors write it) is its language.
	tag = lt
	audience := "community"
	if a, ok := po.Get("X-Handbill-Audience"); ok && a != "" {
		if !slices.Contains(content.Audiences, a) {
			return nil, at(po.HeaderLine, "audiences: "+strings.Join(content.Audiences, ", "), "unknown audience %q in the PO header", a)
		}
		audience = a
	}
	units, err := Units(set, tag, audience)
	if err != nil {
		return nil, err
	}
	byCtx := map[string]*Unit{}
	var ctxs []string
	for _, u := range units {
		byCtx[u.Context] = u
		ctxs = append(ctxs, u.Context)
	}
	type write struct {
		u    *Unit
		text string
		line int // of the msgstr in the PO file
	}
	var writes []write
	for _, e := range po.Entries {
		u, ok := byCtx[e.Context]
		if !e.HasContext || !ok {
			hint := "each message's msgctxt names a message (`headline`, `signs[2]`): export the file again with handbill translate export"
			if s := source.Suggest(e.Context, ctxs); s != "" {
				hint = fmt.Sprintf("did you mean `%s`? ", s) + hint
			}
			return nil, at(e.Line, hint, "unknown message %q", e.Context)
		}
		if e.HasPlural || e.Strs > 0 {
			l := e.PluralLine
			if l == 0 {
				l = e.StrLine
			}
			return nil, at(l, "handbill's messages have no plural forms: use msgid and one msgstr", "`%s` has plural forms", e.Context)
		}
		if (e.Fuzzy() && !o.Fuzzy) || e.Str == "" {
			continue
		}
		if e.ID != u.English {
			return nil, at(e.Line, "the English changed since this file was exported: export it again (the translations you made are kept in the new file only if you copy them)", "the msgid of `%s` is not its current English text", e.Context)
		}
		if err := checkText(o.PO, e, u); err != nil {
			return nil, err
		}
		if e.Str == u.Current && u.Reviewed() && !u.Stale {
			continue
		}
		writes = append(writes, write{u, e.Str, e.StrLine})
	}
	var doc yaml.Node
	if len(bytes.TrimSpace(o.Existing)) > 0 {
		if err := yaml.Unmarshal(o.Existing, &doc); err != nil {
			return nil, fmt.Errorf("%s: %v", o.Into, err)
		}
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	var msgs *yaml.Node
	if audience == "community" {
		msgs = mapPath(root, "messages", tag.String())
	} else {
		msgs = mapPath(root, "audiences", audience, tag.String())
	}
	res := &Result{Lang: tag}
	lists := map[string]bool{}
	changed := map[string]string{}
	for _, w := range writes {
		changed[w.u.Context] = w.text
	}
	// A list is written, and reviewed, whole: one whose items are not all
	// reviewed (in this file or before) is left as it is, and said so.
	partial := map[string]bool{}
	for _, u := range units {
		if _, ok := changed[u.Context]; u.Index >= 0 && !ok && !(u.Reviewed() && !u.Stale) {
			partial[u.Key] = true
		}
	}
	kept := writes[:0]
	for _, w := range writes {
		if w.u.Index >= 0 && partial[w.u.Key] {
			delete(changed, w.u.Context)
			if !slices.Contains(res.Partial, w.u.Key) {
				res.Partial = append(res.Partial, w.u.Key)
			}
			continue
		}
		kept = append(kept, w)
	}
	writes = kept
	for _, w := range writes {
		u := w.u
		res.Changes = append(res.Changes, Change{Context: u.Context, Old: u.Current, New: w.text, Approved: w.text == u.Current})
		if u.Index >= 0 {
			lists[u.Key] = true
			continue
		}
		if u.Key == content.NamesKey {
			setText(mapPath(root, content.NamesKey, tag.String()), u.ID, scalar(w.text))
			continue
		}
		main := byCtx[strings.TrimSuffix(u.Context, CallOnlySuffix)]
		setText(msgs, u.Key, textNode(pick(changed, main), main, units, changed))
	}
	// A list is written whole: every item as the language has it, with
	// the imported ones replaced.
	for _, key := range content.ListKeys {
		if !lists[key] {
			continue
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, u := range units {
			if u.Key != key || u.CallOnly {
				continue
			}
			seq.Content = append(seq.Content, textNode(pick(changed, u), u, units, changed))
		}
		// Items the language has beyond the English list (no English to
		// review them against) are kept as they are.
		tr, err := set.Entries(tag, audience)
		if err != nil {
			return nil, err
		}
		for _, e := range tr {
			if e.Key == key && e.Index >= len(seq.Content) && !e.English {
				if e.CallOnly.S != "" {
					seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar("text"), scalar(e.Text.S), scalar("call_only"), scalar(e.CallOnly.S)}})
				} else {
					seq.Content = append(seq.Content, scalar(e.Text.S))
				}
			}
		}
		deleteKey(msgs, key+content.AppendSuffix)
		setText(msgs, key, seq)
	}
	// Provenance: the review, and per message the English it was reviewed
	// against.
	status := o.Status
	if status == "" {
		status = "community-reviewed"
	}
	prov := mapPath(root, "provenance", tag.String())
	setText(prov, "status", scalar(status))
	setText(prov, "reviewer", scalar(o.Reviewer))
	setText(prov, "date", scalar(o.Date))
	srcs := mapPath(prov, "sources")
	for _, w := range writes {
		// The context as exported ("youth/headline"), the call-only form
		// under its message, and the hash of the English of both forms.
		c := strings.TrimSuffix(w.u.Context, CallOnlySuffix)
		if w.u.Key == content.NamesKey {
			c = strings.TrimPrefix(c, audience+"/")
		}
		en := byCtx[strings.TrimSuffix(w.u.Context, CallOnlySuffix)].English
		h := content.SourceHash(en)
		if co, ok := byCtx[strings.TrimSuffix(w.u.Context, CallOnlySuffix)+CallOnlySuffix]; ok {
			h = content.SourceHash(en + "\n" + co.English)
		}
		setText(srcs, c, scalar(h))
	}
	if len(srcs.Content) == 0 {
		deleteKey(prov, "sources")
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	enc.Close()
	res.Data = keepBlankLines(o.Existing, buf.Bytes())
	// The file as it will be written must load: the content package's own
	// checks (placeholders, bidi, provenance) have the last word.
	if res.Set, err = content.LoadData(o.Into, res.Data); err != nil {
		// A mistake in a text the import writes is the PO file's, at its
		// msgstr: the content file is not written.
		if d := source.From(err); d != nil && d.Pos.File == o.Into && d.Pos.Line > 0 {
			if v, ok := valueAt(res.Data, d.Pos.Line); ok {
				for _, w := range writes {
					if w.text == v || strings.Contains(v, w.text) {
						d2 := *d
						d2.Pos = source.Pos{File: o.PO, Line: w.line, Col: 1}
						d2.Message = "the msgstr of `" + w.u.Context + "`: " + d.Message
						return nil, &d2
					}
				}
			}
		}
		return nil, err
	}
	return res, nil
}

// valueAt is the scalar value of a YAML file written on line.
func valueAt(data []byte, line int) (string, bool) {
	var n yaml.Node
	if yaml.Unmarshal(data, &n) != nil {
		return "", false
	}
	var find func(*yaml.Node) (string, bool)
	find = func(n *yaml.Node) (string, bool) {
		if n.Kind == yaml.ScalarNode && n.Line == line {
			return n.Value, true
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			if v, ok := find(n.Content[i]); ok {
				return v, true
			}
		}
		return "", false
	}
	return find(&n)
}

func pick(changed map[string]string, u *Unit) string {
	if s, ok := changed[u.Context]; ok {
		return s
	}
	if u.Missing {
		return u.English
	}
	return u.Current
}

// textNode is the YAML of a message: a string, or {text, call_only} when
// it has a call-only form.
func textNode(text string, u *Unit, units []*Unit, changed map[string]string) *yaml.Node {
	for _, c := range units {
		if c.Context == u.Context+CallOnlySuffix {
			co := pick(changed, c)
			return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar("text"), scalar(text), scalar("call_only"), scalar(co)}}
		}
	}
	return scalar(text)
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// mapPath finds or makes the mapping at keys under m.
func mapPath(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		var next *yaml.Node
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == k {
				next = m.Content[i+1]
			}
		}
		if next == nil || next.Kind != yaml.MappingNode {
			nn := &yaml.Node{Kind: yaml.MappingNode}
			if next != nil {
				*next = *nn
				nn = next
			} else {
				m.Content = append(m.Content, scalar(k), nn)
			}
			next = nn
		}
		m = next
	}
	return m
}

func setText(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v.LineComment, v.HeadComment = m.Content[i+1].LineComment, m.Content[i+1].HeadComment
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, scalar(key), v)
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

var numberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\+?\d[\d\-. ()]{2,}\d|\d{3,}`) })

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkText checks a translation against its English source: the same
// placeholders, no bidi controls, no number the English does not have.
func checkText(file string, e *Entry, u *Unit) error {
	at := func(hint, format string, args ...any) error {
		return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: file, Line: e.StrLine, Col: 1}, Message: fmt.Sprintf(format, args...), Hint: hint}
	}
	for i, r := range e.Str {
		if content.IsBidiControl(r) {
			return at("remove it (most editors do not show it: delete and retype the text around it); handbill sets each language's direction itself and keeps numbers left to right",
				"the msgstr of `%s` holds U+%04X, an invisible character that reorders text: a number after it can print backwards (byte %d)", e.Context, r, i)
		}
	}
	for _, r := range e.Str {
		if unicode.IsControl(r) && !strings.ContainsRune(u.English, r) {
			return at("write the text on one line, without tabs: handbill breaks the lines itself to fit each product",
				"the msgstr of `%s` holds the control character U+%04X", e.Context, r)
		}
	}
	want, got := placeholders(u.English), placeholders(e.Str)
	for _, p := range want {
		if !slices.Contains(got, p) {
			return at(fmt.Sprintf("keep %s exactly as in the English: handbill fills it with the number or address", p), "the msgstr of `%s` has lost the placeholder %s", e.Context, p)
		}
	}
	for _, p := range got {
		if !slices.Contains(want, p) {
			return at("use only the placeholders of the English text: "+orNone(want), "the msgstr of `%s` adds the placeholder %s, which the English does not have", e.Context, p)
		}
	}
	enNums := map[string]bool{}
	for _, n := range numberRE().FindAllString(u.English, -1) {
		enNums[digitsOf(n)] = true
	}
	for _, n := range numberRE().FindAllString(e.Str, -1) {
		if d := digitsOf(n); !enNums[d] {
			return at("write the number exactly as the English has it, or keep its placeholder ({hotline}, {emergency}…): a changed digit sends people to the wrong line",
				"the msgstr of `%s` has the number %s, which the English does not", e.Context, strings.TrimSpace(n))
		}
	}
	return nil
}

func orNone(ps []string) string {
	if len(ps) == 0 {
		return "none"
	}
	return strings.Join(ps, ", ")
}

// lookupOr is the language s prints for t, or t.
func lookupOr(s *content.Set, t language.Tag) language.Tag {
	if l, err := s.Lookup(t); err == nil {
		return l
	}
	return t
}

var topKeyRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_+-]*):`) })

// keepBlankLines puts back the blank lines the YAML encoder drops between
// the top-level sections of a content file: before each top-level key
// (and the comments just above it) that had one in the original, and
// before a section the import adds when the original separates its
// sections so.
func keepBlankLines(orig, out []byte) []byte {
	blank := map[string]bool{}
	seen := map[string]bool{}
	separated := false
	prevBlank := false
	for _, l := range strings.Split(string(orig), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			prevBlank = true
		case strings.HasPrefix(l, "#"):
			// a comment keeps the blank line above it for the key below
		default:
			if m := topKeyRE().FindStringSubmatch(l); m != nil {
				seen[m[1]] = true
				if prevBlank {
					blank[m[1]], separated = true, true
				}
			}
			prevBlank = false
		}
	}
	lines := strings.Split(string(out), "\n")
	var b strings.Builder
	start := 0 // where the comments above the current line begin
	for i, l := range lines {
		if !strings.HasPrefix(l, "#") {
			if m := topKeyRE().FindStringSubmatch(l); m != nil && i > 0 && (blank[m[1]] || separated && !seen[m[1]]) {
				// insert a blank line before the comment block at start
				lines[start] = "\x00" + lines[start]
			}
			start = i + 1
		}
	}
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "\x00"); ok {
			b.WriteString("\n")
			l = rest
		}
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}
