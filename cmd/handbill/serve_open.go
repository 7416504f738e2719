package main

import (
	"os/exec"
	"runtime"
)

// browserCommand is the program (and its arguments) that opens url in the
// default browser on the system goos: Windows' URL handler, macOS' open,
// and elsewhere the freedesktop xdg-open.
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "darwin":
		return "open", []string{url}
	default:
		return "xdg-open", []string{url}
	}
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	c := exec.Command(name, args...)
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait()
	return nil
}
