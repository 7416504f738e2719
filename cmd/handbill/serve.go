package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"handbill/serve"
	"handbill/source"
)

type serveOptions struct {
	global      *globalOptions
	addr        string
	open        bool
	allowRemote bool
}

func newCmdServe(g *globalOptions, runF func(*serveOptions) error) *cobra.Command {
	opts := &serveOptions{global: g}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Make your materials in your web browser, with a live preview",
		Long: `Start handbill's app on this computer and print its address: open it in
your web browser to fill in your organisation, choose languages and
products, see each page as you type, and download the PDFs.

The app listens on this computer only (127.0.0.1), on a free port unless
--addr gives one. Nothing is sent over the network; each browser's files
are kept in a temporary folder removed when handbill stops (Ctrl-C).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return serveRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", "127.0.0.1:0", "listen on `HOST:PORT` (port 0: a free one)")
	f.BoolVar(&opts.open, "open", false, "open the app in the default web browser")
	f.BoolVar(&opts.allowRemote, "allow-remote", false, "allow an --addr other computers can reach (the address printed then has a secret token)")
	return cmd
}

func serveRun(cmd *cobra.Command, opts *serveOptions) error {
	if err := serve.CheckAddr(opts.addr, opts.allowRemote); err != nil {
		return &usageError{d: source.From(err)}
	}
	reg, err := opts.global.registry()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return usage("choose another port with --addr, or leave --addr out for a free one", "cannot listen on %s: %v", opts.addr, err)
	}
	remote := !serve.IsLoopback(ln.Addr().String())
	so := serve.Options{Addr: ln.Addr().String(), Remote: remote, Fonts: reg}
	if remote {
		so.Token = serve.NewToken()
	}
	app, err := serve.New(so)
	if err != nil {
		ln.Close()
		return err
	}
	defer app.Close()
	ctx, stop := interruptible(cmd)
	defer stop()
	return serveOn(ctx, ln, app, so, opts.open, cmd.OutOrStdout(), cmd.ErrOrStderr())
}

// serveOn serves the app on ln until ctx is done (Ctrl-C), then stops
// taking requests, lets those under way finish, and returns; the caller
// closes the app, which removes every session's files.
func serveOn(ctx context.Context, ln net.Listener, app *serve.Server, so serve.Options, open bool, stdout, stderr io.Writer) error {
	u := appURL(ln.Addr(), so.Token)
	if so.Remote {
		fmt.Fprintf(stderr, "handbill: warning: the app listens on %s, which other computers can reach: anyone with the address below (its token included) can use it\n", ln.Addr())
		fmt.Fprintf(stderr, "  hint: use it only on a network you trust, and stop it (Ctrl-C) when you are done\n")
	}
	fmt.Fprintf(stdout, "handbill serve: open %s in your web browser (Ctrl-C stops it)\n", u)
	if open {
		if err := openBrowser(u); err != nil {
			fmt.Fprintf(stderr, "handbill: warning: cannot open the browser: %v\n  hint: open %s in your browser yourself\n", err, u)
		}
	}
	srv := &http.Server{Handler: app, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	fmt.Fprintln(stdout, "handbill serve: stopped; the app's temporary files are removed")
	return nil
}

// appURL is the address to open: http://HOST:PORT/, with the token of a
// remote app.
func appURL(a net.Addr, token string) string {
	u := url.URL{Scheme: "http", Host: a.String(), Path: "/"}
	if token != "" {
		u.RawQuery = url.Values{"token": {token}}.Encode()
	}
	return u.String()
}
