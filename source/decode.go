package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ScalarDecoder is implemented by types read from one YAML scalar by their
// own rules (a colour "#1a6fb0", a length "8.5in", a language tag).
// DecodeScalar gets the scalar's text as written and its position. It
// returns nil, or an error saying what is wrong with the value: a *Diagnostic
// whose Message completes the sentence "`key` …" (e.g. `must be a colour
// "#rrggbb", got "red"`) and whose Hint gives advice, or any other error,
// which is reported as "`key`: <error>". The decoder fills in the position.
type ScalarDecoder interface {
	DecodeScalar(value string, pos Pos) error
}

// NodeDecoder is implemented by types that read a whole YAML node
// themselves, such as a value that may be written either as text or as a
// list. name is the key the node is the value of, for messages. The
// implementation can use d to decode parts of the node and to build errors.
type NodeDecoder interface {
	DecodeYAMLNode(d *Decoder, n *yaml.Node, name string) error
}

// Decoder walks yaml.v3 node trees into Go values, strictly: see DecodeYAML
// for the rules. NodeDecoder implementations get one to decode the parts of
// their node.
type Decoder struct {
	// File names the source in positions: a path, or "built-in
	// content/en.yaml".
	File string
	data []byte // the source, when known (its lines are needed only for errors)
}

// DecodeYAML decodes the YAML document data, read from file, into v (a
// non-nil pointer), strictly. Every mistake is returned as a *Diagnostic at the
// file:line:col of the offending key or value, with a hint:
//
//   - a YAML syntax error (at the line yaml.v3 reports), a tab in the
//     indentation, an empty document, more than one document;
//   - an anchor (&a) or alias (*a): refused, so a small file cannot expand
//     into a huge one ("billion laughs");
//   - a key the target struct does not have (with "did you mean" from edit
//     distance, or the list of allowed keys), a duplicate key, a missing
//     key whose field is tagged `yaml:"name,required"`;
//   - a value of the wrong kind ("`size` must be a number, got \"big\"").
//
// Struct fields are matched by their `yaml:"name"` tag (fields without a
// tag, or tagged "-", are not decoded); the ",inline" option flattens an
// embedded struct's fields into the parent's mapping. Supported targets:
// string, bool, integers, floats, slices, maps whose keys are strings or
// Text (a Text key keeps its position), pointers (left nil for a missing
// key; YAML null sets nil), structs, Text (the scalar's text and its
// position) and types implementing ScalarDecoder or NodeDecoder. Any
// scalar fills a string or Text as written ("0800" stays "0800"); null
// does not: a key with no value is an error, since it is most often an
// unquoted "#" turned into a comment. Errors that are not the input's
// fault (v is not a pointer, a field of an unsupported type) are plain
// errors.
func DecodeYAML(file string, data []byte, v any) (err error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("source.DecodeYAML: need a non-nil pointer, got %T", v)
	}
	d := &Decoder{File: file, data: data}
	root, err := d.parse(data)
	if err != nil {
		return err
	}
	if err := d.refuseAnchors(root); err != nil {
		return err
	}
	return d.decode(root, "", rv.Elem())
}

// parse reads exactly one YAML document and returns its root node.
func (d *Decoder) parse(data []byte) (root *yaml.Node, err error) {
	defer func() {
		// yaml.v3 has panicked on odd input before; a panic is a refusal
		// to parse, not a crash of the program.
		if r := recover(); r != nil {
			root, err = nil, &Diagnostic{Severity: Error, Pos: Pos{File: d.File, Line: 1, Col: 1},
				Message: fmt.Sprintf("cannot read this file as YAML (%v)", r),
				Hint:    "check that it is a text file in YAML"}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, d.emptyDoc()
		}
		return nil, d.syntaxError(data, err)
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, d.emptyDoc()
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, d.syntaxError(data, err)
	default:
		p := d.Pos(&next)
		if len(next.Content) > 0 {
			p = d.Pos(next.Content[0])
		}
		return nil, &Diagnostic{Severity: Error, Pos: p, Message: "more than one YAML document in the file",
			Hint: "keep one document: remove the `---` line and what follows, or merge the two"}
	}
	return doc.Content[0], nil
}

func (d *Decoder) emptyDoc() error {
	return &Diagnostic{Severity: Error, Pos: Pos{File: d.File, Line: 1, Col: 1}, Message: "empty document",
		Hint: "the file is empty or holds only comments; write at least one `key: value` line"}
}

var yamlErrLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxError turns a yaml.v3 parse error into a *Diagnostic. yaml.v3 reports a
// line but no column; the column given is that of the line's first
// non-blank character. A tab in the indentation is reported where it is.
func (d *Decoder) syntaxError(data []byte, err error) error {
	if p, ok := findIndentTab(data); ok {
		return &Diagnostic{Severity: Error, Pos: Pos{File: d.File, Line: p.Line, Col: p.Col},
			Message: "tab character in indentation",
			Hint:    "YAML indents with spaces only: replace the tab with spaces"}
	}
	// yaml.v3 reports a character it cannot read at line 1 or none:
	// find it.
	if p, what, hint, ok := findBadChar(data); ok {
		return &Diagnostic{Severity: Error, Pos: Pos{File: d.File, Line: p.Line, Col: p.Col}, Message: "invalid YAML: " + what, Hint: hint}
	}
	msg := err.Error()
	line := 0
	if m := yamlErrLine().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	// yaml.v3 counts lines from 1 in scanner errors but from 0 in parser
	// errors ("did not find expected key"), and prints no line for 0.
	if isParserError(msg) || line == 0 {
		line++
	}
	return &Diagnostic{Severity: Error, Pos: Pos{File: d.File, Line: line, Col: firstCol(data, line)},
		Message: "invalid YAML: " + msg, Hint: syntaxHint(msg)}
}

// isParserError tells yaml.v3's parser errors from its scanner errors by
// their wording.
func isParserError(msg string) bool {
	rest, ok := strings.CutPrefix(msg, "did not find expected ")
	if !ok {
		return false
	}
	for _, p := range []string{"key", "',' or", "'-' indicator", "node content", "<document start>"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return "a value containing \": \" must be quoted, and nested keys must be indented under their parent"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"):
		return "check the indentation of this line against the lines above it"
	case strings.Contains(msg, "cannot start any token"):
		return "a value starting with @ or ` must be quoted"
	case strings.Contains(msg, "exceeded max depth"):
		return "lists or mappings are nested too deeply: look for brackets that are never closed"
	case strings.Contains(msg, "did not find expected ',' or"):
		return "a [ or { opened here is not closed, or its items are not separated by commas"
	case strings.Contains(msg, "invalid Unicode character escape code"):
		return "a \\u escape must name a character (a surrogate D800–DFFF alone is not one): write the character itself"
	case strings.Contains(msg, "unexpected end of stream"), strings.Contains(msg, "found unexpected end"):
		return "a quote or bracket opened here is never closed"
	}
	return "check the indentation and quoting near this line"
}

// findIndentTab returns the position of the first tab in a line's leading
// white space.
func findIndentTab(data []byte) (Pos, bool) {
	for i, line := range strings.Split(string(data), "\n") {
		for j, r := range line {
			if r == '\t' {
				return Pos{Line: i + 1, Col: utf8.RuneCountInString(line[:j]) + 1}, true
			}
			if r != ' ' {
				break
			}
		}
	}
	return Pos{}, false
}

// findBadChar returns the position of the first character YAML does not
// allow in a file (invalid UTF-8, an unpaired surrogate, a control
// character), what it is, and a hint. Files in UTF-16 (with a byte order
// mark) are not searched.
func findBadChar(data []byte) (Pos, string, string, bool) {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return Pos{}, "", "", false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		at := Pos{Line: line, Col: col}
		switch {
		case r == utf8.RuneError && size <= 1:
			if i+2 < len(data) && data[i] == 0xED && data[i+1]&0xE0 == 0xA0 && data[i+2]&0xC0 == 0x80 {
				s := rune(data[i]&0x0F)<<12 | rune(data[i+1]&0x3F)<<6 | rune(data[i+2]&0x3F)
				return at, fmt.Sprintf("unpaired surrogate %U (not valid UTF-8)", s),
					"remove the character, or save the file from an editor that writes UTF-8", true
			}
			return at, fmt.Sprintf("byte 0x%02X is not UTF-8 text", data[i]),
				"save the file as UTF-8 text", true
		case !yamlPrintable(r):
			return at, fmt.Sprintf("control character %U is not allowed", r),
				"remove the character: it is invisible in most editors (it may show as a box, or as ^ and a letter)", true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return Pos{}, "", "", false
}

// yamlPrintable tells whether YAML allows r in a file (YAML 1.2 §5.1).
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r < 0x20, r == 0x7F:
		return false
	case r < 0x7F:
		return true
	}
	return r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// firstCol is the column of the first non-blank character of line (1-based),
// or 1.
func firstCol(data []byte, line int) int {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	s := lines[line-1]
	t := strings.TrimLeft(s, " \t")
	if t == "" {
		return 1
	}
	return utf8.RuneCountInString(s[:len(s)-len(t)]) + 1
}

