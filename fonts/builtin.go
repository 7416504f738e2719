package fonts

import (
	"embed"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"handbill/source"

	"github.com/go-text/typesetting/font"
)

// The bundled font files, each embedded as a string, so that a face's bytes
// are read straight from the binary's read-only data (see readOnly): loading
// a face copies no megabytes of font data.
//
// A face of a collection is embedded as a standalone font of its own, made
// in advance: handbill uses face 0 of wqy-microhei.ttc only, and
// files/wqy-microhei-face0.ttf is that face as Standalone extracts it, with
// the glyph names of its 'post' table dropped (format 3, as Subset writes
// it; nothing in handbill reads glyph names, and go-text spends a fifth of
// the face's load on its 49,531 names). Outlines, metrics, character map
// and layout tables are the collection's, byte for byte, and the PDF writer
// receives the same font. TestBundledCollectionFacesAreExtracted checks the
// file against the .ttc, and `go test ./fonts -run
// TestBundledCollectionFacesAreExtracted -update` writes it again. The .ttc
// itself stays in files/, not embedded, for the tests and for --font.
var (
	//go:embed files/NotoSansCJKJP-Regular.ttf
	notoSansCJKJPRegular string

	//go:embed files/NotoSansCJKJP-Bold.ttf
	notoSansCJKJPBold string

	//go:embed files/NotoSansCJKKR-Regular.ttf
	notoSansCJKKRRegular string

	//go:embed files/NotoSansCJKKR-Bold.ttf
	notoSansCJKKRBold string

	//go:embed files/NotoSansCJKSC-Regular.ttf
	notoSansCJKSCRegular string

	//go:embed files/NotoSansCJKSC-Bold.ttf
	notoSansCJKSCBold string

	//go:embed files/NotoSansCJKTC-Regular.ttf
	notoSansCJKTCRegular string

	//go:embed files/NotoSansCJKTC-Bold.ttf
	notoSansCJKTCBold string

	//go:embed files/NotoNaskhArabic-Bold.ttf
	notoNaskhArabicBold string

	//go:embed files/NotoNaskhArabic-Regular.ttf
	notoNaskhArabicRegular string

	//go:embed files/NotoSans-Bold.ttf
	notoSansBold string

	//go:embed files/NotoSans-Regular.ttf
	notoSansRegular string

	//go:embed files/NotoSansArabic-Bold.ttf
	notoSansArabicBold string

	//go:embed files/NotoSansArabic-Regular.ttf
	notoSansArabicRegular string

	//go:embed files/NotoSansArmenian-Bold.ttf
	notoSansArmenianBold string

	//go:embed files/NotoSansArmenian-Regular.ttf
	notoSansArmenianRegular string

	//go:embed files/NotoSansBengali-Bold.ttf
	notoSansBengaliBold string

	//go:embed files/NotoSansBengali-Regular.ttf
	notoSansBengaliRegular string

	//go:embed files/NotoSansDevanagari-Bold.ttf
	notoSansDevanagariBold string

	//go:embed files/NotoSansDevanagari-Regular.ttf
	notoSansDevanagariRegular string

	//go:embed files/NotoSansEthiopic-Bold.ttf
	notoSansEthiopicBold string

	//go:embed files/NotoSansEthiopic-Regular.ttf
	notoSansEthiopicRegular string

	//go:embed files/NotoSansGurmukhi-Bold.ttf
	notoSansGurmukhiBold string

	//go:embed files/NotoSansGurmukhi-Regular.ttf
	notoSansGurmukhiRegular string

	//go:embed files/NotoSansHebrew-Bold.ttf
	notoSansHebrewBold string

	//go:embed files/NotoSansHebrew-Regular.ttf
	notoSansHebrewRegular string

	//go:embed files/NotoSansKhmer-Bold.ttf
	notoSansKhmerBold string

	//go:embed files/NotoSansKhmer-Regular.ttf
	notoSansKhmerRegular string

	//go:embed files/NotoSansThai-Bold.ttf
	notoSansThaiBold string

	//go:embed files/NotoSansThai-Regular.ttf
	notoSansThaiRegular string

	//go:embed files/wqy-microhei-face0.ttf
	wqyMicroHeiFace0 string
)

