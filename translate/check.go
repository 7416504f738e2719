package translate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"handbill/build"
	"handbill/fonts"
	"handbill/source"
)

// CheckOptions says which PO file to check, against which content.
type CheckOptions struct {
	PO   string
	Data []byte
	// Content is the user's content file ("" for the built-ins only),
	// Existing what it holds.
	Content  string
	Existing []byte
	Layouts  []string // none: every built-in layout
	Region   string
	Fonts    *fonts.Registry
}

// Check runs the import's checks on a PO file and then every fit check
// build runs, with the PO file's translations (fuzzy ones included: a
// translator wants to know before review) in place of the current text,
// on every product in the file's language. Each text that does not fit,
// or has a character no font has, is reported at its line in the PO file
// (vi.po:LINE) and names the product and by how much it overflows.
func Check(ctx context.Context, o CheckOptions) ([]source.Diagnostic, error) {
	po, err := Parse(o.PO, o.Data)
	if err != nil {
		return nil, err
	}
	// The merged content is written next to the user's file (its logo is
	// relative to it), checked and removed.
	dir := "."
	if o.Content != "" {
		dir = filepath.Dir(o.Content)
	}
	tmpf, err := os.CreateTemp(dir, ".handbill-translate-check-*.yaml")
	if err != nil {
		return nil, err
	}
	tmp := tmpf.Name()
	tmpf.Close()
	defer os.Remove(tmp)
	existing := o.Existing
	if existing == nil {
		existing = []byte{}
	}
	res, err := Import(ImportOptions{PO: o.PO, Data: o.Data, Fuzzy: true, Into: tmp, Existing: existing, Reviewer: "translate check", Date: "2000-01-01"})
	if err != nil {
		return nil, relocate(err, tmp, o.PO)
	}
	if err := os.WriteFile(tmp, res.Data, 0o600); err != nil {
		return nil, err
	}
	// Where each merged text is in the temporary file → its PO entry.
	line := map[int]*Entry{}
	byCtx := map[string]*Entry{}
	for _, e := range po.Entries {
		byCtx[e.Context] = e
	}
	units, err := Units(res.Set, res.Lang, "")
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		if p := u.Entry.Text.Pos; p.File == tmp && byCtx[u.Context] != nil {
			line[p.Line] = byCtx[u.Context]
		}
	}
	sel, err := build.Select(build.Request{Content: tmp, Layouts: o.Layouts, Langs: []string{res.Lang.String()}, Region: o.Region, Fonts: o.Fonts})
	if err != nil {
		return nil, relocate(err, tmp, o.PO)
	}
	var out []source.Diagnostic
	for _, oc := range build.Run(ctx, []build.Job{{Sel: sel}}, build.Options{}) {
		for _, d := range oc.Diagnostics() {
			if d.Severity != source.Error || d.Pos.File != tmp {
				continue
			}
			e := line[d.Pos.Line]
			if e == nil {
				continue
			}
			msg := d.Message
			if _, after, ok := strings.Cut(msg, " does not fit: "); ok {
				msg = "does not fit: " + after
			}
			out = append(out, source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: o.PO, Line: e.StrLine, Col: 1}, Output: d.Output, Lang: d.Lang,
				Message: fmt.Sprintf("`%s` %s", e.Context, msg), Hint: "shorten the translation: this product prints it in this room at its smallest size"})
		}
	}
	return build.Dedupe(out), nil
}

// relocate names the PO file instead of the temporary content file.
func relocate(err error, tmp, po string) error {
	if d := source.From(err); d != nil && d.Pos.File == tmp {
		d2 := *d
		d2.Pos = source.Pos{File: po}
		return &d2
	}
	return err
}
