package common

import (
	"sync"

	"github.com/makiuchi-d/gozxing"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

type CharacterSetECI struct {
	values             []int
	charset            encoding.Encoding
	name               string
	otherEncodingNames []string
	ianaName           string // handbill's patch (PATCH.md)
}

// handbill's patch (PATCH.md): this package no longer imports
// golang.org/x/text/encoding/ianaindex, whose initialisation (a map of
// about 900 names) ran in every program that links this package. The IANA
// name of each charset below, which upstream asked ianaindex for, is given
// in the table (ianaName, in the values below: what ianaindex.IANA.Name
// returns for it), US-ASCII is asciiEnc (ascii.go, as ianaindex has it) and
// UTF-16BE is unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM) (what
// ianaindex returns for that name).
//
// The look-up maps are built on first use from allECIs, the table in its
// order, rather than at package initialisation (also handbill's patch).
var (
	eciMaps = sync.OnceValue(buildECIMaps)

	utf16beEnc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)

	CharacterSetECI_Cp437     = &CharacterSetECI{values: []int{0, 2}, charset: charmap.CodePage437, name: "Cp437", otherEncodingNames: []string{}, ianaName: "IBM437"}
	CharacterSetECI_ISO8859_1 = &CharacterSetECI{values: []int{1, 3}, charset: charmap.ISO8859_1, name: "ISO-8859-1", otherEncodingNames: []string{"ISO8859_1"}, ianaName: "ISO_8859-1:1987"}
	CharacterSetECI_ISO8859_2 = &CharacterSetECI{values: []int{4}, charset: charmap.ISO8859_2, name: "ISO-8859-2", otherEncodingNames: []string{"ISO8859_2"}, ianaName: "ISO_8859-2:1987"}
	CharacterSetECI_ISO8859_3 = &CharacterSetECI{values: []int{5}, charset: charmap.ISO8859_3, name: "ISO-8859-3", otherEncodingNames: []string{"ISO8859_3"}, ianaName: "ISO_8859-3:1988"}
	CharacterSetECI_ISO8859_4 = &CharacterSetECI{values: []int{6}, charset: charmap.ISO8859_4, name: "ISO-8859-4", otherEncodingNames: []string{"ISO8859_4"}, ianaName: "ISO_8859-4:1988"}
	CharacterSetECI_ISO8859_5 = &CharacterSetECI{values: []int{7}, charset: charmap.ISO8859_5, name: "ISO-8859-5", otherEncodingNames: []string{"ISO8859_5"}, ianaName: "ISO_8859-5:1988"}
	//CharacterSetECI_ISO8859_6  = newCharsetECI([]int{8}, charmap.ISO8859_6, "ISO-8859-6", "ISO8859_6")
	CharacterSetECI_ISO8859_7 = &CharacterSetECI{values: []int{9}, charset: charmap.ISO8859_7, name: "ISO-8859-7", otherEncodingNames: []string{"ISO8859_7"}, ianaName: "ISO_8859-7:1987"}
	//CharacterSetECI_ISO8859_8  = newCharsetECI([]int{10}, charmap.ISO8859_8, "ISO-8859-8", "ISO8859_8")
	CharacterSetECI_ISO8859_9 = &CharacterSetECI{values: []int{11}, charset: charmap.ISO8859_9, name: "ISO-8859-9", otherEncodingNames: []string{"ISO8859_9"}, ianaName: "ISO_8859-9:1989"}
	//CharacterSetECI_ISO8859_10 = newCharsetECI([]int{12}, charmap.ISO8859_10, "ISO-8859-10", "ISO8859_10")
	//CharacterSetECI_ISO8859_11 = newCharsetECI([]int{13}, charmap.ISO8859_11, "TIS-620", "ISO-8859-11", "ISO8859_11") // golang does not support

	CharacterSetECI_ISO8859_13 = &CharacterSetECI{values: []int{15}, charset: charmap.ISO8859_13, name: "ISO-8859-13", otherEncodingNames: []string{"ISO8859_13"}, ianaName: "ISO-8859-13"}
	//CharacterSetECI_ISO8859_14         = newCharsetECI([]int{16}, charmap.ISO8859_14, "ISO-8859-14", "ISO8859_14")
	CharacterSetECI_ISO8859_15         = &CharacterSetECI{values: []int{17}, charset: charmap.ISO8859_15, name: "ISO-8859-15", otherEncodingNames: []string{"ISO8859_15"}, ianaName: "ISO-8859-15"}
	CharacterSetECI_ISO8859_16         = &CharacterSetECI{values: []int{18}, charset: charmap.ISO8859_16, name: "ISO-8859-16", otherEncodingNames: []string{"ISO8859_16"}, ianaName: "ISO-8859-16"}
	CharacterSetECI_SJIS               = &CharacterSetECI{values: []int{20}, charset: japanese.ShiftJIS, name: "Shift_JIS", otherEncodingNames: []string{"SJIS"}, ianaName: "Shift_JIS"}
	CharacterSetECI_Cp1250             = &CharacterSetECI{values: []int{21}, charset: charmap.Windows1250, name: "windows-1250", otherEncodingNames: []string{"Cp1250"}, ianaName: "windows-1250"}
	CharacterSetECI_Cp1251             = &CharacterSetECI{values: []int{22}, charset: charmap.Windows1251, name: "windows-1251", otherEncodingNames: []string{"Cp1251"}, ianaName: "windows-1251"}
	CharacterSetECI_Cp1252             = &CharacterSetECI{values: []int{23}, charset: charmap.Windows1252, name: "windows-1252", otherEncodingNames: []string{"Cp1252"}, ianaName: "windows-1252"}
	CharacterSetECI_Cp1256             = &CharacterSetECI{values: []int{24}, charset: charmap.Windows1256, name: "windows-1256", otherEncodingNames: []string{"Cp1256"}, ianaName: "windows-1256"}
	CharacterSetECI_UnicodeBigUnmarked = &CharacterSetECI{values: []int{25}, charset: utf16beEnc, name: "UTF-16BE", otherEncodingNames: []string{"UnicodeBig", "UnicodeBigUnmarked"}, ianaName: "UTF-16BE"}
	CharacterSetECI_UTF8               = &CharacterSetECI{values: []int{26}, charset: unicode.UTF8, name: "UTF-8", otherEncodingNames: []string{"UTF8"}, ianaName: "UTF-8"}
	CharacterSetECI_ASCII              = &CharacterSetECI{values: []int{27, 170}, charset: asciiEnc, name: "ASCII", otherEncodingNames: []string{"US-ASCII"}, ianaName: "US-ASCII"}
	CharacterSetECI_Big5               = &CharacterSetECI{values: []int{28}, charset: traditionalchinese.Big5, name: "Big5", otherEncodingNames: []string{}, ianaName: "Big5"}
	CharacterSetECI_GB18030            = &CharacterSetECI{values: []int{29}, charset: simplifiedchinese.GB18030, name: "GB18030", otherEncodingNames: []string{"GB2312", "EUC_CN", "GBK"}, ianaName: "GB18030"} // BG18030 is upward compatible with others
	CharacterSetECI_EUC_KR             = &CharacterSetECI{values: []int{30}, charset: korean.EUCKR, name: "EUC-KR", otherEncodingNames: []string{"EUC_KR"}, ianaName: "EUC-KR"}
)

