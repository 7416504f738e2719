package check

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/nyaruka/phonenumbers"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
)

// Every number printed must be one the directory has. A number that looks
// like a hotline but is not it (a digit changed, swapped, dropped or
// added, or the right start and a wrong end), or that has letters where
// a hotline's digits belong and is not that hotline's letter form, is an
// error: on these materials a wrong digit is a call that does not reach
// help.

// candidateRE is numberRE with lower-case letters allowed in a group, so
// "1-888-373-78b8" is found whole.
var candidateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\+?(?:\(\p{Nd}+\)[ \x{a0}]?)?\p{Nd}[\p{Nd}A-Za-z]*(?:[-.\x{2010}\x{2011}][\p{Nd}A-Za-z]+|[ \x{a0}]\p{Nd}+)*`)
})

// line is one number of the directory: a hotline's number to dial or its
// text line, in the forms it may be printed in.
type line struct {
	h content.Hotline
	// forms are the digit strings that dial it: as written in the
	// directory, the national significant number, with the country code.
	forms   []string
	display string
	// sms is true for a text line.
	sms bool
}

func (l line) describe() string {
	name := l.h.Name.S
	if name == "" {
		name = l.h.ID
	}
	if l.sms {
		return fmt.Sprintf("the %s's text line (%s)", name, l.display)
	}
	return fmt.Sprintf("the %s (%s)", name, l.display)
}

// Directory is the hotline directory as the checks use it.
type Directory struct {
	lines []line
	// vanity holds each letter form, upper case, without separators.
	vanity map[string]bool
}

// NewDirectory indexes hotline entries (the content set's, built-in and
// the user's) for the checks.
func NewDirectory(hs []content.Hotline) *Directory {
	d := &Directory{vanity: map[string]bool{}}
	for _, h := range hs {
		if h.Digits != "" {
			d.lines = append(d.lines, line{h: h, forms: dialForms(h.Digits, h.Country), display: h.Display})
		}
		if h.SMS != "" && h.SMS != h.Digits {
			d.lines = append(d.lines, line{h: h, forms: []string{h.SMS}, display: h.SMS, sms: true})
		}
		if h.Vanity != "" {
			d.vanity[squeeze(h.Vanity)] = true
		}
	}
	return d
}

// dialForms are the digit strings a number may be printed as: as given,
// its national significant number (without a trunk prefix such as the
// 1 of 1-888… or the 0 of 0800…), and with its country code.
// They are computed once per number and country in a process.
func dialForms(digits, country string) []string {
	k := digits + "/" + country
	if v, ok := builtinForms()[k]; ok {
		return v // a built-in number: libphonenumber's metadata is not loaded
	}
	if v, ok := formsCache.Load(k); ok {
		return v.([]string)
	}
	out := parseForms(digits, country)
	formsCache.Store(k, out)
	return out
}

// formsCache holds dialForms' answers: a process meets a few dozen
// numbers.
var formsCache sync.Map

func parseForms(digits, country string) []string {
	out := []string{digits}
	n, err := phonenumbers.Parse(digits, country)
	if err != nil {
		return out
	}
	nsn := phonenumbers.GetNationalSignificantNumber(n)
	for _, f := range []string{nsn, fmt.Sprint(n.GetCountryCode()) + nsn} {
		if f != "" && len(f) >= 6 && !contains1(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func contains1(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// squeeze is a vanity form compared: upper case, letters and digits only.
func squeeze(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if v, ok := digitValue(r); ok {
			b.WriteByte('0' + byte(v))
		} else if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keypad dials the letters of s on a phone keypad (ITU E.161); lookalike
// reads them as the digits they are mistaken for (O for 0, l for 1, B
// for 8). Both keep digits and drop everything else.
func dialLetters(s string, m func(r rune) (byte, bool)) string {
	var b strings.Builder
	for _, r := range s {
		if v, ok := digitValue(r); ok {
			b.WriteByte('0' + byte(v))
		} else if c, ok := m(r); ok {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func keypadDigit(r rune) (byte, bool) {
	for d, letters := range []string{"", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"} {
		if strings.ContainsRune(letters, unicode.ToUpper(r)) {
			return byte('0' + d), true
		}
	}
	return 0, false
}

func lookalikeDigit(r rune) (byte, bool) {
	for d, letters := range []string{"OoQD", "IilL|", "Zz", "", "A", "Ss", "Gb", "T", "B", "gq"} {
		if strings.ContainsRune(letters, r) {
			return byte('0' + d), true
		}
	}
	return 0, false
}

// match finds the directory line digits d dial exactly, if any.
func (d *Directory) match(digits string) bool {
	for _, l := range d.lines {
		if contains1(l.forms, digits) {
			return true
		}
	}
	return false
}

// near finds the directory line digits d look like without being it:
// the nearest by edit distance (a digit changed, swapped, dropped or
// added: at most one for a number under ten digits, two from ten), or
// the first whose start they share (all but the last four digits, for
// numbers of ten digits or more).
func (d *Directory) near(digits string) (line, bool) {
	best, bestDist := line{}, 1<<30
	for _, l := range d.lines {
		for _, f := range l.forms {
			if len(f) < 6 {
				continue
			}
			k := 1
			if len(f) >= 10 {
				k = 2
			}
			dist := editDistance(digits, f)
			if dist > k && len(f) >= 10 && abs(len(digits)-len(f)) <= 2 && strings.HasPrefix(digits, f[:len(f)-4]) {
				dist = k
			}
			if dist <= k && dist < bestDist {
				best, bestDist = l, dist
			}
		}
	}
	return best, bestDist < 1<<30
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal string alignment distance of a and b: the
// fewest digits changed, dropped, added or swapped with a neighbour.
func editDistance(a, b string) int {
	n, m := len(a), len(b)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, m+1)
		d[i][0] = i
	}
	for j := range m + 1 {
		d[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[n][m]
}

// Numbers checks every number printed in a composed document against the
// hotline directory: one that looks like a hotline or text line but is
// not its number, or that has letters where its digits belong and is not
// its letter form, is an error at the text's position.
func Numbers(t layouts.Target, doc *frame.Doc, lang string, dir *Directory) []source.Diagnostic {
	if dir == nil {
		return nil
	}
	var out []source.Diagnostic
	add := func(sev source.Severity, pos source.Pos, rule, msg, hint string) {
		out = append(out, source.Diagnostic{Severity: sev, Pos: pos, Output: t.Name(), Lang: lang, Message: msg, Hint: hint, Rule: rule})
	}
	seen := map[*frame.Text]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*frame.Text); ok && tx.Para != nil && !seen[tx] {
				seen[tx] = true
				dir.checkText(tx, add)
			}
		}
	}
	return dedupe(out)
}

// checkText checks the numbers of one text against the directory.
func (d *Directory) checkText(t *frame.Text, add adder) {
	for _, n := range numbersIn(t.Para.Text, candidateRE(), 4) {
		d.checkNumber(t, n.text, true, add)
	}
}

// checkNumber checks one number printed in t. A number of groups
// separated by spaces that is no directory number and like none may be
// two numbers side by side ("911 1-888-373-7889"): with split, each part
// is checked on its own.
func (d *Directory) checkNumber(t *frame.Text, s string, split bool, add adder) {
	if strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		if d.vanity[squeeze(s)] {
			return
		}
		if asciiDigits(s) == "" {
			return
		}
		for _, dial := range []string{dialLetters(s, lookalikeDigit), dialLetters(s, keypadDigit)} {
			if l, ok := d.near(dial); ok {
				add(source.Error, t.Src, "hotline-number",
					fmt.Sprintf("%q has letters where the digits of %s belong", s, l.describe()),
					fmt.Sprintf("print %s as the directory has it; a letter form is printed only as the directory's `vanity:` form", l.display))
				return
			}
		}
	} else if digits := asciiDigits(s); len(digits) < 6 || d.match(digits) {
		return
	} else if l, ok := d.near(digits); ok {
		what := "number"
		if l.sms {
			what = "text line"
		}
		add(source.Error, t.Src, "hotline-number",
			fmt.Sprintf("%q looks like %s but is not its %s", s, l.describe(), what),
			fmt.Sprintf("print %s exactly (in a layout, {hotline} prints the directory's number); if this is another line on purpose, add it under `hotlines:` in your content file with its own id", l.display))
		return
	}
	if parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u00a0' }); split && len(parts) > 1 {
		for _, p := range parts {
			if len(asciiDigits(p)) >= 4 {
				d.checkNumber(t, p, false, add)
			}
		}
	}
}
