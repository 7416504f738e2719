package serve

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"handbill/layouts"
	"handbill/source"
)

// maxLocalLines is how many of their own lines the form offers.
const maxLocalLines = 2

// The form's fields are named by the content file's paths
// ("organization.name", "hotlines.0.digits", "messages.vi.headline"), so
// a finding at a line of the file is shown next to the field that wrote
// it. "layouts" (the products to preview and build) is the app's own.

// applyForm writes the form's values into the content file data.
func applyForm(data []byte, f url.Values) ([]byte, error) {
	doc, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	root := doc.Content[0]
	langs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range f["languages"] {
		if l = strings.TrimSpace(l); l != "" && !slices.ContainsFunc(langs.Content, func(n *yaml.Node) bool { return n.Value == l }) {
			langs.Content = append(langs.Content, str(l))
		}
	}
	if len(langs.Content) == 0 {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: "languages"},
			Message: "no language chosen", Hint: "tick at least one language"}
	}
	set(root, "languages", langs)
	setOrDel(root, "region", f.Get("region"))
	setOrDel(root, "audience", f.Get("audience"))
	org := mapAt(root, "organization")
	setOrDel(org, "name", f.Get("organization.name"))
	setOrDel(org, "contact", f.Get("organization.contact"))
	setOrDel(org, "color", strings.ToLower(strings.TrimSpace(f.Get("organization.color"))))
	delEmpty(root, "organization")

	country := strings.SplitN(strings.TrimSpace(f.Get("region")), "-", 2)[0]
	var local []*yaml.Node
	for i := range maxLocalLines {
		p := fmt.Sprintf("hotlines.%d.", i)
		name, digits := strings.TrimSpace(f.Get(p+"name")), strings.TrimSpace(f.Get(p+"digits"))
		display, hours := strings.TrimSpace(f.Get(p+"display")), strings.TrimSpace(f.Get(p+"hours"))
		if name == "" && digits == "" && display == "" && hours == "" {
			continue
		}
		if display == "" {
			display = digits
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		set(m, "id", str(fmt.Sprintf("local-line-%d", i+1)))
		setOrDel(m, "name", name)
		setOrDel(m, "country", country)
		set(m, "digits", str(onlyDigits(digits)))
		setOrDel(m, "display", display)
		setOrDel(m, "hours", hours)
		local = append(local, m)
	}
	if len(local) > 0 {
		set(root, "hotlines", &yaml.Node{Kind: yaml.SequenceNode, Content: local})
	} else {
		del(root, "hotlines")
	}
	// Headlines, per language: blank is handbill's own.
	for k, v := range f {
		lang, ok := strings.CutPrefix(k, "messages.")
		if !ok {
			continue
		}
		lang, ok = strings.CutSuffix(lang, ".headline")
		if !ok || strings.Contains(lang, ".") || len(v) == 0 {
			continue
		}
		msgs := child(child(root, "messages"), lang)
		if strings.TrimSpace(v[0]) == "" {
			del(msgs, "headline")
			delEmpty(child(root, "messages"), lang)
			delEmpty(root, "messages")
			continue
		}
		set(mapAt(root, "messages", lang), "headline", str(strings.TrimSpace(v[0])))
	}
	return encodeTree(doc)
}

// onlyDigits keeps the digits of a number as the user typed it
// ("(951) 555-0142" → "9515550142"): content checks them against display.
func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// chosenLayouts reads the products ticked, keeping only built-in layout
// names; none ticked is a mistake at the field.
func chosenLayouts(f url.Values) ([]string, error) {
	builtin, err := builtinLayouts()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range f["layouts"] {
		if _, ok := builtin[n]; ok && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil, &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: "layouts"},
			Message: "no product chosen", Hint: "tick at least one product to preview and download"}
	}
	return out, nil
}

// builtinLayouts are the built-in layouts, read once: the form checks
// the products' names against them on every change.
var builtinLayouts = sync.OnceValues(layouts.Builtin)

// formView is what the page's form shows of a project.
type formView struct {
	OrgName, OrgContact, OrgColor, Logo string
	Region, Audience                    string
	Langs                               []string
	Lines                               []lineView
	Headlines                           map[string]string
}

type lineView struct{ Name, Digits, Display, Hours string }

// viewOf reads the form's values back from a content file.
func viewOf(data []byte) formView {
	v := formView{Headlines: map[string]string{}}
	doc, err := parseTree(data)
	if err != nil {
		return v
	}
	root := doc.Content[0]
	v.OrgName, v.OrgContact = textAt(root, "organization", "name"), textAt(root, "organization", "contact")
	v.OrgColor, v.Logo = textAt(root, "organization", "color"), textAt(root, "organization", "logo")
	v.Region, v.Audience = textAt(root, "region"), textAt(root, "audience")
	if v.Region == "" {
		v.Region = "US"
	}
	if v.Audience == "" {
		v.Audience = "community"
	}
	if l := child(root, "languages"); l != nil {
		for _, n := range l.Content {
			v.Langs = append(v.Langs, n.Value)
		}
	}
	if len(v.Langs) == 0 {
		v.Langs = []string{"en"}
	}
	if hs := child(root, "hotlines"); hs != nil {
		for _, h := range hs.Content {
			if !strings.HasPrefix(textAt(h, "id"), "local-line-") {
				continue
			}
			v.Lines = append(v.Lines, lineView{textAt(h, "name"), textAt(h, "digits"), textAt(h, "display"), textAt(h, "hours")})
		}
	}
	for len(v.Lines) < maxLocalLines {
		v.Lines = append(v.Lines, lineView{})
	}
	if ms := child(root, "messages"); ms != nil {
		for i := 0; i+1 < len(ms.Content); i += 2 {
			if h := textAt(ms.Content[i+1], "headline"); h != "" {
				v.Headlines[ms.Content[i].Value] = h
			}
		}
	}
	return v
}

// audiences are the audiences the form offers, with their names.
var audienceNames = map[string]string{
	"community": "Everyone (community)", "parents": "Parents and carers", "educators": "School staff",
	"clinicians": "Clinic and hospital staff", "youth": "Young people",
}
