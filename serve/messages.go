package serve

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/source"
	"handbill/translate"
)

// The message editor: every message of a language next to its English,
// the units `handbill translate export` writes to a PO file. Saving
// makes such a PO file of what was changed and imports it with
// translate.Import, so the app's edits are checked and recorded exactly
// as a reviewer's PO file is (placeholders, numbers, bidi controls; the
// reviewer, the date and the English each text was reviewed against).

type unitView struct {
	Context, Key, English, Current, Status string
	What                                   string // what the message is, for the translator
	Rows                                   int
	Editable                               bool
	Error                                  *finding
}

type messagesData struct {
	CSRF                 string
	Lang, Native, Dir    string
	Langs                []langView
	Units                []unitView
	Reviewer             string
	Saved                string
	Error, ReviewerError *finding
	Audience             string // whose wording is edited
	Status               string
}

func (s *Server) messagesPage(w http.ResponseWriter, r *http.Request, ss *session) {
	s.renderMessages(w, ss, r.URL.Query().Get("lang"), nil, nil, "", http.StatusOK)
}

func (s *Server) renderMessages(w http.ResponseWriter, ss *session, lang string, edits map[string]string, errs map[string]*finding, saved string, status int) {
	set, err := content.LoadData(ss.contentPath(), ss.data)
	if err != nil {
		s.fail(w, err)
		return
	}
	d := &messagesData{CSRF: ss.csrf, Saved: saved}
	var tag language.Tag
	for _, l := range set.Languages() {
		lv := langView{Tag: l.Tag.String(), Native: l.Native, English: l.Name}
		if lv.Native == "" {
			lv.Native = lv.Tag
		}
		d.Langs = append(d.Langs, lv)
		if lv.Tag == lang {
			tag, d.Native = l.Tag, lv.Native
		}
	}
	if lang == "" || tag == language.Und {
		tag, lang = language.English, "en"
		if v := viewOf(ss.data); len(v.Langs) > 0 {
			if t, err := language.Parse(v.Langs[len(v.Langs)-1]); err == nil {
				tag, lang = t, t.String()
			}
		}
		for _, l := range d.Langs {
			if l.Tag == lang {
				d.Native = l.Native
			}
		}
	}
	d.Lang, d.Dir = lang, "ltr"
	if isRTL(lang) {
		d.Dir = "rtl"
	}
	d.Audience = viewOf(ss.data).Audience
	units, err := translate.Units(set, tag, d.Audience)
	if err != nil {
		s.fail(w, err)
		return
	}
	if p, ok := set.UserProvenance(tag); ok {
		d.Reviewer = p.Reviewer
		d.Status = statusWords(p.Status)
	}
	for _, u := range units {
		uv := unitView{Context: u.Context, Key: u.Key, English: u.English, Current: u.Current, What: content.KeyDescription(u.Key),
			Rows:     min(8, 2+len([]rune(u.English))/45),
			Editable: tag != language.English || (!u.CallOnly && u.Key != content.NamesKey)}
		switch {
		case u.Missing:
			uv.Status = "not translated: English is printed"
		case u.Stale:
			uv.Status = "the English changed since it was checked"
		case u.Reviewed():
			uv.Status = "checked"
		case u.Draft():
			uv.Status = "written by a machine, not checked"
		default:
			uv.Status = "your text"
		}
		if tag == language.English {
			uv.Current = u.English
		}
		if v, ok := edits[u.Context]; ok {
			uv.Current = v
		}
		uv.Error = errs[u.Context]
		d.Units = append(d.Units, uv)
	}
	if errs != nil {
		d.Error, d.ReviewerError = errs[""], errs["reviewer"]
	}
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, "messages.html", d); err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// saveMessages imports the messages changed on the page (and, with
// review=all, approves every message of the language) as the reviewer
// named; English is edited in the content file directly.
func (s *Server) saveMessages(w http.ResponseWriter, r *http.Request, ss *session) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "handbill: cannot read the form: "+err.Error(), http.StatusBadRequest)
		return
	}
	lang := r.PostFormValue("lang")
	tag, err := language.Parse(lang)
	if err != nil {
		http.Error(w, "handbill: no language "+lang, http.StatusBadRequest)
		return
	}
	set, err := content.LoadData(ss.contentPath(), ss.data)
	if err != nil {
		s.fail(w, err)
		return
	}
	audience := viewOf(ss.data).Audience
	units, err := translate.Units(set, tag, audience)
	if err != nil {
		s.fail(w, err)
		return
	}
	edits := map[string]string{}
	for _, u := range units {
		if v, ok := r.PostForm["m:"+u.Context]; ok {
			edits[u.Context] = strings.TrimSpace(strings.ReplaceAll(v[0], "\r\n", "\n"))
		}
	}
	all := r.PostFormValue("review") == "all"
	reviewer := strings.TrimSpace(r.PostFormValue("reviewer"))
	fail := func(errs map[string]*finding) {
		s.renderMessages(w, ss, tag.String(), edits, errs, "", http.StatusUnprocessableEntity)
	}
	var data []byte
	var partial []string
	if tag == language.English {
		data, err = editEnglish(ss.data, audience, units, edits)
	} else {
		if reviewer == "" {
			fail(map[string]*finding{"reviewer": {Field: "reviewer", Severity: "error", Plain: "Say who checked these messages.",
				Message: "--reviewer: no reviewer given", Hint: "give your name (and role), e.g. \"Lan Nguyen, community health worker\""}})
			return
		}
		data, partial, err = s.importEdits(ss, set, tag, audience, units, edits, all, reviewer)
	}
	if err == nil {
		_, err = ss.save(data)
	}
	if err != nil {
		d := source.From(err)
		if d == nil {
			s.fail(w, err)
			return
		}
		f := ss.findingOf(*d, lines(data))
		errs := map[string]*finding{"": &f}
		if d.Pos.File == "messages.po" {
			if ctx := contextAt(d.Pos.Line, ss.lastPO); ctx != "" {
				errs[ctx] = &f
			}
		}
		fail(errs)
		return
	}
	msg := "Saved."
	if all {
		msg = "Saved: every message is marked checked by " + reviewer + "."
	}
	if len(partial) > 0 {
		msg += " Not saved: the lists " + strings.Join(partial, ", ") + ", which are checked whole and have items not yet translated or checked."
	}
	s.renderMessages(w, ss, tag.String(), nil, nil, msg, http.StatusOK)
}

