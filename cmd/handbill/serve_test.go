package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"handbill/serve"
)

// TestBrowserCommand: --open runs each system's own way of opening the
// default browser.
func TestBrowserCommand(t *testing.T) {
	u := "http://127.0.0.1:8080/"
	for goos, want := range map[string]string{
		"windows": "rundll32 url.dll,FileProtocolHandler " + u,
		"darwin":  "open " + u,
		"linux":   "xdg-open " + u,
		"freebsd": "xdg-open " + u,
	} {
		name, args := browserCommand(goos, u)
		if got := strings.Join(append([]string{name}, args...), " "); got != want {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

// TestServeStops: serve prints its address, answers there, and on Ctrl-C
// (the context's end) stops; closing the app removes its files.
func TestServeStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	so := serve.Options{Addr: ln.Addr().String()}
	app, err := serve.New(so)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- serveOn(ctx, ln, app, so, false, &out, io.Discard) }()
	url := "http://" + ln.Addr().String() + "/"
	var res *http.Response
	for range 100 {
		if res, err = http.Get(url); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "open "+url+" in your web browser") || !strings.Contains(out.String(), "stopped") {
		t.Errorf("serve said:\n%s", out.String())
	}
	if _, err := os.Stat(app.Dir()); err != nil {
		t.Fatalf("the app's folder went before Close: %v", err)
	}
	app.Close()
	if _, err := os.Stat(app.Dir()); !os.IsNotExist(err) {
		t.Errorf("the app's folder is still there after Close")
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the app still answers after Ctrl-C")
	}
}

// TestServeRemoteWarns: an app other computers can reach warns and prints
// its address with the token.
func TestServeRemoteWarns(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	so := serve.Options{Addr: ln.Addr().String(), Remote: true, Token: "tok123"}
	app, err := serve.New(so)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errs bytes.Buffer
	if err := serveOn(ctx, ln, app, so, false, &out, &errs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs.String(), "handbill: warning: the app listens on") || !strings.Contains(out.String(), "/?token=tok123 ") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out.String(), errs.String())
	}
}
