package content

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"handbill/source"

	"golang.org/x/text/language"
)

// The call-only form is printed where the region has no text line, or
// its text line does not work in the document's language; sms_note names
// the languages it works in, in the document's language.
func TestCallOnlyAndSMSNote(t *testing.T) {
	s := loadBuiltinSet(t)
	cases := []struct {
		lang, audience, region string
		do1, card, note        string // do[1] (do[0] for youth), card_front, sms_note ("" = left out)
		info                   string // youth's info_title
	}{
		{"en", "", "US", "Call or text the hotline, even if you are not sure.", "Need help? Call or text. Free, confidential, 24/7.", "", ""},
		{"es", "", "US", "Llame o envíe un texto a la línea de ayuda, aunque tenga dudas.", "¿Necesita ayuda? Llame o envíe un texto. Gratis, confidencial, 24/7.", "", ""},
		{"es-MX", "", "US", "Llame o envíe un texto a la línea de ayuda, aunque tenga dudas.", "¿Necesita ayuda? Llame o envíe un texto. Gratis, confidencial, 24/7.", "", ""},
		// The US text line works in English and Spanish only.
		{"vi", "", "US", "Hãy gọi cho đường dây nóng, kể cả khi bạn chưa chắc chắn.", "Cần giúp đỡ? Hãy gọi. Miễn phí, bảo mật, 24/7.", "(chỉ bằng Tiếng Anh hoặc Tiếng Tây Ban Nha)", ""},
		{"zh-Hans", "", "US", "即使不确定，也请打电话给热线。", "需要帮助吗？可以打电话。免费、保密、全天24小时。", "（仅限英语或西班牙语）", ""},
		{"ar", "", "US-CA", "اتصل بالخط الساخن، حتى لو لم تكن متأكدًا.", "بحاجة إلى مساعدة؟ يمكنك الاتصال. مجاني وسري وعلى مدار الساعة.", "باللغة الإنجليزية أو الإسبانية فقط", ""},
		{"ur", "", "US", "ہیلپ لائن پر کال کریں، چاہے آپ کو یقین نہ ہو۔", "مدد چاہیے؟ کال کریں۔ مفت، رازدارانہ، 24/7۔", "صرف انگریزی یا ہسپانوی میں", ""},
		{"th", "", "US", "โทร\u200bถึง\u200bสายด่วน แม้\u200bจะ\u200bไม่\u200bแน่ใจ", "ต้องการ\u200bความช่วยเหลือ\u200bไหม? โทร\u200bได้ ฟรี เป็น\u200bความลับ ตลอด 24\u00a0ชั่วโมง", "(เฉพาะ\u200bภาษาอังกฤษ\u200bหรือ\u200bสเปน)", ""},
		// display has no names in Hmong or Haitian Creole, and lacks
		// Filipino's for Spanish: each language's own name then.
		{"hmn", "", "US", "Hu rau lub xov tooj pab, txawm koj tsis paub meej los xij.", "Xav tau kev pab? Hu xov tooj. Dawb, zais cia, 24/7.", "(English los yog Español xwb)", ""},
		{"ht", "", "US", "Rele liy èd la, menm si ou pa fin sèten.", "Ou bezwen èd? Rele. Gratis, konfidansyèl, 24/7.", "(English oswa Español sèlman)", ""},
		{"fil", "", "US", "Tumawag sa hotline, kahit hindi ka sigurado.", "Kailangan ng tulong? Tumawag. Libre, kumpidensyal, 24/7.", "(Ingles o Español lang)", ""},
		// No text line at all: call-only wording, no note.
		{"en", "", "GB", "Call the hotline, even if you are not sure.", "Need help? Call. Free, confidential, 24/7.", "", ""},
		{"en", "", "MX", "Call the hotline, even if you are not sure.", "Need help? Call. Free, confidential, 24/7.", "", ""},
		{"es", "", "MX", "Llame a la línea de ayuda, aunque tenga dudas.", "¿Necesita ayuda? Llame. Gratis, confidencial, 24/7.", "", ""},
		{"en", "", "CA", "Call the hotline, even if you are not sure.", "Need help? Call. Free, confidential, 24/7.", "", ""},
		// Florida's line comes first, but the national line (textable) is
		// printed too.
		{"en", "", "US-FL", "Call or text the hotline, even if you are not sure.", "Need help? Call or text. Free, confidential, 24/7.", "", ""},
		// Audiences.
		{"en", "youth", "US", "Call or text, any time. You choose what to share.", "Need help? Call or text. Free, confidential, 24/7.", "", "When you call or text"},
		{"en", "youth", "GB", "Call any time. You choose what to share.", "Need help? Call. Free, confidential, 24/7.", "", "When you call"},
		{"es", "youth", "MX", "Llama a cualquier hora. Tú decides qué contar.", "¿Necesitas ayuda? Llama. Gratis, confidencial, 24/7.", "", "Cuando llames"},
		{"ru", "youth", "US", "Звони в любое время. Только ты решаешь, что рассказать.", "Нужна помощь? Звони. Бесплатно, конфиденциально, круглосуточно.", "(только английский или испанский)", "Когда ты звонишь"},
		{"en", "educators", "AU", "Follow your school's rules for reporting child abuse.", "Need help? Call. Free, confidential, 24/7.", "", ""},
	}
	for _, c := range cases {
		where := c.lang + "/" + c.audience + "/" + c.region
		d, err := s.Resolve(language.MustParse(c.lang), c.audience, c.region)
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		i := 1
		if c.audience == "youth" {
			i = 0
		}
		if got := d.Messages.Lists["do"][i].S; got != c.do1 {
			t.Errorf("%s do[%d]:\n got %q\nwant %q", where, i, got, c.do1)
		}
		if got := d.Messages.Texts["card_front"].S; got != c.card {
			t.Errorf("%s card_front:\n got %q\nwant %q", where, got, c.card)
		}
		if got := d.Messages.Texts["sms_note"].S; got != c.note {
			t.Errorf("%s sms_note:\n got %q\nwant %q", where, got, c.note)
		}
		if c.info != "" {
			if got := d.Messages.Texts["info_title"].S; got != c.info {
				t.Errorf("%s info_title: got %q, want %q", where, got, c.info)
			}
		}
		if c.audience == "educators" {
			if got := d.Messages.Lists["do"][2].S; got != "Call the hotline for advice or to report." {
				t.Errorf("%s do[2] = %q", where, got)
			}
		}
	}
}

