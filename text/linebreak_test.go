package text_test

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"handbill/fonts"
	"handbill/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/linebreak")

// engine returns a fresh engine on the built-in faces. Engines are not safe
// for concurrent use, so every test (and fuzz worker) makes its own.
func engine() *text.Engine { return text.NewEngine(fonts.Builtin()) }

const (
	hotline = "1-888-373-7888"
	website = "humantraffickinghotline.org"
)

// breakKind says where a script may break lines.
type breakKind int

const (
	atSpaces    breakKind = iota // only after a space (U+0020)
	atZWSP                       // only after a space or U+200B (Thai, Khmer)
	anywhereCJK                  // between ideographs/kana, by the CJK punctuation rules
	atSpacesCJK                  // Korean: between words, never inside one
)

type lbCase struct {
	name  string
	lang  string
	text  string
	size  float64
	width float64
	rtl   bool
	kind  breakKind
}

// lbCases are 2–4 sentence paragraphs, one per supported script, set narrow
// enough to break into several lines. The texts are machine-drafted for
// tests only (not reviewed translations). Thai and Khmer carry U+200B
// between words, as handbill requires.
var lbCases = []lbCase{
	{name: "english", lang: "en", size: 10, width: 150, kind: atSpaces,
		text: "Know the signs of human trafficking. If you or someone you know needs help, call the hotline at " + hotline + " or text 233733. Help is free, confidential and available around the clock at " + website + "."},
	{name: "vietnamese", lang: "vi", size: 10, width: 120, kind: atSpaces,
		text: "Hãy nhận biết các dấu hiệu của nạn buôn người. Nếu bạn hoặc người quen cần giúp đỡ, hãy gọi " + hotline + ". Dịch vụ miễn phí, bảo mật và hoạt động suốt ngày đêm."},
	{name: "russian", lang: "ru", size: 10, width: 120, kind: atSpaces,
		text: "Знайте признаки торговли людьми. Если вам или вашим знакомым нужна помощь, звоните по номеру " + hotline + ". Помощь бесплатна, конфиденциальна и доступна круглосуточно."},
	{name: "greek", lang: "el", size: 10, width: 120, kind: atSpaces,
		text: "Γνωρίστε τα σημάδια της εμπορίας ανθρώπων. Αν εσείς ή κάποιος γνωστός σας χρειάζεστε βοήθεια, καλέστε στο " + hotline + ". Η βοήθεια είναι δωρεάν, εμπιστευτική και διαθέσιμη όλο το εικοσιτετράωρο."},
	{name: "arabic", lang: "ar", size: 10, width: 150, rtl: true, kind: atSpaces,
		text: "اعرف علامات الاتجار بالبشر. إذا كنت أنت أو أحد معارفك بحاجة إلى المساعدة، اتصل بالرقم " + hotline + " أو زر الموقع " + website + " لمزيد من المعلومات. المساعدة مجانية وسرية ومتاحة على مدار الساعة."},
	{name: "persian", lang: "fa", size: 10, width: 120, rtl: true, kind: atSpaces,
		text: "نشانه\u200cهای قاچاق انسان را بشناسید. اگر شما یا یکی از آشنایانتان به کمک نیاز دارید، با شماره " + hotline + " تماس بگیرید. این کمک رایگان و محرمانه است و در تمام ساعات شبانه\u200cروز در دسترس است."},
	{name: "urdu", lang: "ur", size: 10, width: 120, rtl: true, kind: atSpaces,
		text: "انسانی اسمگلنگ کی علامات کو پہچانیں۔ اگر آپ کو یا آپ کے کسی جاننے والے کو مدد کی ضرورت ہو تو " + hotline + " پر کال کریں۔ یہ مدد مفت اور رازدارانہ ہے اور چوبیس گھنٹے دستیاب ہے۔"},
	{name: "hebrew", lang: "he", size: 10, width: 120, rtl: true, kind: atSpaces,
		text: "הכירו את הסימנים של סחר בבני אדם. אם אתם או מישהו שאתם מכירים זקוקים לעזרה, התקשרו למספר " + hotline + ". העזרה ניתנת בחינם, בסודיות מלאה ובכל שעות היממה."},
	{name: "hindi", lang: "hi", size: 10, width: 120, kind: atSpaces,
		text: "मानव तस्करी के संकेतों को पहचानें। अगर आपको या आपके किसी परिचित को मदद चाहिए, तो " + hotline + " पर कॉल करें। यह सहायता मुफ़्त और गोपनीय है तथा चौबीसों घंटे उपलब्ध है।"},
	{name: "punjabi", lang: "pa", size: 10, width: 120, kind: atSpaces,
		text: "ਮਨੁੱਖੀ ਤਸਕਰੀ ਦੇ ਸੰਕੇਤਾਂ ਨੂੰ ਪਛਾਣੋ। ਜੇ ਤੁਹਾਨੂੰ ਜਾਂ ਤੁਹਾਡੇ ਕਿਸੇ ਜਾਣਕਾਰ ਨੂੰ ਮਦਦ ਦੀ ਲੋੜ ਹੈ, ਤਾਂ " + hotline + " 'ਤੇ ਕਾਲ ਕਰੋ। ਇਹ ਮਦਦ ਮੁਫ਼ਤ ਅਤੇ ਗੁਪਤ ਹੈ।"},
	{name: "bengali", lang: "bn", size: 10, width: 120, kind: atSpaces,
		text: "মানব পাচারের লক্ষণগুলো চিনে রাখুন। আপনার বা আপনার পরিচিত কারও সাহায্যের প্রয়োজন হলে " + hotline + " নম্বরে কল করুন। এই সহায়তা বিনামূল্যে ও গোপনীয়, এবং দিনরাত পাওয়া যায়।"},
	{name: "thai", lang: "th", size: 10, width: 110, kind: atZWSP,
		text: "รู้จัก\u200bสัญญาณ\u200bเตือน\u200bของ\u200bการ\u200bค้า\u200bมนุษย์ หาก\u200bคุณ\u200bหรือ\u200bคน\u200bที่\u200bคุณ\u200bรู้จัก\u200bต้องการ\u200bความ\u200bช่วยเหลือ โทร " + hotline + " บริการ\u200bนี้\u200bฟรี\u200bและ\u200bเป็น\u200bความลับ ตลอด\u200b24\u200bชั่วโมง"},
	{name: "khmer", lang: "km", size: 10, width: 110, kind: atZWSP,
		text: "ស្គាល់\u200bសញ្ញា\u200bព្រមាន\u200bនៃ\u200bការ\u200bជួញដូរ\u200bមនុស្ស។ ប្រសិនបើ\u200bអ្នក ឬ\u200bអ្នក\u200bដែល\u200bអ្នក\u200bស្គាល់\u200bត្រូវការ\u200bជំនួយ សូម\u200bហៅ\u200bទូរសព្ទ\u200bទៅ " + hotline + "។ ជំនួយ\u200bនេះ\u200bឥតគិតថ្លៃ និង\u200bជា\u200bការ\u200bសម្ងាត់។"},
	{name: "amharic", lang: "am", size: 10, width: 120, kind: atSpaces,
		text: "የሰዎች ንግድ ምልክቶችን ይወቁ። እርስዎ ወይም የሚያውቁት ሰው እርዳታ ከፈለጉ ወደ " + hotline + " ይደውሉ። እርዳታው ነጻ እና ሚስጥራዊ ነው።"},
	{name: "armenian", lang: "hy", size: 10, width: 120, kind: atSpaces,
		text: "Իմացեք մարդկանց թրաֆիքինգի նշանները։ Եթե դուք կամ ձեր ծանոթներից որևէ մեկը օգնության կարիք ունի, զանգահարեք " + hotline + " համարով։ Օգնությունն անվճար է և գաղտնի։"},
	{name: "chinese-simplified", lang: "zh-Hans", size: 10, width: 150, kind: anywhereCJK,
		text: "了解人口贩卖的危险信号。如果您或您认识的人需要帮助，请拨打 " + hotline + "。「求助不是羞耻」（服务免费、保密）！有疑问吗？请访问 " + website + "。"},
	{name: "chinese-traditional", lang: "zh-Hant", size: 10, width: 100, kind: anywhereCJK,
		text: "了解人口販賣的危險信號。如果您或您認識的人需要幫助，請撥打 " + hotline + "。「求助不是羞恥」（服務免費、保密）！有疑問嗎？請隨時來電。"},
	{name: "japanese", lang: "ja", size: 10, width: 100, kind: anywhereCJK,
		text: "人身取引のサインを知ってください。あなたや知り合いが助けを必要としているなら、" + hotline + " に電話してください。相談は無料で、秘密は守られます（二十四時間対応）。「一人で悩まないで」！"},
	{name: "korean", lang: "ko", size: 10, width: 120, kind: atSpacesCJK,
		text: "인신매매의 징후를 알아 두세요. 당신이나 아는 사람이 도움이 필요하면 " + hotline + "로 전화하세요. 상담은 무료이며 비밀이 보장됩니다. 하루 24시간 언제든지 연락할 수 있습니다."},
}

