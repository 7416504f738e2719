package layouts_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbill/layouts"
	"handbill/source"
)

// twoSizes is a layout with two sizes and a theme, whose one block is
// {block}; {style} is added to the styles and {size} to the second size.
const twoSizes = `name: mine
description: test
product: poster
sizes:
  - {suffix: letter, size: letter}
  - {suffix: small, size: [2in, 2in]{size}}
theme:
  ink: "#1a1a1a"
  accent: "#6a1b4d"
styles:
  body: {size: [12, 16], color: ink}
  title: {size: [16, 20], bold: true, color: accent}{style}
pages:
  - blocks:
      - {block}
`

// TestLoadTimeErrors: everything in a layout that does not depend on a
// document's content is found by Parse, whatever would be composed: at
// the file:line:col of the value at fault, with a hint, and with no output
// or language (it is not about one).
func TestLoadTimeErrors(t *testing.T) {
	for _, c := range []struct{ block, style, size, want string }{
		{block: `{type: paragraph, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:16: unknown block type "paragraph"`},
		{block: `{type: rect, area: margin, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:28: unknown area "margin"`},
		{block: `{type: rect, box: [0, 0, 10%]}`, want: `l.yaml:15:27: box needs four lengths [x, y, width, height], got 3`},
		{block: `{type: rect, fill: teal, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:28: unknown colour "teal"`},
		{block: `{type: rect, fill: "#12345", box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:28: "#12345" is not a colour`},
		{block: `{type: rule, stroke: inc, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:30: unknown colour "inc"`},
		{block: `{type: qr, content: "https://{webb}", box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:29: unknown placeholder {webb} in "https://{webb}"`},
		{block: `{type: text, text: "{headline}", style: bdy, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:49: unknown style "bdy"`},
		{block: `{type: text, text: "{headline}", box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:9: a text block needs a style`},
		{block: `{type: text, text: "{headline}", style: body, valign: center, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:63: unknown valign "center"`},
		{block: `{type: text, text: "{headline}", style: body, only: [tabloid], box: [0, 0, 10%, 10%]}`, want: "l.yaml:15:61: `only` names \"tabloid\""},
		{block: `{type: list, items: sings, style: body, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:29: unknown list "sings"`},
		{block: `{type: list, items: signs, title: "{signs_title}", style: body, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:43: a list block with a title needs a title_style`},
		{block: `{type: tabs, text: "{hotline}", style: body, count: 1, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:61: tabs: count must be between 2 and 20, got 1`},
		{block: `{type: panels, direction: diagonal, box: [0, 0, 10%, 10%], blocks: []}`, want: `l.yaml:15:35: panels: direction "diagonal"`},
		{block: `{type: rect, fit_rows: true, box: [0, 0, 10%, 10%]}`, want: "l.yaml:15:32: `fit_rows` fits the rows of a panels block; a rect block has no panels"},
		{block: `{type: image, src: nothere.png, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:28: image nothere.png cannot be read`},
		{block: `{type: text, text: "{headline}\u0007", style: body, box: [0, 0, 10%, 10%]}`, want: "l.yaml:15:28: `text` holds the control character U+0007"},
		{block: `{type: list, items: signs, style: body, bullet: "\u0000", box: [0, 0, 10%, 10%]}`, want: "l.yaml:15:57: `bullet` holds the control character U+0000"},
		// Blocks that no document of the content at hand would draw: one
		// only on the second size, one under an empty condition, one in a
		// panel.
		{block: `{type: text, text: "{headlin}", style: body, only: [small], box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:28: unknown placeholder {headlin}`},
		{block: `{type: text, if: "{org_name}", text: "{org_nam}", style: body, box: [0, 0, 10%, 10%]}`, want: `l.yaml:15:46: unknown placeholder {org_nam}`},
		{block: `{type: panels, box: [0, 0, 100%, 100%], blocks: [{type: rect, fill: blu, box: [0, 0, 10%, 10%]}]}`, want: `l.yaml:15:77: unknown colour "blu"`},
		// Geometry: at every size the design is drawn at.
		{block: `{type: rect, box: [0, 0, 0, 10%]}`, want: `l.yaml:15:27: box has no area (0.0×79.2 pt) in mine-letter`},
		// Styles, at the style's own values.
		{style: "\n  note: {size: [8, 10], color: grey}", block: `{type: rect, box: [0, 0, 10%, 10%]}`, want: `l.yaml:13:32: unknown colour "grey"`},
		{style: "\n  note: {size: [8, 10], align: middle}", block: `{type: rect, box: [0, 0, 10%, 10%]}`, want: `l.yaml:13:32: style "note": align "middle"`},
		{style: "\n  note: {size: [8, 10], role: footnote}", block: `{type: rect, box: [0, 0, 10%, 10%]}`, want: `l.yaml:13:31: style "note": unknown role "footnote"`},
		// A size's type scale, against every style.
		{size: `, type_scale: 60`, block: `{type: rect, box: [0, 0, 10%, 10%]}`, want: `l.yaml:6:51: size small: type_scale 60 sets style "title" at up to 1200 pt`},
		{size: `, type_scale: -1`, block: `{type: rect, box: [0, 0, 10%, 10%]}`, want: "l.yaml:6:51: size small: `type_scale` must be more than 0"},
	} {
		src := strings.NewReplacer("{block}", c.block, "{style}", c.style, "{size}", c.size).Replace(twoSizes)
		_, err := layouts.Parse("l.yaml", []byte(src))
		if err == nil {
			t.Errorf("%s: no error, want %s", c.block+c.style+c.size, c.want)
			continue
		}
		ce := source.From(err)
		if got := ce.Pos.String() + ": " + ce.Message; !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n  got  %s\n  want %s…", c.block+c.style+c.size, got, c.want)
		}
		if ce.Hint == "" || ce.Output != "" || ce.Lang != "" {
			t.Errorf("%s: hint %q, output %q, language %q: want a hint and no output or language", c.want, ce.Hint, ce.Output, ce.Lang)
		}
	}
}

