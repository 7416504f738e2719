package presets

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/frame"
	"handbill/layouts"
	"handbill/source"
	"handbill/text"
)

// The laws the issue asks presets for, by preset name.
var tpWantPresets = []string{
	"CA-52.6", "TX-402.0351", "TX-lodging", "FL-787.29", "FL-509.096", "GA-16-5-47",
	"IL-775-50-10", "NJ-52-17B-237.1", "LA-15-541.1", "KY-281.767", "KY-cling",
	"SC-16-3-2100", "RI-11-67.1-20",
}

func tpPreset(t *testing.T, name string) *Preset {
	t.Helper()
	p, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// tpBuild composes target (a built-in output name, or a target of l when
// l is given) in each language for region, with content from set.
func tpBuild(t *testing.T, set *content.Set, l *layouts.Layout, target, region string, langs ...string) []Composed {
	t.Helper()
	var tg *layouts.Target
	if l != nil {
		for _, x := range layouts.Targets(l) {
			if x.Name() == target {
				tg = &x
			}
		}
	} else {
		ls, err := layouts.Builtin()
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range slices.Sorted(maps.Keys(ls)) {
			for _, x := range layouts.Targets(ls[name]) {
				if x.Name() == target {
					tg = &x
				}
			}
		}
	}
	if tg == nil {
		t.Fatalf("no output %s", target)
	}
	e := text.NewEngine(fonts.Builtin())
	var docs []*content.Doc
	for _, lang := range langs {
		d, err := set.Resolve(language.MustParse(lang), "community", region)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if tg.Multilingual() {
		fd, err := layouts.Compose(e, *tg, docs)
		if err != nil {
			t.Fatalf("%s %v: %v", target, langs, err)
		}
		return []Composed{{Target: *tg, Docs: docs, Frames: fd}}
	}
	var out []Composed
	for _, d := range docs {
		fd, err := layouts.Compose(e, *tg, []*content.Doc{d})
		if err != nil {
			t.Fatalf("%s %s: %v", target, d.Messages.Lang, err)
		}
		out = append(out, Composed{Target: *tg, Docs: []*content.Doc{d}, Frames: fd})
	}
	return out
}

func tpBuiltinSet(t *testing.T) *content.Set {
	t.Helper()
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// tpWordingSet is content whose `intro` is supplied by the user in each
// language, as a preset with fixed wording asks. The text is a labelled
// stand-in, not any law's wording: handbill ships no statutory text.
func tpWordingSet(t *testing.T, langs ...string) *content.Set {
	t.Helper()
	var b strings.Builder
	b.WriteString("messages:\n")
	for _, l := range langs {
		fmt.Fprintf(&b, "  %s:\n    intro: Test stand-in for the official notice text (%s), supplied by the user.\n", l, l)
	}
	file := filepath.Join(t.TempDir(), "notice.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func tpErrors(fs []source.Diagnostic) []source.Diagnostic {
	var out []source.Diagnostic
	for _, f := range fs {
		if f.Severity == source.Error {
			out = append(out, f)
		}
	}
	return out
}

func tpDump(fs []source.Diagnostic) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s [rule %s] hint: %s", f, f.Rule, f.Hint)
	}
	return b.String()
}

// tpFind returns the findings whose message holds every part.
func tpFind(fs []source.Diagnostic, parts ...string) []source.Diagnostic {
	var out []source.Diagnostic
	for _, f := range fs {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(f.Message, p)
		}
		if ok {
			out = append(out, f)
		}
	}
	return out
}

// TestPresetsLoad: every preset loads, has the laws, cites the
// domain reference with its confidence and the statute, names hotlines
// and a region the directory has, and builds at least one output that
// meets its page size.
func TestPresetsLoad(t *testing.T) {
	ps, err := All()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	if !slices.IsSorted(names) {
		t.Errorf("presets not sorted by name: %v", names)
	}
	for _, want := range tpWantPresets {
		if !slices.Contains(names, want) {
			t.Errorf("no preset %s (have %v)", want, names)
		}
	}
	set := tpBuiltinSet(t)
	if err := Validate(ps, set, tpLayouts(t)); err != nil {
		t.Errorf("the built-in presets name what does not exist: %v", err)
	}
	ids := map[string]bool{}
	for _, h := range set.Hotlines() {
		ids[h.ID] = true
	}
	for _, p := range ps {
		if !strings.Contains(p.Source, "domain reference") || !strings.Contains(p.Source, "confidence "+p.Confidence) {
			t.Errorf("%s: source %q does not cite the domain reference and its confidence", p.Name, p.Source)
		}
		// The statute's section number is in the source too.
		section := p.Law[strings.LastIndexAny(p.Law, " §:")+1:]
		if !strings.Contains(p.Source, section) {
			t.Errorf("%s: source %q does not cite the law (%s)", p.Name, p.Source, section)
		}
		if p.Effective != "unknown" {
			if _, err := time.Parse(time.DateOnly, p.Effective); err != nil {
				t.Errorf("%s: effective %q", p.Name, p.Effective)
			}
		}
		if p.EffectiveNote == "" || p.Wording.Note == "" || p.Description == "" {
			t.Errorf("%s: missing effective_note, wording note or description", p.Name)
		}
		if p.Pos.File != presetsFile || p.Pos.Line == 0 {
			t.Errorf("%s: position %v", p.Name, p.Pos)
		}
		for _, h := range p.Hotlines {
			if !ids[h.ID.S] {
				t.Errorf("%s: hotline %s is not in the directory", p.Name, h.ID.S)
			}
		}
		langs, err := p.Languages("vi")
		if p.ThirdLanguage == "" {
			langs, err = p.Languages("")
		}
		if err != nil || len(langs) < 2 || langs[0] != language.English {
			t.Errorf("%s: languages %v, %v", p.Name, langs, err)
		}
		if len(p.Targets(tpLayouts(t))) == 0 {
			t.Errorf("%s: no built-in output meets its page size %s", p.Name, p.MinPageText())
		}
	}
	// The figures of the domain reference, pinned.
	pins := []struct {
		name   string
		page   string
		body   float64
		bold   bool
		langs  string
		third  string
		region string
		lines  string
	}{
		{"CA-52.6", "8.5×11 in", 16, false, "en es", "required", "US-CA", "us-nhth+text us-ca-cast"},
		{"TX-402.0351", "", 0, false, "en es", "", "US", "us-nhth"},
		{"TX-lodging", "11×17 in", 16, false, "en es", "optional", "US", "us-nhth"},
		{"FL-787.29", "8.5×11 in", 16, false, "en es", "", "US-FL", "us-fl"},
		{"FL-509.096", "11×15 in", 32, false, "en es", "optional", "US-FL", "us-fl"},
		{"GA-16-5-47", "8.5×11 in", 16, false, "en es", "", "US-GA", "us-ga"},
		{"IL-775-50-10", "8.5×11 in", 16, false, "en es", "required", "US", "us-nhth"},
		{"NJ-52-17B-237.1", "8.5×11 in", 16, false, "en es", "", "US", "us-nhth"},
		{"LA-15-541.1", "8.5×11 in", 14, true, "en fr es", "", "US", "us-nhth"},
		{"KY-281.767", "8.5×11 in", 16, false, "en es", "", "US", "us-nhth"},
		{"KY-cling", "3×3 in", 10, false, "en es", "", "US", "us-nhth"},
		{"SC-16-3-2100", "8.5×11 in", 0, false, "en es", "", "US", "us-nhth"},
		{"RI-11-67.1-20", "8.5×11 in", 16, false, "en es", "", "US", "us-nhth"},
	}
	for _, w := range pins {
		p := tpPreset(t, w.name)
		var langs, lines []string
		for _, l := range p.Langs {
			langs = append(langs, l.S)
		}
		for _, h := range p.Hotlines {
			s := h.ID.S
			if h.Text {
				s += "+text"
			}
			lines = append(lines, s)
		}
		got := fmt.Sprintf("%s|%g|%v|%s|%s|%s|%s", p.MinPageText(), p.MinBody, p.Bold, strings.Join(langs, " "), p.ThirdLanguage, p.Region(), strings.Join(lines, " "))
		want := fmt.Sprintf("%s|%g|%v|%s|%s|%s|%s", w.page, w.body, w.bold, w.langs, w.third, w.region, w.lines)
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", w.name, got, want)
		}
	}
	if p := tpPreset(t, "CA-52.6"); p.Wording.Status != WordingFixed || p.Effective != "2013-04-01" {
		t.Errorf("CA-52.6: wording %q, effective %q", p.Wording.Status, p.Effective)
	}
}