// closingCJK may not start a line (UAX #14 CL, CP, EX, IS, NS and the small
// kana the strict rules keep too).
const closingCJK = "、。，．：；？！」』）〕〉》】〗〙〛｝］｠ー・ゝゞヽヾ々〻…‥"

// openingCJK may not end a line.
const openingCJK = "「『（〔〈《【〖〘〚｛［｟"

func layoutCase(t *testing.T, e *text.Engine, c lbCase, align text.Align) *text.Paragraph {
	t.Helper()
	p, err := e.Layout(c.text, text.Style{Lang: language.MustParse(c.lang), Size: c.size, Align: align}, c.width)
	if err != nil {
		t.Fatalf("%s: Layout: %v", c.name, err)
	}
	return p
}

// lineRange is the span [from, to) of input runes a line holds.
type lineRange struct{ from, to int }

// lineRanges returns each line's span of input runes, failing if a line's
// clusters do not cover one contiguous span.
func lineRanges(t *testing.T, p *text.Paragraph) []lineRange {
	t.Helper()
	var out []lineRange
	for i, l := range p.Lines {
		var idx []int
		for _, r := range l.Runs {
			for _, c := range r.Clusters {
				if c.Start < 0 {
					continue
				}
				for k := range []rune(c.Text) {
					idx = append(idx, c.Start+k)
				}
			}
		}
		if len(idx) == 0 {
			out = append(out, lineRange{})
			continue
		}
		slices.Sort(idx)
		for k := 1; k < len(idx); k++ {
			if idx[k] != idx[k-1]+1 {
				t.Errorf("line %d: input runes %d and %d are not adjacent (rune %d missing or repeated)", i+1, idx[k-1], idx[k], idx[k-1]+1)
			}
		}
		out = append(out, lineRange{idx[0], idx[len(idx)-1] + 1})
	}
	return out
}

