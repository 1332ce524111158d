package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// cmdDemo runs the whole flow against the embedded simulator: no org, no
// keychain and no profile of the user's is touched. The "browser" follows
// the redirects itself unless --browser or $BROWSER names one.
func cmdDemo(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.demo"
	fs := newFlags("demo")
	var out, browser string
	fs.StringVar(&out, "o", "", "")
	fs.StringVar(&browser, "browser", "", "")
	if err := e.parse(fs, usage, args, 0); err != nil {
		return err
	}
	demo, err := app.StartDemo(ctx, sfsim.ConsentAuto)
	if err != nil {
		return err
	}
	defer demo.Close()
	fmt.Fprintln(e.stderr, e.loc.T("cli.demo.started", map[string]any{"URL": demo.LoginURL}))

	dir, err := os.MkdirTemp("", "sfconnect-demo-")
	if err != nil {
		return fmt.Errorf("demo dir: %w", err)
	}
	defer os.Remove(dir) // only if empty: the export file may be kept in it
	if out == "" {
		out = filepath.Join(dir, "sfconnect-demo-profile.json")
	}
	store := secrets.NewMemory() // the demo never writes to the real keychain
	configDir := filepath.Join(dir, "config")
	defer os.RemoveAll(configDir) // only the export file is kept
	d := app.Deps{Profiles: &profile.Store{Dir: configDir}, Secrets: store,
		HTTP: e.httpClient(), Logger: e.log, Lang: e.loc.Lang()}
	if cmd := e.browserCmd(browser); cmd != "" {
		d.OpenBrowser = func(u *url.URL) error { return e.openBrowser(cmd, u) }
	} else {
		d.OpenBrowser = followInBackground(ctx, e.httpClient())
	}
	svc := app.New(d)
	const name = "demo"
	fields := app.ConsoleFields{MatchingAttribute: "Username", AssetName: "Salesforce (demo)", AssetID: "salesforce-demo",
		Memo: "sfconnect demo"}
	c, err := svc.Connect(ctx, name, demo.Input(), fields, e.progress())
	if c != nil {
		e.printReport(c.Report)
	}
	if err != nil {
		return err
	}
	if err := svc.ExportFile(ctx, name, true, out); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, e.loc.T("cli.demo.done"))
	fmt.Fprintln(e.stdout, out)
	return nil
}

// followInBackground plays a browser that has already signed in and
// allowed access: it GETs the URL and follows redirects to the callback.
func followInBackground(ctx context.Context, hc *http.Client) func(*url.URL) error {
	return func(u *url.URL) error {
		go func() {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
			if err != nil {
				return
			}
			c := &http.Client{Timeout: hc.Timeout}
			if resp, err := c.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		return nil
	}
}

func cmdSimulate(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.simulate"
	fs := newFlags("simulate")
	var addr, callbackURL, consent string
	fs.StringVar(&addr, "addr", "127.0.0.1:8800", "")
	fs.StringVar(&callbackURL, "callback", app.SuggestedCallbackURL, "")
	fs.StringVar(&consent, "consent", "page", "")
	if err := e.parse(fs, usage, args, 0); err != nil {
		return err
	}
	opts := sfsim.DemoOptions(callbackURL)
	switch consent {
	case "page":
		opts.Consent = sfsim.ConsentPage
	case "auto":
		opts.Consent = sfsim.ConsentAuto
	case "deny":
		opts.Consent = sfsim.ConsentDeny
	default:
		return e.usageError(usage, e.loc.T("cli.err.bad_consent", map[string]any{"Value": consent}))
	}
	return sfsim.Run(ctx, addr, opts, e.stdout)
}
