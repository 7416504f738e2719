package content

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"handbill/source"
	"handbill/third_party/display"

	"golang.org/x/text/language"
)

// Set is all the content handbill can print: the built-in languages,
// hotlines and regions, optionally overlaid by a user's content file. It
// is read-only once loaded: Resolve may be called from many goroutines
// (a built-in language's file is decoded the first time a document uses
// it, once per process, whichever goroutine asks first).
type Set struct {
	langs    []*langData // built-in (English first), then languages only the user file has
	byTag    map[string]*langData
	matcher  language.Matcher
	hotlines []Hotline // the directory, user entries replacing built-in ones of the same id
	byID     map[string]int
	local    []string // ids of lines the user file added, in its order
	regions  []regionSpec
	// the user file's overlays: LANG → messages; AUDIENCE → LANG → messages.
	userShared map[string]*messageSet
	userAud    map[string]map[string]*messageSet
	// userNames: LANG → hotline id → name; userProv: LANG → the review
	// the file states for its text in that language.
	userNames map[string]map[string]source.Text
	userProv  map[string]Provenance
	// userSources: LANG → context → hash of the English source reviewed.
	userSources map[string]map[string]string
	userFile    string
	// builtinIDs are the ids of the built-in directory.
	builtinIDs map[string]bool

	defLangs    []language.Tag
	defRegion   string
	defAudience string
	org         Org
}

// LanguageInfo describes one language a Set can print.
type LanguageInfo struct {
	Tag    language.Tag
	Name   string // in English, e.g. "Spanish"
	Native string // in its own script, e.g. "Español"
	// Status is "machine-draft", "community-reviewed", "professional",
	// or "user" for a language only the user's content file has; Date the
	// date of that status; Source who or what wrote the text.
	Status, Date, Source string
}

// RegionInfo describes one region: whose hotlines a document prints.
type RegionInfo struct {
	Code        string   // "US", "US-CA", "GB"
	Description string   // one line, for `handbill list regions`
	Hotlines    []string // hotline ids, most important first
	Emergency   string   // hotline id of the emergency number, or ""
	Missing     string   // hotline id of the missing-child line, or ""
}

// Load returns the built-in content overlaid by the user's content file
// userFile ("" for the built-ins alone). Anything the file leaves out comes
// from the built-ins. Every mistake in the file is a *source.Diagnostic at its
// file:line:col.
//
// The user's file is read and checked in full here, so any mistake in it
// fails Load whichever languages are built. The built-in languages' files
// are decoded when a document first uses them (by Resolve; Languages
// reads only their heads): they are compiled in and checked by the tests.
func Load(userFile string) (*Set, error) {
	b, err := loadBuiltins()
	if err != nil {
		return nil, brokenBuiltin(err)
	}
	return load(b, userFile)
}

// brokenBuiltin wraps a mistake in the embedded content.
func brokenBuiltin(err error) error { return fmt.Errorf("built-in content is broken: %w", err) }

// LoadData is Load with the user's content file already read: data is
// what file holds (or would hold: `translate import` checks the file it
// is about to write).
func LoadData(file string, data []byte) (*Set, error) {
	b, err := loadBuiltins()
	if err != nil {
		return nil, brokenBuiltin(err)
	}
	return loadData(b, file, data)
}

// load is Load over the built-ins b.
func load(b *builtinSet, userFile string) (*Set, error) { return loadData(b, userFile, nil) }

