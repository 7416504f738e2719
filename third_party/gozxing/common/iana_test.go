package common

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// TestIANANamesAreIanaindexs holds handbill's patch (PATCH.md) to what
// upstream asked golang.org/x/text/encoding/ianaindex: each charset's IANA
// name, US-ASCII and UTF-16BE, and the names of the UTF-16 encodings with
// a byte-order mark.
func TestIANANamesAreIanaindexs(t *testing.T) {
	if len(allECIs) == 0 {
		t.Fatal("no charsets in the table")
	}
	for _, eci := range allECIs {
		ref := eci.charset
		if ref == asciiEnc { // ianaindex's own US-ASCII, compared below
			ref, _ = ianaindex.IANA.Encoding("US-ASCII")
		}
		want, err := ianaindex.IANA.Name(ref)
		if err != nil {
			t.Fatalf("%s: ianaindex: %v", eci.name, err)
		}
		if got, err := ianaName(eci.charset); got != want || err != nil {
			t.Errorf("%s: IANA name %q, %v; ianaindex says %q", eci.name, got, err, want)
		}
		if got, ok := GetCharacterSetECIByName(want); !ok || got != eci {
			t.Errorf("%s: by IANA name %q: %v", eci.name, want, got)
		}
		if got, ok := GetCharacterSetECI(eci.charset); !ok || got != eci {
			t.Errorf("%s: by charset: %v", eci.name, got)
		}
		for _, v := range eci.values {
			if got, _ := GetCharacterSetECIByValue(v); got != eci {
				t.Errorf("%s: by value %d: %v", eci.name, v, got)
			}
		}
	}
	for name, mine := range map[string]encoding.Encoding{"US-ASCII": asciiEnc, "UTF-16BE": utf16beEnc} {
		theirs, err := ianaindex.IANA.Encoding(name)
		if err != nil {
			t.Fatal(err)
		}
		all := make([]byte, 256)
		for i := range all {
			all[i] = byte(i)
		}
		a, errA := mine.NewDecoder().Bytes(all)
		b, errB := theirs.NewDecoder().Bytes(all)
		if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) {
			t.Errorf("%s decodes %q, %v; ianaindex's %q, %v", name, a, errA, b, errB)
		}
		for _, s := range []string{"plain", "naïve €"} {
			a, errA := encoding.ReplaceUnsupported(mine.NewEncoder()).String(s)
			b, errB := encoding.ReplaceUnsupported(theirs.NewEncoder()).String(s)
			if a != b || (errA == nil) != (errB == nil) {
				t.Errorf("%s encodes %q as %q, %v; ianaindex's as %q, %v", name, s, a, errA, b, errB)
			}
		}
	}
	for _, e := range []encoding.Encoding{unicode.UTF16(unicode.BigEndian, unicode.UseBOM), unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)} {
		want, _ := ianaindex.IANA.Name(e)
		if got, err := ianaName(e); got != want || err != nil {
			t.Errorf("%v: IANA name %q, %v; ianaindex says %q", e, got, err, want)
		}
	}
}
