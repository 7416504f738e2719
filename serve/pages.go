package serve

import (
	"bytes"
	"html/template"
	"net/http"
	"slices"
	"sync"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/layouts"
)

// pages is the app's page templates, parsed on first use rather than at
// package initialisation, which every handbill command pays for
// (`handbill --help` included).
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"rtl": func(tag string) string {
			if isRTL(tag) {
				return "rtl"
			}
			return "ltr"
		},
		"has": func(list []string, s string) bool { return slices.Contains(list, s) },
		"inc": func(i int) int { return i + 1 },
	}).ParseFS(assets, "assets/*.html"))
})

// langView is a language as the page offers it: by its own name, with
// its review status in plain words.
type langView struct {
	Tag, Native, English, Status string
	Reviewed                     bool
	Builtin                      string // handbill's own headline in the language
	Headline                     string // the project's, if it gives one
	Dir                          string
}

type productView struct {
	Name, Title, Description string
	Checked                  bool
}

type indexData struct {
	CSRF      string
	Form      formView
	Langs     []langView
	Regions   []content.RegionInfo
	Audiences []option
	Products  []productView
}

type option struct{ Value, Label string }

// statusWords says a review status in plain words.
func statusWords(status string) string {
	switch status {
	case "machine-draft":
		return "written by a machine, not yet checked by a person"
	case "community-reviewed":
		return "checked by a community reviewer"
	case "professional":
		return "checked by a professional translator"
	case "user":
		return "your own text"
	}
	return status
}

// builtinHeadlines are handbill's own headlines per language, read once.
var builtinHeadlines = sync.OnceValues(func() (map[string]string, error) {
	set, err := content.Load("")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range set.Languages() {
		d, err := set.Resolve(l.Tag, "community", "US")
		if err != nil {
			continue
		}
		out[l.Tag.String()] = d.Messages.Texts["headline"].S
	}
	return out, nil
})

// productTitles name the products in plain words.
var productTitles = map[string]string{
	"poster": "Poster", "poster-multilang": "Poster in two or three languages", "flyer": "Flyer with tear-off tabs",
	"handout": "Handout", "notice": "Posting-law notice", "notice-bold": "Posting-law notice, bold",
	"notice-large": "Posting-law notice, large type", "sticker": "Restroom sticker", "wallet-card": "Wallet card",
	"wallet-card-discreet": "Discreet wallet card",
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET")
		http.Error(w, "handbill: use GET", http.StatusMethodNotAllowed)
		return
	}
	ss := s.current(r)
	if ss == nil {
		if !s.tokenOK(r) {
			http.Error(w, "handbill: this app needs the address with its token, as handbill serve printed it", http.StatusForbidden)
			return
		}
		var err error
		if ss, err = s.newSession(w); err != nil {
			http.Error(w, "handbill: cannot start a session: "+err.Error(), http.StatusInternalServerError)
			return
		}
	}
	ss.mu.Lock()
	data, err := s.indexData(ss)
	ss.mu.Unlock()
	if err != nil {
		s.fail(w, err)
		return
	}
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, "index.html", data); err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

func (s *Server) indexData(ss *session) (*indexData, error) {
	set, err := content.LoadData(ss.contentPath(), ss.data)
	if err != nil {
		return nil, err
	}
	heads, err := builtinHeadlines()
	if err != nil {
		return nil, err
	}
	d := &indexData{CSRF: ss.csrf, Form: viewOf(ss.data), Regions: set.Regions()}
	for _, a := range content.Audiences {
		d.Audiences = append(d.Audiences, option{a, audienceNames[a]})
	}
	for _, l := range set.Languages() {
		tag := l.Tag.String()
		lv := langView{Tag: tag, Native: l.Native, English: l.Name, Status: statusWords(l.Status), Builtin: heads[tag],
			Headline: d.Form.Headlines[tag], Dir: "ltr"}
		if l.Native == "" {
			lv.Native = tag
		}
		if p, ok := set.UserProvenance(l.Tag); ok && p.Status != "" && p.Status != "machine-draft" {
			lv.Status, lv.Reviewed = statusWords(p.Status)+" ("+p.Reviewer+", "+p.Date+")", true
		}
		if isRTL(tag) {
			lv.Dir = "rtl"
		}
		d.Langs = append(d.Langs, lv)
	}
	builtin, err := layouts.Builtin()
	if err != nil {
		return nil, err
	}
	for _, l := range layouts.Sorted(builtin) {
		title := productTitles[l.Name]
		if title == "" {
			title = l.Name
		}
		d.Products = append(d.Products, productView{Name: l.Name, Title: title, Description: l.Description, Checked: slices.Contains(ss.layouts, l.Name)})
	}
	return d, nil
}

// fail answers a fault on the server's side.
func (s *Server) fail(w http.ResponseWriter, err error) {
	if s.opts.Logf != nil {
		s.opts.Logf("handbill serve: %v", err)
	}
	http.Error(w, "handbill: "+err.Error(), http.StatusInternalServerError)
}

var _ = language.English