func TestLineBreakGolden(t *testing.T) {
	e := engine()
	seen := map[string]bool{}
	for _, c := range lbCases {
		t.Run(c.name, func(t *testing.T) {
			if seen[c.name] {
				t.Fatalf("duplicate case name %q", c.name)
			}
			seen[c.name] = true
			p := layoutCase(t, e, c, text.Start)
			got := p.Dump()
			file := filepath.Join("testdata", "linebreak", c.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("dump differs from %s (run with -update to accept):\n--- got\n%s--- want\n%s", file, got, want)
			}
		})
	}
}

func TestLineBreakProperties(t *testing.T) {
	e := engine()
	for _, c := range lbCases {
		t.Run(c.name, func(t *testing.T) {
			p := layoutCase(t, e, c, text.Start)
			orig := []rune(c.text)
			texts := p.LineTexts()

			if len(p.Lines) < 3 {
				t.Errorf("only %d lines; the case should break into several: %q", len(p.Lines), texts)
			}
			if p.RTL != c.rtl {
				t.Errorf("RTL = %v, want %v", p.RTL, c.rtl)
			}
			if got := strings.Join(texts, ""); got != c.text {
				t.Errorf("lines do not add up to the input:\n got %q\nwant %q", got, c.text)
			}

			// Lines hold consecutive spans of the input, in order.
			rs := lineRanges(t, p)
			for i := range rs {
				if i == 0 && rs[i].from != 0 {
					t.Errorf("line 1 starts at rune %d", rs[i].from)
				}
				if i > 0 && rs[i].from != rs[i-1].to {
					t.Errorf("line %d starts at rune %d, line %d ended at %d", i+1, rs[i].from, i, rs[i-1].to)
				}
			}
			if n := len(rs); n > 0 && rs[n-1].to != len(orig) {
				t.Errorf("last line ends at rune %d of %d", rs[n-1].to, len(orig))
			}

			for i, l := range p.Lines {
				if l.Width > c.width+0.01 {
					t.Errorf("line %d is %.2f pt wide, box is %.2f: %q", i+1, l.Width, c.width, texts[i])
				}
			}

			// Hotline and address are never broken, and read left to right.
			for _, keep := range []string{hotline, website} {
				if !strings.Contains(c.text, keep) {
					continue
				}
				n := 0
				for i, lt := range texts {
					if strings.Contains(lt, keep) {
						n++
						checkLTRVisual(t, c.text, keep, p.Lines[i])
					}
				}
				if n != strings.Count(c.text, keep) {
					t.Errorf("%q is broken across lines: %q", keep, texts)
				}
			}

			// Where each line break falls.
			for i := 1; i < len(rs); i++ {
				b := rs[i].from
				if b <= 0 || b >= len(orig) {
					continue
				}
				before, after := orig[b-1], orig[b]
				switch c.kind {
				case atSpaces, atSpacesCJK:
					if before != ' ' {
						t.Errorf("line %d breaks inside a word, between %q and %q: %q | %q", i, before, after, texts[i-1], texts[i])
					}
				case atZWSP:
					if before != ' ' && before != '\u200b' {
						t.Errorf("line %d breaks between %q and %q, not at a space or U+200B: %q | %q", i, before, after, texts[i-1], texts[i])
					}
				case anywhereCJK:
					if strings.ContainsRune(closingCJK, after) {
						t.Errorf("line %d starts with closing punctuation %q: %q", i+1, after, texts[i])
					}
					prev := []rune(strings.TrimRight(texts[i-1], " "))
					if len(prev) > 0 && strings.ContainsRune(openingCJK, prev[len(prev)-1]) {
						t.Errorf("line %d ends with opening punctuation %q: %q", i, prev[len(prev)-1], texts[i-1])
					}
					if unicode.IsDigit(before) && unicode.IsDigit(after) {
						t.Errorf("line %d breaks inside a number: %q | %q", i, texts[i-1], texts[i])
					}
				}
			}
			if c.kind == atSpacesCJK {
				// Korean: every line starts a word, so a line never starts
				// with a syllable that continues the previous line's word.
				for i := 1; i < len(texts); i++ {
					if strings.HasPrefix(texts[i], " ") {
						t.Errorf("line %d starts with a space: %q", i+1, texts[i])
					}
				}
			}
		})
	}
}

