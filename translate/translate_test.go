package translate

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/build"
	"handbill/content"
	"handbill/layouts"
	"handbill/source"
)

func exportPO(t *testing.T, contentFile, lang, audience string) []byte {
	t.Helper()
	set, err := content.Load(contentFile)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Export(set, ExportOptions{Lang: language.MustParse(lang), Audience: audience, Date: "2026-12-01 00:00+0000"})
	if err != nil {
		t.Fatal(err)
	}
	return f.Bytes()
}

// TestExportMsgfmt: every exported language, for every audience, is a PO
// file gettext's msgfmt accepts (header, formats) and Parse reads back
// the same.
func TestExportMsgfmt(t *testing.T) {
	msgfmt, _ := exec.LookPath("msgfmt")
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range set.Languages() {
		if l.Tag == language.English {
			continue
		}
		for _, aud := range []string{"community", "youth"} {
			data := exportPO(t, "", l.Tag.String(), aud)
			f, err := Parse("x.po", data)
			if err != nil {
				t.Fatalf("%s %s: %v", l.Tag, aud, err)
			}
			if got := string(f.Bytes()); got != string(data) {
				t.Fatalf("%s: parse and write again differs", l.Tag)
			}
			if lang, _ := f.Get("Language"); lang != l.Tag.String() {
				t.Errorf("%s: Language %q", l.Tag, lang)
			}
			if msgfmt == "" || aud != "community" && l.Tag.String() != "vi" {
				continue
			}
			file := filepath.Join(t.TempDir(), "x.po")
			os.WriteFile(file, data, 0o644)
			out, err := exec.Command(msgfmt, "--check-format", "--check-header", "-o", os.DevNull, file).CombinedOutput()
			if err != nil || len(out) > 0 {
				t.Errorf("%s %s: msgfmt: %v\n%s", l.Tag, aud, err, out)
			}
		}
	}
	if msgfmt == "" {
		t.Log("msgfmt (Debian gettext) not installed: not run")
	}
}