// No built-in text says "call or text" without its call-only form: where
// English (for that audience) has one, so does every language, and only
// there; the two forms differ, and the call-only form names no text line.
func TestBuiltinCallOnlyEverywhere(t *testing.T) {
	b := builtins(t)
	en := textOf(t, b.langs[0])
	// What English says for key in audience aud: its variants.
	enVariants := func(aud, key string) []variant {
		m := en.shared
		if en.audiences[aud].has(key) {
			m = en.audiences[aud]
		}
		if IsListKey(key) {
			return m.lists[key]
		}
		return []variant{m.texts[key]}
	}
	n := 0
	for _, l := range b.langs {
		lt := textOf(t, l)
		sets := map[string]*messageSet{"": lt.shared}
		for aud, m := range lt.audiences {
			sets[aud] = m
		}
		for aud, m := range sets {
			for _, key := range keysOf(m) {
				got := []variant{m.texts[key]}
				if IsListKey(key) {
					got = m.lists[key]
				}
				want := enVariants(aud, key)
				for j, v := range got {
					wantVariant := j < len(want) && want[j].CallOnly.S != ""
					if (v.CallOnly.S != "") != wantVariant {
						t.Errorf("%s %s %s[%d]: call_only %q; English has one: %v", v.Pos, aud, key, j, v.CallOnly.S, wantVariant)
					}
					if v.CallOnly.S != "" {
						n++
						if v.CallOnly.S == v.S || strings.Contains(v.CallOnly.S, "{sms") {
							t.Errorf("%s: call_only %q", v.CallOnly.Pos, v.CallOnly.S)
						}
					}
				}
			}
		}
	}
	if n < 25*6 {
		t.Errorf("%d call-only forms; want every language's do, card_front, youth do and info_title, educators' and clinicians' do", n)
	}
	// English's "call or text" wording all has its form.
	for aud, m := range map[string]*messageSet{"": en.shared, "youth": en.audiences["youth"], "educators": en.audiences["educators"], "clinicians": en.audiences["clinicians"]} {
		for _, key := range keysOf(m) {
			vs := []variant{m.texts[key]}
			if IsListKey(key) {
				vs = m.lists[key]
			}
			for _, v := range vs {
				if strings.Contains(strings.ToLower(v.S), "or text") && v.CallOnly.S == "" {
					t.Errorf("en %s %s: %q has no call_only form", aud, key, v.S)
				}
			}
		}
	}
}

