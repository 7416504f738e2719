// Command handbill turns structured content into print-ready, multilingual
// PDF posters, flyers and wallet cards.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