// TestPresetLookup: names are case-insensitive; an unknown one is a
// *source.Diagnostic suggesting the closest and listing all.
func TestPresetLookup(t *testing.T) {
	if p, err := Lookup("ky-CLING"); err != nil || p.Name != "KY-cling" {
		t.Errorf("ky-CLING: %v, %v", p, err)
	}
	_, err := Lookup("CA-52.7")
	var ce *source.Diagnostic
	if !errors.As(err, &ce) {
		t.Fatalf("unknown preset: %T %v", err, err)
	}
	if ce.Message != `unknown preset "CA-52.7"` || !strings.Contains(ce.Hint, `did you mean "CA-52.6"?`) || !strings.Contains(ce.Hint, "TX-lodging") {
		t.Errorf("unknown preset: %q, hint %q", ce.Message, ce.Hint)
	}
	_, err = Lookup("nowhere")
	if !errors.As(err, &ce) || strings.Contains(ce.Hint, "did you mean") || !strings.Contains(ce.Hint, "RI-11-67.1-20") {
		t.Errorf("far-off name: %v (hint %q)", err, ce.Hint)
	}
}

// TestPresetLanguages: California needs English, Spanish and the county's
// third language; without it, an error whose hint names --third-language.
func TestPresetLanguages(t *testing.T) {
	ca := tpPreset(t, "CA-52.6")
	_, err := ca.Languages("")
	var ce *source.Diagnostic
	if !errors.As(err, &ce) || !strings.Contains(ce.Hint, "--third-language TAG") || !strings.Contains(ce.Message, "Voting Rights Act") {
		t.Errorf("CA without a third language: %v", err)
	}
	got, err := ca.Languages("vi")
	if err != nil || fmt.Sprint(got) != "[en es vi]" {
		t.Errorf("CA with vi: %v, %v", got, err)
	}
	if _, err := ca.Languages("not a tag!"); err == nil || !strings.Contains(err.Error(), "not a BCP 47") {
		t.Errorf("bad tag: %v", err)
	}
	if got, err := tpPreset(t, "LA-15-541.1").Languages(""); err != nil || fmt.Sprint(got) != "[en fr es]" {
		t.Errorf("LA: %v, %v", got, err)
	}
	if _, err := tpPreset(t, "GA-16-5-47").Languages("vi"); err == nil || !strings.Contains(err.Error(), "takes no third language") {
		t.Errorf("GA with a third language: %v", err)
	}
	if got, err := tpPreset(t, "TX-lodging").Languages(""); err != nil || fmt.Sprint(got) != "[en es]" {
		t.Errorf("TX-lodging without the optional language: %v, %v", got, err)
	}
	if got, err := tpPreset(t, "TX-lodging").Languages("vi"); err != nil || fmt.Sprint(got) != "[en es vi]" {
		t.Errorf("TX-lodging with vi: %v, %v", got, err)
	}
}