// bundled maps bundledKey(file, index) to the face's embedded standalone
// TrueType data.
var bundled = map[string]string{
	"NotoSansCJKJP-Regular.ttf":      notoSansCJKJPRegular,
	"NotoSansCJKJP-Bold.ttf":         notoSansCJKJPBold,
	"NotoSansCJKKR-Regular.ttf":      notoSansCJKKRRegular,
	"NotoSansCJKKR-Bold.ttf":         notoSansCJKKRBold,
	"NotoSansCJKSC-Regular.ttf":      notoSansCJKSCRegular,
	"NotoSansCJKSC-Bold.ttf":         notoSansCJKSCBold,
	"NotoSansCJKTC-Regular.ttf":      notoSansCJKTCRegular,
	"NotoSansCJKTC-Bold.ttf":         notoSansCJKTCBold,
	"NotoNaskhArabic-Bold.ttf":       notoNaskhArabicBold,
	"NotoNaskhArabic-Regular.ttf":    notoNaskhArabicRegular,
	"NotoSans-Bold.ttf":              notoSansBold,
	"NotoSans-Regular.ttf":           notoSansRegular,
	"NotoSansArabic-Bold.ttf":        notoSansArabicBold,
	"NotoSansArabic-Regular.ttf":     notoSansArabicRegular,
	"NotoSansArmenian-Bold.ttf":      notoSansArmenianBold,
	"NotoSansArmenian-Regular.ttf":   notoSansArmenianRegular,
	"NotoSansBengali-Bold.ttf":       notoSansBengaliBold,
	"NotoSansBengali-Regular.ttf":    notoSansBengaliRegular,
	"NotoSansDevanagari-Bold.ttf":    notoSansDevanagariBold,
	"NotoSansDevanagari-Regular.ttf": notoSansDevanagariRegular,
	"NotoSansEthiopic-Bold.ttf":      notoSansEthiopicBold,
	"NotoSansEthiopic-Regular.ttf":   notoSansEthiopicRegular,
	"NotoSansGurmukhi-Bold.ttf":      notoSansGurmukhiBold,
	"NotoSansGurmukhi-Regular.ttf":   notoSansGurmukhiRegular,
	"NotoSansHebrew-Bold.ttf":        notoSansHebrewBold,
	"NotoSansHebrew-Regular.ttf":     notoSansHebrewRegular,
	"NotoSansKhmer-Bold.ttf":         notoSansKhmerBold,
	"NotoSansKhmer-Regular.ttf":      notoSansKhmerRegular,
	"NotoSansThai-Bold.ttf":          notoSansThaiBold,
	"NotoSansThai-Regular.ttf":       notoSansThaiRegular,
	"wqy-microhei.ttc#0":             wqyMicroHeiFace0,
}

// bundledKey is the key of face index of a bundled file in bundled: the file
// name for face 0 of a .ttf, "FILE.ttc#N" for face N of a collection.
func bundledKey(file string, index int) string {
	if strings.HasSuffix(file, ".ttc") {
		return file + "#" + strconv.Itoa(index)
	}
	return file
}