// refuseAnchors reports the first anchor or alias in the tree.
func (d *Decoder) refuseAnchors(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return &Diagnostic{Severity: Error, Pos: d.Pos(n), Message: fmt.Sprintf("YAML alias `*%s` is not supported", n.Value),
			Hint: "YAML aliases are not supported (they can blow up a small file); write the value out in full"}
	}
	if n.Anchor != "" {
		return &Diagnostic{Severity: Error, Pos: d.Pos(n), Message: fmt.Sprintf("YAML anchor `&%s` is not supported", n.Anchor),
			Hint: "YAML anchors and aliases are not supported (they can blow up a small file); write each value out in full"}
	}
	for _, c := range n.Content {
		if err := d.refuseAnchors(c); err != nil {
			return err
		}
	}
	return nil
}

// Pos returns the position of node n in the decoder's file.
func (d *Decoder) Pos(n *yaml.Node) Pos {
	return Pos{File: d.File, Line: n.Line, Col: n.Column}
}

// Errorf returns a *Diagnostic at node n with a hint (may be "").
func (d *Decoder) Errorf(n *yaml.Node, hint, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, Pos: d.Pos(n), Message: fmt.Sprintf(format, args...), Hint: hint}
}

// Decode decodes node n, the value of key name, into v (a non-nil
// pointer) by the rules of DecodeYAML. NodeDecoder implementations call
// it for their parts.
func (d *Decoder) Decode(n *yaml.Node, name string, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("source.Decoder.Decode: need a non-nil pointer, got %T", v)
	}
	return d.decode(n, name, rv.Elem())
}

var (
	textType          = reflect.TypeFor[Text]()
	scalarDecoderType = reflect.TypeFor[ScalarDecoder]()
	nodeDecoderType   = reflect.TypeFor[NodeDecoder]()
)

