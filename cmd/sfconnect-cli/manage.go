package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/safetext"
)

func cmdVerify(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.verify"
	fs := newFlags("verify")
	var name string
	var deep bool
	fs.StringVar(&name, "profile", "", "")
	fs.BoolVar(&deep, "deep", false, "")
	svc, err := e.networkCommand(ctx, fs, usage, args, &name)
	if err != nil {
		return err
	}
	e.contacting(ctx, svc, name, false)
	verify := svc.Verify
	if deep {
		// Said before, not after: the refresh may replace the console's token.
		fmt.Fprintln(e.stderr, e.loc.T("cli.verify.deep_warning"))
		verify = svc.VerifyDeep
	}
	r, err := verify(ctx, name, e.progress())
	if r != nil {
		e.printReport(*r)
		if r.Replaced {
			fmt.Fprintln(e.stderr, e.loc.T("cli.verify.replaced", map[string]any{"Name": name}))
		}
	}
	if err != nil {
		return err
	}
	if failed := r.Failed(); len(failed) > 0 {
		return &app.VerificationError{Failed: failed}
	}
	if r.Unanswered() {
		key := "cli.verify.unknown" // offers --deep
		switch r.Checks[0].Key {
		case "app.check.token.unreached":
			key = "cli.verify.unreached" // --deep would meet the same network: the fix is above
		case "app.check.token.withheld":
			key = "cli.verify.withheld" // --deep does not present a rotating token blind
		}
		return &keyedError{key: key, args: map[string]any{"Name": name}}
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.verify.ok", map[string]any{"Name": name}))
	return nil
}

func cmdExport(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.export"
	fs := newFlags("export")
	var name, out string
	var withSecrets, encrypt, passStdin bool
	var recipients recipientList
	fs.StringVar(&name, "profile", "", "")
	fs.BoolVar(&withSecrets, "include-secrets", false, "")
	fs.BoolVar(&encrypt, "encrypt", false, "")
	fs.BoolVar(&passStdin, "passphrase-stdin", false, "")
	fs.Var(&recipients, "recipient", "")
	fs.StringVar(&out, "o", "-", "")
	svc, err := e.profileCommand(fs, usage, args, &name)
	if err != nil {
		return err
	}
	lock, err := e.exportLock(usage, encrypt, passStdin, recipients)
	if err != nil {
		return err
	}
	if out == "-" {
		if lock != nil {
			return svc.ExportSealed(ctx, name, withSecrets, *lock, e.stdout)
		}
		return svc.Export(ctx, name, withSecrets, e.stdout)
	}
	h, err := svc.ExportHandover(ctx, name, withSecrets, lock, out)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.export.written", map[string]any{"Path": out}))
	fmt.Fprintln(e.stdout, e.loc.T("cli.export.guide", map[string]any{"Path": h.Guide}))
	switch {
	case lock != nil && lock.Passphrase != "":
		fmt.Fprintln(e.stderr, e.loc.T("cli.export.passphrase_apart"))
	case withSecrets && lock == nil:
		fmt.Fprintln(e.stderr, e.loc.T("cli.export.secrets_warning"))
	}
	return nil
}

func cmdImport(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.import"
	fs := newFlags("import")
	var name, identity string
	var passStdin bool
	fs.StringVar(&name, "profile", "", "")
	fs.BoolVar(&passStdin, "passphrase-stdin", false, "")
	fs.StringVar(&identity, "identity", "", "")
	var replace bool
	fs.BoolVar(&replace, "replace", false, "")
	if err := e.parse(fs, usage, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return e.usageError(usage, e.loc.T("cli.err.file_required"))
	}
	if passStdin && fs.Arg(0) == "-" {
		return e.usageError(usage, e.loc.T("cli.err.stdin_twice"))
	}
	data, err := e.readImport(fs.Arg(0))
	if err != nil {
		return err
	}
	needs, err := app.ImportNeeds(data)
	if err != nil {
		return err
	}
	key, err := e.importKey(usage, needs, passStdin, identity)
	if err != nil {
		return err
	}
	svc, err := e.serviceFor("")
	if err != nil {
		return err
	}
	p, err := svc.ImportSealedWith(ctx, bytes.NewReader(data), app.ImportOptions{Name: name, Replace: replace}, key)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.import.done", map[string]any{"Name": p.Name}))
	return nil
}

func cmdList(ctx context.Context, e *env, args []string) error {
	fs := newFlags("list")
	var orphans, remove bool
	fs.BoolVar(&orphans, "orphans", false, "")
	fs.BoolVar(&remove, "remove", false, "")
	if err := e.parse(fs, "cli.usage.list", args, 0); err != nil {
		return err
	}
	if remove && !orphans {
		return e.usageError("cli.usage.list", e.loc.T("cli.err.remove_needs_orphans"))
	}
	store, dir, err := e.stores()
	if err != nil {
		return err
	}
	svc := e.service(store, dir, "")
	if orphans {
		return e.listOrphans(ctx, svc, dir, remove)
	}
	profiles, err := svc.List(ctx)
	if err != nil {
		return err
	}
	if len(profiles) == 0 {
		fmt.Fprintln(e.stderr, e.loc.T("cli.list.empty"))
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, e.loc.T("cli.list.header"))
	for _, p := range profiles {
		verified := "-"
		if !p.VerifiedAt.IsZero() {
			verified = p.VerifiedAt.Local().Format(time.DateTime)
		}
		// Values from profile files, escaped: a tab would also break the columns.
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", safetext.Line(p.Name), safetext.Line(p.Namespace),
			safetext.Line(app.ConsoleURL(p)), safetext.Line(p.Kind), safetext.Line(p.Username), verified)
	}
	return tw.Flush()
}

