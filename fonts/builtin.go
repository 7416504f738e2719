package fonts

import (
	"embed"
	"io/fs"
	"sync"
)

//go:embed files/*.ttf files/*.ttc
var files embed.FS

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
	{"Nanum Gothic", "NanumGothic.ttf", "NanumGothicBold.ttf", 0, []string{"Kore", "Hang"}, nil},
	{"WenQuanYi Micro Hei", "wqy-microhei.ttc", "", 0, []string{"Hans", "Hant", "Hani", "Jpan", "Hira", "Kana"}, nil},
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

func embedded(name string, b builtin) *Face {
	return &Face{
		Family:  b.family,
		File:    "built-in " + name,
		Index:   b.index,
		Scripts: b.scripts,
		Langs:   b.langs,
		data: &faceData{read: func() ([]byte, error) {
			return fs.ReadFile(files, "files/"+name)
		}},
	}
}