func (d *Decoder) decode(n *yaml.Node, name string, rv reflect.Value) error {
	t := rv.Type()
	if t.Kind() == reflect.Pointer {
		if isNull(n) {
			rv.SetZero()
			return nil
		}
		p := reflect.New(t.Elem())
		if err := d.decode(n, name, p.Elem()); err != nil {
			return err
		}
		rv.Set(p)
		return nil
	}
	if reflect.PointerTo(t).Implements(nodeDecoderType) {
		return rv.Addr().Interface().(NodeDecoder).DecodeYAMLNode(d, n, name)
	}
	if reflect.PointerTo(t).Implements(scalarDecoderType) {
		if err := d.needScalar(n, name, "a single value"); err != nil {
			return err
		}
		return d.wrapScalarErr(n, name, rv.Addr().Interface().(ScalarDecoder).DecodeScalar(n.Value, d.Pos(n)))
	}
	if t == textType {
		if err := d.needScalar(n, name, "text"); err != nil {
			return err
		}
		rv.Set(reflect.ValueOf(Text{S: n.Value, Pos: d.Pos(n)}))
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		if err := d.needScalar(n, name, "text"); err != nil {
			return err
		}
		rv.SetString(n.Value)
	case reflect.Bool:
		if err := d.needScalar(n, name, "true or false"); err != nil {
			return err
		}
		switch strings.ToLower(n.Value) {
		case "true":
			rv.SetBool(true)
		case "false":
			rv.SetBool(false)
		default:
			return d.TypeErr(n, name, "true or false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if err := d.needScalar(n, name, "a whole number"); err != nil {
			return err
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil || n.ShortTag() != "!!int" || rv.OverflowInt(i) {
			return d.TypeErr(n, name, "a whole number")
		}
		rv.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if err := d.needScalar(n, name, "a whole number, 0 or more"); err != nil {
			return err
		}
		u, err := strconv.ParseUint(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil || n.ShortTag() != "!!int" || rv.OverflowUint(u) {
			return d.TypeErr(n, name, "a whole number, 0 or more")
		}
		rv.SetUint(u)
	case reflect.Float32, reflect.Float64:
		if err := d.needScalar(n, name, "a number"); err != nil {
			return err
		}
		tag := n.ShortTag()
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || (tag != "!!int" && tag != "!!float") || math.IsInf(f, 0) || math.IsNaN(f) || rv.OverflowFloat(f) {
			return d.TypeErr(n, name, "a number")
		}
		rv.SetFloat(f)
	case reflect.Slice:
		return d.decodeSlice(n, name, rv)
	case reflect.Map:
		return d.decodeMap(n, name, rv)
	case reflect.Struct:
		return d.decodeStruct(n, name, rv)
	default:
		return fmt.Errorf("content: cannot decode YAML into a %s (key %q)", t, name)
	}
	return nil
}

// wrapScalarErr places a ScalarDecoder's error at n.
func (d *Decoder) wrapScalarErr(n *yaml.Node, name string, err error) error {
	if err == nil {
		return nil
	}
	var e *Diagnostic
	if errors.As(err, &e) {
		out := *e
		if out.Pos.File == "" && out.Pos.Line == 0 {
			out.Pos = d.Pos(n)
		}
		if name != "" && !strings.HasPrefix(out.Message, "`") {
			out.Message = QuoteKey(name) + " " + out.Message
		}
		return &out
	}
	msg := err.Error()
	if name != "" {
		msg = QuoteKey(name) + ": " + msg
	}
	return &Diagnostic{Severity: Error, Pos: d.Pos(n), Message: msg}
}

func (d *Decoder) decodeSlice(n *yaml.Node, name string, rv reflect.Value) error {
	if n.Kind != yaml.SequenceNode {
		return d.TypeErr(n, name, "a list")
	}
	s := reflect.MakeSlice(rv.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		if err := d.decode(c, itemName(name), s.Index(i)); err != nil {
			return err
		}
	}
	rv.Set(s)
	return nil
}

func itemName(name string) string {
	if name == "" {
		return "item"
	}
	return name + " item"
}

func (d *Decoder) decodeMap(n *yaml.Node, name string, rv reflect.Value) error {
	t := rv.Type()
	kt := t.Key()
	if kt != textType && kt.Kind() != reflect.String {
		return fmt.Errorf("content: cannot decode YAML into a %s: map keys must be strings or Text", t)
	}
	if n.Kind != yaml.MappingNode {
		return d.TypeErr(n, name, "a mapping (`key: value` lines)")
	}
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := d.CheckKey(k, seen); err != nil {
			return err
		}
		var key reflect.Value
		if kt == textType {
			key = reflect.ValueOf(Text{S: k.Value, Pos: d.Pos(k)})
		} else {
			key = reflect.ValueOf(k.Value).Convert(kt)
		}
		val := reflect.New(t.Elem()).Elem()
		if err := d.decode(v, k.Value, val); err != nil {
			return err
		}
		m.SetMapIndex(key, val)
	}
	rv.Set(m)
	return nil
}

// CheckKey refuses a key that is not text, or one already seen in the
// same mapping.
func (d *Decoder) CheckKey(k *yaml.Node, seen map[string]*yaml.Node) error {
	if k.Kind != yaml.ScalarNode || isNull(k) {
		return d.Errorf(k, "write keys as plain words, like `name:`", "a key must be text")
	}
	if first, ok := seen[k.Value]; ok {
		return d.Errorf(k, fmt.Sprintf("`%s` is first set at line %d; keep one of them", k.Value, first.Line),
			"duplicate key `%s`", k.Value)
	}
	seen[k.Value] = k
	return nil
}

func (d *Decoder) decodeStruct(n *yaml.Node, name string, rv reflect.Value) error {
	if n.Kind != yaml.MappingNode {
		return d.TypeErr(n, name, "a mapping (`key: value` lines)")
	}
	info, err := structInfoFor(rv.Type())
	if err != nil {
		return err
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := d.CheckKey(k, seen); err != nil {
			return err
		}
		f, ok := info.byName[k.Value]
		if !ok {
			return d.Errorf(k, keyHint(k.Value, info.names), "unknown key `%s`", k.Value)
		}
		if err := d.decode(v, k.Value, rv.FieldByIndex(f.index)); err != nil {
			return err
		}
	}
	for _, f := range info.fields {
		if f.required && seen[f.name] == nil {
			what := "missing required key `" + f.name + "`"
			if list, ok := strings.CutSuffix(name, " item"); ok {
				what += " in an item of `" + list + "`"
			} else if name != "" {
				what += " in `" + name + "`"
			}
			return d.Errorf(n, fmt.Sprintf("add `%s: …` to this mapping", f.name), "%s", what)
		}
	}
	return nil
}

// keyHint suggests the closest allowed key, or lists them all.
func keyHint(key string, allowed []string) string {
	if s := Suggest(key, allowed); s != "" {
		return "did you mean `" + s + "`?"
	}
	return "allowed keys: " + strings.Join(allowed, ", ")
}

// TypeErr says what kind of value was expected and what was found.
func (d *Decoder) TypeErr(n *yaml.Node, name, want string) error {
	subject := "the file"
	if name != "" {
		subject = QuoteKey(name)
	}
	hint := ""
	switch {
	case isNull(n):
		return d.nullErr(n, name, want)
	case n.Kind == yaml.ScalarNode && strings.HasPrefix(want, "a mapping"):
		hint = "write `key: value` lines indented under this key"
	case strings.HasPrefix(want, "a list"):
		hint = "write a list, one `- item` per line, or [a, b]"
	case strings.HasPrefix(want, "a mapping"):
		hint = "write `key: value` lines, or {key: value}"
	case strings.HasPrefix(want, "a whole number"):
		hint = "write a number without a decimal point or unit, e.g. 3"
	case want == "a number":
		hint = "write a number without a unit, e.g. 1.2"
	case want == "true or false":
		hint = "write true or false"
	case want == "text":
		hint = "write the text after the colon, in quotes if it starts with [ or {"
	default:
		hint = "write " + want + " after the colon"
	}
	return d.Errorf(n, hint, "%s must be %s, got %s", subject, want, describe(n))
}

// needScalar refuses a list, a mapping or a null where one value is wanted.
func (d *Decoder) needScalar(n *yaml.Node, name, want string) error {
	if isNull(n) {
		return d.nullErr(n, name, want)
	}
	if n.Kind != yaml.ScalarNode {
		return d.TypeErr(n, name, want)
	}
	return nil
}

func (d *Decoder) nullErr(n *yaml.Node, name, want string) error {
	subject := "a value"
	if name != "" {
		subject = QuoteKey(name)
	}
	hint := "write a value after the colon, or remove the key"
	if d.commentAt(n) {
		hint = "in YAML, # after a space starts a comment: quote the value, e.g. \"#1a6fb0\""
	}
	return d.Errorf(n, hint, "%s has no value (want %s)", subject, want)
}

// commentAt tells whether a "#" comment follows where node n is: an
// unquoted "#rrggbb" read as a comment.
func (d *Decoder) commentAt(n *yaml.Node) bool {
	src := strings.Split(string(d.data), "\n")
	if n.Line < 1 || n.Line > len(src) || n.Column < 1 {
		return false
	}
	r := []rune(src[n.Line-1])
	if n.Column-1 > len(r) {
		return false
	}
	rest := strings.TrimLeft(string(r[n.Column-1:]), " \t")
	return strings.HasPrefix(rest, "#")
}

// QuoteKey writes a key name for a message: `name`, or `name` item.
func QuoteKey(name string) string {
	if strings.HasSuffix(name, " item") {
		return "`" + strings.TrimSuffix(name, " item") + "` item"
	}
	return "`" + name + "`"
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node holds, for "got …".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		v := n.Value
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return strconv.Quote(v)
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// structInfo is how a struct type's fields map to YAML keys.
type structInfo struct {
	fields []fieldInfo
	byName map[string]fieldInfo
	names  []string // sorted
}

type fieldInfo struct {
	name     string
	index    []int
	required bool
}

// structInfos caches structInfo by type.
var structInfos sync.Map // reflect.Type → *structInfo

func structInfoFor(t reflect.Type) (*structInfo, error) {
	if v, ok := structInfos.Load(t); ok {
		return v.(*structInfo), nil
	}
	info := &structInfo{byName: map[string]fieldInfo{}}
	if err := collectFields(t, nil, info); err != nil {
		return nil, err
	}
	for _, f := range info.fields {
		info.names = append(info.names, f.name)
	}
	sort.Strings(info.names)
	structInfos.Store(t, info)
	return info, nil
}

func collectFields(t reflect.Type, index []int, info *structInfo) error {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("yaml")
		if !ok || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		idx := append(append([]int(nil), index...), i)
		if hasOpt(opts, "inline") {
			if sf.Type.Kind() != reflect.Struct {
				return fmt.Errorf("content: inline field %s of %s is not a struct", sf.Name, t)
			}
			if err := collectFields(sf.Type, idx, info); err != nil {
				return err
			}
			continue
		}
		if !sf.IsExported() {
			return fmt.Errorf("content: field %s of %s has a yaml tag but is not exported", sf.Name, t)
		}
		if name == "" {
			return fmt.Errorf("content: field %s of %s has a yaml tag with no name", sf.Name, t)
		}
		if _, dup := info.byName[name]; dup {
			return fmt.Errorf("content: key %q appears twice in %s", name, t)
		}
		f := fieldInfo{name: name, index: idx, required: hasOpt(opts, "required")}
		info.fields = append(info.fields, f)
		info.byName[name] = f
	}
	return nil
}

func hasOpt(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}