func cmdDelete(ctx context.Context, e *env, args []string) error {
	const usage = "cli.usage.delete"
	fs := newFlags("delete")
	var name string
	var noRevoke bool
	fs.StringVar(&name, "profile", "", "")
	fs.BoolVar(&noRevoke, "no-revoke", false, "")
	svc, err := e.networkCommand(ctx, fs, usage, args, &name)
	if err != nil && (svc == nil || !noRevoke) {
		return err // --no-revoke deletes even when the network settings are broken
	}
	if !noRevoke {
		e.contacting(ctx, svc, name, true)
	}
	d, err := svc.Remove(ctx, name, !noRevoke, e.progress())
	if err != nil {
		var nr *app.RevokeError
		if errors.As(err, &nr) {
			// The error line that follows says why; this one says what is left.
			fmt.Fprintln(e.stderr, e.loc.T("cli.delete.not_revoked", map[string]any{"Name": name}))
		}
		return err
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.delete.done", map[string]any{"Name": name}))
	if d.Stale {
		// Not "revoked": the console may hold a newer token of the connection.
		fmt.Fprintln(e.stderr, e.loc.T("cli.delete.stale", map[string]any{"Name": name}))
	}
	return nil
}

// profileCommand parses the flags of a command that acts on one saved
// profile (--profile is required) and builds the use cases.
func (e *env) profileCommand(fs *flag.FlagSet, usage string, args []string, name *string) (*app.Service, error) {
	if err := e.parse(fs, usage, args, 0); err != nil {
		return nil, err
	}
	if err := e.need(usage, "profile", *name); err != nil {
		return nil, err
	}
	return e.serviceFor("")
}

// serviceFor opens the stores and builds the use cases.
func (e *env) serviceFor(browser string) (*app.Service, error) {
	store, dir, err := e.stores()
	if err != nil {
		return nil, err
	}
	return e.service(store, dir, browser), nil
}

// fileError means a file named on the command line could not be read.
type fileError struct {
	Path string
	Err  error
}

func (e *fileError) Error() string               { return fmt.Sprintf("open %s: %v", e.Path, e.Err) }
func (e *fileError) Unwrap() error               { return e.Err }
func (e *fileError) MessageKey() string          { return "cli.err.open_file" }
func (e *fileError) MessageArgs() map[string]any { return map[string]any{"Path": e.Path} }

// keyedError is a translated outcome of a command that is not an error of
// the core (the state of a token is unknown, say).
type keyedError struct {
	key  string
	args map[string]any
}

func (e *keyedError) Error() string               { return e.key }
func (e *keyedError) MessageKey() string          { return e.key }
func (e *keyedError) MessageArgs() map[string]any { return e.args }
