package main

import "github.com/spf13/pflag"

// printFlags are build's print-shop and desktop-printing flags.
type printFlags struct {
	press, timestamp, calibration bool
	outputIntent                  string
}

func addPrintFlags(f *pflag.FlagSet, p *printFlags) {
	f.BoolVar(&p.press, "press", false, "also build every product for a print shop: one design per page, bleed, crop marks, trim and bleed boxes, CMYK colours where the layout gives them (LAYOUT-SIZE-press.pdf)")
	f.BoolVar(&p.calibration, "calibration", false, "also build the duplex calibration page of each card sheet (LAYOUT-SIZE-sheet-SHEET-calibration.pdf), to measure back_offset")
	f.StringVar(&p.outputIntent, "output-intent", "", "write this CMYK printer ICC profile `FILE` (your print shop's: FOGRA39, GRACoL, …) as the PDF/X output intent of press outputs")
	f.BoolVar(&p.timestamp, "timestamp", false, "write the real creation date into each PDF (by default the date is fixed, so the same input gives the same bytes)")
}
