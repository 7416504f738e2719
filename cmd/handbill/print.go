package main

import (
	"fmt"
	"io"
	"strings"

	"handbill/build"
	"handbill/source"
)

// printer prints diagnostics in handbill's one voice, for every command:
//
//	handbill: error: FILE:LINE:COL: [OUTPUT LANG] message
//	  hint: what to change
//
// Each diagnostic is printed once, however many documents share it.
type printer struct {
	w    io.Writer
	seen map[string]bool
}

func newPrinter(w io.Writer) *printer { return &printer{w: w, seen: map[string]bool{}} }

func (p *printer) print(ds ...source.Diagnostic) {
	for _, d := range build.Dedupe(ds) {
		k := d.Key()
		if p.seen[k] {
			continue
		}
		p.seen[k] = true
		sev := d.Severity
		if sev == "" {
			sev = source.Error
		}
		fmt.Fprintf(p.w, "handbill: %s: %s\n", sev, oneLine(d.Error()))
		if d.Hint != "" {
			fmt.Fprintf(p.w, "  hint: %s\n", oneLine(d.Hint))
		}
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