// loadData is load with the user's file read as data (nil: read it).
func loadData(b *builtinSet, userFile string, data []byte) (*Set, error) {
	s := &Set{
		byTag:       map[string]*langData{},
		byID:        map[string]int{},
		regions:     b.regions,
		userShared:  map[string]*messageSet{},
		userAud:     map[string]map[string]*messageSet{},
		userNames:   map[string]map[string]source.Text{},
		userProv:    map[string]Provenance{},
		userSources: map[string]map[string]string{},
		builtinIDs:  map[string]bool{},
		defRegion:   builtinDefaultRegion,
		defAudience: builtinDefaultAudience,
		userFile:    userFile,
	}
	for _, l := range b.langs {
		s.addLang(l)
	}
	for i := range b.hotlines {
		s.builtinIDs[b.hotlines[i].ID.S] = true
		s.byID[b.hotlines[i].ID.S] = len(s.hotlines)
		s.hotlines = append(s.hotlines, b.hotlines[i].hotline())
	}
	for _, t := range builtinDefaultLanguages {
		s.defLangs = append(s.defLangs, language.MustParse(t))
	}
	switch {
	case userFile != "" && data != nil:
		if err := placeBidi(s.overlayData(userFile, data), data); err != nil {
			return nil, err
		}
	case userFile != "":
		if err := s.overlay(userFile); err != nil {
			return nil, err
		}
	}
	tags := make([]language.Tag, len(s.langs))
	for i, l := range s.langs {
		tags[i] = l.tag
	}
	s.matcher = language.NewMatcher(tags)
	return s, nil
}

func (s *Set) addLang(l *langData) {
	s.langs = append(s.langs, l)
	s.byTag[l.tag.String()] = l
}

// overlay reads the user's content file into s.
func (s *Set) overlay(file string) error {
	data, err := source.ReadFile(file, source.MaxFileSize)
	if err != nil {
		return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: file}, Message: "cannot read the content file: " + unwrapPathErr(err),
			Hint: "check the path given to --content: a content file is YAML text of at most 4 MB"}
	}
	return placeBidi(s.overlayData(file, data), data)
}

// overlayData reads the user's content file, read as data, into s.
func (s *Set) overlayData(file string, data []byte) error {
	var f userFile
	if err := source.DecodeYAML(file, data, &f); err != nil {
		return err
	}
	// Languages first: messages may add one, and the others refer to them.
	for _, k := range byPos(f.Messages) {
		l, err := s.userLang(k, file)
		if err != nil {
			return err
		}
		s.userShared[l.tag.String()] = f.Messages[k]
	}
	for _, a := range byPos(f.Audiences) {
		if err := checkAudience(a); err != nil {
			return err
		}
		s.userAud[a.S] = map[string]*messageSet{}
		for _, k := range byPos(f.Audiences[a]) {
			l, err := s.userLang(k, file)
			if err != nil {
				return err
			}
			s.userAud[a.S][l.tag.String()] = f.Audiences[a][k]
		}
	}
	s.matcher = s.newMatcher()
	if f.Languages.set {
		s.defLangs = nil
		for _, t := range f.Languages.tags {
			tag, err := parseTag(t)
			if err != nil {
				return err
			}
			if _, ok := s.match(tag); !ok {
				e := s.noLanguage(tag, "add it with `messages: "+t.S+": {…}` in this file")
				e.Pos = t.Pos
				return e
			}
			if slices.Contains(s.defLangs, tag) {
				return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("language `%s` is listed twice", t.S)}
			}
			s.defLangs = append(s.defLangs, tag)
		}
	}
	if f.Region.S != "" {
		code, err := s.region(f.Region.S)
		if err != nil {
			return withPos(err, f.Region.Pos)
		}
		s.defRegion = code
	}
	if f.Audience.S != "" {
		if err := checkAudience(f.Audience); err != nil {
			return err
		}
		s.defAudience = f.Audience.S
	}
	if o := f.Organization; o != nil {
		for _, t := range []struct {
			t    source.Text
			name string
		}{{o.Name, "name"}, {o.Contact, "contact"}} {
			if err := checkOrgText(t.t, t.name); err != nil {
				return err
			}
		}
		s.org = Org{Name: o.Name, Contact: o.Contact, Color: o.Color}
		if o.Logo.S != "" {
			p, err := checkLogo(file, o.Logo)
			if err != nil {
				return err
			}
			s.org.Logo, s.org.LogoPos = p, o.Logo.Pos
		}
	}
	if err := s.userHotlines(f.Hotlines); err != nil {
		return err
	}
	if err := s.userHotlineNames(f.HotlineNames, file); err != nil {
		return err
	}
	return s.userProvenance(f.Provenance, f.HotlineNames)
}

