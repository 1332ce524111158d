package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// loginFlags are the flags shared by login and reauth.
type loginFlags struct {
	browser     string
	noBrowser   bool
	timeout     time.Duration
	promptLogin bool
	net         netFlags
}

func (l *loginFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.browser, "browser", "", "")
	fs.BoolVar(&l.noBrowser, "no-browser", false, "")
	fs.DurationVar(&l.timeout, "timeout", app.DefaultTimeout, "")
	fs.BoolVar(&l.promptLogin, "prompt-login", false, "")
	l.net.register(fs)
}

// fieldFlags are the console's fields.
type fieldFlags struct{ f app.ConsoleFields }

func (c *fieldFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.f.Domain, "domain", "", "")
	fs.StringVar(&c.f.MatchingAttribute, "matching-attribute", "Username", "")
	fs.BoolVar(&c.f.GenerateRandomPassword, "random-password", false, "")
	fs.StringVar(&c.f.AssetName, "asset-name", "", "")
	fs.StringVar(&c.f.AssetID, "asset-id", "", "")
	fs.StringVar(&c.f.Memo, "memo", "", "")
}

func cmdLogin(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.login"
	fs := newFlags("login")
	var name, org, clientID, callbackURL, loginURL string
	var secretStdin bool
	var lf loginFlags
	var ff fieldFlags
	fs.StringVar(&name, "profile", "", "")
	fs.StringVar(&org, "org", "", "")
	fs.StringVar(&clientID, "client-id", "", "")
	fs.BoolVar(&secretStdin, "client-secret-stdin", false, "")
	fs.StringVar(&callbackURL, "callback", app.DefaultCallbackURL, "")
	fs.StringVar(&loginURL, "login-url", "", "")
	lf.register(fs)
	ff.register(fs)
	if err := e.parse(fs, usage, args, 0); err != nil {
		return err
	}
	if err := e.need(usage, "profile", name, "org", org, "client-id", clientID); err != nil {
		return err
	}
	secret, err := e.clientSecret(secretStdin)
	if err != nil {
		return err
	}
	store, dir, err := e.stores()
	if err != nil {
		return err
	}
	svc := e.service(store, dir, lf.browser)
	if err := e.useNetwork(ctx, svc, netproxy.Settings{}, &lf.net); err != nil {
		return err
	}
	in := app.ConnectInput{Org: org, ClientID: clientID, ClientSecret: secret, CallbackURL: callbackURL,
		LoginURL: loginURL, PromptLogin: lf.promptLogin, Timeout: lf.timeout}
	ss, err := svc.BeginNew(ctx, name, in, ff.f, e.progress())
	if err != nil {
		return err
	}
	e.openOrOffer(ctx, ss, lf.noBrowser)
	c, err := svc.Complete(ctx, ss, name, ff.f, e.progress())
	return e.reportSaved(name, c, err)
}

// reportSaved prints the checklist of a finished sign-in and, when it was
// saved, says so.
func (e *env) reportSaved(name string, c *app.Connection, err error) error {
	if c != nil {
		e.printReport(c.Report)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.login.saved", map[string]any{"Name": name, "Username": c.Profile.Username}))
	fmt.Fprintln(e.stdout, e.loc.T("cli.login.namespace",
		map[string]any{"Namespace": c.Profile.Namespace, "URL": app.ConsoleURL(c.Profile)}))
	if r := c.Renewal; r != nil {
		// Re-authorized: the console still holds the replaced token.
		switch {
		case r.Err != nil:
			fmt.Fprintf(e.stderr, "%s %s\n", e.loc.T("cli.reauth.not_revoked"), e.loc.Error(r.Err))
		case r.Stale:
			fmt.Fprintln(e.stderr, e.loc.T("cli.reauth.stale"))
		}
		fmt.Fprintln(e.stderr, e.loc.T("cli.reauth.replace", map[string]any{"Name": name}))
	}
	return nil
}

// openOrOffer opens the browser at the sign-in page. With --no-browser, or
// when no browser could be opened (which it says), it prints the URL and
// reads the address the browser ended on from stdin instead: the loopback
// callback still arrives once the URL is opened by hand.
func (e *env) openOrOffer(ctx context.Context, ss *app.Session, noBrowser bool) {
	if !noBrowser {
		e.progress()(app.StepBrowser)
		err := ss.OpenBrowser()
		if err == nil {
			return
		}
		e.log.Debug("could not open the browser", "err", err)
		fmt.Fprintln(e.stderr, e.loc.Error(err))
	}
	e.offerPaste(ctx, ss)
}

// offerPaste prints the authorize URL and feeds the first pasted line into
// the session; the loopback callback may still win the race.
func (e *env) offerPaste(ctx context.Context, ss *app.Session) {
	fmt.Fprintln(e.stderr, e.loc.T("cli.login.open_url"))
	fmt.Fprintln(e.stdout, ss.AuthURL())
	fmt.Fprintln(e.stderr, e.loc.T("cli.login.paste_prompt"))
	go func() {
		for ctx.Err() == nil {
			line, err := e.stdin.ReadString('\n')
			if strings.TrimSpace(line) != "" {
				if perr := ss.Paste(line); perr != nil {
					fmt.Fprintf(e.stderr, "%s %s\n", e.loc.T("cli.error_prefix"), e.loc.Error(perr))
					if perr == app.ErrSessionDone {
						return
					}
					continue
				}
				return
			}
			if err != nil {
				return
			}
		}
	}()
}

func cmdReauth(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.reauth"
	fs := newFlags("reauth")
	var name string
	var lf loginFlags
	fs.StringVar(&name, "profile", "", "")
	lf.register(fs)
	if err := e.parse(fs, usage, args, 0); err != nil {
		return err
	}
	if err := e.need(usage, "profile", name); err != nil {
		return err
	}
	store, dir, err := e.stores()
	if err != nil {
		return err
	}
	svc := e.service(store, dir, lf.browser)
	old, err := svc.Load(ctx, name)
	if err != nil {
		return err
	}
	if err := e.useNetwork(ctx, svc, app.NetworkOf(old), &lf.net); err != nil {
		return err
	}
	e.contacting(ctx, svc, name, false)
	ss, err := svc.Reauthorize(ctx, name, lf.promptLogin, lf.timeout)
	if err != nil {
		return err
	}
	e.openOrOffer(ctx, ss, lf.noBrowser)
	c, err := svc.Complete(ctx, ss, name, app.FieldsOf(old), e.progress())
	return e.reportSaved(name, c, err)
}

// stores opens the keychain and the profile directory.
func (e *env) stores() (store secrets.Store, dir string, err error) {
	dir, err = e.configDir()
	if err != nil {
		return nil, "", fmt.Errorf("config dir: %w", err)
	}
	return e.keychain(), dir, nil
}

// printReport prints the verification checklist.
func (e *env) printReport(r app.Report) {
	for _, c := range r.Checks {
		mark := map[app.Status]string{app.Pass: "✓", app.Warn: "!", app.Fail: "✗"}[c.Status]
		fmt.Fprintf(e.stderr, "  %s %s\n", mark, e.loc.T(c.Key, c.Args))
		if c.Detail != nil {
			fmt.Fprintf(e.stderr, "    %s\n", e.loc.Error(c.Detail))
		}
	}
}
