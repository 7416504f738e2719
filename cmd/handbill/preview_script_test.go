package main

import (
	"fmt"
	"image/png"
	"os"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the testscripts' own commands.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// pngsize FILE W H: FILE decodes in full as a PNG image of W×H pixels.
	"pngsize": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 {
			ts.Fatalf("usage: pngsize FILE W H")
		}
		f, err := os.Open(ts.MkAbs(args[0]))
		ts.Check(err)
		defer f.Close()
		img, err := png.Decode(f)
		got := ""
		if err == nil {
			got = fmt.Sprintf("%d %d", img.Bounds().Dx(), img.Bounds().Dy())
		}
		ok := err == nil && got == args[1]+" "+args[2]
		switch {
		case ok && neg:
			ts.Fatalf("%s is a %s PNG", args[0], got)
		case !ok && !neg:
			ts.Fatalf("%s: %v, size %q, want %s %s", args[0], err, got, args[1], args[2])
		}
	},
}