// checkOrgText checks the organisation's name or contact line: printed as
// written, so no control or bidi characters, and of a printable length.
func checkOrgText(t source.Text, name string) error {
	if t.S == "" {
		return nil
	}
	if n := len([]rune(t.S)); n > maxOrgText {
		return &source.Diagnostic{Severity: source.Error, Pos: t.Pos, Message: fmt.Sprintf("`%s` is %d characters long; at most %d fit a footer", name, n, maxOrgText),
			Hint: "shorten it: a name, or one contact line"}
	}
	return checkPrintable(t, name)
}

// maxOrgText bounds the organisation's name and contact line.
const maxOrgText = 500

// userHotlineNames reads `hotline_names: LANG: ID: name`: the names of
// hotlines (built-in or the file's own) in a language.
func (s *Set) userHotlineNames(m map[source.Text]map[source.Text]source.Text, file string) error {
	for _, k := range byPos(m) {
		l, err := s.userLang(k, file)
		if err != nil {
			return err
		}
		names := map[string]source.Text{}
		for _, id := range byPos(m[k]) {
			if _, ok := s.byID[id.S]; !ok {
				return &source.Diagnostic{Severity: source.Error, Pos: id.Pos, Message: fmt.Sprintf("no hotline `%s` to name", id.S),
					Hint: source.KnownHint(id.S, s.hotlineIDs())}
			}
			n := m[k][id]
			if err := checkMessageText(n, "hotline_names."+id.S); err != nil {
				return err
			}
			names[id.S] = n
		}
		s.userNames[l.tag.String()] = names
	}
	s.matcher = s.newMatcher()
	return nil
}

// userProvenance reads `provenance: LANG: {status, reviewer, date}`: who
// reviewed the file's text in a language. It covers what the file says in
// that language (messages, audiences, hotline names), nothing else.
func (s *Set) userProvenance(m map[source.Text]*userProvenance, names map[source.Text]map[source.Text]source.Text) error {
	for _, k := range byPos(m) {
		tag, err := parseTag(k)
		if err != nil {
			return err
		}
		p := m[k]
		if p == nil {
			return &source.Diagnostic{Severity: source.Error, Pos: k.Pos, Message: fmt.Sprintf("`provenance` of %s is empty", k.S),
				Hint: "give status, reviewer and date, or remove it"}
		}
		key := tag.String()
		if !s.userGives(key) {
			return &source.Diagnostic{Severity: source.Error, Pos: k.Pos, Message: fmt.Sprintf("provenance for `%s`, but this file gives no text in %s", k.S, englishName(tag)),
				Hint: "provenance covers the text this file gives in that language: add the text under `messages: " + k.S + ":`, or remove the provenance"}
		}
		if _, dup := s.userProv[key]; dup {
			return &source.Diagnostic{Severity: source.Error, Pos: k.Pos, Message: fmt.Sprintf("provenance for %s is given twice", key), Hint: "keep one"}
		}
		if !slices.Contains(Statuses, p.Status.S) {
			hint := "status is one of: " + strings.Join(Statuses, ", ")
			if near := source.Suggest(p.Status.S, Statuses); near != "" {
				hint = "did you mean `" + near + "`? " + hint
			}
			return &source.Diagnostic{Severity: source.Error, Pos: p.Status.Pos, Message: fmt.Sprintf("unknown review status %q", p.Status.S), Hint: hint}
		}
		d, err := time.Parse(time.DateOnly, p.Date.S)
		if err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: p.Date.Pos, Message: fmt.Sprintf("`date` must be a date YYYY-MM-DD, got %q", p.Date.S),
				Hint: "the day the text was reviewed, e.g. 2026-10-01"}
		}
		if d.After(time.Now().Add(24 * time.Hour)) {
			return &source.Diagnostic{Severity: source.Error, Pos: p.Date.Pos, Message: fmt.Sprintf("`date` %s is in the future", p.Date.S),
				Hint: "the day the text was reviewed, not a planned one"}
		}
		if p.Status.S != "machine-draft" && strings.TrimSpace(p.Reviewer.S) == "" {
			return &source.Diagnostic{Severity: source.Error, Pos: p.pos, Message: fmt.Sprintf("status %s needs a `reviewer`", p.Status.S),
				Hint: "say who reviewed the text (a name, or a role and organisation), e.g. `reviewer: Lan Nguyen, community health worker`"}
		}
		if err := checkPrintable(p.Reviewer, "reviewer"); err != nil {
			return err
		}
		s.userProv[key] = Provenance{Lang: tag, Status: p.Status.S, Reviewer: strings.TrimSpace(p.Reviewer.S), Date: p.Date.S, User: true}
		if len(p.Sources) > 0 {
			src := map[string]string{}
			for c, h := range p.Sources {
				src[c.S] = h.S
			}
			s.userSources[key] = src
		}
	}
	return nil
}

