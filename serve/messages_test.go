package serve

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/translate"
)

func (a *app) saveMessages(v url.Values) (*http.Response, string) {
	a.t.Helper()
	res, b := a.post("/api/messages", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
	return res, string(b)
}

// TestMessagesEditAndReview: a message changed next to its English is
// imported as translate import imports a PO file (the reviewer and date
// recorded); a whole language can be marked reviewed; a changed number or
// a lost placeholder is refused at the message, with import's words.
func TestMessagesEditAndReview(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	f := baseForm()
	f.Add("languages", "vi")
	a.form(f)
	res, body := a.get("/messages?lang=vi")
	if res.StatusCode != 200 || !strings.Contains(body, `lang="vi"`) || !strings.Contains(body, "Tiếng Việt") || !strings.Contains(body, `name="m:headline"`) {
		t.Fatalf("%s\n%s", res.Status, body)
	}
	res, body = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"vi"}, "m:headline": {"Hãy nhận biết các dấu hiệu"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "no reviewer given") {
		t.Errorf("without a reviewer: %s", res.Status)
	}
	res, body = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"vi"}, "reviewer": {"Lan Nguyen, health worker"}, "m:headline": {"Hãy nhận biết các dấu hiệu"}})
	if res.StatusCode != 200 || !strings.Contains(body, "Saved.") {
		t.Fatalf("%s\n%s", res.Status, body)
	}
	set, err := content.LoadData(a.sess().contentPath(), a.sess().data)
	if err != nil {
		t.Fatal(err)
	}
	units, _ := translate.Units(set, language.Vietnamese, "community")
	for _, u := range units {
		if u.Context == "headline" && (u.Current != "Hãy nhận biết các dấu hiệu" || !u.Reviewed() || u.Entry.Prov.Reviewer != "Lan Nguyen, health worker") {
			t.Errorf("headline: %+v", u)
		}
		if u.Context == "intro" && u.Reviewed() {
			t.Error("a message not changed was marked reviewed")
		}
	}
	// A placeholder lost: refused at the message.
	var withPH *translate.Unit
	for _, u := range units {
		if strings.Contains(u.English, "{") && u.Index < 0 && !u.CallOnly {
			withPH = u
			break
		}
	}
	if withPH == nil {
		t.Fatal("no message with a placeholder")
	}
	before := string(a.sess().data)
	res, body = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"vi"}, "reviewer": {"Lan"}, "m:" + withPH.Context: {"không có số"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="err-`+withPH.Context+`"`) || !strings.Contains(body, "placeholder") {
		t.Errorf("placeholder lost: %s\n%s", res.Status, body)
	}
	if string(a.sess().data) != before {
		t.Error("a refused edit was saved")
	}
	// The whole language, reviewed.
	res, _ = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"vi"}, "reviewer": {"Lan Nguyen, health worker"}, "review": {"all"}})
	if res.StatusCode != 200 {
		t.Fatal(res.Status)
	}
	set, _ = content.LoadData(a.sess().contentPath(), a.sess().data)
	rows, _ := translate.Status(set, []language.Tag{language.Vietnamese}, "community")
	if rows[0].Draft != 0 || rows[0].Reviewed == 0 || rows[0].Reviewer != "Lan Nguyen, health worker" {
		t.Errorf("after marking reviewed: %+v", rows[0])
	}
	// English is edited in the content file itself.
	res, _ = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"en"}, "m:headline": {"Know the signs today"}})
	if res.StatusCode != 200 || !strings.Contains(string(a.sess().data), "headline: Know the signs today") {
		t.Errorf("English edit: %s\n%s", res.Status, a.sess().data)
	}
}

// TestMessagesForTheAudience: the editor shows and saves the wording of
// the project's audience, as translate export --audience does.
func TestMessagesForTheAudience(t *testing.T) {
	a := newApp(t, nil)
	a.open()
	f := baseForm()
	f.Set("audience", "youth")
	f.Add("languages", "es")
	a.form(f)
	res, body := a.get("/messages?lang=es")
	if res.StatusCode != 200 || !strings.Contains(body, `name="m:youth/headline"`) {
		t.Fatalf("%s: no youth/headline", res.Status)
	}
	res, body = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"es"}, "reviewer": {"Ana"}, "m:youth/headline": {"¿Alguien te obliga a algo?"}})
	if res.StatusCode != 200 {
		t.Fatalf("%s\n%s", res.Status, body)
	}
	if !strings.Contains(string(a.sess().data), "audiences:\n  youth:\n    es:\n      headline: ¿Alguien te obliga a algo?") {
		t.Errorf("content:\n%s", a.sess().data)
	}
	res, _ = a.saveMessages(url.Values{"csrf": {a.csrf}, "lang": {"en"}, "m:youth/headline": {"Is someone making you do things?"}})
	if res.StatusCode != 200 || !strings.Contains(string(a.sess().data), "    en:\n      headline: Is someone making you do things?") {
		t.Errorf("English for youth: %s\n%s", res.Status, a.sess().data)
	}
}
