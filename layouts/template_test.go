package layouts_test

import (
	"strings"
	"testing"

	"handbill/content"
	"handbill/layouts"
	"handbill/source"
)

// TestTemplateParse: a template is read into lines, segments,
// alternatives and pieces, each placeholder at its offset.
func TestTemplateParse(t *testing.T) {
	tm, err := layouts.ParseTemplate("{text_label} {sms} {sms_note?} | {web}\n{hotline} · {org_name|org_contact}", source.Pos{File: "l.yaml", Line: 3, Col: 9})
	if err != nil {
		t.Fatal(err)
	}
	if len(tm.Lines) != 2 || len(tm.Lines[0]) != 1 || len(tm.Lines[0][0]) != 2 || len(tm.Lines[1]) != 2 {
		t.Fatalf("lines %+v", tm.Lines)
	}
	if got := strings.Join(tm.Names(), ","); got != "text_label,sms,sms_note,web,hotline,org_name,org_contact" {
		t.Errorf("names %s", got)
	}
	p := tm.Lines[0][0][0][4]
	if !p.Optional || p.Names[0] != "sms_note" || p.Offset != strings.Index(tm.Src, "{sms_note?}") {
		t.Errorf("piece %+v: want the optional {sms_note?} at its offset", p)
	}
	if p := tm.Lines[1][1][0][0]; len(p.Names) != 2 || p.Optional {
		t.Errorf("piece %+v: want two alternatives", p)
	}
}

