package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/safetext"
)

// exitUnknown is check's exit code when no connection is dead but
// Salesforce did not answer for at least one: a monitor should look, but
// nothing is known to be broken.
const exitUnknown = 3

// silentExit ends a command with code after it printed its own outcome.
type silentExit struct{ code int }

func (e *silentExit) Error() string { return fmt.Sprintf("exit %d", e.code) }

// checkLine is one connection in check's --json output (documented in
// README.md, "The command line"): field names and state words are stable.
type checkLine struct {
	Profile   string `json:"profile"`
	Namespace string `json:"namespace"`
	LoginURL  string `json:"login_url"`
	Username  string `json:"username"`
	State     string `json:"state"` // alive | dead | unknown | error
	CheckedAt string `json:"checked_at"`
	Message   string `json:"message"` // why dead, unknown or error, in the CLI's language
	Action    string `json:"action"`  // "reauthorize" when dead, else ""
}

func cmdCheck(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.check"
	fs := newFlags("check")
	var name string
	var all, asJSON bool
	var nf netFlags
	nf.register(fs)
	fs.StringVar(&name, "profile", "", "")
	fs.BoolVar(&all, "all", false, "")
	fs.BoolVar(&asJSON, "json", false, "")
	if err := e.parse(fs, usage, args, 0); err != nil {
		return err
	}
	if (name == "") == !all {
		return e.usageError(usage, e.loc.T("cli.err.check_what"))
	}
	svc, err := e.serviceFor("")
	if err != nil {
		return err
	}
	e.contactingAll(ctx, svc, name, all)
	var list []app.Profile
	if all {
		if list, err = svc.List(ctx); err != nil {
			return err
		}
	} else {
		p, err := svc.Load(ctx, name)
		if err != nil {
			return err
		}
		list = []app.Profile{p}
	}
	if err := e.networksOf(ctx, svc, list, &nf); err != nil {
		return err
	}
	results, err := svc.CheckEach(ctx, list)
	if err != nil {
		return err
	}
	lines := make([]checkLine, len(results))
	code := exitOK
	for i, r := range results {
		lines[i] = e.checkLine(r)
		switch lines[i].State {
		case "dead", "error":
			code = exitFail
		case "unknown":
			if code == exitOK {
				code = exitUnknown
			}
		}
	}
	if asJSON {
		b, err := json.MarshalIndent(map[string]any{"connections": lines}, "", "  ")
		if err != nil {
			return err
		}
		// Usernames and names come from files and servers: printed to a
		// terminal, the JSON must act on nothing (SECURITY.md).
		if _, err := e.stdout.Write(append(safetext.JSON(b), '\n')); err != nil {
			return err
		}
	} else {
		e.printChecks(lines, len(results) == 0)
	}
	if code != exitOK {
		return &silentExit{code: code}
	}
	return nil
}

func (e *env) checkLine(r app.ConnectionHealth) checkLine {
	l := checkLine{Profile: r.Profile.Name, Namespace: r.Profile.Namespace, LoginURL: r.Profile.LoginURL,
		Username: r.Profile.Username, State: r.State.String(), CheckedAt: r.CheckedAt.UTC().Format(time.RFC3339)}
	switch {
	case r.Err != nil:
		l.State, l.Message = "error", e.loc.Error(r.Err)
	case r.State == app.TokenDead:
		l.Message, l.Action = e.loc.Error(r.Cause()), "reauthorize"
	case r.State == app.TokenUnknown:
		l.Message = e.loc.Error(r.Reason)
	case r.Username != "":
		l.Username = r.Username
	}
	return l
}

// printChecks prints a line per connection and, under a dead one, the
// command that fixes it.
func (e *env) printChecks(lines []checkLine, none bool) {
	if none {
		fmt.Fprintln(e.stderr, e.loc.T("cli.list.empty"))
		return
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	for _, l := range lines {
		var state string
		switch l.State {
		case "alive":
			state = e.loc.T("cli.check.alive")
		case "dead":
			state = e.loc.T("cli.check.dead")
		case "unknown":
			state = e.loc.T("cli.check.unknown")
		default:
			state = e.loc.T("cli.check.error")
		}
		detail := l.Message
		if l.State == "alive" {
			detail = l.Username
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", safetext.Line(l.Profile), state, safetext.Line(detail))
		if l.Action == "reauthorize" {
			fmt.Fprintf(tw, "\t\t%s\n", e.loc.T("cli.check.fix", map[string]any{"Name": l.Profile}))
		}
	}
	_ = tw.Flush()
}