// importEdits makes a PO file of the edits (every message, with all) and
// imports it into the project's content file.
func (s *Server) importEdits(ss *session, set *content.Set, tag language.Tag, audience string, units []*translate.Unit, edits map[string]string, all bool, reviewer string) ([]byte, []string, error) {
	f, err := translate.Export(set, translate.ExportOptions{Lang: tag, Audience: audience, Date: time.Now().UTC().Format("2006-01-02 15:04+0000")})
	if err != nil {
		return nil, nil, err
	}
	cur := map[string]string{}
	for _, u := range units {
		cur[u.Context] = u.Current
	}
	for _, e := range f.Entries {
		v, edited := edits[e.Context]
		changed := edited && v != cur[e.Context]
		if edited {
			e.Str = v
		}
		e.Flags = slices.DeleteFunc(e.Flags, func(f string) bool { return f == "fuzzy" })
		if !changed && !all {
			e.Flags = append(e.Flags, "fuzzy") // left as it is
		}
	}
	ss.lastPO = f.Bytes()
	res, err := translate.Import(translate.ImportOptions{PO: "messages.po", Data: ss.lastPO, Into: ss.contentPath(), Existing: ss.data,
		Lang: tag, Reviewer: reviewer, Date: time.Now().Format("2006-01-02"), Status: "community-reviewed"})
	if err != nil {
		return nil, nil, err
	}
	return res.Data, res.Partial, nil
}

// contextAt is the msgctxt of the PO entry at line (its msgstr or msgid).
func contextAt(line int, po []byte) string {
	f, err := translate.Parse("messages.po", po)
	if err != nil {
		return ""
	}
	for _, e := range f.Entries {
		if e.Line == line || e.StrLine == line {
			return e.Context
		}
	}
	return ""
}

// editEnglish writes edited English messages into the content file: a
// text under messages.en (audiences.AUDIENCE.en for an audience other
// than the community's), a list item as its whole list.
func editEnglish(data []byte, audience string, units []*translate.Unit, edits map[string]string) ([]byte, error) {
	doc, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	path := []string{"messages", "en"}
	if audience != "" && audience != "community" {
		path = []string{"audiences", audience, "en"}
	}
	en := mapAt(doc.Content[0], path...)
	lists := map[string]bool{}
	for _, u := range units {
		v, ok := edits[u.Context]
		if !ok || v == u.English || u.CallOnly || u.Key == content.NamesKey {
			continue
		}
		if u.Index >= 0 {
			lists[u.Key] = true
			continue
		}
		set(en, u.Key, str(v))
	}
	for key := range lists {
		seq := &yamlSeq{}
		for _, u := range units {
			if u.Key == key && !u.CallOnly && u.Index >= 0 {
				v, ok := edits[u.Context]
				if !ok {
					v = u.English
				}
				seq.add(v)
			}
		}
		del(en, key+content.AppendSuffix)
		set(en, key, seq.node())
	}
	if len(path) == 3 {
		delEmpty(child(child(doc.Content[0], "audiences"), audience), "en")
		delEmpty(child(doc.Content[0], "audiences"), audience)
		delEmpty(doc.Content[0], "audiences")
	}
	delEmpty(child(doc.Content[0], "messages"), "en")
	delEmpty(doc.Content[0], "messages")
	return encodeTree(doc)
}