// TestPresetTargets: only sizes at least the minimum page (either
// orientation) are built: A4 is narrower than 8.5 in.
func TestPresetTargets(t *testing.T) {
	for name, want := range map[string]string{
		"CA-52.6":     "notice-letter notice-tabloid",
		"TX-402.0351": "poster-letter poster-a4 poster-tabloid",
		"TX-lodging":  "poster-tabloid",
		"FL-509.096":  "notice-large-tabloid",
		"LA-15-541.1": "notice-bold-letter notice-bold-tabloid",
		"KY-cling":    "sticker-3x3",
	} {
		if got := strings.Join(tpPreset(t, name).Targets(tpLayouts(t)), " "); got != want {
			t.Errorf("%s: targets %q, want %q", name, got, want)
		}
	}
	p := &Preset{MinPage: &layouts.SizeSpec{W: layouts.Length{V: 11 * inch}, H: layouts.Length{V: 8.5 * inch}}}
	if !p.pageFits(layouts.PageSize{W: 8.5 * inch, H: 11 * inch}) || p.pageFits(layouts.PageSize{W: 210 * mm, H: 297 * mm}) {
		t.Error("a landscape minimum must accept a portrait Letter page and refuse A4")
	}
}

// tpTextSizes returns the largest size at which a composed document
// prints s, and whether it prints it at all.
func tpTextSizes(d *frame.Doc, s string) (float64, bool) {
	largest, found := 0.0, false
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*frame.Text); ok && strings.Contains(tx.Para.Text, s) {
				found = true
				largest = max(largest, tx.Para.Style.Size)
			}
		}
	}
	return largest, found
}