// Thai and Khmer strings keep ZERO WIDTH SPACE between words: a run of
// letters longer than any one word means a missing break.
func TestThaiKhmerWordBreaks(t *testing.T) {
	s := loadBuiltinSet(t)
	for _, tag := range []string{"th", "km"} {
		for _, aud := range Audiences {
			for _, region := range []string{"US", "GB"} {
				d, err := s.Resolve(language.MustParse(tag), aud, region)
				if err != nil {
					t.Fatal(err)
				}
				var all []source.Text
				for _, k := range MessageKeys {
					if tx, ok := d.Messages.Texts[k]; ok {
						all = append(all, tx)
					}
					all = append(all, d.Messages.Lists[k]...)
				}
				for _, h := range append(d.Hotlines, d.Emergency) {
					all = append(all, h.Name)
				}
				for _, tx := range all {
					for _, word := range strings.FieldsFunc(tx.S, func(r rune) bool { return r == ' ' || r == '\u200b' || r == '\u00a0' || r == '(' || r == ')' }) {
						if n := countScript(word); n > 16 {
							t.Errorf("%s %s/%s: %q has %d letters without a break (U+200B)", tx.Pos, tag, aud, word, n)
						}
					}
				}
			}
		}
	}
}

func countScript(s string) int {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Thai, unicode.Khmer) {
			n++
		}
	}
	return n
}

// Every built-in language names every line of the directory; a document
// prints its lines' names in its language.
func TestHotlineNames(t *testing.T) {
	b := builtins(t)
	var ids []string
	for _, h := range b.hotlines {
		ids = append(ids, h.ID.S)
	}
	for _, l := range b.langs {
		lt := textOf(t, l)
		for _, id := range ids {
			if _, ok := lt.names[id]; !ok {
				t.Errorf("%s: no name for hotline %s", l.tag, id)
			}
		}
		for id, n := range lt.names {
			if !slices.Contains(ids, id) {
				t.Errorf("%s: a name for %s, which the directory does not have", n.Pos, id)
			}
		}
	}
	s := loadBuiltinSet(t)
	for _, c := range []struct{ lang, region, first, emergency string }{
		{"en", "US", "National Human Trafficking Hotline", "Emergency services"},
		{"es", "US", "Línea Nacional contra la Trata de Personas", "Servicios de emergencia"},
		{"es", "MX", "Línea Nacional contra la Trata de Personas", "Servicios de emergencia"},
		{"en", "MX", "National Anti-Trafficking Line (Mexico)", "Emergency services"},
		{"vi", "US-CA", "Đường dây nóng Quốc gia về Buôn người", "Dịch vụ khẩn cấp"},
		{"ur", "US", "انسانی اسمگلنگ کی قومی ہیلپ لائن", "ایمرجنسی سروسز"},
	} {
		d, err := s.Resolve(language.MustParse(c.lang), "", c.region)
		if err != nil {
			t.Fatal(err)
		}
		if d.Hotlines[0].Name.S != c.first || d.Emergency.Name.S != c.emergency || len(d.Warnings) > 0 {
			t.Errorf("%s/%s: %q, %q, %v", c.lang, c.region, d.Hotlines[0].Name.S, d.Emergency.Name.S, d.Warnings)
		}
		if !strings.HasSuffix(d.Hotlines[0].Name.Pos.File, c.lang+".yaml") && c.lang != "es-MX" {
			t.Errorf("%s: name from %s", c.lang, d.Hotlines[0].Name.Pos)
		}
	}
	// The directory itself keeps the names as the services write them.
	for _, h := range s.Hotlines() {
		if h.ID == "mx-trata" && h.Name.S != "Línea Nacional contra la Trata de Personas" {
			t.Errorf("mx-trata in the directory: %q", h.Name.S)
		}
	}
}

