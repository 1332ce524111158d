package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// listOrphans prints the keychain entries that no profile in this config dir
// owns and, with remove, deletes them.
func (e *env) listOrphans(ctx context.Context, svc *app.Service, dir string, remove bool) error {
	orphans, err := svc.Orphans(ctx)
	if err != nil {
		return err
	}
	if len(orphans) == 0 {
		fmt.Fprintln(e.stderr, e.loc.T("cli.orphans.none"))
		return nil
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.orphans.title", map[string]any{"Dir": dir}))
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	names := make([]string, len(orphans))
	for i, o := range orphans {
		names[i] = o.Name
		kinds := make([]string, len(o.Accounts))
		for j, acc := range o.Accounts {
			kinds[j] = e.secretLabel(strings.TrimPrefix(acc, o.Name+":"))
		}
		fmt.Fprintln(tw, "  "+e.loc.T("cli.orphans.row", map[string]any{"Name": o.Name, "Entries": strings.Join(kinds, ", ")}))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !remove {
		fmt.Fprintln(e.stderr, e.loc.T("cli.orphans.offer"))
		return nil
	}
	removed, err := svc.RemoveOrphans(ctx, names)
	for _, name := range removed {
		fmt.Fprintln(e.stdout, e.loc.T("cli.orphans.removed", map[string]any{"Name": name}))
	}
	if len(removed) > 0 {
		fmt.Fprintln(e.stderr, e.loc.T("cli.orphans.not_revoked"))
	}
	return err
}

// secretLabel names a keychain entry's kind as the console does.
func (e *env) secretLabel(kind string) string {
	switch secrets.Kind(kind) {
	case secrets.ClientSecret:
		return e.loc.T("cli.orphans.kind.client_secret")
	case secrets.RefreshToken:
		return e.loc.T("cli.orphans.kind.refresh_token")
	}
	return kind
}

// contacting says which Salesforce host a command on a saved profile is
// about to reach, before it does. A profile that Load refuses is named only
// for delete (refused is true), which revokes at its org's own host; the
// other commands stop with the refusal and contact nothing.
func (e *env) contacting(ctx context.Context, svc *app.Service, name string, refused bool) {
	p, err := svc.Load(ctx, name)
	if err == nil || (refused && p.Name != "") {
		fmt.Fprintln(e.stderr, e.loc.T("cli.contacting", map[string]any{"Name": name, "URL": app.ContactURL(p)}))
	}
}

// contactingAll names the host of every connection check is about to ask
// about: the one called name, or all of them.
func (e *env) contactingAll(ctx context.Context, svc *app.Service, name string, all bool) {
	if !all {
		e.contacting(ctx, svc, name, false)
		return
	}
	profiles, _ := svc.List(ctx)
	for _, p := range profiles {
		e.contacting(ctx, svc, p.Name, false)
	}
}