// TestPresetCALetterPoster composes the built-in Letter poster in English
// and Spanish for California and checks it against Civil Code 52.6: the
// county's third language is missing, CAST must be printed at 16 pt or
// more, and the notice wording must be supplied.
func TestPresetCALetterPoster(t *testing.T) {
	ca := tpPreset(t, "CA-52.6")
	built := tpBuild(t, tpBuiltinSet(t), nil, "poster-letter", ca.Region(), "en", "es")
	fs := tpCheck(t, ca, built, "")
	for _, f := range fs {
		if f.Rule != "Cal. Civ. Code § 52.6" || f.Severity != source.Error {
			t.Errorf("finding with rule %q, severity %s: %s", f.Rule, f.Severity, f)
		}
	}
	var expected []source.Diagnostic
	// The third language.
	third := tpFind(fs, "requires a third language")
	if len(third) != 1 || !strings.Contains(third[0].Hint, "--third-language TAG") {
		t.Errorf("want one finding for the missing third language:%s", tpDump(fs))
	}
	expected = append(expected, third...)
	// CAST: printed at 16 pt or more, else the exact problem.
	for _, c := range built {
		lang := c.Docs[0].Messages.Lang.String()
		size, found := tpTextSizes(c.Frames, "1-888-539-2373")
		var got []source.Diagnostic
		for _, f := range tpFind(fs, "(1-888-539-2373)") {
			if f.Lang == lang {
				got = append(got, f)
			}
		}
		switch {
		case !found:
			if len(got) != 1 || !strings.Contains(got[0].Message, "is not printed") {
				t.Errorf("%s: CAST is not on the poster; want that finding:%s", lang, tpDump(fs))
			}
		case size < 16:
			want := fmt.Sprintf("the number of CAST (Coalition to Abolish Slavery and Trafficking) hotline (1-888-539-2373) is printed only at %.3g pt, under the 16 pt Cal. Civ. Code § 52.6 requires (in force since 2013-04-01)", size)
			if len(got) != 1 || got[0].Message != want || got[0].Output != "poster-letter" || got[0].Pos.File != "built-in layouts/poster.yaml" {
				t.Errorf("%s: CAST at %.3g pt: want %q at the poster's block:%s", lang, size, want, tpDump(got))
			}
		default:
			if len(got) != 0 {
				t.Errorf("%s: CAST is printed at %.3g pt, yet:%s", lang, size, tpDump(got))
			}
		}
		expected = append(expected, got...)
		// The national line and its text line 233733 are in the band.
		if nat := tpFind(fs, "1-888-373-7888"); len(nat) != 0 {
			t.Errorf("the national hotline is printed large, yet:%s", tpDump(nat))
		}
		if sms := tpFind(fs, "233733"); len(sms) != 0 {
			t.Errorf("the text line is printed, yet:%s", tpDump(sms))
		}
		// The wording: handbill's own intro is not the official notice.
		w := tpFind(fs, "prescribes the sign's wording", "`intro` ("+lang+")")
		if len(w) != 1 || w[0].Pos.File != "built-in content/"+lang+".yaml" || !strings.Contains(w[0].Hint, "messages: "+lang+": intro:") {
			t.Errorf("%s: want one wording finding at the built-in intro:%s", lang, tpDump(fs))
		}
		expected = append(expected, w...)
	}
	if len(fs) != len(expected) {
		t.Errorf("unexpected findings: got %d, expected %d:%s", len(fs), len(expected), tpDump(fs))
	}
	// With the third language named but not built, that is the finding.
	fs = tpCheck(t, ca, built, "vi")
	if vi := tpFind(fs, "no sign is in vi"); len(vi) != 1 || vi[0].Lang != "vi" || !strings.Contains(vi[0].Hint, "--third-language vi") {
		t.Errorf("want a finding for the unbuilt third language vi:%s", tpDump(fs))
	}
	if len(tpFind(fs, "requires a third language")) != 0 {
		t.Errorf("third language given, yet reported missing:%s", tpDump(fs))
	}
}