// userGives tells whether the user's file gives text (messages, an
// audience's or hotline names) in the language tag.
func (s *Set) userGives(tag string) bool {
	if s.userShared[tag] != nil || s.userNames[tag] != nil {
		return true
	}
	for _, m := range s.userAud {
		if m[tag] != nil {
			return true
		}
	}
	return false
}

// isLocal tells whether id is a line the user's file adds (not a
// built-in one).
func (s *Set) isLocal(id string) bool { return !s.builtinIDs[id] }

// firstLang is the first default language: the language a user's own
// hotline's name is taken to be written in.
func (s *Set) firstLang() language.Tag {
	if len(s.defLangs) > 0 {
		return s.defLangs[0]
	}
	return language.English
}

// placeBidi moves a bidi-control error to the character itself: the
// checks see a decoded value, whose position is where the value starts;
// data is the file, in which the character is written as itself or as an
// escape (\u202E).
func placeBidi(err error, data []byte) error {
	d, ok := err.(*source.Diagnostic)
	if !ok || d.Rule != RuleBidi || d.Pos.Line == 0 {
		return err
	}
	lines := strings.SplitAfter(string(data), "\n")
	for ln := d.Pos.Line - 1; ln < len(lines); ln++ {
		r := []rune(lines[ln])
		col := 0
		if ln == d.Pos.Line-1 {
			col = d.Pos.Col - 1
		}
		for ; col < len(r); col++ {
			if IsBidiControl(r[col]) || escapedBidi(r[col:]) {
				out := *d
				out.Pos.Line, out.Pos.Col = ln+1, col+1
				return &out
			}
		}
	}
	return err
}

// escapedBidi tells whether r starts with an escape (\uXXXX or
// \UXXXXXXXX) of a bidi control.
func escapedBidi(r []rune) bool {
	if len(r) < 6 || r[0] != '\\' {
		return false
	}
	n := 0
	switch r[1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return false
	}
	if len(r) < 2+n {
		return false
	}
	v, err := strconv.ParseUint(string(r[2:2+n]), 16, 32)
	return err == nil && IsBidiControl(rune(v))
}

// userLang returns the language a user file's messages are for, adding it
// when no built-in file has it.
func (s *Set) userLang(k source.Text, file string) (*langData, error) {
	tag, err := parseTag(k)
	if err != nil {
		return nil, err
	}
	if l := s.byTag[tag.String()]; l != nil {
		return l, nil
	}
	info := langInfo{name: display.English.Tags().Name(tag), native: display.Self.Name(tag),
		source: "the content file " + file, status: StatusUser}
	if info.name == "" {
		info.name = tag.String()
	}
	if info.native == "" {
		info.native = info.name
	}
	l := newUserLang(tag, info)
	s.addLang(l)
	return l, nil
}