// A content file names lines in a language; a line a language names
// nowhere keeps its English name, with a warning.
func TestUserHotlineNames(t *testing.T) {
	src := `languages: [en, es, sw]
messages:
  sw:
    headline: Jua dalili
hotline_names:
  es:
    clinic: Línea de la clínica
    us-nhth: Línea Nacional (nuestra traducción)
hotlines:
  - id: clinic
    name: Clinic line
    country: US
    digits: "9515550142"
    display: 951-555-0142
`
	s, _, err := loadContent(t, src)
	if err != nil {
		t.Fatal(err)
	}
	names := func(lang string) ([]string, []string) {
		d, err := s.Resolve(language.MustParse(lang), "", "US")
		if err != nil {
			t.Fatal(err)
		}
		var ns, ws []string
		for _, h := range d.Hotlines {
			ns = append(ns, h.Name.S)
		}
		for _, w := range d.Warnings {
			if strings.Contains(w.Message, "hotline `") {
				ws = append(ws, strings.ReplaceAll(w.Error(), filepath.Dir(w.Pos.File)+string(filepath.Separator), ""))
			}
		}
		return ns, ws
	}
	ns, ws := names("es")
	if want := []string{"Línea Nacional (nuestra traducción)", "Centro Nacional para Niños Desaparecidos y Explotados", "Línea de la clínica"}; !slices.Equal(ns, want) || len(ws) > 0 {
		t.Errorf("es: %q %q", ns, ws)
	}
	ns, ws = names("en")
	if want := []string{"National Human Trafficking Hotline", "National Center for Missing & Exploited Children", "Clinic line"}; !slices.Equal(ns, want) || len(ws) > 0 {
		t.Errorf("en: %q %q", ns, ws)
	}
	ns, ws = names("sw")
	want := []string{
		"sw: hotline `us-nhth` has no name in Swahili; printing its English name",
		"sw: hotline `us-ncmec` has no name in Swahili; printing its English name",
		"c.yaml:11:11: sw: hotline `clinic` has no name in Swahili; printing \"Clinic line\"",
		"sw: hotline `us-911` has no name in Swahili; printing its English name",
	}
	for i := range want {
		if i != 2 {
			want[i] = "c.yaml:4:5: " + want[i]
		}
	}
	if !slices.Equal(ws, want) || ns[0] != "National Human Trafficking Hotline" {
		t.Errorf("sw:\n got %q\nwant %q", ws, want)
	}
	// Naming a line that does not exist is a mistake.
	_, _, err = loadContent(t, "hotline_names:\n  es:\n    us-nhht: Línea\n")
	var e *source.Diagnostic
	if !errors.As(err, &e) || !strings.HasSuffix(e.Error(), "c.yaml:3:5: no hotline `us-nhht` to name") || !strings.HasPrefix(e.Hint, "did you mean `us-nhth`?") {
		t.Errorf("unknown id: %v (%v)", err, e)
	}
}