// tpCAPoster is the built-in poster with the change that lets it meet
// Civil Code 52.6: the region's other lines (CAST) in a 16–18 pt body
// style instead of a 9–12 pt caption, with room taken from the lists.
const tpCAPoster = `name: poster-ca
description: Poster meeting Cal. Civ. Code 52.6 (CAST at 16 pt)
product: poster
sizes:
  - {suffix: letter, size: letter}
  - {suffix: tabloid, size: tabloid, type_scale: 1.4}
margin: 0.5in
theme:
  ink: "#1a1a1a"
  accent: "#0b3d6e"
  on_accent: "#ffffff"
  paper: "#ffffff"
styles:
  headline: {size: [28, 54], bold: true, color: on_accent, line_height: 1.1, max_lines: 3}
  intro: {size: [16, 21], color: ink, line_height: 1.3}
  subhead: {size: [19, 26], bold: true, color: accent, line_height: 1.2}
  body: {size: [16, 19], color: ink, line_height: 1.3}
  band_label: {size: [16, 20], bold: true, color: on_accent, max_lines: 1}
  number: {size: [36, 66], bold: true, color: on_accent, max_lines: 1}
  band_text: {size: [16, 20], color: on_accent, max_lines: 1}
  more: {size: [16, 18], color: accent, bold: true, line_height: 1.15, max_lines: 4}
  footer: {size: [7, 10], color: on_accent, line_height: 1.15, max_lines: 2, role: caption}
pages:
  - background: paper
    blocks:
      - {type: rect, area: bleed, box: [0, 0, 100%, 17.6%], fill: accent}
      - {type: text, text: "{headline}", style: headline, box: [0, 0, 100%, 13.8%], valign: middle}
      - {type: text, text: "{intro}", style: intro, box: [0, 16.2%, 100%, 15.8%]}
      - {type: list, items: signs, title: "{signs_title}", style: body, title_style: subhead, max: 5, group: lists, box: [0, 32.4%, 51.5%, 37.5%]}
      - {type: list, items: do, title: "{do_title}", style: body, title_style: subhead, group: lists, box: [54.5%, 32.4%, 45.5%, 37.5%]}
      - {type: text, text: "{more_hotlines}", style: more, box: [0, 70.4%, 100%, 8.3%], valign: bottom}
      - {type: rect, area: bleed, box: [0, 77%, 100%, 23%], fill: accent}
      - {type: text, text: "{call_label}", style: band_label, box: [0, 80%, 72%, 3.2%], valign: bottom}
      - {type: text, text: "{hotline}", style: number, box: [0, 83.2%, 72%, 7.6%], valign: middle}
      - {type: text, text: "{text_label} {sms}", style: band_text, box: [0, 90.9%, 72%, 3.2%]}
      - {type: text, text: "{web}", style: band_text, box: [0, 94.1%, 72%, 3.2%]}
      - {type: text, text: "{org_name} · {org_contact}", style: footer, box: [0, 97.4%, 58%, 2.6%], valign: bottom}
      - {type: qr, content: "https://{web}", box: [76%, 80.3%, 24%, 17%], fill: ink, background: paper}
`

// TestPresetCAPasses: with CAST at 16 pt (tpCAPoster), the notice text
// supplied in every language and the third language built, Letter and
// Tabloid posters meet every requirement of CA-52.6; with handbill's own
// intro, only the wording is wrong.
func TestPresetCAPasses(t *testing.T) {
	ca := tpPreset(t, "CA-52.6")
	l, err := layouts.Parse("poster-ca.yaml", []byte(tpCAPoster))
	if err != nil {
		t.Fatal(err)
	}
	set := tpWordingSet(t, "en", "es", "vi")
	var built []Composed
	for _, target := range []string{"poster-ca-letter", "poster-ca-tabloid"} {
		built = append(built, tpBuild(t, set, l, target, ca.Region(), "en", "es", "vi")...)
	}
	if fs := tpCheck(t, ca, built, "vi"); len(fs) != 0 {
		t.Errorf("CA-52.6 should pass:%s", tpDump(fs))
	}
	// The same posters with handbill's own intro: one wording error per
	// document and nothing else.
	var own []Composed
	for _, target := range []string{"poster-ca-letter", "poster-ca-tabloid"} {
		own = append(own, tpBuild(t, tpBuiltinSet(t), l, target, ca.Region(), "en", "es", "vi")...)
	}
	fs := tpCheck(t, ca, own, "vi")
	if w := tpFind(fs, "the official wording must be supplied"); len(w) != 6 || len(fs) != 6 {
		t.Errorf("want 6 wording errors (2 sizes × 3 languages) and nothing else:%s", tpDump(fs))
	}
}

// TestPresetFLPasses: the built-in Letter and Tabloid posters for Florida
// meet Statutes 787.29 once the user supplies the sign's text.
func TestPresetFLPasses(t *testing.T) {
	fl := tpPreset(t, "FL-787.29")
	set := tpWordingSet(t, "en", "es")
	var built []Composed
	for _, target := range fl.Targets(tpLayouts(t)) {
		built = append(built, tpBuild(t, set, nil, target, fl.Region(), "en", "es")...)
	}
	if len(built) != 4 {
		t.Fatalf("built %d documents, want 4 (Letter and Tabloid, en and es)", len(built))
	}
	if fs := tpCheck(t, fl, built, ""); len(fs) != 0 {
		t.Errorf("FL-787.29 should pass with the built-in poster:%s", tpDump(fs))
	}
	// Supplied text the sign does not print is an error: the sticker
	// prints no intro (and is too small).
	stickers := tpBuild(t, set, nil, "sticker-3x3", fl.Region(), "en")
	fs := tpCheck(t, fl, append(built, stickers...), "")
	if len(tpFind(fs, "is not printed on this sign")) != 1 || len(tpFind(fs, "the page is 3×3 in")) != 1 {
		t.Errorf("sticker: want the unprinted-wording and page-size errors:%s", tpDump(fs))
	}
}

