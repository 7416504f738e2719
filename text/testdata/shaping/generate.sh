#!/usr/bin/env bash
# Regenerates the shaping corpus in this folder: for each case below it runs
# HarfBuzz's own hb-shape on the bundled font file that handbill picks for the
# case's language and writes what HarfBuzz produced to <name>.json. The test
# text/shaping_test.go lays out the same strings with handbill's engine
# (go-text's HarfBuzz port) and checks that it draws the same glyphs at the
# same places.
#
# Needs hb-shape (Debian: libharfbuzz-bin) and jq. Run from anywhere:
#
#	bash text/testdata/shaping/generate.sh
#
# Conventions of the written files (see the header of shaping_test.go):
#   - one glyph a line, so a diff shows which glyph changed;
#   - glyphs are hb-shape's --output-format=json records, in visual order
#     (left to right, also for right-to-left text), as numeric glyph ids
#     (--no-glyph-names);
#   - "cl" is the glyph's cluster as a codepoint index into "text" (hb-shape's
#     default; --utf8-clusters is NOT used), at --cluster-level=0;
#   - the font is shaped at its unitsPerEm (hb-shape's default --font-size), so
#     ax, dx and dy are in font units; dy grows UP (HarfBuzz's convention);
#   - default-ignorable characters (ZWNJ, ...) keep their glyph slot, as
#     hb-shape does by default.
set -euo pipefail
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fontdir=$(cd "$here/../../../fonts/files" && pwd)

for tool in hb-shape jq; do
	if ! command -v "$tool" >/dev/null; then
		echo "generate.sh: $tool is not installed (apt-get install libharfbuzz-bin jq)" >&2
		exit 1
	fi
done
hbversion=$(hb-shape --version | head -n1)