// TestTemplateErrors: every syntax mistake is an error at the template's
// position with a hint.
func TestTemplateErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"{hotline", `unclosed { at byte 1 in "{hotline"`},
		{"{hotline\n}", `unclosed { at byte 1`},
		{"{call_label {hotline}", `unclosed { at byte 1`},
		{"hotline}", `} with no { before it at byte 8`},
		{"{}", `empty placeholder {}`},
		{"{?}", `empty placeholder {?}`},
		{"{sms|}", `{sms|} has an empty alternative`},
		{"{|web}", `{|web} has an empty alternative`},
		{"{sms?|web}", `{sms?|web} has a ? before its end`},
		{"{sms??}", `{sms??} has a ? before its end`},
		{"{Hotline}", `bad placeholder {Hotline}`},
		{"{ hotline }", `bad placeholder { hotline }`},
		{"{hotlin}", `unknown placeholder {hotlin}`},
		{"{sms|webb}", `unknown alternative {webb} of {sms|webb}`},
		{"{sms|sms}", `{sms|sms} names sms twice`},
		{"{!sms|web}", `{!sms|web} is a guard: it takes one name, with no | or ?`},
		{"{!sms?}", `{!sms?} is a guard`},
		{"{!smss}", `unknown placeholder {smss}`},
		{"{sms} | ", `empty alternative after " | " at the end`},
		{" | {web}", `empty alternative before " | " at byte 1`},
		{"{sms} |  | {web}", `empty alternative before " | " at byte 9`},
		{"{sms} | \n{web}", `empty alternative after " | " before byte 9`},
		{"{sms} |  · {web}", `empty alternative after " | " before byte 9`},
	} {
		_, err := layouts.ParseTemplate(c.src, source.Pos{File: "l.yaml", Line: 3, Col: 9})
		if err == nil {
			t.Errorf("%q: no error, want %s", c.src, c.want)
			continue
		}
		d := source.From(err)
		if got := d.Pos.String() + ": " + d.Message; !strings.HasPrefix(got, "l.yaml:3:9: "+c.want) {
			t.Errorf("%q:\n  got  %s\n  want l.yaml:3:9: %s…", c.src, got, c.want)
		}
		if d.Hint == "" {
			t.Errorf("%q: no hint", c.src)
		}
	}
	for _, ok := range []string{"", "plain text", "a | b", "{hotline}", "{sms_note?}", "{sms|web?}", "{!sms_note}", "Text · {sms}", "|", "a|b", "a |b"} {
		if _, err := layouts.ParseTemplate(ok, source.Pos{File: "l.yaml", Line: 1, Col: 1}); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// TestTemplateFill: lines and segments collapse, optional placeholders
// drop themselves, alternatives print the first that can be filled, and
// a guard fails where its name has a value.
func TestTemplateFill(t *testing.T) {
	_, docs := fuzzEnv()
	with := *docs[0]
	with.Hotlines = append([]content.Hotline(nil), with.Hotlines...)
	without := with
	without.Hotlines = append([]content.Hotline(nil), with.Hotlines...)
	without.Hotlines[0].SMS = ""
	without.Hotlines[0].SMSKeyword = ""
	for _, c := range []struct {
		src            string
		withSMS, noSMS string
	}{
		{"{text_label} {sms} · {web_label} {web}", "Text 233733 · Chat or report online humantraffickinghotline.org", "Chat or report online humantraffickinghotline.org"},
		{"{hotline}\n{text_label} {sms}", "1-888-373-7888\nText 233733", "1-888-373-7888"},
		{"{hotline}\n{text_label} {sms} | {web}", "1-888-373-7888\nText 233733", "1-888-373-7888\nhumantraffickinghotline.org"},
		{"{sms|web}", "233733", "humantraffickinghotline.org"},
		{"{text_label} {sms} {org_name?} now", "Text 233733 now", ""},
		{"{org_name?} {hotline}", "1-888-373-7888", "1-888-373-7888"},
		{"{org_name} | {org_contact} | none", "none", "none"},
		{"{org_name}\n{org_contact}", "", ""},
		{"{org_name?}", "", ""},
		{"{text_label} {sms}{!sms_keyword} | {web}", "humantraffickinghotline.org", "humantraffickinghotline.org"},
		{"{hotline}{!org_name}", "1-888-373-7888", "1-888-373-7888"},
	} {
		tm, err := layouts.ParseTemplate(c.src, source.Pos{File: "l.yaml", Line: 1, Col: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := tm.Fill(&with, tm.Pos); got != c.withSMS {
			t.Errorf("%q with a text line: %q, want %q", c.src, got, c.withSMS)
		}
		if got, _ := tm.Fill(&without, tm.Pos); got != c.noSMS {
			t.Errorf("%q without a text line: %q, want %q", c.src, got, c.noSMS)
		}
	}
	one, _ := layouts.ParseTemplate(" {headline} ", source.Pos{File: "l.yaml", Line: 4, Col: 9})
	if got, pos := one.Fill(&with, one.Pos); got != with.Messages.Texts["headline"].S || pos != with.Messages.Texts["headline"].Pos {
		t.Errorf("a single message: %q at %v, want the message at its own position", got, pos)
	}
}

// TestTemplateFillWideBrackets: no space is set outside a full-width
// bracket where a template joins pieces (a Chinese or Japanese bracket
// carries its own space), whatever the template's literal spaces; other
// brackets keep theirs.
func TestTemplateFillWideBrackets(t *testing.T) {
	set, _, _ := builtins(t)
	for _, c := range []struct{ lang, src, want string }{
		{"ja", "{text_label} {sms} {sms_note?}", "SMS 233733（英語またはスペイン語のみ）"},
		{"ja", "{sms_note} {sms}", "（英語またはスペイン語のみ）233733"},
		{"zh-Hans", "{text_label} {sms} {sms_note?} | {web}", "发短信 233733（仅限英语或西班牙语）"},
		{"ko", "{text_label} {sms} {sms_note?}", "문자 233733 (영어 또는 스페인어만)"},
		{"en", "{text_label} {sms} {sms_note?}", "Text 233733"},
		{"es", "{text_label} {sms} ({hotline})", "Envíe un texto 233733 (1-888-373-7888)"},
	} {
		d, err := set.Resolve(mustTag(c.lang), "community", "US")
		if err != nil {
			t.Fatal(err)
		}
		tm, err := layouts.ParseTemplate(c.src, source.Pos{File: "l.yaml", Line: 1, Col: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := tm.Fill(d, tm.Pos); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.lang, c.src, got, c.want)
		}
	}
}