// TestPresetPageTooSmall: a 3×3 in sticker checked against California's
// 8.5×11 in minimum is an error naming the law, at the layout's sizes.
func TestPresetPageTooSmall(t *testing.T) {
	ca := tpPreset(t, "CA-52.6")
	built := tpBuild(t, tpBuiltinSet(t), nil, "sticker-3x3", ca.Region(), "en")
	fs := tpFind(tpCheck(t, ca, built, "vi"), "the page is")
	if len(fs) != 1 {
		t.Fatalf("want one page-size finding, got:%s", tpDump(fs))
	}
	f := fs[0]
	want := "the page is 3×3 in; Cal. Civ. Code § 52.6 requires a sign of at least 8.5×11 in (either orientation)"
	if f.Message != want || f.Rule != "Cal. Civ. Code § 52.6" || f.Severity != source.Error || f.Output != "sticker-3x3" ||
		f.Pos.File != "built-in layouts/sticker.yaml" || f.Pos.Line == 0 || !strings.Contains(f.Hint, "notice-letter, notice-tabloid") {
		t.Errorf("got %s (rule %q, hint %q), want %q at sticker.yaml's sizes", f, f.Rule, f.Hint, want)
	}
}

// TestPresetKYCling: the built-in 3×3 in sticker meets Kentucky's window
// cling (3×3 in, 10 pt, English and Spanish): no errors; the wording is a
// warning, since the domain reference does not record it.
func TestPresetKYCling(t *testing.T) {
	ky := tpPreset(t, "KY-cling")
	built := tpBuild(t, tpBuiltinSet(t), nil, "sticker-3x3", ky.Region(), "en", "es")
	fs := tpCheck(t, ky, built, "")
	if errs := tpErrors(fs); len(errs) != 0 {
		t.Errorf("KY-cling should pass with sticker-3x3:%s", tpDump(errs))
	}
	if w := tpFind(fs, "may prescribe the sign's wording", "`sticker_question`"); len(w) != 2 || len(fs) != 2 {
		t.Errorf("want a wording warning per language and nothing else:%s", tpDump(fs))
	}
	// The Letter poster is no cling, but meets its figures; a card is too small.
	card := tpBuild(t, tpBuiltinSet(t), nil, "wallet-card-us-press", ky.Region(), "en")
	if len(tpFind(tpCheck(t, ky, card, ""), "the page is 3.5×2 in")) != 1 {
		t.Errorf("a 3.5×2 in card is under 3×3 in:%s", tpDump(tpCheck(t, ky, card, "")))
	}
}

// tpDoc is a one-page document of text paragraphs: size, bold, role, text.
func tpDoc(paras ...tpPara) *frame.Doc {
	pg := &frame.Page{W: 612, H: 792}
	for i, p := range paras {
		pg.Items = append(pg.Items, &frame.Text{
			Para: &text.Paragraph{Text: p.text, Style: text.Style{Lang: language.English, Size: p.size, Bold: p.bold},
				Lines: []text.Line{{}}},
			Role: p.role, Src: source.Pos{File: "layout.yaml", Line: i + 1, Col: 1}})
	}
	return &frame.Doc{Pages: []*frame.Page{pg}}
}

type tpPara struct {
	size       float64
	bold       bool
	role, text string
}