rm -f "$here"/*.json

# gen NAME LANG SCRIPT DIRECTION FONT[#FACE-INDEX] TEXT [NOTE]
gen() {
	local name=$1 lang=$2 script=$3 dir=$4 font=${5%%#*} index=0 text=$6 note=${7:-}
	if [[ $5 == *#* ]]; then index=${5##*#}; fi
	local args=(--output-format=json --no-glyph-names --cluster-level=0
		--font-size=upem --face-index="$index"
		--language="$lang" --script="$script" --direction="$dir")
	local glyphs
	glyphs=$(hb-shape "${args[@]}" "$fontdir/$font" "$text")
	jq -n \
		--arg name "$name" --arg lang "$lang" --arg script "$script" \
		--arg dir "$dir" --arg font "$font" --argjson index "$index" \
		--arg text "$text" --arg note "$note" --arg hb "$hbversion" \
		--arg cmd "hb-shape ${args[*]} fonts/files/$font '<text>'" \
		--argjson glyphs "$glyphs" '
		def hex: [recurse(if . >= 16 then (. / 16 | floor) else empty end) | . % 16]
			| reverse | map("0123456789ABCDEF"[. : . + 1]) | join("");
		def u: hex | "U+" + ("0000"[0 : ([4 - length, 0] | max)]) + .;
		{
			name: $name,
			text: $text,
			codepoints: ($text | explode | map(u) | join(" ")),
			lang: $lang,
			script: $script,
			direction: $dir,
			font: $font,
			face_index: $index,
			note: $note,
			generator: $hb,
			command: $cmd,
			glyphs: $glyphs
		} | if .note == "" then del(.note) else . end
		| "{",
		  (del(.glyphs) | to_entries[] | "  \(.key | tojson): \(.value | tojson),"),
		  "  \"glyphs\": [",
		  (.glyphs | map("    " + tojson) | join(",\n")),
		  "  ]",
		  "}"' -r >"$here/$name.json"
	echo "$name: $(jq '.glyphs | length' "$here/$name.json") glyphs"
}

arab=NotoSansArabic-Regular.ttf
naskh=NotoNaskhArabic-Regular.ttf

# Arabic: joining forms, lam-alef ligatures, harakat placed on their bases.
gen arabic-marhaba ar Arab rtl $arab "مرحبا بالعالم"
gen arabic-salam ar Arab rtl $arab "السلام عليكم"
gen arabic-basmala ar Arab rtl $arab "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ" "harakat and shadda: mark positioning (dx/dy)"

# Persian: ZWNJ stops joining inside a word without a space.
gen persian-mikhaham fa Arab rtl $arab $'می\u200cخواهم' "ZWNJ (U+200C) after the prefix mi-"
gen persian-nameha fa Arab rtl $arab $'نامه\u200cها را خواندم' "ZWNJ before the plural suffix -ha"

# Urdu: handbill prefers Noto Naskh Arabic for "ur".
gen urdu-zaban ur Arab rtl $naskh "اردو زبان"
gen urdu-pakistan ur Arab rtl $naskh "پاکستان میں خوش آمدید" "noon ghunna and yeh barree"

# Hebrew, with and without niqqud.
gen hebrew-shalom he Hebr rtl NotoSansHebrew-Regular.ttf "שלום עולם"
gen hebrew-bereshit he Hebr rtl NotoSansHebrew-Regular.ttf "בְּרֵאשִׁית בָּרָא" "niqqud, dagesh and shin dot"

# Devanagari (Hindi): reph, conjuncts, pre-base i-matra.
gen hindi-karma hi Deva ltr NotoSansDevanagari-Regular.ttf "कर्म" "reph"
gen hindi-kshatriya hi Deva ltr NotoSansDevanagari-Regular.ttf "क्षत्रिय" "ksha and tra conjuncts, i-matra before a conjunct"
gen hindi-hindi hi Deva ltr NotoSansDevanagari-Regular.ttf "हिन्दी भाषा"

# Gurmukhi (Punjabi).
gen punjabi-punjabi pa Guru ltr NotoSansGurmukhi-Regular.ttf "ਪੰਜਾਬੀ"
gen punjabi-prem pa Guru ltr NotoSansGurmukhi-Regular.ttf "ਪ੍ਰੇਮ ਗੁਰਮੁਖੀ" "subjoined ra"

# Bengali: conjuncts, reph, two-part vowel sign o.
gen bengali-bangla bn Beng ltr NotoSansBengali-Regular.ttf "বাংলা ভাষা"
gen bengali-rabindranath bn Beng ltr NotoSansBengali-Regular.ttf "রবীন্দ্রনাথ কর্ম কোথায়" "ndra conjunct, reph, split vowel o"

# Thai: above/below marks stacked on one base.
gen thai-phasathai th Thai ltr NotoSansThai-Regular.ttf "ภาษาไทย"
gen thai-phuyai th Thai ltr NotoSansThai-Regular.ttf "ผู้ใหญ่ กิ่งไม้ ที่นี่ น้ำ" "tone marks stacked over vowel signs, sara am"

# Khmer: coeng subscripts, pre-base vowels, coeng ro.
gen khmer-phasa km Khmr ltr NotoSansKhmer-Regular.ttf "ភាសាខ្មែរ" "coeng mo under kho, pre-base vowel e"
gen khmer-satrei km Khmr ltr NotoSansKhmer-Regular.ttf "ស្ត្រី កម្ពុជា" "two coengs (ta, ro) on one base"

# Ethiopic.
gen ethiopic-selam am Ethi ltr NotoSansEthiopic-Regular.ttf "ሰላም ለዓለም"
gen ethiopic-amarigna am Ethi ltr NotoSansEthiopic-Regular.ttf "አማርኛ ቋንቋ"

# Armenian.
gen armenian-barev hy Armn ltr NotoSansArmenian-Regular.ttf "Բարև աշխարհ"
gen armenian-hayastan hy Armn ltr NotoSansArmenian-Regular.ttf "Հայաստանի Հանրապետություն"

# Vietnamese: stacked diacritics, precomposed and decomposed (NFD) input.
gen vietnamese-tiengviet vi Latn ltr NotoSans-Regular.ttf "Tiếng Việt Phở bò Hà Nội"
gen vietnamese-nfd vi Latn ltr NotoSans-Regular.ttf $'Nguye\u0302\u0303n Va\u0306\u0301n Ho\u031B\u0300' "decomposed: base + circumflex/breve/horn + tone mark"

# Korean: the engine puts WORD JOINER (U+2060) between the syllables of a
# word (and between a syllable and an adjacent letter or digit) so lines
# break between words only. hb-shape shapes the text as written; the test
# compares the visible glyphs, which must be unaffected by the joiners. The
# jamo case is Korean as NFD text (macOS file names, some copy-paste) stores
# it: conjoining jamo that HarfBuzz composes into one glyph per syllable, which
# a joiner between the jamo of a syllable would prevent.
gen korean-hangugeo ko Hang ltr NotoSansCJKKR-Regular.ttf "한국어 문장" "multi-syllable words: engine inserts U+2060 between syllables"
gen korean-mixed ko Hang ltr NotoSansCJKKR-Regular.ttf "서울(한국), 신고!" "punctuation next to Hangul: engine inserts U+2060 where a syllable touches a letter; digits and Latin letters are set in Noto Sans (see TestLatinInOtherScriptsUsesLatinFace)"
gen korean-jamo ko Hang ltr NotoSansCJKKR-Regular.ttf $'\u1112\u1161\u11AB\u1100\u1173\u11AF \u1109\u1165\u110B\u116E\u11AF' "decomposed (NFD) Hangul, as in macOS file names: conjoining jamo compose into syllables"

# Chinese: one face of the WenQuanYi Micro Hei collection.
gen chinese-hans zh Hani ltr NotoSansCJKSC-Regular.ttf "中文字体排版"
gen chinese-punct zh Hani ltr NotoSansCJKSC-Regular.ttf "你好，世界！"
