package handbill

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The documentation's pages: the front page, the contributor guide, the
// changelog and the site in docs/. Every page in docs/ is linked from
// docs/README.md, its index.
var docRoots = []string{"README.md", "CONTRIBUTING.md", "CHANGELOG.md"}

const docIndex = "docs/README.md"

// TestDocLinks: every relative link and #anchor in the documentation
// resolves (the file or folder exists; the anchor is a heading of the
// Markdown file it names, as GitHub spells heading ids), and every page
// of docs/ is linked from docs/README.md.
func TestDocLinks(t *testing.T) {
	for _, p := range docProblems(os.DirFS("."), docRoots, docIndex) {
		t.Error(p)
	}
}

// TestDocLinksFindBrokenOnes: the check above can fail, on a missing
// file, a missing anchor (in the same page and in another), a page the
// index does not link, and it ignores links inside code.
func TestDocLinksFindBrokenOnes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"README.md": "# Front\n\nSee [docs](docs/README.md), [gone](docs/gone.md) and [top](#front).\n" +
			"`[not a link](nowhere.md)`\n\n```\n[also not](nowhere.md)\n```\n",
		"docs/README.md": "# Index\n\n- [A](a.md#the-first-part-x-and-more) and [back](../README.md#front)\n- [bad anchor](a.md#no-such-part)\n",
		"docs/a.md":      "# A page\n\n## The first part: `x`, and more!\n\n[self](#the-first-part-x-and-more) [wrong](#the-first-part-x)\n",
		"docs/orphan.md": "# Not linked from the index\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := docProblems(os.DirFS(dir), []string{"README.md"}, "docs/README.md")
	want := []string{
		"README.md: link docs/gone.md: no such file",
		"docs/README.md: link a.md#no-such-part: docs/a.md has no heading #no-such-part",
		"docs/a.md: link #the-first-part-x: docs/a.md has no heading #the-first-part-x",
		"docs/orphan.md: not linked from docs/README.md",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHeadingSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Print-shop and desktop output":                       "print-shop-and-desktop-output",
		"`handbill build`":                                    "handbill-build",
		"\"Call or text\": only where texting works":          "call-or-text-only-where-texting-works",
		"Fonts (`fonts/`)":                                    "fonts-fonts",
		"Numbers, geometry and empty places":                  "numbers-geometry-and-empty-places",
		"Compliance presets: `--preset`":                      "compliance-presets---preset",
		"Languages: no silent English":                        "languages-no-silent-english",
		"The [content format](x.md) and *you*":                "the-content-format-and-you",
		"Wallet card (US 3.5×2 in, EU 85×55 mm)":              "wallet-card-us-352-in-eu-8555-mm",
		"Línea Nacional":                                      "línea-nacional",
		"`display` is required":                               "display-is-required",
		"Who reviewed your text: provenance in content files": "who-reviewed-your-text-provenance-in-content-files",
	} {
		if got := headingSlug(in); got != want {
			t.Errorf("headingSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

// docProblems checks the pages roots and every .md file under docs/ in
// fsys, and that index links every page of docs/.
func docProblems(fsys fs.FS, roots []string, index string) []string {
	pages := slices.Clone(roots)
	_ = fs.WalkDir(fsys, "docs", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return nil
	})
	var problems []string
	slugs := map[string]map[string]bool{} // page → its heading ids
	anchors := func(page string) (map[string]bool, error) {
		if s, ok := slugs[page]; ok {
			return s, nil
		}
		data, err := fs.ReadFile(fsys, page)
		if err != nil {
			return nil, err
		}
		slugs[page] = headingSlugs(string(data))
		return slugs[page], nil
	}
	linked := map[string]bool{}
	for _, page := range pages {
		data, err := fs.ReadFile(fsys, page)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", page, err))
			continue
		}
		for _, link := range markdownLinks(string(data)) {
			if strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") {
				continue
			}
			target, anchor, _ := strings.Cut(link, "#")
			resolved := page
			if target != "" {
				resolved = path.Join(path.Dir(page), target)
				if strings.HasPrefix(resolved, "../") || path.IsAbs(target) {
					problems = append(problems, fmt.Sprintf("%s: link %s: leads out of the repository", page, link))
					continue
				}
				if _, err := fs.Stat(fsys, resolved); err != nil {
					problems = append(problems, fmt.Sprintf("%s: link %s: no such file", page, link))
					continue
				}
			}
			if page == index {
				linked[resolved] = true
			}
			if anchor == "" {
				continue
			}
			if !strings.HasSuffix(resolved, ".md") {
				problems = append(problems, fmt.Sprintf("%s: link %s: an anchor in a file that is not Markdown", page, link))
				continue
			}
			s, err := anchors(resolved)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: link %s: %v", page, link, err))
				continue
			}
			if !s[anchor] {
				problems = append(problems, fmt.Sprintf("%s: link %s: %s has no heading #%s", page, link, resolved, anchor))
			}
		}
	}
	for _, page := range pages {
		if strings.HasPrefix(page, "docs/") && page != index && !linked[page] {
			problems = append(problems, fmt.Sprintf("%s: not linked from %s", page, index))
		}
	}
	return problems
}

var (
	codeSpan     = regexp.MustCompile("(?s)``.+?``|`[^`]*`")
	inlineLink   = regexp.MustCompile(`\]\(<?([^()\s<>]+)>?(?:\s+"[^"]*")?\)`)
	htmlLink     = regexp.MustCompile(`(?:src|href)="([^"]+)"`)
	headingLine  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	linkInText   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	notSlugChars = regexp.MustCompile(`[^\p{L}\p{N}\p{M} _-]`)
)

// markdownLinks returns the targets of a page's inline links and images,
// and of its HTML src and href attributes, outside fenced code blocks and
// code spans.
func markdownLinks(doc string) []string {
	prose := codeSpan.ReplaceAllString(withoutFences(doc), "")
	var out []string
	for _, m := range inlineLink.FindAllStringSubmatch(prose, -1) {
		out = append(out, m[1])
	}
	for _, m := range htmlLink.FindAllStringSubmatch(prose, -1) {
		out = append(out, m[1])
	}
	return out
}

// withoutFences blanks the lines of fenced code blocks.
func withoutFences(doc string) string {
	var b strings.Builder
	fence := ""
	for line := range strings.Lines(doc) {
		trimmed := strings.TrimSpace(line)
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
			b.WriteString("\n")
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			b.WriteString("\n")
		default:
			b.WriteString(line)
		}
	}
	return b.String()
}

// headingSlugs returns the ids GitHub gives a page's headings, the second
// of a name with -1, the third -2.
func headingSlugs(doc string) map[string]bool {
	ids := map[string]bool{}
	count := map[string]int{}
	for line := range strings.Lines(withoutFences(doc)) {
		m := headingLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if m == nil {
			continue
		}
		s := headingSlug(m[2])
		id := s
		if n := count[s]; n > 0 {
			id = fmt.Sprintf("%s-%d", s, n)
		}
		count[s]++
		ids[id] = true
	}
	return ids
}

// headingSlug is GitHub's id for a heading: its text as rendered (link
// targets, code ticks and emphasis gone), lower case, punctuation other
// than hyphens and underscores dropped, spaces made hyphens.
func headingSlug(heading string) string {
	text := linkInText.ReplaceAllString(heading, "$1")
	text = strings.Map(func(r rune) rune {
		if r == '*' {
			return -1
		}
		return unicode.ToLower(r)
	}, text)
	text = notSlugChars.ReplaceAllString(text, "")
	return strings.ReplaceAll(text, " ", "-")
}