// checkLTRVisual checks that keep (a number or address inside s) is drawn
// left to right on line l: its clusters, in visual order, come in logical
// order.
func checkLTRVisual(t *testing.T, s, keep string, l text.Line) {
	t.Helper()
	from := len([]rune(s[:strings.Index(s, keep)]))
	to := from + len([]rune(keep))
	last := -1
	for _, r := range l.Runs {
		for _, c := range r.Clusters {
			if c.Start < from || c.Start >= to {
				continue
			}
			if c.Start < last {
				t.Errorf("%q is not drawn left to right: cluster %q (rune %d) after rune %d", keep, c.Text, c.Start, last)
			}
			last = c.Start
		}
	}
}

func TestLineBreakAlignment(t *testing.T) {
	e := engine()
	for _, c := range lbCases {
		for _, align := range []text.Align{text.Start, text.End, text.Center} {
			t.Run(c.name+"/"+align.String(), func(t *testing.T) {
				p := layoutCase(t, e, c, align)
				if p.Width != c.width {
					t.Errorf("paragraph width %.2f, want %.2f", p.Width, c.width)
				}
				// Where the line's left edge belongs: 0 for left-aligned,
				// box minus line for right-aligned, half that for centred.
				right := (align == text.Start) == c.rtl
				for i, l := range p.Lines {
					free := c.width - l.Width
					want := 0.0
					switch {
					case align == text.Center:
						want = free / 2
					case right:
						want = free
					}
					if math.Abs(l.X-want) > 0.01 {
						t.Errorf("line %d: x=%.2f, want %.2f (width %.2f of %.2f, rtl=%v, align=%s)", i+1, l.X, want, l.Width, c.width, c.rtl, align)
					}
					if align != text.Center && right && math.Abs(l.X+l.Width-c.width) > 0.01 {
						t.Errorf("line %d is not flush right: x+width=%.2f, box %.2f", i+1, l.X+l.Width, c.width)
					}
					if align != text.Center && !right && math.Abs(l.X) > 0.01 {
						t.Errorf("line %d is not flush left: x=%.2f", i+1, l.X)
					}
				}
			})
		}
	}
}

