// SPDX-License-Identifier: Unlicense OR BSD-3-Clause

package font

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// handbill's patch: svgRootTag reads what svgRootAttributes needs of an
// SVG document (its root element's name, namespace and attributes) as
// encoding/xml's Decoder (strict, the default) reports them in the first
// StartElement token, without linking encoding/xml.

// xmlAttr is an attribute of the root tag: its local name (after any
// prefix) and its value, entities and character references replaced.
type xmlAttr struct {
	local, value string
}

// xmlRootTag is the root element: its local name, its namespace (as
// encoding/xml translates it: the URL bound to its prefix, the default
// namespace for no prefix, the prefix itself when unbound) and attributes.
type xmlRootTag struct {
	local, space string
	attrs        []xmlAttr
}

// svgRootTag skips the prolog (white space and text, processing
// instructions, comments, CDATA sections, the document type declaration)
// and reads the first start tag. It reports false where encoding/xml's
// Token returns an error before that tag: an end tag, an unterminated
// construct, a malformed tag or attribute, an unknown entity, invalid
// UTF-8, an XML declaration of another version or encoding. It is more
// lenient than encoding/xml in a few malformed documents (a namespace
// prefix bound to nothing, names encoding/xml's tables refuse): of
// 200,000 random mutations of SVG documents (svg_root_test.go), this
// reads 30 that encoding/xml refuses, and every one encoding/xml reads
// the same.
func svgRootTag(doc []byte) (xmlRootTag, bool) {
	s := doc
	for {
		i := bytes.IndexByte(s, '<')
		if i < 0 {
			return xmlRootTag{}, false // no root element
		}
		if _, ok := xmlUnescape(s[:i]); !ok || bytes.Contains(s[:i], []byte("]]>")) {
			return xmlRootTag{}, false // text with a bad entity
		}
		s = s[i:]
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			target, rest := xmlName(s[2:])
			if target == "" {
				return xmlRootTag{}, false
			}
			rest = bytes.TrimLeft(rest, " \t\r\n")
			j := bytes.Index(rest, []byte("?>"))
			if j < 0 {
				return xmlRootTag{}, false
			}
			if target == "xml" {
				// The declaration: version 1.0 and UTF-8 only, as a
				// Decoder without a CharsetReader.
				content := string(rest[:j])
				if v := xmlProcInst("version", content); v != "" && v != "1.0" {
					return xmlRootTag{}, false
				}
				if e := xmlProcInst("encoding", content); e != "" && !strings.EqualFold(e, "utf-8") {
					return xmlRootTag{}, false
				}
			}
			s = rest[j+2:]
		case bytes.HasPrefix(s, []byte("<!-")):
			// A comment: "--" only as its end.
			j := bytes.Index(s, []byte("--"))
			if j != 2 {
				return xmlRootTag{}, false
			}
			j = bytes.Index(s[4:], []byte("--"))
			if j < 0 || 4+j+2 >= len(s) || s[4+j+2] != '>' {
				return xmlRootTag{}, false
			}
			s = s[4+j+3:]
		case bytes.HasPrefix(s, []byte("<![")):
			if !bytes.HasPrefix(s, []byte("<![CDATA[")) {
				return xmlRootTag{}, false
			}
			j := bytes.Index(s[9:], []byte("]]>"))
			if j < 0 {
				return xmlRootTag{}, false
			}
			if _, ok := xmlUnescape(s[9 : 9+j]); !ok && bytes.IndexByte(s[9:9+j], '&') < 0 {
				return xmlRootTag{}, false
			}
			s = s[9+j+3:]
		case bytes.HasPrefix(s, []byte("<!")):
			n, ok := xmlDirectiveLen(s)
			if !ok {
				return xmlRootTag{}, false
			}
			s = s[n:]
		case bytes.HasPrefix(s, []byte("</")):
			return xmlRootTag{}, false // an end tag before any start tag
		default:
			return xmlStartTag(s[1:])
		}
	}
}

// xmlDirectiveLen is the length of the directive (<!DOCTYPE …>) at the
// start of s, read as encoding/xml reads it: the byte after "<!" taken
// as it is, then up to a '>' outside quotes and outside the angle
// brackets of an internal subset, comments in it skipped.
func xmlDirectiveLen(s []byte) (int, bool) {
	if len(s) < 3 {
		return 0, false
	}
	depth := 0
	var quote byte
	for i := 3; i < len(s); i++ {
		c := s[i]
		if quote == 0 && c == '>' && depth == 0 {
			return i + 1, true
		}
		switch {
		case c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			depth--
		case c == '<':
			if !bytes.HasPrefix(s[i+1:], []byte("!--")) {
				// encoding/xml reads on from the first byte that does
				// not continue "<!--".
				k := 0
				for k < 3 && i+1+k < len(s) && s[i+1+k] == "!--"[k] {
					k++
				}
				if i+1+k >= len(s) {
					return 0, false
				}
				depth++
				i += k // the loop's i++ reaches the byte read again
				continue
			}
			j := bytes.Index(s[i+4:], []byte("-->"))
			if j < 0 {
				return 0, false
			}
			i += 4 + j + 2
		}
	}
	return 0, false
}

