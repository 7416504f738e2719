package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handbill": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
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
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("FONTS", fontsDir)
			env.Setenv("BELL", "\a")
			return nil
		},
	})
}
