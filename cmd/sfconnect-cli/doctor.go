package main

import (
	"context"
	"fmt"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/netproxy"
)

// errPreflightFailed makes doctor exit with 1 after printing the checklist.
var errPreflightFailed = preflightFailed{}

type preflightFailed struct{}

func (preflightFailed) Error() string               { return "preflight: a check failed" }
func (preflightFailed) MessageKey() string          { return "cli.doctor.failed" }
func (preflightFailed) MessageArgs() map[string]any { return nil }

// cmdDoctor runs the preflight of a sign-in and prints the checklist:
// exit 0 when nothing failed (warnings allowed), 1 otherwise.
func cmdDoctor(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.doctor"
	fs := newFlags("doctor")
	var name string
	var in app.PreflightInput
	var nf netFlags
	fs.StringVar(&name, "profile", "", "")
	fs.StringVar(&in.Org, "org", "", "")
	fs.StringVar(&in.CallbackURL, "callback", app.DefaultCallbackURL, "")
	fs.StringVar(&in.LoginURL, "login-url", "", "")
	nf.register(fs)
	if err := e.parse(fs, usage, args, 0); err != nil {
		return err
	}
	if (name == "") == (in.Org == "") {
		return e.usageError(usage, e.loc.T("cli.err.doctor_target"))
	}
	svc, err := e.serviceFor("")
	if err != nil {
		return err
	}
	var p *app.Preflight
	if name != "" {
		if err := e.useProfileNetwork(ctx, svc, name, &nf); err != nil {
			return err
		}
		if p, err = svc.PreflightProfile(ctx, name); err != nil {
			return err
		}
	} else {
		if err := e.useNetwork(ctx, svc, netproxy.Settings{}, &nf); err != nil {
			return err
		}
		p = svc.Preflight(ctx, in)
	}
	e.printPreflight(p)
	if p.Failed() {
		return errPreflightFailed
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.doctor.ok"))
	return nil
}

// printPreflight prints one line per check and, under it, the fix.
func (e *env) printPreflight(p *app.Preflight) {
	marks := map[app.Status]string{app.Pass: "✓", app.Warn: "!", app.Fail: "✗"}
	for _, c := range p.Checks {
		fmt.Fprintf(e.stdout, "%s %s: %s\n", marks[c.Status], e.loc.T(c.TitleKey()), e.loc.T(c.Key, c.Args))
		if c.FixKey != "" {
			fmt.Fprintf(e.stdout, "    → %s\n", e.loc.T(c.FixKey, c.FixArgs))
		}
	}
}
