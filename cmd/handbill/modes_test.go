package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// modeCases are inputs that must be refused, each a content or layout
// file and the flags that select it.
var modeCases = []struct {
	name  string
	files map[string]string
	flags []string
}{
	{"regional text falls back to a machine draft (--require-reviewed)",
		map[string]string{"c.yaml": "messages:\n  es-MX:\n    headline: \"Conoce las señales\"\n"},
		[]string{"--content", "c.yaml", "--lang", "es-MX", "--layout", "poster-letter", "--require-reviewed"}},
	{"machine-drafted language (--require-reviewed)",
		nil, []string{"--lang", "vi", "--layout", "sticker-3x3", "--require-reviewed"}},
	{"headline that does not fit",
		map[string]string{"c.yaml": "messages:\n  en:\n    headline: \"" + strings.Repeat("This headline is far too long for any poster ", 6) + "\"\n"},
		[]string{"--content", "c.yaml", "--lang", "en", "--layout", "poster-letter"}},
	{"character no font has",
		// The headline: one block in every region (the sticker's question
		// is set by another block where a state line comes first, as the
		// preset's Georgia, so the error names another block there).
		map[string]string{"c.yaml": "messages:\n  en:\n    headline: \"Are you safe? 🚨\"\n"},
		[]string{"--content", "c.yaml", "--lang", "en", "--layout", "poster-letter"}},
	{"logo with too few pixels",
		map[string]string{"c.yaml": "organization:\n  name: Clinic\n  logo: lowres.png\n"},
		[]string{"--content", "c.yaml", "--lang", "en", "--layout", "poster-letter"}},
	{"text without contrast",
		map[string]string{"pale.yaml": `name: pale
description: low contrast on purpose
product: poster
sizes:
  - {suffix: letter, size: letter}
margin: 0.5in
theme:
  wash: "#d8e0ea"
  pale: "#b8c4d6"
styles:
  headline: {size: [30, 50], bold: true, color: pale, max_lines: 3}
pages:
  - blocks:
      - {type: rect, area: bleed, box: [0, 0, 100%, 30%], fill: wash}
      - {type: text, text: "{headline}", style: headline, box: [0, 0, 100%, 25%]}
`}, []string{"--layout", "pale.yaml", "--lang", "en"}},
	{"mistake in the content file",
		map[string]string{"c.yaml": "orgnization:\n  name: Clinic\n"},
		[]string{"--content", "c.yaml", "--lang", "en", "--layout", "poster-letter"}},
	{"a changed national hotline",
		map[string]string{"c.yaml": "hotlines:\n  - id: us-nhth\n    digits: \"18883737889\"\n    display: 1-888-373-7889\n"},
		[]string{"--content", "c.yaml", "--lang", "en", "--layout", "poster-letter"}},
}

// modeRun is what one way of asking gave.
type modeRun struct {
	code   int
	errors []string // "handbill: error:" lines, sorted
	hints  []string
	files  map[string]string // written PDF → sha256
}

// runMode runs handbill in dir and collects its errors and the PDFs under
// out.
func runMode(t *testing.T, dir, out string, args ...string) modeRun {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var stdout, stderr bytes.Buffer
	r := modeRun{code: run(args, &stdout, &stderr), files: map[string]string{}}
	lines := strings.Split(stderr.String(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "handbill: error: ") {
			r.errors = append(r.errors, l)
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  hint: ") {
				r.hints = append(r.hints, lines[i+1])
			}
		}
	}
	slices.Sort(r.errors)
	slices.Sort(r.hints)
	if out != "" {
		filepath.WalkDir(filepath.Join(dir, out), func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".pdf") {
				data, _ := os.ReadFile(p)
				sum := sha256.Sum256(data)
				rel, _ := filepath.Rel(filepath.Join(dir, out), p)
				r.files[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
			}
			return nil
		})
	}
	return r
}

// TestSameAnswerInEveryMode: each bad input gives the same findings, the
// same exit status and the same written files through build, check,
// build --batch and build --preset (against check --preset).
func TestSameAnswerInEveryMode(t *testing.T) {
	for _, c := range modeCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := setupFiles(dir); err != nil {
				t.Fatal(err)
			}
			for name, data := range c.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// The same request as one batch job: the flags a job has as
			// keys become keys, the others stay on the command line.
			job, rest := "jobs:\n  - name: job\n", []string{}
			for i := 0; i < len(c.flags); i++ {
				switch c.flags[i] {
				case "--content":
					job += "    content: " + c.flags[i+1] + "\n"
					i++
				case "--lang":
					job += "    langs: [" + c.flags[i+1] + "]\n"
					i++
				case "--layout":
					job += "    layouts: [" + c.flags[i+1] + "]\n"
					i++
				default:
					rest = append(rest, c.flags[i])
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "programme.yaml"), []byte(job), 0o644); err != nil {
				t.Fatal(err)
			}
			check := runMode(t, dir, "", append([]string{"check"}, c.flags...)...)
			build := runMode(t, dir, "out-build", append([]string{"build", "--out", "out-build"}, c.flags...)...)
			batch := runMode(t, dir, "out-batch/job", append([]string{"build", "--batch", "programme.yaml", "--out", "out-batch"}, rest...)...)
			preset := []string{"--preset", "GA-16-5-47", "--region", "US-GA"}
			pcheck := runMode(t, dir, "", append(append([]string{"check"}, c.flags...), preset...)...)
			pbuild := runMode(t, dir, "out-preset", append(append([]string{"build", "--out", "out-preset"}, c.flags...), preset...)...)

			if check.code != 1 || len(check.errors) == 0 {
				t.Fatalf("check: exit %d, errors %q; want a refusal", check.code, check.errors)
			}
			for name, m := range map[string]modeRun{"build": build, "build --batch": batch} {
				if m.code != check.code {
					t.Errorf("%s exits %d, check %d", name, m.code, check.code)
				}
				if !slices.Equal(m.errors, check.errors) || !slices.Equal(m.hints, check.hints) {
					t.Errorf("%s reports\n  %s\ncheck reports\n  %s", name, strings.Join(append(m.errors, m.hints...), "\n  "), strings.Join(append(check.errors, check.hints...), "\n  "))
				}
			}
			if len(build.files) != len(batch.files) {
				t.Errorf("build wrote %v, the batch %v", build.files, batch.files)
			}
			for f, sum := range build.files {
				if batch.files[f] != sum {
					t.Errorf("%s: build and batch wrote different files", f)
				}
			}
			if pbuild.code != 1 || pcheck.code != 1 {
				t.Errorf("with a preset: build exits %d, check %d", pbuild.code, pcheck.code)
			}
			if !slices.Equal(pbuild.errors, pcheck.errors) {
				t.Errorf("with a preset, build reports\n  %s\ncheck reports\n  %s", strings.Join(pbuild.errors, "\n  "), strings.Join(pcheck.errors, "\n  "))
			}
			for _, e := range check.errors {
				// The preset's region changes the hotlines, not these errors.
				if !slices.Contains(pcheck.errors, e) && !strings.Contains(e, "US]") {
					t.Errorf("with a preset, check does not report %s", e)
				}
			}
			if len(pbuild.files) != 0 {
				t.Errorf("a build that does not meet its preset wrote %v", pbuild.files)
			}
		})
	}
}