// xmlStartTag reads a start tag, s after its '<'.
func xmlStartTag(s []byte) (xmlRootTag, bool) {
	name, s := xmlName(s)
	if name == "" {
		return xmlRootTag{}, false
	}
	space, local := xmlSplitName(name)
	type rawAttr struct{ space, local, value string }
	var raws []rawAttr
	for {
		t := bytes.TrimLeft(s, " \t\r\n")
		if len(t) == 0 {
			return xmlRootTag{}, false
		}
		if t[0] == '>' || bytes.HasPrefix(t, []byte("/>")) {
			break
		}
		var aname string
		aname, t = xmlName(t)
		if aname == "" {
			return xmlRootTag{}, false
		}
		t = bytes.TrimLeft(t, " \t\r\n")
		if len(t) == 0 || t[0] != '=' {
			return xmlRootTag{}, false // strict: every attribute has a value
		}
		t = bytes.TrimLeft(t[1:], " \t\r\n")
		if len(t) == 0 || (t[0] != '"' && t[0] != '\'') {
			return xmlRootTag{}, false // strict: values are quoted
		}
		end := bytes.IndexByte(t[1:], t[0])
		if end < 0 {
			return xmlRootTag{}, false
		}
		raw := t[1 : 1+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return xmlRootTag{}, false
		}
		value, ok := xmlUnescape(raw)
		if !ok {
			return xmlRootTag{}, false
		}
		aspace, alocal := xmlSplitName(aname)
		raws = append(raws, rawAttr{aspace, alocal, value})
		s = t[1+end+1:]
	}
	// Namespaces declared on the root apply to its own name.
	ns := map[string]string{}
	for _, a := range raws {
		switch {
		case a.space == "xmlns":
			ns[a.local] = a.value
		case a.space == "" && a.local == "xmlns":
			ns[""] = a.value
		}
	}
	switch {
	case space == "xml":
		space = "http://www.w3.org/XML/1998/namespace"
	case space == "" && local == "xmlns":
	default:
		if v, ok := ns[space]; ok {
			space = v
		}
	}
	tag := xmlRootTag{local: local, space: space, attrs: make([]xmlAttr, len(raws))}
	for i, a := range raws {
		tag.attrs[i] = xmlAttr{a.local, a.value}
	}
	return tag, true
}

// xmlName reads a name at the start of s, as encoding/xml's Decoder.name:
// a first rune that may start a name, then runes that may follow.
func xmlName(s []byte) (string, []byte) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		if i == 0 && !xmlNameStart(r) || i > 0 && !xmlNameStart(r) && !xmlNameRest(r) {
			break
		}
		i += n
	}
	return string(s[:i]), s[i:]
}

// xmlNameStart and xmlNameRest approximate encoding/xml's isName tables
// (XML 1.0's name characters) for what can occur in an SVG document's
// root tag.
func xmlNameStart(r rune) bool {
	return r == ':' || r == '_' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || r >= 0xC0 && r != 0xD7 && r != 0xF7
}

func xmlNameRest(r rune) bool {
	return r == '-' || r == '.' || '0' <= r && r <= '9' || r == 0xB7
}

// xmlSplitName splits a name at its first colon as encoding/xml does: a
// colon first or last leaves the name whole.
func xmlSplitName(s string) (space, local string) {
	i := strings.IndexByte(s, ':')
	if i < 1 || i > len(s)-2 {
		return "", s
	}
	return s[:i], s[i+1:]
}

// xmlUnescape replaces the five predefined entities and character
// references in s, and line ends (CR LF, CR) by LF, as encoding/xml does
// for text and attribute values; an unknown entity, a bad reference,
// invalid UTF-8 or a character XML does not allow is an error.
func xmlUnescape(s []byte) (string, bool) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 || !xmlIsChar(r) {
			return "", false
		}
		i += n
	}
	if bytes.IndexByte(s, '&') < 0 && bytes.IndexByte(s, '\r') < 0 {
		return string(s), true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '&':
			j := bytes.IndexByte(s[i:], ';')
			if j < 0 {
				return "", false
			}
			ent := string(s[i+1 : i+j])
			switch ent {
			case "lt":
				b.WriteByte('<')
			case "gt":
				b.WriteByte('>')
			case "amp":
				b.WriteByte('&')
			case "apos":
				b.WriteByte('\'')
			case "quot":
				b.WriteByte('"')
			default:
				if len(ent) < 2 || ent[0] != '#' {
					return "", false
				}
				var n uint64
				var err error
				if ent[1] == 'x' {
					n, err = strconv.ParseUint(ent[2:], 16, 32)
				} else {
					n, err = strconv.ParseUint(ent[1:], 10, 32)
				}
				if err != nil || !xmlIsChar(rune(n)) {
					return "", false
				}
				b.WriteRune(rune(n))
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// xmlIsChar reports whether r is a character XML allows.
func xmlIsChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// xmlProcInst is encoding/xml's procInst: the value of param in the
// content of a processing instruction, "" if none.
func xmlProcInst(param, s string) string {
	param = param + "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
