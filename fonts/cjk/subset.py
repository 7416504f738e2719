#!/usr/bin/python3
"""Make handbill's bundled CJK faces from Noto Sans CJK (development time only).

Reads Debian's fonts-noto-cjk collections (CFF outlines), keeps for each
language a common-character set plus every character handbill's built-in
texts and layouts use, converts the outlines to TrueType quadratic curves
(handbill's subsetter and PDF writer embed glyf fonts), drops hinting and
vertical metrics, and writes fonts/files/NotoSansCJK{JP,KR,SC,TC}-{Regular,Bold}.ttf.

    apt-get install fonts-noto-cjk python3-fonttools
    /usr/bin/python3 fonts/cjk/subset.py . [JP KR SC TC]   # from the repository root

The character sets:
  SC  GB 2312 (6,763 hanzi: the set mainland texts are written in)
  TC  Big5 level 1 (5,401 common hanzi) and Big5's symbols
  JP  JIS X 0208 (6,355 kanji of levels 1 and 2, kana, symbols)
  KR  KS X 1001's 2,350 Hangul syllables and symbols (no Hanja), and the
      conjoining jamo (with the features that compose them)
and for all: ASCII, Latin-1, general punctuation, CJK symbols and
punctuation, kana, fullwidth and halfwidth forms, and every character of
content/builtin/*.yaml, content/specimen.yaml and layouts/builtin/*.yaml.
"""
import glob, os, sys
from fontTools.ttLib import TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-%s.ttc"
FACES = {"JP": 0, "KR": 1, "SC": 2, "TC": 3}


def codec_chars(codec, lead, trail):
    out = set()
    for a in lead:
        for b in trail:
            try:
                out.update(bytes([a, b]).decode(codec))
            except UnicodeDecodeError:
                pass
    return out


def common(lang):
    if lang == "SC":
        return codec_chars("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    if lang == "TC":
        s = codec_chars("big5", range(0xA1, 0xA4), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
        return s | codec_chars("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    if lang == "JP":
        return codec_chars("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF))
    if lang == "KR":
        jamo = {chr(c) for r in ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF)) for c in range(r[0], r[1] + 1)}
        return jamo | codec_chars("euc_kr", list(range(0xA1, 0xAD)) + list(range(0xB0, 0xC9)), range(0xA1, 0xFF))
    raise ValueError(lang)


def used_chars(root):
    out = set()
    files = glob.glob(os.path.join(root, "content/builtin/*.yaml")) + \
        glob.glob(os.path.join(root, "layouts/builtin/*.yaml")) + [os.path.join(root, "content/specimen.yaml")]
    for f in files:
        with open(f, encoding="utf-8") as fh:
            out.update(fh.read())
    return {c for c in out if ord(c) >= 0x2E80}


def base_chars():
    rng = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x205E), (0x3000, 0x30FF), (0x31F0, 0x31FF), (0xFF01, 0xFFEF)]
    out = set()
    for a, b in rng:
        out.update(chr(c) for c in range(a, b + 1))
    return out


def to_quadratic(font):
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    for t in ("VORG", "vhea", "vmtx", "DSIG"):
        if t in font:
            del font[t]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[name] = (hmtx[name][0], g.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for k in ("maxZones",):
        setattr(maxp, k, 1)
    for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    extra = used_chars(root) | base_chars()
    only = sys.argv[2:]
    for lang, idx in FACES.items():
        if only and lang not in only:
            continue
        chars = common(lang) | extra
        for weight in ("Regular", "Bold"):
            font = TTFont(SRC % weight, fontNumber=idx, lazy=False)
            opts = subset.Options()
            opts.hinting = False
            opts.glyph_names = False
            opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
            opts.layout_features = ["ccmp", "locl", "kern", "palt", "halt", "liga", "fwid", "hwid", "pwid", "ljmo", "vjmo", "tjmo"]
            opts.drop_tables += ["VORG", "vhea", "vmtx", "DSIG", "BASE", "vert", "vrt2"]
            s = subset.Subsetter(opts)
            s.populate(unicodes=[ord(c) for c in chars])
            s.subset(font)
            to_quadratic(font)
            out = os.path.join(root, "fonts/files/NotoSansCJK%s-%s.ttf" % (lang, weight))
            font.save(out)
            print(out, os.path.getsize(out), len(font.getGlyphOrder()), "glyphs")


main()
