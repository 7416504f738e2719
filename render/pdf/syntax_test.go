package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRefString(t *testing.T) {
	for r, want := range map[Ref]string{1: "1 0 R", 12: "12 0 R", 4096: "4096 0 R"} {
		if got := r.String(); got != want {
			t.Errorf("Ref(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "/"},
		{"Type", "/Type"},
		{"F1", "/F1"},
		// The example of the PDF reference (7.3.5): spaces become #20.
		{"PANTONE 2955 C", "/PANTONE#202955#20C"},
		{"a#b", "/a#23b"},
		{"Lime Green", "/Lime#20Green"},
		{"paired()parentheses", "/paired#28#29parentheses"},
		{"The_Key_of_F#_Minor", "/The_Key_of_F#23_Minor"},
		{"A;Name_With-Various***Characters?", "/A;Name_With-Various***Characters?"},
		{"1.2", "/1.2"},
		{"$$", "/$$"},
		{"@pattern", "/@pattern"},
		{".notdef", "/.notdef"},
		// Every delimiter and '#'.
		{"()<>[]{}/%#", "/#28#29#3C#3E#5B#5D#7B#7D#2F#25#23"},
		// White space and control characters.
		{"a\tb\nc\rd\x00e\x1f", "/a#09b#0Ac#0Dd#00e#1F"},
		{"\x7f~!", "/#7F~!"},
		// Non-ASCII: every byte of the UTF-8 encoding.
		{"é", "/#C3#A9"},
		{"Ünïcødé", "/#C3#9Cn#C3#AFc#C3#B8d#C3#A9"},
		{"日", "/#E6#97#A5"},
		{"\xff", "/#FF"},
	}
	for _, tt := range tests {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNameDecodes checks every byte value: decoding the name with the
// rules of the PDF reference gives the bytes back, and the name itself
// holds only regular characters.
func TestNameDecodes(t *testing.T) {
	var all []byte
	for c := 1; c < 256; c++ {
		all = append(all, byte(c))
	}
	n := Name(string(all))
	if !strings.HasPrefix(n, "/") {
		t.Fatalf("Name does not start with '/': %q", n)
	}
	for i := 1; i < len(n); i++ {
		c := n[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>[]{}/%", c) >= 0 {
			t.Fatalf("Name holds the byte %#x unescaped at %d: %q", c, i, n)
		}
	}
	got, err := decodeName(n[1:])
	if err != nil {
		t.Fatal(err)
	}
	if got != string(all) {
		t.Errorf("decoding Name(all bytes) gives %q, want %q", got, all)
	}
}

func decodeName(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("'#' without two hex digits at %d in %q", i, s)
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", fmt.Errorf("bad escape at %d in %q: %v", i, s, err)
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), nil
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "()"},
		{"Hello, world", "(Hello, world)"},
		{"a (b) c", `(a \(b\) c)`},
		{`back\slash`, `(back\\slash)`},
		{`\(`, `(\\\()`},
		{")(", `(\)\()`},
		{"~ <>[]{}/%#", "(~ <>[]{}/%#)"},
		// Not printable ASCII: UTF-16BE with a byte order mark.
		{"é", "<FEFF00E9>"},
		{"Café (1)", "<FEFF00430061006600E90020002800310029>"},
		{"日本", "<FEFF65E5672C>"},
		{"\n", "<FEFF000A>"},
		{"a\tb", "<FEFF006100090062>"},
		{"\x7f", "<FEFF007F>"},
		{"\x00", "<FEFF0000>"},
		// A rune beyond the BMP is a surrogate pair: U+1F600 is D83D DE00.
		{"😀", "<FEFFD83DDE00>"},
		{"a😀b", "<FEFF0061D83DDE000062>"},
		// U+10FFFF, the last code point: DBFF DFFF.
		{"\U0010FFFF", "<FEFFDBFFDFFF>"},
		// U+FFFF stays one unit.
		{"\uFFFF", "<FEFFFFFF>"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendHex16(t *testing.T) {
	for v, want := range map[uint16]string{0: "0000", 1: "0001", 0x00E9: "00E9", 0xABCD: "ABCD", 0xD83D: "D83D", 0xFFFF: "FFFF", 0x1000: "1000", 0x0F0F: "0F0F"} {
		if got := string(appendHex16([]byte("<"), v)); got != "<"+want {
			t.Errorf("appendHex16(%#x) = %q, want %q", v, got, "<"+want)
		}
	}
	// Every value: four upper-case hex digits that parse back.
	for v := 0; v <= 0xFFFF; v++ {
		s := string(appendHex16(nil, uint16(v)))
		n, err := strconv.ParseUint(s, 16, 16)
		if len(s) != 4 || err != nil || int(n) != v || strings.ToUpper(s) != s {
			t.Fatalf("appendHex16(%#x) = %q", v, s)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.UTC), "(D:20240305070809Z)"},
		{time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.UTC), "(D:19991231235959Z)"},
		// A zone named otherwise but 0 hours from UTC is still Z.
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("GMT", 0)), "(D:20240101000000Z)"},
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("IST", 5*3600+30*60)), "(D:20240305070809+05'30')"},
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("CET", 3600)), "(D:20240305070809+01'00')"},
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("PST", -8*3600)), "(D:20240305070809-08'00')"},
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("NST", -(3*3600+30*60))), "(D:20240305070809-03'30')"},
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("", 14*3600)), "(D:20240305070809+14'00')"},
		{time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("", -(9*3600+45*60))), "(D:20240305070809-09'45')"},
		// The clock time written is the zone's, not UTC's: 23:30 UTC
		// is already the next day in UTC+2.
		{time.Date(2024, 2, 29, 23, 30, 0, 0, time.UTC).In(time.FixedZone("", 2*3600)), "(D:20240301013000+02'00')"},
	}
	for _, tt := range tests {
		if got := Date(tt.t); got != tt.want {
			t.Errorf("Date(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{1, "1"},
		{-1, "-1"},
		{10, "10"},
		{100, "100"}, // zeros before the point stay
		{1000000, "1000000"},
		{1.5, "1.5"},
		{1.25, "1.25"},
		{-12.5, "-12.5"},
		{0.125, "0.125"},
		{2.100, "2.1"},
		{0.1 + 0.2, "0.3"},
		{1234567.891, "1234567.891"},
		// At most three decimals, rounded.
		{3.14159, "3.142"},
		{2.71828, "2.718"},
		{1.9996, "2"},
		{-1.9996, "-2"},
		{99.9999, "100"},
		{0.0006, "0.001"},
		{-0.0006, "-0.001"},
		// PDF has no NaN or infinity.
		{math.NaN(), "0"},
		{math.Inf(1), "0"},
		{math.Inf(-1), "0"},
		{0.0004, "0"},
		// Negative zero, and negative numbers rounding to zero, are "0".
		{math.Copysign(0, -1), "0"},
		{-0.0004, "0"},
		{-0.0001, "0"},
		{-1e-10, "0"},
		{1e-12, "0"},
	}
	for _, tt := range tests {
		if got := Num(tt.in); got != tt.want {
			t.Errorf("Num(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendNum(t *testing.T) {
	tests := []struct {
		prefix string
		in     float64
		prec   int
		want   string
	}{
		{"", 3.14159, 2, "3.14"},
		{"", 3.14159, 5, "3.14159"},
		{"", 0.333333333, 5, "0.33333"},
		{"", 2.5, 5, "2.5"},
		{"", 1.999, 2, "2"},
		{"", 10, 0, "10"},    // no decimals: no trimming of the integer's zeros
		{"", 1.6, 0, "2"},    // rounded
		{"", -0.4, 0, "0"},   // not "-0"
		{"", -0.004, 2, "0"}, // not "-0"
		{"", -0.006, 2, "-0.01"},
		// Appending keeps what the buffer holds, including its zeros.
		{"10 ", 20, 3, "10 20"},
		{"x0 ", -0.0001, 3, "x0 0"},
		{"0", 0.5, 3, "00.5"},
		{"-", 0.25, 3, "-0.25"},
	}
	for _, tt := range tests {
		got := string(appendNum([]byte(tt.prefix), tt.in, tt.prec))
		if got != tt.want {
			t.Errorf("appendNum(%q, %v, %d) = %q, want %q", tt.prefix, tt.in, tt.prec, got, tt.want)
		}
	}
}

// TestNumParses checks that for many values Num gives a valid PDF number
// (digits, at most one point, an optional leading minus, no exponent)
// within 0.0005 of the value, without trailing zeros.
func TestNumParses(t *testing.T) {
	for i := -20000; i <= 20000; i += 7 {
		v := float64(i) / 1373.0
		s := Num(v)
		if strings.ContainsAny(s, "eE+") || s == "" || s == "-0" {
			t.Fatalf("Num(%v) = %q is not a PDF number", v, s)
		}
		if strings.Contains(s, ".") && (strings.HasSuffix(s, "0") || strings.HasSuffix(s, ".")) {
			t.Fatalf("Num(%v) = %q has trailing zeros", v, s)
		}
		if dot := strings.IndexByte(s, '.'); dot >= 0 && len(s)-dot-1 > 3 {
			t.Fatalf("Num(%v) = %q has more than three decimals", v, s)
		}
		got, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("Num(%v) = %q: %v", v, s, err)
		}
		if math.Abs(got-v) > 0.0005+1e-12 {
			t.Fatalf("Num(%v) = %q, off by %v", v, s, got-v)
		}
	}
}

// decodeText decodes a PDF text string as Text writes it: a literal
// string "(...)" or a hex string "<FEFF...>" of UTF-16BE. It is written
// from the PDF reference, independently of Text, and strict: anything
// Text should never produce is an error.
func decodeText(s string) (string, error) {
	if len(s) < 2 {
		return "", fmt.Errorf("too short: %q", s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return "", fmt.Errorf("byte %#x at %d is not printable ASCII", s[i], i)
		}
	}
	switch {
	case s[0] == '(' && s[len(s)-1] == ')':
		body := s[1 : len(s)-1]
		var b strings.Builder
		for i := 0; i < len(body); i++ {
			c := body[i]
			switch c {
			case '\\':
				if i+1 >= len(body) {
					return "", fmt.Errorf("lone backslash at the end of %q", s)
				}
				i++
				switch body[i] {
				case '\\', '(', ')':
					b.WriteByte(body[i])
				default:
					return "", fmt.Errorf("unexpected escape \\%c in %q", body[i], s)
				}
			case '(', ')':
				// Balanced parentheses may legally stay unescaped, but
				// an unescaped ')' can end the string early: Text must
				// escape both.
				return "", fmt.Errorf("unescaped %c at %d in %q", c, i+1, s)
			default:
				b.WriteByte(c)
			}
		}
		return b.String(), nil
	case s[0] == '<' && s[len(s)-1] == '>':
		hex := s[1 : len(s)-1]
		if len(hex)%4 != 0 {
			return "", fmt.Errorf("hex string of %d digits is not whole UTF-16 units: %q", len(hex), s)
		}
		var units []uint16
		for i := 0; i < len(hex); i += 4 {
			v, err := strconv.ParseUint(hex[i:i+4], 16, 16)
			if err != nil {
				return "", fmt.Errorf("bad hex %q in %q", hex[i:i+4], s)
			}
			units = append(units, uint16(v))
		}
		if len(units) == 0 || units[0] != 0xFEFF {
			return "", fmt.Errorf("no byte order mark in %q", s)
		}
		var b strings.Builder
		units = units[1:]
		for i := 0; i < len(units); i++ {
			u := rune(units[i])
			switch {
			case u >= 0xD800 && u < 0xDC00:
				if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] > 0xDFFF {
					return "", fmt.Errorf("unpaired high surrogate %04X in %q", u, s)
				}
				lo := rune(units[i+1])
				b.WriteRune(0x10000 + (u-0xD800)<<10 + (lo - 0xDC00))
				i++
			case u >= 0xDC00 && u <= 0xDFFF:
				return "", fmt.Errorf("unpaired low surrogate %04X in %q", u, s)
			default:
				b.WriteRune(u)
			}
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("neither a literal nor a hex string: %q", s)
}

// TestTextDecodes checks the decoder on the table of TestText's kind of
// strings, so that FuzzText's oracle is itself checked.
func TestTextDecodes(t *testing.T) {
	for _, s := range textSeeds {
		enc := Text(s)
		got, err := decodeText(enc)
		if err != nil {
			t.Errorf("Text(%q) = %q: %v", s, enc, err)
			continue
		}
		if got != s {
			t.Errorf("Text(%q) = %q decodes to %q", s, enc, got)
		}
	}
	// The decoder rejects what it must.
	for _, bad := range []string{"(a(b)", "(a\\)", "(\\n)", "<FEF>", "<0041>", "<FEFFD83D>", "<FEFFDE00>", "abc", "(\xe9)"} {
		if got, err := decodeText(bad); err == nil {
			t.Errorf("decodeText(%q) = %q, want an error", bad, got)
		}
	}
	// Literal strings are used exactly for printable ASCII.
	for _, s := range textSeeds {
		literal := strings.HasPrefix(Text(s), "(")
		printable := true
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] >= 0x7f {
				printable = false
			}
		}
		if literal != printable {
			t.Errorf("Text(%q) = %q: literal %v, but printable ASCII %v", s, Text(s), literal, printable)
		}
	}
}

var textSeeds = []string{
	"", "a", "Hello, world", "(", ")", "\\", `\\(()`, "a (b) c", ")(", "\\)",
	"é", "Café (1)", "日本語", "\n", "tab\there", "\x00", "\x7f", "~",
	"😀", "a😀b", "\U00010000", "\U0010FFFF", "\uFFFF", "\uFEFF", "\uD7FF\uE000",
	"مرحبا", "שלום", "नमस्ते", "(é)", `\é`, "\u00A0",
}

// TestAppendFixedIsAppendFloat: appendFixed writes what strconv.AppendFloat
// does with 'f' and the same precision, byte for byte: on values at and
// next to every half of the last decimal (where rounding the scaled value
// could go the other way), random coordinates, and the edge cases.
func TestAppendFixedIsAppendFloat(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.5, 2.5, 0.125, 0.0625, 1e-9, -1e-9,
		0.0005, 0.0015, -0.0025, 1.0005, 595.2756, 841.8898, 1 << 33, -(1 << 33), 1e12, 1e300, -1e300,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1), math.Inf(-1)}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		vals = append(vals, (r.Float64()-0.5)*2000, (r.Float64()-0.5)*2, math.Round(r.Float64()*1e6)/1e4)
	}
	for k := range 5000 {
		// Halves of every precision's last decimal, and their neighbours.
		for _, p := range []float64{1, 10, 100, 1e3, 1e5} {
			h := (float64(k) + 0.5) / p
			vals = append(vals, h, -h, math.Nextafter(h, 0), math.Nextafter(h, 1e9))
		}
	}
	fast := 0
	for _, v := range vals {
		for _, prec := range []int{0, 1, 2, 3, 5, 6, 7} {
			want := strconv.AppendFloat(nil, v, 'f', prec, 64)
			got := appendFixed(nil, v, prec)
			if string(got) != string(want) {
				t.Fatalf("appendFixed(%v, %d) = %s, AppendFloat gives %s", v, prec, got, want)
			}
			if x := math.Abs(v) * math.Pow10(prec); x < 1<<33 && math.Abs(x-math.Floor(x)-0.5) > 1e-6 {
				fast++
			}
		}
	}
	if fast < len(vals) {
		t.Errorf("only %d of %d cases take the integer path", fast, 7*len(vals))
	}
}