// allECIs is the table in its order (handbill's patch: the values above
// are laid out as data, not made one by one by upstream's newCharsetECI,
// which appended each to this list at start-up).
var allECIs = []*CharacterSetECI{
	CharacterSetECI_Cp437,
	CharacterSetECI_ISO8859_1,
	CharacterSetECI_ISO8859_2,
	CharacterSetECI_ISO8859_3,
	CharacterSetECI_ISO8859_4,
	CharacterSetECI_ISO8859_5,
	CharacterSetECI_ISO8859_7,
	CharacterSetECI_ISO8859_9,
	CharacterSetECI_ISO8859_13,
	CharacterSetECI_ISO8859_15,
	CharacterSetECI_ISO8859_16,
	CharacterSetECI_SJIS,
	CharacterSetECI_Cp1250,
	CharacterSetECI_Cp1251,
	CharacterSetECI_Cp1252,
	CharacterSetECI_Cp1256,
	CharacterSetECI_UnicodeBigUnmarked,
	CharacterSetECI_UTF8,
	CharacterSetECI_ASCII,
	CharacterSetECI_Big5,
	CharacterSetECI_GB18030,
	CharacterSetECI_EUC_KR,
}

// charsetECIMaps are the table's look-ups: by ECI value and by name (each
// of a charset's names and its IANA name).
type charsetECIMaps struct {
	byValue map[int]*CharacterSetECI
	byName  map[string]*CharacterSetECI
}

// buildECIMaps fills the maps as upstream's newCharsetECI did, charset by
// charset in the table's order.
func buildECIMaps() *charsetECIMaps {
	m := &charsetECIMaps{
		byValue: map[int]*CharacterSetECI{},
		byName:  map[string]*CharacterSetECI{},
	}
	for _, c := range allECIs {
		for _, val := range c.values {
			m.byValue[val] = c
		}
		m.byName[c.name] = c
		for _, name := range c.otherEncodingNames {
			m.byName[name] = c
		}
		m.byName[c.ianaName] = c
	}
	return m
}

func (this *CharacterSetECI) GetValue() int {
	return this.values[0]
}

func (this *CharacterSetECI) Name() string {
	return this.name
}

func (this *CharacterSetECI) GetCharset() encoding.Encoding {
	return this.charset
}

// GetCharacterSetECI returns the ECI of one of the table's charsets.
// (handbill's patch: upstream looked the charset's IANA name up with
// ianaindex and then the name in the table, so it also found an encoding
// equal in IANA name but not in value to one of the table's, which no
// golang.org/x/text encoding is. The table is searched, not a map: a map
// key of a type that cannot be compared would panic.)
func GetCharacterSetECI(charset encoding.Encoding) (*CharacterSetECI, bool) {
	for _, eci := range allECIs {
		if eci.charset == charset {
			return eci, true
		}
	}
	return nil, false
}

func GetCharacterSetECIByValue(value int) (*CharacterSetECI, error) {
	if value < 0 || value >= 900 {
		return nil, gozxing.NewFormatException()
	}
	return eciMaps().byValue[value], nil
}

func GetCharacterSetECIByName(name string) (*CharacterSetECI, bool) {
	eci, ok := eciMaps().byName[name]
	return eci, ok
}