// readOnly returns the bytes of s without copying them. For an embedded
// string they are the binary's read-only data: writing to them crashes the
// program. Nothing in handbill writes to font data: Standalone and Subset
// build new fonts, and go-text copies what it reads. The slice's
// capacity is its length, so an append copies.
func readOnly(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// Licenses holds the licence texts of the bundled fonts, one file per
// family, under "licenses/".
//
//go:embed licenses/*.txt
var Licenses embed.FS

// builtin describes one bundled font file. A file without a bold face
// (bold == "") gets a synthesized bold twin.
type builtin struct {
	family        string
	regular, bold string
	index         int
	scripts       []string
	langs         []string
}

// builtins is the bundled set, in fallback order: when a character is not in
// the faces chosen for a paragraph's language, the first of these that has it
// draws it.
var builtins = []builtin{
	{"Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 0, []string{"Latn", "Cyrl", "Grek", "Zyyy"}, nil},
	{"Noto Sans Arabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", 0, []string{"Arab"}, nil},
	{"Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", 0, nil, []string{"ur"}},
	{"Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", 0, []string{"Hebr"}, nil},
	{"Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", 0, []string{"Deva"}, nil},
	{"Noto Sans Gurmukhi", "NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", 0, []string{"Guru"}, nil},
	{"Noto Sans Bengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", 0, []string{"Beng"}, nil},
	{"Noto Sans Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", 0, []string{"Thai"}, nil},
	{"Noto Sans Khmer", "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", 0, []string{"Khmr"}, nil},
	{"Noto Sans Ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", 0, []string{"Ethi"}, nil},
	{"Noto Sans Armenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf", 0, []string{"Armn"}, nil},
	{"Noto Sans CJK SC", "NotoSansCJKSC-Regular.ttf", "NotoSansCJKSC-Bold.ttf", 0, []string{"Hans", "Hani"}, nil},
	{"Noto Sans CJK TC", "NotoSansCJKTC-Regular.ttf", "NotoSansCJKTC-Bold.ttf", 0, []string{"Hant"}, nil},
	{"Noto Sans CJK JP", "NotoSansCJKJP-Regular.ttf", "NotoSansCJKJP-Bold.ttf", 0, []string{"Jpan", "Hira", "Kana"}, nil},
	{"Noto Sans CJK KR", "NotoSansCJKKR-Regular.ttf", "NotoSansCJKKR-Bold.ttf", 0, []string{"Kore", "Hang"}, nil},
	// WenQuanYi Micro Hei is chosen for no language: it is the last
	// fallback for the CJK characters the Noto Sans CJK subsets leave out
	// (rare hanzi, kanji and Hangul syllables; see docs/fonts-and-text.md).
	{"WenQuanYi Micro Hei", "wqy-microhei.ttc", "", 0, nil, nil},
}

var (
	builtinOnce sync.Once
	builtinReg  *Registry
)

// Builtin returns the registry of bundled faces. It is built once per
// process and shared; font data is parsed lazily, a face at a time, the
// first time a document needs it.
func Builtin() *Registry {
	builtinOnce.Do(func() { builtinReg = newBuiltin() })
	return builtinReg
}

// newBuiltin builds a registry of the bundled faces, none parsed yet.
func newBuiltin() *Registry {
	r := &Registry{}
	for _, b := range builtins {
		reg := embedded(b.regular, b)
		reg.Family = b.family
		r.faces = append(r.faces, reg)
		if b.bold != "" {
			bold := embedded(b.bold, b)
			bold.Bold = true
			r.faces = append(r.faces, bold)
			continue
		}
		twin := *reg
		twin.Bold, twin.SynthBold = true, true
		r.faces = append(r.faces, &twin)
	}
	return r
}

// embedded returns face b.index of the bundled file name (not parsed yet).
func embedded(name string, b builtin) *Face {
	f := &Face{
		Family:  b.family,
		File:    "built-in " + name,
		Index:   b.index,
		Scripts: b.scripts,
		Langs:   b.langs,
	}
	f.data = bundledData(f.File, bundledKey(name, b.index))
	return f
}

// bundledData is the data of a bundled face: its embedded bytes, parsed by
// go-text when first loaded (and by parseSFNT when Face.SFNT is first
// called). The bytes are not copied (see readOnly), and the structural
// checks Standalone makes of a user's font beyond reading its tables are
// not made again at every run: the bundled fonts are fixed, and
// TestBundledFacesPassEveryCheck makes every one of those checks on each of
// them, so a bad bundled font fails the tests, not a user's document. file
// names the face in errors.
func bundledData(file, key string) *faceData {
	s, ok := bundled[key]
	return &faceData{size: len(s), load: func() ([]byte, *font.Font, error) {
		if !ok {
			return nil, nil, &FontError{Severity: source.Error, Pos: source.Pos{File: file}, Message: "is not bundled", Hint: "this is a fault in handbill: please report it"}
		}
		ttf := readOnly(s)
		ft, ferr := parseGoText(ttf)
		if ferr != nil {
			ferr.Pos.File = file
			return nil, nil, ferr
		}
		return ttf, ft, nil
	}}
}
