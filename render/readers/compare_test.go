package readers_test

import "testing"

func TestDistanceIn(t *testing.T) {
	for _, c := range []struct {
		want, got string
		d         int
	}{
		{"know the signs", "Call: know the signs now", 0},
		{"know the signs", "know the\nsigns", 0},                     // a line break for a space
		{"ผู้ใหญ่น้ำ", "ผู้ใหญ่\nน้ำ", 0},                            // a line break where there is no space
		{"a b c", "a\nx y\nb\nz\nc", 0},                              // lines of another column between
		{"left column right", "left  other\ncolumn  more\nright", 0}, // two columns on one line
		{"know the signs", "know teh signs", 2},
		{"tr ades", "trades", 1},
		{"abc", "cba", 2},
		{"b a", "b\na", 0},
		{"a b", "b\na", 1}, // lines may not be read backwards: one of them is lost
		{"", "anything", 0},
	} {
		if d := distanceIn([]rune(c.want), normalize(c.got)); d != c.d {
			t.Errorf("distanceIn(%q, %q) = %d, want %d", c.want, c.got, d, c.d)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  • An older\r\nboyfriend  ", "An older boyfriend"},
		{"\u202bمرحبا\u202c \u20661-888\u2069", "مرحبا 1-888"},
		{"e\u0301", "é"},
		{"ก\u200bข", "กข"},
	} {
		if got := flat(c.in); got != c.want {
			t.Errorf("flat(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// fakeT records whether notInstalled skipped or failed.
type fakeT struct{ skipped, failed bool }

func (f *fakeT) Helper()               {}
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
func (f *fakeT) Skip(...any)           { f.skipped = true }

func TestNotInstalledFailsUnderCI(t *testing.T) {
	for _, ci := range []string{"", "1"} {
		t.Setenv("HANDBILL_CI", ci)
		var f fakeT
		notInstalled(&f, "pdfminer is not installed")
		if want := ci == "1"; f.failed != want || f.skipped == want {
			t.Errorf("HANDBILL_CI=%q: failed %v, skipped %v; want failed %v", ci, f.failed, f.skipped, want)
		}
	}
}

// A line of pdftotext's output reads in its own direction, as a viewer
// sets it line by line: an Arabic panel's line in an English document
// right to left; a line with no letter in the document's.
func TestLineRTL(t *testing.T) {
	for _, c := range []struct {
		line      string
		doc, want bool
	}{
		{"\u202bمرحبا\u202c \u202a1-888\u202c", false, true},
		{"Call 1-888-373-7888", true, false},
		{"1-888-373-7888", true, true},
		{"1-888-373-7888", false, false},
	} {
		if got := lineRTL(c.line, c.doc); got != c.want {
			t.Errorf("lineRTL(%q, %v) = %v, want %v", c.line, c.doc, got, c.want)
		}
	}
}