// userHotlines adds the user file's lines. An entry with only an id
// prints that built-in line. An entry with a new id is a local line. One
// with a built-in id replaces that entry, but a different number (to call
// or to text) is refused unless the entry says `override: true`. Every
// line listed is printed, after the region's own lines.
func (s *Set) userHotlines(specs []hotlineSpec) error {
	seen := map[string]bool{}
	for i := range specs {
		h := &specs[i]
		if seen[h.ID.S] {
			return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("hotline id `%s` appears twice", h.ID.S)}
		}
		seen[h.ID.S] = true
		idx, builtin := s.byID[h.ID.S]
		if h.onlyID() {
			if !builtin {
				return &source.Diagnostic{Severity: source.Error, Pos: h.ID.Pos, Message: fmt.Sprintf("no built-in hotline `%s`", h.ID.S),
					Hint: source.KnownHint(h.ID.S, s.hotlineIDs()) + "; for a line of your own, give name, country and digits too"}
			}
			s.local = append(s.local, h.ID.S)
			continue
		}
		if err := h.validate(false); err != nil {
			return err
		}
		s.local = append(s.local, h.ID.S)
		if !builtin {
			s.byID[h.ID.S] = len(s.hotlines)
			s.hotlines = append(s.hotlines, h.hotline())
			continue
		}
		old := s.hotlines[idx]
		if (old.Digits != h.Digits.S || old.SMS != h.SMS.S) && !h.Override {
			at := h.Digits
			if old.Digits == h.Digits.S {
				at = h.SMS
			}
			if at.Pos.Line == 0 {
				at = h.ID
			}
			return &source.Diagnostic{Severity: source.Error, Pos: at.Pos, Message: fmt.Sprintf("hotline `%s` is built in as %s; refusing to change it to %s",
				h.ID.S, numbers(old.Display, old.SMS), numbers(h.Display.S, h.SMS.S)),
				Hint: "a changed number must be on purpose: add `override: true` to this entry, or give your line its own id"}
		}
		nh := h.hotline()
		// A replacement that leaves a channel's languages out keeps the
		// built-in entry's limits for the same channel: restating a line
		// to change its hours must not make its English-and-Spanish text
		// line look as if it served every language.
		if h.CallLanguages == nil && nh.Digits == old.Digits {
			nh.CallLanguages = old.CallLanguages
		}
		if h.SMSLanguages == nil && nh.SMS == old.SMS {
			nh.SMSLanguages = old.SMSLanguages
		}
		if h.WebLanguages == nil && nh.Web == old.Web {
			nh.WebLanguages = old.WebLanguages
		}
		s.hotlines[idx] = nh
	}
	return nil
}

func (s *Set) hotlineIDs() []string {
	ids := make([]string, len(s.hotlines))
	for i, h := range s.hotlines {
		ids[i] = h.ID
	}
	return ids
}

func numbers(display, sms string) string {
	var parts []string
	if display != "" {
		parts = append(parts, display)
	}
	if sms != "" {
		parts = append(parts, "text "+sms)
	}
	if len(parts) == 0 {
		return "no number"
	}
	return strings.Join(parts, ", ")
}

// maxLogoBytes bounds a logo file: 20 MB is more than any print logo needs.
const maxLogoBytes = 20 << 20