// TestGeometryOnEverySize: a margin that leaves no room on the small size
// only is found, naming that output.
func TestGeometryOnEverySize(t *testing.T) {
	src := strings.NewReplacer("{block}", `{type: rect, box: [0, 0, 50%, 50%]}`, "{style}", "", "{size}", "").Replace(twoSizes)
	src = strings.Replace(src, "theme:", "margin: 1.1in\ntheme:", 1)
	_, err := layouts.Parse("l.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "l.yaml:16:27: box has no area (-7.2×-7.2 pt) in mine-small") {
		t.Fatalf("got %v", err)
	}
}

// TestLayoutImageReadAtLoad: an image block's file (not the logo) is read
// and checked when the layout is loaded, and composing places it from
// what was read.
func TestLayoutImageReadAtLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "seal.png")
	if err := os.WriteFile(path, logoSeeds()[0], 0o644); err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer("{block}", `{type: image, src: "seal.png", box: [0, 0, 10%, 10%]}`, "{style}", "", "{size}", "").Replace(twoSizes)
	file := filepath.Join(dir, "l.yaml")
	l, err := layouts.Parse(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	e, docs := fuzzEnv()
	doc, err := layouts.Compose(e, layouts.Targets(l)[0], docs[:1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Dump(), "image ") || !strings.Contains(doc.Dump(), path+" src="+file+":15:28") {
		t.Errorf("the image is not placed from what was read:\n%s", doc.Dump())
	}
}

// TestLayoutImagePath: a layout's image is named relative to the layout
// file's folder, and may not be an absolute path or lead out of the
// folder, by .. or by a link.
func TestLayoutImagePath(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "seal.png"), logoSeeds()[0], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "img", "seal.png"), logoSeeds()[0], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "seal.png"), filepath.Join(dir, "link.png")); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(dir, filepath.Join(outside, "seal.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ src, want string }{
		{"img/seal.png", ""},
		{"./img/../img/seal.png", ""},
		{filepath.Join(dir, "img", "seal.png"), "a layout names its images relative to its own folder, not by an absolute path"},
		{rel, "is outside the layout file's folder"},
		{"../x.png", "is outside the layout file's folder"},
		{"link.png", "is outside the layout file's folder"},
	} {
		src := strings.NewReplacer("{block}", `{type: image, src: "`+c.src+`", box: [0, 0, 10%, 10%]}`, "{style}", "", "{size}", "").Replace(twoSizes)
		file := filepath.Join(dir, "l.yaml")
		_, err := layouts.Parse(file, []byte(src))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.src, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want %q", c.src, err, c.want)
		case c.want != "":
			if d := source.From(err); d.Pos.Line != 15 || d.Hint == "" {
				t.Errorf("%s: %v at %v with hint %q: want the src value's position and a hint", c.src, d.Message, d.Pos, d.Hint)
			}
		}
	}
}