// TestLineBreakRunsTile checks runs tile each line: every run starts where
// the previous one ended, and the line's width is the sum of advances
// (trailing spaces aside).
func TestLineBreakRunsTile(t *testing.T) {
	e := engine()
	for _, c := range lbCases {
		t.Run(c.name, func(t *testing.T) {
			p := layoutCase(t, e, c, text.Start)
			for i, l := range p.Lines {
				x := 0.0
				for _, r := range l.Runs {
					if math.Abs(r.X-x) > 0.001 {
						t.Errorf("line %d: run at x=%.3f, previous ended at %.3f", i+1, r.X, x)
					}
					x = r.X + r.Advance
				}
				if l.Width > x+0.001 {
					t.Errorf("line %d: width %.3f beyond its runs' %.3f", i+1, l.Width, x)
				}
			}
		})
	}
}

// TestKoreanDecomposed checks Korean typed as conjoining jamo (NFD, as some
// systems produce) is set like the same text in precomposed syllables: the
// jamo of a syllable shape into one glyph and the words break the same way.
func TestKoreanDecomposed(t *testing.T) {
	e := engine()
	nfc := "인신매매의 징후를 알아 두세요. 한국어"
	nfd := "\u110b\u1175\u11ab\u1109\u1175\u11ab\u1106\u1162\u1106\u1162\u110b\u1174 " +
		"\u110c\u1175\u11bc\u1112\u116e\u1105\u1173\u11af \u110b\u1161\u11af\u110b\u1161 " +
		"\u1103\u116e\u1109\u1166\u110b\u116d. \u1112\u1161\u11ab\u1100\u116e\u11a8\u110b\u1165"
	st := text.Style{Lang: language.Korean, Size: 10}
	for _, width := range []float64{1000, 60} {
		a, err := e.Layout(nfc, st, width)
		if err != nil {
			t.Fatal(err)
		}
		b, err := e.Layout(nfd, st, width)
		if err != nil {
			t.Fatal(err)
		}
		glyphs := func(p *text.Paragraph) (n int) {
			for _, l := range p.Lines {
				for _, r := range l.Runs {
					for _, c := range r.Clusters {
						n += len(c.Glyphs)
					}
				}
			}
			return n
		}
		if len(a.Lines) != len(b.Lines) || glyphs(a) != glyphs(b) || math.Abs(a.Lines[0].Width-b.Lines[0].Width) > 0.01 {
			t.Errorf("width %g: NFD Korean sets differently from NFC: %d lines, %d glyphs, first line %.2f pt; NFC: %d lines, %d glyphs, %.2f pt",
				width, len(b.Lines), glyphs(b), b.Lines[0].Width, len(a.Lines), glyphs(a), a.Lines[0].Width)
		}
	}
}

// TestRTLAddressInQuotes checks punctuation closing a web address with a
// path, in right-to-left text, stays outside the address: the address reads
// left to right, and the closing mark (logically after it) is drawn to its
// left, the opening mark to its right.
func TestRTLAddressInQuotes(t *testing.T) {
	e := engine()
	for _, q := range [][2]string{{"(", ")"}, {"«", "»"}, {"“", "”"}, {"‘", "’"}} {
		addr := "example.org/help"
		s := "زوروا " + q[0] + addr + q[1] + " الآن."
		p, err := e.Layout(s, text.Style{Lang: language.Arabic, Size: 10}, 400)
		if err != nil {
			t.Fatal(err)
		}
		open := len([]rune("زوروا "))
		from, to := open+1, open+1+len([]rune(addr))
		// x of each input rune's cluster.
		xs := map[int]float64{}
		for _, l := range p.Lines {
			for _, r := range l.Runs {
				for _, c := range r.Clusters {
					if c.Start >= 0 {
						xs[c.Start] = l.X + r.X + c.Glyphs[0].X
					}
				}
			}
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for k := from; k < to; k++ {
			lo, hi = math.Min(lo, xs[k]), math.Max(hi, xs[k])
		}
		if xs[to] >= lo {
			t.Errorf("%s: closing %s at x=%.2f, not left of the address (%.2f–%.2f): %q", s, q[1], xs[to], lo, hi, p.Lines[0].LogicalText())
		}
		if xs[open] <= hi {
			t.Errorf("%s: opening %s at x=%.2f, not right of the address (%.2f–%.2f)", s, q[0], xs[open], lo, hi)
		}
	}
}
