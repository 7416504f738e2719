package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// Name is s as a PDF name object: "/PANTONE#202955#20C". Bytes outside
// the printable ASCII range, and the delimiters, are written as #XX.
func Name(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// literalEscaper escapes a literal string's backslashes and parentheses.
// It is made once: a Replacer builds a table of 256 entries on its first
// use, and a tagged document writes a text string per structure element.
var literalEscaper = strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)

// Text is s as a PDF text string: a literal string when s is printable
// ASCII, otherwise hex-encoded UTF-16BE with a byte order mark.
func Text(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return "(" + literalEscaper.Replace(s) + ")"
	}
	b := make([]byte, 0, 6+4*len(s))
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = appendHex16(b, u)
	}
	return string(append(b, '>'))
}

const hexDigits = "0123456789ABCDEF"

// appendHex16 appends v as four hex digits.
func appendHex16(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// Date is t as a PDF date string: (D:YYYYMMDDHHmmSS+HH'mm').
func Date(t time.Time) string {
	_, off := t.Zone()
	tz := "Z"
	if off != 0 {
		sign := byte('+')
		if off < 0 {
			sign, off = '-', -off
		}
		tz = fmt.Sprintf("%c%02d'%02d'", sign, off/3600, off%3600/60)
	}
	return "(D:" + t.Format("20060102150405") + tz + ")"
}

// appendNum appends v with at most prec decimals and no trailing zeros.
// NaN and infinities, which PDF has no way to write, become 0; frames
// never hold them (layouts refuse such sizes), so this only keeps a file
// well-formed.
func appendNum(b []byte, v float64, prec int) []byte {
	if (v > -0.5e-9 && v < 0.5e-9) || math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	start := len(b)
	b = appendFixed(b, v, prec)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// pow10 holds the powers of ten appendFixed scales by.
var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6}

// appendFixed appends v with prec decimals, as strconv.AppendFloat(b, v,
// 'f', prec, 64) does, byte for byte. A content stream is mostly such
// numbers, and AppendFloat writes a fixed number of decimals through its
// multiprecision path (a few hundred nanoseconds each): here v×10^prec
// is rounded as an integer, where that cannot round otherwise than v's
// exact decimal value does — v×10^prec well inside ±2^33, where the
// product is within 10^-6 of exact, and not within 10^-6 of a half —
// and AppendFloat is left the rest.
func appendFixed(b []byte, v float64, prec int) []byte {
	if prec < 0 || prec >= len(pow10) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	x := math.Abs(v) * pow10[prec]
	if !(x < 1<<33) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	fl := math.Floor(x)
	if f := x - fl; f > 0.5-1e-6 && f < 0.5+1e-6 {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := uint64(math.Round(x))
	if math.Signbit(v) {
		b = append(b, '-')
	}
	p := uint64(pow10[prec])
	b = strconv.AppendUint(b, n/p, 10)
	if prec == 0 {
		return b
	}
	b = append(b, '.')
	frac := n % p
	for d := p / 10; d > 0; d /= 10 {
		b = append(b, byte('0'+frac/d%10))
	}
	return b
}

// Num is v with at most three decimals, as PDF operands are written.
func Num(v float64) string { return string(appendNum(nil, v, 3)) }