// TestPresetTypeRules: the smallest body or heading text under the minimum
// is reported (captions and bullets are not), and Louisiana's bold.
func TestPresetTypeRules(t *testing.T) {
	la := tpPreset(t, "LA-15-541.1")
	set := tpBuiltinSet(t)
	d, err := set.Resolve(language.English, "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tg := layouts.Targets(ls["poster"])[0]
	check := func(paras ...tpPara) []source.Diagnostic {
		paras = append(paras, tpPara{20, true, "heading", "Call 1-888-373-7888"})
		return tpCheck(t, la, []Composed{{Target: tg, Docs: []*content.Doc{d}, Frames: tpDoc(paras...)}}, "")
	}
	fs := check(tpPara{14, true, "body", "Fine"}, tpPara{8, false, "caption", "small print"}, tpPara{10, true, "body", "•"})
	if n := len(tpFind(fs, "pt, under")) + len(tpFind(fs, "not bold")); n != 0 {
		t.Errorf("14 pt bold body, a caption and a bullet are fine:%s", tpDump(fs))
	}
	fs = check(tpPara{13, true, "body", "Thirteen"}, tpPara{12.5, true, "heading", "Twelve and a half"}, tpPara{13.9, true, "body", "Almost"})
	small := tpFind(fs, "pt, under")
	want := `heading text "Twelve and a half" is set at 12.5 pt, under the 14 pt La. R.S. 15:541.1 requires; 3 texts in all are under it`
	if len(small) != 1 || small[0].Message != want || small[0].Pos.Line != 2 || small[0].Rule != la.Law || small[0].Output != "poster-letter" {
		t.Errorf("want %q at layout.yaml:2:%s", want, tpDump(small))
	}
	fs = check(tpPara{16, false, "body", "Regular"}, tpPara{16, false, "body", "Regular too"})
	bold := tpFind(fs, "not bold")
	want = `body text "Regular" is not bold; La. R.S. 15:541.1 requires bold type; 2 texts in all are not bold`
	if len(bold) != 1 || bold[0].Message != want || bold[0].Pos.Line != 1 {
		t.Errorf("want %q:%s", want, tpDump(bold))
	}
	// The built-in posters set body text in regular weight: none meets
	// Louisiana's bold type.
	built := tpBuild(t, set, nil, "poster-letter", la.Region(), "en", "fr", "es")
	if got := tpFind(tpCheck(t, la, built, ""), "requires bold type"); len(got) != 3 {
		t.Errorf("want a bold finding per language on the built-in poster:%s", tpDump(got))
	}
	// Florida lodging's 32 pt: report the built-in tabloid's smallest text.
	fl := tpPreset(t, "FL-509.096")
	built = tpBuild(t, set, nil, "poster-tabloid", fl.Region(), "en")
	smallest := 1000.0
	for _, p := range presetParagraphs(built[0].Frames) {
		if p.t.Role != "caption" && presetHasWords(p.text) {
			smallest = min(smallest, p.t.Para.Style.Size)
		}
	}
	got := tpFind(tpCheck(t, fl, built, ""), "under the 32 pt Fla. Stat. § 509.096 requires")
	if smallest < 32 && (len(got) != 1 || !strings.Contains(got[0].Message, fmt.Sprintf("set at %.3g pt", smallest))) {
		t.Errorf("tabloid's smallest text is %.3g pt; want it reported:%s", smallest, tpDump(got))
	}
}

// TestPresetSeparateSigns: Texas lodging wants each language on its own
// sign, so the multilingual poster is an error.
func TestPresetSeparateSigns(t *testing.T) {
	tx := tpPreset(t, "TX-lodging")
	built := tpBuild(t, tpBuiltinSet(t), nil, "poster-multilang-tabloid", tx.Region(), "en", "es")
	fs := tpFind(tpCheck(t, tx, built, ""), "requires each language on a sign of its own")
	if len(fs) != 1 || fs[0].Lang != "en,es" || fs[0].Output != "poster-multilang-tabloid" || fs[0].Severity != source.Error {
		t.Errorf("want one separate-signs error:%s", tpDump(fs))
	}
	built = tpBuild(t, tpBuiltinSet(t), nil, "poster-tabloid", tx.Region(), "en", "es")
	if errs := tpErrors(tpCheck(t, tx, built, "")); len(errs) != 0 {
		t.Errorf("separate tabloid posters meet TX-lodging:%s", tpDump(errs))
	}
}

// TestPresetEffectiveDate: Florida's sign names the Florida hotline since
// 2023-07-01; a national poster misses it. Before that date the finding
// is a warning that says when the requirement takes effect.
func TestPresetEffectiveDate(t *testing.T) {
	fl := tpPreset(t, "FL-787.29")
	built := tpBuild(t, tpWordingSet(t, "en", "es"), nil, "poster-letter", "US", "en", "es")
	after := fl.Check(Env{Content: tpBuiltinSet(t), Layouts: tpLayouts(t), Third: "", Now: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, built)
	want := "the number of Florida Human Trafficking Hotline (1-855-352-7233) is not printed; Fla. Stat. § 787.29 requires it (in force since 2023-07-01)"
	if got := tpFind(after, want); len(got) != 2 || got[0].Severity != source.Error || !strings.Contains(got[0].Hint, "--region US-FL") {
		t.Errorf("want %q per language:%s", want, tpDump(after))
	}
	before := fl.Check(Env{Content: tpBuiltinSet(t), Layouts: tpLayouts(t), Third: "", Now: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)}, built)
	got := tpFind(before, "Fla. Stat. § 787.29 takes effect on 2023-07-01; until then this is advice")
	if len(got) != 2 || got[0].Severity != source.Warning || len(tpErrors(before)) != 0 {
		t.Errorf("before the date: want warnings only:%s", tpDump(before))
	}
}

// TestPresetDecodeStrict: the preset file is decoded strictly, and names
// that refer elsewhere are checked, each error at its position.
func TestPresetDecodeStrict(t *testing.T) {
	data, err := presetsFS.ReadFile("presets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for _, c := range []struct{ from, to, want, at string }{
		{"    min_body: 14\n", "    min_bdy: 14\n", "unknown key `min_bdy`", "min_bdy"},
		{"{id: us-ca-cast,", "{id: us-ca-kast,", `unknown hotline "us-ca-kast"`, "us-ca-kast"},
		{"layouts: [sticker-3x3]", "layouts: [sticker-3x4]", `unknown layout or output "sticker-3x4"`, "sticker-3x4"},
		{"    region: US-GA\n", "    region: US-GX\n", `unknown region "US-GX"`, "US-GX"},
		{"      status: fixed\n", "      status: verbatim\n", `wording status "verbatim"`, "wording:"},
		{"    confidence: M/L\n", "    confidence: ML\n", `unknown confidence "ML"`, "confidence: ML"},
		{"    effective: \"2013-04-01\"\n", "    effective: April 2013\n", `effective "April 2013" is not a date`, "effective: April"},
		{"languages: [en, fr, es]", "languages: [en, fr, e$]", `"e$" is not a BCP 47 language tag`, "e$"},
	} {
		if !strings.Contains(src, c.from) {
			t.Fatalf("preset file has no %q", c.from)
		}
		bad := strings.Replace(src, c.from, c.to, 1)
		ps, err := parsePresets("presets.yaml", []byte(bad))
		if err == nil {
			err = Validate(ps, tpBuiltinSet(t), tpLayouts(t))
		}
		var ce *source.Diagnostic
		if !errors.As(err, &ce) || !strings.Contains(ce.Message, c.want) || ce.Pos.File != "presets.yaml" || ce.Pos.Line == 0 {
			t.Errorf("%s: got %v", c.want, err)
			continue
		}
		if line := strings.Split(bad, "\n")[ce.Pos.Line-1]; !strings.Contains(line, c.at) {
			t.Errorf("%s: reported at line %d %q", c.want, ce.Pos.Line, line)
		}
	}
}

// TestPresetBuiltinLayouts composes every preset's outputs in its
// languages, with the wording supplied, and says which presets a
// built-in layout meets (the list in the report); it fails if an output
// cannot be composed, or if a preset the built-ins are known to meet
// stops passing.
func TestPresetBuiltinLayouts(t *testing.T) {
	ps, err := All()
	if err != nil {
		t.Fatal(err)
	}
	meets := []string{"FL-787.29", "GA-16-5-47", "IL-775-50-10", "KY-281.767", "KY-cling", "NJ-52-17B-237.1",
		"RI-11-67.1-20", "SC-16-3-2100", "TX-402.0351", "TX-lodging"}
	for _, p := range ps {
		third := ""
		if p.ThirdLanguage == ThirdRequired {
			third = "vi"
		}
		tags, err := p.Languages(third)
		if err != nil {
			t.Fatal(err)
		}
		var langs []string
		for _, tag := range tags {
			langs = append(langs, tag.String())
		}
		set := tpWordingSet(t, langs...)
		if slices.Contains(p.Wording.Keys, "sticker_question") {
			set = tpBuiltinSet(t)
		}
		var built []Composed
		for _, target := range p.Targets(tpLayouts(t)) {
			built = append(built, tpBuild(t, set, nil, target, p.Region(), langs...)...)
		}
		errs := tpErrors(tpCheck(t, p, built, third))
		t.Logf("%s on %v: %d errors%s", p.Name, p.Targets(tpLayouts(t)), len(errs), tpDump(errs[:min(len(errs), 2)]))
		if slices.Contains(meets, p.Name) && len(errs) != 0 {
			t.Errorf("%s no longer passes with the built-in layouts:%s", p.Name, tpDump(errs))
		}
	}
}

// tpLayouts is the built-in layouts.
func tpLayouts(t *testing.T) map[string]*layouts.Layout {
	t.Helper()
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// tpCheck checks built against p with the built-in content and layouts,
// today.
func tpCheck(t *testing.T, p *Preset, built []Composed, third string) []source.Diagnostic {
	t.Helper()
	return p.Check(Env{Content: tpBuiltinSet(t), Layouts: tpLayouts(t), Third: third, Now: time.Now()}, built)
}
