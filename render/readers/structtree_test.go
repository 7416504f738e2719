package readers_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
	"handbill/layouts"
	"handbill/render"
	"handbill/text"
)

// TestStructTreeInPdfjs reads the English poster's structure tree back
// with pdf.js (getStructTree, what Firefox gives screen readers) and
// checks its roles in reading order: the headline first (H1), then the
// intro (P), each list's title (H2) and its items (L, LI, Lbl, LBody), and
// the QR code a Figure saying where it leads.
func TestStructTreeInPdfjs(t *testing.T) {
	r := nodeReader("pdfjs", "", "pdfjs-dist")
	if why := r.missing(); why != "" {
		t.Skip(why)
	}
	set, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	d, err := set.Resolve(language.English, "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := layouts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "poster-letter-en.pdf")
	found := false
	for _, l := range ls {
		for _, tg := range layouts.Targets(l) {
			if tg.Name() != "poster-letter" {
				continue
			}
			doc, err := layouts.Compose(text.NewEngine(fonts.Builtin()), tg, []*content.Doc{d})
			if err != nil {
				t.Fatal(err)
			}
			if err := render.WriteFile(path, doc); err != nil {
				t.Fatal(err)
			}
			found = true
		}
	}
	if !found {
		t.Fatal("no built-in output poster-letter")
	}
	out, err := exec.Command("node", "structtree.mjs", path).Output()
	if err != nil {
		t.Fatalf("structtree.mjs: %v", err)
	}
	var pages [][]struct {
		Role    string
		Depth   int
		Alt     string
		Content int
	}
	if err := json.Unmarshal(out, &pages); err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	var roles []string
	figures := 0
	for _, n := range pages[0] {
		roles = append(roles, n.Role)
		if n.Role == "Figure" {
			figures++
			if n.Alt != "QR code: humantraffickinghotline.org" {
				t.Errorf("the QR code's alternate text is %q", n.Alt)
			}
		}
		if slices.Contains([]string{"H1", "H2", "P", "Lbl", "LBody", "Figure"}, n.Role) && n.Content != 1 {
			t.Errorf("%s holds %d marked-content items", n.Role, n.Content)
		}
	}
	got := strings.Join(roles, " ")
	t.Log(got)
	want := "Root Document H1 P H2 L LI Lbl LBody"
	if !strings.HasPrefix(got, want) {
		t.Errorf("pdf.js reads the roles\n%s\nwant them to start\n%s", got, want)
	}
	if strings.Count(got, "H1") != 1 || strings.Count(got, "H2 L LI") != 2 || figures != 1 {
		t.Errorf("want one H1, two lists under their titles and one Figure:\n%s", got)
	}
}