// checkLogo resolves a logo path relative to the content file and checks
// that it is a PNG or JPEG file.
func checkLogo(contentFile string, logo source.Text) (string, error) {
	p := logo.S
	dir := filepath.Dir(contentFile)
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	// A content file names files in its own project folder: a logo path
	// may not climb out of it (a shared or downloaded file must not read
	// what it likes). A file elsewhere is given on the command line.
	real, realDir := p, dir
	if r, err := filepath.EvalSymlinks(p); err == nil {
		real = r // a link must not lead out of the folder either
	}
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		realDir = r
	}
	if rel, err := filepath.Rel(realDir, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", &source.Diagnostic{Severity: source.Error, Pos: logo.Pos, Message: fmt.Sprintf("the logo %s is outside the content file's folder", logo.S),
			Hint: "copy the logo into the folder of the content file (or below it) and name it from there"}
	}
	if st, err := os.Stat(p); err == nil && (st.IsDir() || st.Size() > maxLogoBytes) {
		return "", &source.Diagnostic{Severity: source.Error, Pos: logo.Pos, Message: fmt.Sprintf("the logo %s is a folder or larger than %d MB", logo.S, maxLogoBytes>>20),
			Hint: "name a PNG or JPEG file; export large logos at a smaller size"}
	}
	// Only the first bytes are read here: the image itself is checked
	// (size, pixels, whether it decodes) where it is placed.
	data := make([]byte, 8)
	f, err := source.OpenRegular(p)
	if err == nil {
		var n int
		n, err = io.ReadFull(f, data)
		data = data[:n]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			err = nil
		}
		f.Close()
	}
	if err != nil {
		return "", &source.Diagnostic{Severity: source.Error, Pos: logo.Pos, Message: "cannot read the logo: " + unwrapPathErr(err),
			Hint: "the path is relative to the content file: " + p}
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && !bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}) {
		return "", &source.Diagnostic{Severity: source.Error, Pos: logo.Pos, Message: fmt.Sprintf("the logo %s is not a PNG or JPEG file", logo.S),
			Hint: "save the logo as PNG or JPEG"}
	}
	return p, nil
}

func unwrapPathErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// withPos places an error that has no position at p.
func withPos(err error, p source.Pos) error {
	if e, ok := err.(*source.Diagnostic); ok && e.Pos.File == "" {
		out := *e
		out.Pos = p
		return &out
	}
	return err
}

func (s *Set) newMatcher() language.Matcher {
	tags := make([]language.Tag, len(s.langs))
	for i, l := range s.langs {
		tags[i] = l.tag
	}
	return language.NewMatcher(tags)
}

// Languages lists the languages s can print: the built-in ones (English
// first, then by tag) and any only the user's content file has.
func (s *Set) Languages() []LanguageInfo {
	out := make([]LanguageInfo, len(s.langs))
	for i, l := range s.langs {
		info := l.infoOrTag()
		out[i] = LanguageInfo{Tag: l.tag, Name: info.name, Native: info.native, Status: info.status, Date: info.date, Source: info.source}
	}
	return out
}

// Regions lists the regions s knows, in the directory's order.
func (s *Set) Regions() []RegionInfo {
	out := make([]RegionInfo, len(s.regions))
	for i, r := range s.regions {
		ri := RegionInfo{Code: r.Code.S, Description: r.Description.S, Emergency: r.Emergency.S, Missing: r.Missing.S}
		for _, h := range r.Hotlines {
			ri.Hotlines = append(ri.Hotlines, h.S)
		}
		out[i] = ri
	}
	return out
}

// Hotlines returns the whole hotline directory: the built-in entries (as
// replaced by the user's file) and then the user's local lines.
func (s *Set) Hotlines() []Hotline { return slices.Clone(s.hotlines) }

// DefaultLanguages are the languages to build when none is asked for:
// the user file's `languages:`, else English and Spanish.
func (s *Set) DefaultLanguages() []language.Tag { return slices.Clone(s.defLangs) }

// DefaultRegion is the region when none is asked for: the user file's
// `region:`, else US.
func (s *Set) DefaultRegion() string { return s.defRegion }

// DefaultAudience is the audience when none is asked for: the user file's
// `audience:`, else community.
func (s *Set) DefaultAudience() string { return s.defAudience }

// Org is the organisation from the user's file (zero if none).
func (s *Set) Org() Org { return s.org }
