package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv("HANDBILL_TEST_AS_MAIN") == "1" {
		// The test binary run as handbill itself, by tests that send it
		// signals (interrupt_test.go).
		keepGoingOnClosedOutput()
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"handbill": func() {
			startWatchdog()
			code := run(os.Args[1:], os.Stdout, os.Stderr)
			recordCPU()
			os.Exit(code)
		},
	})
}

// TestScripts runs the end-to-end cases in testdata/script: exit codes,
// error wording and files written.
func TestScripts(t *testing.T) {
	fontsDir, err := filepath.Abs("../../fonts/files")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: scriptCmds,
		Setup: func(env *testscript.Env) error {
			env.Setenv("FONTS", fontsDir)
			env.Setenv("BELL", "\a")
			return setupFiles(env.WorkDir)
		},
	})
}

// setupFiles gives every script a logo (logo.png, 600×240 px), a logo too
// small to print (lowres.png, 30×12 px) and the two
// complete examples of the documentation (readme-content.yaml from
// docs/content-files.md, readme-layout.yaml from docs/layout-files.md), so
// the examples are tested as written.
func setupFiles(dir string) error {
	img := image.NewRGBA(image.Rect(0, 0, 600, 240))
	for y := range 240 {
		for x := range 600 {
			img.Set(x, y, color.RGBA{R: uint8(x / 3), G: 80, B: uint8(y), A: 255})
		}
	}
	f, err := os.Create(filepath.Join(dir, "logo.png"))
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	small := image.NewRGBA(image.Rect(0, 0, 30, 12))
	f, err = os.Create(filepath.Join(dir, "lowres.png"))
	if err != nil {
		return err
	}
	if err := png.Encode(f, small); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	for _, ex := range []struct{ doc, heading, name string }{
		{"../../docs/content-files.md", "# Content files", "readme-content.yaml"},
		{"../../docs/layout-files.md", "# Layout files", "readme-layout.yaml"},
	} {
		doc, err := os.ReadFile(ex.doc)
		if err != nil {
			return err
		}
		block, err := yamlBlockAfter(string(doc), ex.heading)
		if err != nil {
			return fmt.Errorf("%s: %w", ex.doc, err)
		}
		if err := os.WriteFile(filepath.Join(dir, ex.name), []byte(block), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func yamlBlockAfter(doc, heading string) (string, error) {
	i := strings.Index(doc, heading)
	if i < 0 {
		return "", fmt.Errorf("no heading %q", heading)
	}
	start := strings.Index(doc[i:], "```yaml\n")
	if start < 0 {
		return "", fmt.Errorf("no yaml block after %q", heading)
	}
	rest := doc[i+start+len("```yaml\n"):]
	end := strings.Index(rest, "```")
	return rest[:end], nil
}