// Channel languages of a user's line drive the call-only wording too; a
// replacement of a built-in line that leaves them out keeps the built-in
// limits.
func TestUserTextLineLanguages(t *testing.T) {
	kept, _, err := loadContent(t, `hotlines:
  - id: us-nhth
    name: National Human Trafficking Hotline
    country: US
    digits: "18883737888"
    display: 1-888-373-7888
    sms: "233733"
    sms_keyword: BEFREE
    web: humantraffickinghotline.org
    hours: Always
`)
	if err != nil {
		t.Fatal(err)
	}
	d, err := kept.Resolve(language.Vietnamese, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	if h := d.Hotlines[0]; h.Hours != "Always" || !slices.Equal(h.SMSLanguages, []string{"en", "es"}) || d.Messages.Texts["sms_note"].S == "" {
		t.Errorf("restated line: %+v, note %q", h, d.Messages.Texts["sms_note"].S)
	}
	src := `hotlines:
  - id: us-nhth
    name: National Human Trafficking Hotline
    country: US
    digits: "18883737888"
    display: 1-888-373-7888
    sms: "233733"
    sms_keyword: BEFREE
    web: humantraffickinghotline.org
    sms_languages: [en, es, vi]
`
	s, _, err := loadContent(t, src)
	if err != nil {
		t.Fatal(err)
	}
	d, err = s.Resolve(language.Vietnamese, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Messages.Texts["sms_note"]; ok || !strings.Contains(d.Messages.Texts["card_front"].S, "nhắn tin") {
		t.Errorf("vi served: note %q, card %q", d.Messages.Texts["sms_note"].S, d.Messages.Texts["card_front"].S)
	}
	d, _ = s.Resolve(language.Korean, "", "US")
	if got := d.Messages.Texts["sms_note"].S; got != "(영어, 스페인어 또는 베트남어만)" {
		t.Errorf("three languages in Korean: %q", got)
	}
}

func TestJoinOr(t *testing.T) {
	for _, c := range []struct {
		names []string
		or    string
		tag   string
		want  string
	}{
		{[]string{"English"}, "or", "en", "English"},
		{[]string{"English", "Spanish"}, "or", "en", "English or Spanish"},
		{[]string{"A", "B", "C"}, "or", "en", "A, B or C"},
		{[]string{"英语", "西班牙语"}, "或", "zh-Hans", "英语或西班牙语"},
		{[]string{"อังกฤษ", "สเปน"}, "หรือ", "th", "อังกฤษ\u200bหรือ\u200bสเปน"},
		{[]string{"A", "B", "C"}, "أو", "ar", "A، B أو C"},
	} {
		if got := joinOr(c.names, c.or, language.MustParse(c.tag)); got != c.want {
			t.Errorf("%v %s: %q, want %q", c.names, c.tag, got, c.want)
		}
	}
}

// Urdu: a full machine-drafted text, said so, written right to left in
// Arabic script.
func TestUrdu(t *testing.T) {
	s := loadBuiltinSet(t)
	i := slices.IndexFunc(s.Languages(), func(l LanguageInfo) bool { return l.Tag.String() == "ur" })
	if i < 0 {
		t.Fatal("no Urdu")
	}
	l := s.Languages()[i]
	if l.Name != "Urdu" || l.Native != "اردو" || l.Status != "machine-draft" || !strings.Contains(l.Source, "not a native speaker") || !strings.Contains(l.Source, "Naskh") {
		t.Errorf("Urdu: %+v", l)
	}
	if sc, _ := l.Tag.Script(); sc.String() != "Arab" {
		t.Errorf("Urdu script %s", sc)
	}
	for _, aud := range Audiences {
		d, err := s.Resolve(l.Tag, aud, "US")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range d.Warnings {
			t.Errorf("ur %s: %v", aud, w)
		}
		for k, tx := range d.Messages.Texts {
			if !strings.HasSuffix(tx.Pos.File, "ur.yaml") {
				t.Errorf("ur %s %s from %s", aud, k, tx.Pos)
			}
		}
	}
}