func TestExportEntries(t *testing.T) {
	po := string(exportPO(t, "", "vi", ""))
	for _, want := range []string{
		"msgctxt \"headline\"\nmsgid \"Know the signs of child sex trafficking\"\n",
		"#, fuzzy\nmsgctxt \"signs[0]\"",
		"msgctxt \"card_front#call_only\"",
		"#: content/builtin/vi.yaml:",
		"#. Printed on: ",
		"Language: vi\\n",
		"Plural-Forms: nplurals=1; plural=0;\\n",
		"X-Generator: handbill translate\\n",
	} {
		if !strings.Contains(po, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if po := string(exportPO(t, "", "es", "youth")); !strings.Contains(po, "msgctxt \"youth/headline\"") {
		t.Errorf("youth export lacks youth/headline")
	}
}

// edit sets the msgstr of context ctx in a PO file and clears its fuzzy
// flag, as a reviewer does in Poedit.
func edit(t *testing.T, po []byte, ctx, text string) []byte {
	t.Helper()
	f, err := Parse("x.po", po)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.Entries {
		if e.Context == ctx {
			if text != "" {
				e.Str = text
			}
			e.Flags = nil
			return f.Bytes()
		}
	}
	t.Fatalf("no %s", ctx)
	return nil
}

// TestRoundTrip: export, edit a string, import into a content file with
// comments; the file keeps them, the new text and the provenance are in
// it, status counts it reviewed; a changed English makes it stale, and
// export marks it fuzzy.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	into := filepath.Join(dir, "my.yaml")
	orig := "# our clinic\nregion: US # the US lines\nmessages:\n  en:\n    # our words\n    headline: Know the signs of child sex trafficking\n"
	os.WriteFile(into, []byte(orig), 0o644)
	po := exportPO(t, into, "vi", "")
	po = edit(t, po, "headline", "Hãy nhận biết các dấu hiệu mua bán tình dục trẻ em")
	po = edit(t, po, "free_line", "")
	for i := 0; i < 7; i++ {
		po = edit(t, po, "signs["+string(rune('0'+i))+"]", "")
	}
	existing, _ := os.ReadFile(into)
	res, err := Import(ImportOptions{PO: "vi.po", Data: po, Into: into, Existing: existing, Reviewer: "Lan Nguyen", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Data)
	for _, want := range []string{"# our clinic", "# the US lines", "# our words", "headline: Hãy nhận biết các dấu hiệu mua bán", "reviewer: Lan Nguyen", "status: community-reviewed", "headline: " + content.SourceHash("Know the signs of child sex trafficking"), "signs[6]: "} {
		if !strings.Contains(got, want) {
			t.Errorf("imported file lacks %q:\n%s", want, got)
		}
	}
	if len(res.Changes) != 9 || res.Changes[0].Context != "headline" || res.Changes[0].Approved || !res.Changes[1].Approved {
		t.Errorf("changes: %+v", res.Changes)
	}
	os.WriteFile(into, res.Data, 0o644)
	set, err := content.Load(into)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Status(set, []language.Tag{language.Vietnamese}, "")
	if err != nil {
		t.Fatal(err)
	}
	if r := rows[0]; r.Reviewed != 9 || r.Stale != 0 || r.Reviewer != "Lan Nguyen" || r.Date != "2026-12-01" {
		t.Errorf("status: %+v", r)
	}
	doc, err := set.Resolve(language.Vietnamese, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.MachineDrafts([]string{"headline", "signs", "free_line"})) != 0 {
		t.Errorf("reviewed keys still machine drafts: %v", doc.MachineDrafts([]string{"headline", "signs", "free_line"}))
	}
	if len(doc.MachineDrafts([]string{"headline", "intro"})) == 0 {
		t.Errorf("intro is a machine draft, not refused")
	}
	// Importing the same file again changes nothing.
	res2, err := Import(ImportOptions{PO: "vi.po", Data: po, Into: into, Existing: res.Data, Reviewer: "Lan Nguyen", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Changes) != 0 {
		t.Errorf("second import changes %+v", res2.Changes)
	}

	// The English changes: the Vietnamese headline is stale.
	changed := strings.Replace(string(res.Data), "headline: Know the signs", "headline: Learn the signs", 1)
	os.WriteFile(into, []byte(changed), 0o644)
	set, err = content.Load(into)
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := Status(set, []language.Tag{language.Vietnamese}, ""); rows[0].Stale != 1 || rows[0].Reviewed != 8 {
		t.Errorf("after the English changed: %+v", rows[0])
	}
	doc, err = set.Resolve(language.Vietnamese, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range doc.Warnings {
		if w.Rule == content.RuleStaleTranslation && strings.Contains(w.Message, "`headline`") {
			found = true
		}
	}
	if !found {
		t.Errorf("no stale-translation warning: %v", doc.Warnings)
	}
	if po := string(exportPO(t, into, "vi", "")); !strings.Contains(po, "#, fuzzy\nmsgctxt \"headline\"\nmsgid \"Learn the signs") {
		t.Errorf("stale headline not fuzzy in the export")
	}
}

// TestImportRefuses: each bad PO file is a positioned error, and nothing
// is returned.
func TestImportRefuses(t *testing.T) {
	po := string(exportPO(t, "", "vi", ""))
	hl := "msgctxt \"headline\"\nmsgid \"Know the signs of child sex trafficking\"\nmsgstr \"Hãy nhận biết dấu hiệu buôn bán tình dục trẻ em\""
	if !strings.Contains(po, "#, fuzzy\n"+hl) {
		t.Fatal("export changed: update the test")
	}
	set := func(s string) string { return strings.Replace(po, "#, fuzzy\n"+hl, s, 1) }
	cases := map[string]struct{ po, want string }{
		"syntax":      {set("msgctxt \"headline\"\nmsgid \"Know the signs of child sex trafficking\"\nmsgstr \"oops"), "bad string after msgstr"},
		"language":    {strings.Replace(po, "Language: vi", "Language: es", 1), "Language is es, not vi"},
		"context":     {set("msgctxt \"headlin\"\nmsgid \"Know the signs of child sex trafficking\"\nmsgstr \"x\""), "unknown message \"headlin\""},
		"plural":      {set("msgctxt \"headline\"\nmsgid \"Know the signs of child sex trafficking\"\nmsgid_plural \"x\"\nmsgstr[0] \"x\""), "has plural forms"},
		"bidi":        {set("msgctxt \"headline\"\nmsgid \"Know the signs of child sex trafficking\"\nmsgstr \"Gọi \u202e1-888\""), "U+202E"},
		"placeholder": {strings.Replace(strings.Replace(po, "#, fuzzy\nmsgctxt \"emergency_line\"", "msgctxt \"emergency_line\"", 1), "msgstr \"Đang gặp nguy hiểm? Hãy gọi {emergency}.\"", "msgstr \"Hãy gọi 911.\"", 1), "lost the placeholder {emergency}"},
	}
	for name, c := range cases {
		_, err := Import(ImportOptions{PO: "vi.po", Data: []byte(c.po), Lang: language.Vietnamese, Reviewer: "x", Date: "2026-12-01"})
		var d *source.Diagnostic
		if !errors.As(err, &d) || d.Pos.File != "vi.po" || d.Pos.Line == 0 || d.Hint == "" || !strings.Contains(d.Message, c.want) {
			t.Errorf("%s: got %v, want vi.po:LINE: …%s… with a hint", name, err, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("msgid \"\"\nmsgstr \"Language: vi\\n\"\n\nmsgctxt \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n"))
	f.Add([]byte("#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n\"Language: vi\\n\"\n#~ msgid \"x\"\nmsgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pf, err := Parse("f.po", data)
		if err != nil {
			var d *source.Diagnostic
			if !errors.As(err, &d) || d.Pos.Line < 1 || d.Hint == "" {
				t.Fatalf("error without a position or hint: %v", err)
			}
			return
		}
		// What Parse reads, written and read again, is the same.
		again, err := Parse("g.po", pf.Bytes())
		if err != nil {
			t.Fatalf("written file does not parse: %v\n%s", err, pf.Bytes())
		}
		if len(again.Entries) != len(pf.Entries) {
			t.Fatalf("entries %d → %d", len(pf.Entries), len(again.Entries))
		}
	})
}

// TestImportAllReviewed: a reviewer who approves every message, hotline
// names included, makes every built-in product pass --require-reviewed.
func TestImportAllReviewed(t *testing.T) {
	po := strings.ReplaceAll(string(exportPO(t, "", "vi", "")), "#, fuzzy\n", "")
	res, err := Import(ImportOptions{PO: "vi.po", Data: []byte(po), Into: "my.yaml", Reviewer: "Lan Nguyen", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Data), "hotline_names:\n  vi:\n    us-nhth: ") {
		t.Errorf("no hotline names written:\n%s", res.Data)
	}
	doc, err := res.Set.Resolve(language.Vietnamese, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range ls {
		if d := doc.MachineDrafts(build.PrintedKeys(layouts.Target{Layout: l})); len(d) > 0 {
			t.Errorf("%s: %v", name, d)
		}
	}
}

// TestStaleCallOnlyAndAudience: a change to the English call-only form
// makes the reviewed message stale; an audience's review is recorded
// under its own name and does not make the community's stale.
func TestStaleCallOnlyAndAudience(t *testing.T) {
	dir := t.TempDir()
	into := filepath.Join(dir, "my.yaml")
	po := exportPO(t, "", "vi", "")
	po = edit(t, po, "card_front", "")
	po = edit(t, po, "card_front#call_only", "")
	res, err := Import(ImportOptions{PO: "vi.po", Data: po, Into: into, Reviewer: "Lan", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	ypo := edit(t, exportPO(t, "", "vi", "youth"), "youth/headline", "")
	res, err = Import(ImportOptions{PO: "vi.po", Data: ypo, Into: into, Existing: res.Data, Reviewer: "Lan", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Data), "youth/headline: ") || !strings.Contains(string(res.Data), "card_front: ") {
		t.Fatalf("sources:\n%s", res.Data)
	}
	for _, aud := range []string{"community", "youth"} {
		if st, err := res.Set.Stale(language.Vietnamese, aud); err != nil || len(st) != 0 {
			t.Errorf("%s: stale %v %v", aud, st, err)
		}
	}
	changed := string(res.Data) + "" // the English call-only form changes
	en := "messages:\n  en:\n    card_front:\n      text: Need help? Call or text. Free, confidential, 24/7.\n      call_only: Need help? Phone us. Free, confidential, 24/7.\n"
	set, err := content.LoadData(into, []byte(strings.Replace(changed, "messages:\n", en[:len("messages:\n")]+en[len("messages:\n"):], 1)))
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := set.Stale(language.Vietnamese, ""); len(st) != 1 || st[0] != "card_front" {
		t.Errorf("after the call-only English changed: stale %v", st)
	}
}

// TestImportContentRuleAtPO: a mistake the content file's own checks
// find in an imported text is reported at the PO file's msgstr.
func TestImportContentRuleAtPO(t *testing.T) {
	po := "msgid \"\"\nmsgstr \"Language: vi\\n\"\n\nmsgctxt \"headline\"\nmsgid \"Know the signs of child sex trafficking\"\nmsgstr \"" + strings.Repeat("dấu ", 6000) + "\"\n"
	_, err := Import(ImportOptions{PO: "vi.po", Data: []byte(po), Into: "my.yaml", Reviewer: "x", Date: "2026-12-01"})
	var d *source.Diagnostic
	if !errors.As(err, &d) || d.Pos.File != "vi.po" || d.Pos.Line != 6 || !strings.Contains(d.Message, "the msgstr of `headline`: ") {
		t.Errorf("got %v, want vi.po:6:1: the msgstr of `headline`: …", err)
	}
}

// TestImportKeepsLayout: the content file's comments, order and blank
// lines between sections stay; the new sections are set apart the same way.
func TestImportKeepsLayout(t *testing.T) {
	orig := "# handbill content file\nlanguages: [en, es]   # flow list\n\n# who we are\norganization:\n  name: Riverside Family Clinic\n  color: \"#1a6fb0\"        # quote it\n\nmessages:\n  en:\n    # ours\n    intro: >-\n      A folded English intro.\n"
	po := edit(t, exportPO(t, "", "vi", ""), "headline", "")
	res, err := Import(ImportOptions{PO: "vi.po", Data: po, Into: "my.yaml", Existing: []byte(orig), Reviewer: "x", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Data)
	for _, want := range []string{"# handbill content file\nlanguages: [en, es] # flow list\n\n# who we are\norganization:\n", "color: \"#1a6fb0\" # quote it\n\nmessages:\n  en:\n    # ours\n    intro: >-\n", "\n\nprovenance:\n  vi:\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

// TestImportKeepsExtraItems: items the language's list has beyond the
// English list stay when the list is imported.
func TestImportKeepsExtraItems(t *testing.T) {
	orig := "messages:\n  vi:\n    signs+:\n      - Trẻ nghỉ học nhiều\n"
	set, err := content.LoadData("my.yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Export(set, ExportOptions{Lang: language.Vietnamese, Date: "2026-12-01 00:00+0000"})
	if err != nil {
		t.Fatal(err)
	}
	po := strings.ReplaceAll(string(f.Bytes()), "#, fuzzy\n", "")
	res, err := Import(ImportOptions{PO: "vi.po", Data: []byte(po), Into: "my.yaml", Existing: []byte(orig), Reviewer: "x", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Data); !strings.Contains(got, "- Trẻ nghỉ học nhiều\n") || strings.Contains(got, "signs+") {
		t.Errorf("extra item lost, or signs+ kept:\n%s", got)
	}
}
