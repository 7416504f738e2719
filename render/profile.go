package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"

	"handbill/render/pdf"
)

// Profile is an ICC output profile for a PDF/X output intent: the
// printing condition (a press, paper and ink) the press colours were
// chosen for. handbill ships none: the freely licensed CMYK profiles are
// about a megabyte each; a print shop names the one it wants (FOGRA39,
// GRACoL, SWOP…) and the user points --output-intent at it.
type Profile struct {
	Data []byte
	// N is the number of colour components: 4 (CMYK) or 3 (RGB).
	N int
	// Description is the profile's own description, the output
	// condition it names.
	Description string
}

// ReadProfile reads an ICC output profile: a printer ("prtr") profile of a
// CMYK or RGB colour space.
func ReadProfile(path string) (*Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseProfile(data)
}

// ParseProfile checks an ICC profile's header and reads its description.
func ParseProfile(data []byte) (*Profile, error) {
	if len(data) < 132 || string(data[36:40]) != "acsp" {
		return nil, errors.New("not an ICC profile")
	}
	if size := binary.BigEndian.Uint32(data[0:4]); int(size) != len(data) {
		return nil, fmt.Errorf("damaged ICC profile: its header says %d bytes, the file has %d", size, len(data))
	}
	if class := string(data[12:16]); class != "prtr" {
		return nil, fmt.Errorf("an output intent needs a printer profile (class prtr), this one is %q (a screen or colour-space profile such as sRGB will not do)", strings.TrimSpace(class))
	}
	p := &Profile{Data: data}
	switch cs := string(data[16:20]); cs {
	case "CMYK":
		p.N = 4
	case "RGB ":
		p.N = 3
	default:
		return nil, fmt.Errorf("an output intent needs a CMYK (or RGB) printer profile, this one is %q", strings.TrimSpace(cs))
	}
	p.Description = profileDescription(data)
	if p.Description == "" {
		p.Description = "Custom"
	}
	return p, nil
}

// profileDescription reads the 'desc' tag: a v2 textDescriptionType or a
// v4 multiLocalizedUnicodeType. "" if there is none.
func profileDescription(data []byte) string {
	be := binary.BigEndian
	n := int(be.Uint32(data[128:132]))
	for i := 0; i < n && 132+12*i+12 <= len(data); i++ {
		e := data[132+12*i:]
		if string(e[0:4]) != "desc" {
			continue
		}
		off, size := int(be.Uint32(e[4:8])), int(be.Uint32(e[8:12]))
		if off < 0 || size < 12 || off+size > len(data) {
			return ""
		}
		t := data[off : off+size]
		switch string(t[0:4]) {
		case "desc":
			l := int(be.Uint32(t[8:12]))
			if 12+l > len(t) {
				return ""
			}
			return cleanPDFString(string(bytes.TrimRight(t[12:12+l], "\x00")))
		case "mluc":
			if len(t) < 28 {
				return ""
			}
			l, o := int(be.Uint32(t[20:24])), int(be.Uint32(t[24:28]))
			if o+l > len(t) || l%2 != 0 {
				return ""
			}
			u := make([]uint16, l/2)
			for j := range u {
				u[j] = be.Uint16(t[o+2*j:])
			}
			return cleanPDFString(string(utf16.Decode(u)))
		}
	}
	return ""
}

// cleanPDFString keeps printable ASCII without parentheses or backslashes:
// an output condition is shown to people in print dialogs and preflight
// reports, and some of those show PDF escapes as they are.
func cleanPDFString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x20 && r < 0x7f && r != '(' && r != ')' && r != '\\' {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// write embeds the profile and returns the catalog's /OutputIntents array.
func (p *Profile) write(w *pdf.Writer) string {
	r := w.Alloc()
	w.Stream(r, fmt.Sprintf("/N %d", p.N), p.Data)
	return fmt.Sprintf("[<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier %s /Info %s /DestOutputProfile %s >>]",
		pdf.Text(p.Description), pdf.Text(p.Description), r)
}
