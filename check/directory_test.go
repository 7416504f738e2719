package check_test

import (
	"testing"

	"handbill/check"
	"handbill/content"
	"handbill/source"
)

// TestNumbersAgainstTheDirectory sets each text in a headline and checks
// what the directory check says of it.
func TestNumbersAgainstTheDirectory(t *testing.T) {
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	dir := check.NewDirectory(set.Hotlines())
	for _, c := range []struct {
		text string
		want string // "" for no finding
	}{
		{"Call 1-888-373-7888 now", ""},
		{"Call 888-373-7888", ""},          // without the trunk prefix
		{"Call +1 888 373 7888", ""},       // with the country code
		{"Text BEFREE to 233733", ""},      // the text line
		{"Call 1-800-THE-LOST", ""},        // the directory's letter form
		{"Call 1-800-the-lost", ""},        // in lower case
		{"Call 08000 121 700 or 999", ""},  // the UK lines
		{"Our desk: (555) 201-4477", ""},   // a local number like no hotline
		{"Open 24/7 since 2026-11-01", ""}, // a time and a date
		{"Call 1-888-373-7889", `"1-888-373-7889" looks like the National Human Trafficking Hotline (1-888-373-7888) but is not its number`},
		{"Call 1-888-373-8788", `"1-888-373-8788" looks like the National Human Trafficking Hotline`}, // two digits swapped
		{"Call 1-888-373-788", `"1-888-373-788" looks like the National Human Trafficking Hotline`},   // a digit dropped
		{"Call 1-888-373-1234", `"1-888-373-1234" looks like the National Human Trafficking Hotline`}, // its start, another end
		{"Call 888-373-7898", `"888-373-7898" looks like the National Human Trafficking Hotline`},
		{"Text 233734", `"233734" looks like the National Human Trafficking Hotline's text line (233733) but is not its text line`},
		{"Call 1-888-373-78B8", `"1-888-373-78B8" has letters where the digits of the National Human Trafficking Hotline (1-888-373-7888) belong`},
		{"Call 1-8OO-843-5678", `"1-8OO-843-5678" has letters where the digits of the National Center for Missing & Exploited Children (1-800-843-5678) belong`},
		{"Call 1-888-373-7TUV", `"1-888-373-7TUV" has letters`},                                           // dials right, but is no letter form of the directory
		{"Call 911 1-888-373-7889", `"1-888-373-7889" looks like the National Human Trafficking Hotline`}, // two numbers side by side
		{"Call 911 1-888-373-7888", ""},
		{"Call 08000 121 700", ""}, // spaced groups are not split when the whole is a directory number
	} {
		t.Run(c.text, func(t *testing.T) {
			doc := numberDoc(para(t, c.text, "en", 14, 400))
			fs := check.Numbers(plain(), doc, "en", dir)
			if c.want == "" {
				none(t, fs)
				return
			}
			want(t, fs, source.Error, src, c.want)
		})
	}
}

// A user's own line is in the directory: printing it is fine.
func TestNumbersUserLine(t *testing.T) {
	dir := check.NewDirectory([]content.Hotline{{ID: "clinic", Name: source.Text{S: "Clinic"}, Country: "US", Digits: "18883737000", Display: "1-888-373-7000"}})
	none(t, check.Numbers(plain(), numberDoc(para(t, "Call 1-888-373-7000", "en", 14, 400)), "en", dir))
	want(t, check.Numbers(plain(), numberDoc(para(t, "Call 1-888-373-7001", "en", 14, 400)), "en", dir), source.Error, src, "looks like the Clinic (1-888-373-7000)")
	none(t, check.Numbers(plain(), numberDoc(para(t, "Call 1-888-373-7001", "en", 14, 400)), "en", nil))
}
