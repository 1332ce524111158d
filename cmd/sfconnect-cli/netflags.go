package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// netFlags are the network flags of every command that talks to
// Salesforce (login, reauth, verify, check, delete, doctor). A flag given on
// the command line wins over what the profile remembers; login and reauth
// remember the settings in force in the profile; check lays the flags over
// the settings of each connection it checks.
type netFlags struct {
	fs  *flag.FlagSet
	set netproxy.Settings
}

func (n *netFlags) register(fs *flag.FlagSet) {
	n.fs = fs
	fs.StringVar(&n.set.Proxy, "proxy", "", "")
	fs.StringVar(&n.set.PAC, "pac", "", "")
	fs.StringVar(&n.set.ProxyUser, "proxy-user", "", "")
	fs.StringVar(&n.set.CAFile, "ca-file", "", "")
}

// over returns base with the flags that were given laid over it.
func (n *netFlags) over(base netproxy.Settings) netproxy.Settings {
	n.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "proxy":
			base.Proxy = n.set.Proxy
		case "pac":
			base.PAC = n.set.PAC
		case "proxy-user":
			base.ProxyUser = n.set.ProxyUser
		case "ca-file":
			base.CAFile = n.set.CAFile
		}
	})
	return base
}

// useNetwork puts the flags (over base) in force on svc. The proxy user's
// password comes from SFCONNECT_PROXY_PASSWORD, else the keychain, else a
// prompt that does not echo; a new one is kept in the keychain.
func (e *env) useNetwork(ctx context.Context, svc *app.Service, base netproxy.Settings, n *netFlags) error {
	set := n.over(base)
	if user := strings.TrimSpace(set.ProxyUser); user != "" {
		if err := e.proxyPassword(ctx, svc, user); err != nil {
			return err
		}
	}
	return svc.SetNetwork(ctx, set)
}

// useProfileNetwork applies the flags over what profile name remembers.
func (e *env) useProfileNetwork(ctx context.Context, svc *app.Service, name string, n *netFlags) error {
	p, err := svc.Load(ctx, name)
	var refused *profile.HostRefusedError
	if errors.As(err, &refused) {
		// Its file is not trusted, so neither are the network settings in
		// it; the command itself refuses the profile (delete revokes at the
		// org's own host).
		return e.useNetwork(ctx, svc, netproxy.Settings{}, n)
	}
	if err != nil {
		return err
	}
	return e.useNetwork(ctx, svc, app.NetworkOf(p), n)
}

func (e *env) proxyPassword(ctx context.Context, svc *app.Service, user string) error {
	pw := e.envProxyPassword
	if pw == "" {
		if ok, err := svc.HasProxyPassword(ctx, user); ok || err != nil || !e.isTerminal() {
			return err
		}
		fmt.Fprint(e.stderr, e.loc.T("cli.prompt.proxy_password", map[string]any{"User": user}))
		s, err := e.readSecret()
		fmt.Fprintln(e.stderr)
		if err != nil {
			return fmt.Errorf("read the proxy password: %w", err)
		}
		if pw = s; pw == "" {
			return nil
		}
	}
	return svc.SetProxyPassword(ctx, user, pw)
}

// networksOf lays the flags over the network settings each profile in list
// was saved with, for check, which asks about each through its own. The
// password of each proxy user is taken as useNetwork takes it, once a user;
// a profile whose file Load refuses is left alone (its check refuses it).
func (e *env) networksOf(ctx context.Context, svc *app.Service, list []app.Profile, n *netFlags) error {
	asked := map[string]bool{}
	for i, p := range list {
		if _, err := svc.Load(ctx, p.Name); err != nil {
			continue
		}
		set := n.over(app.NetworkOf(p))
		app.SetNetworkOf(&list[i], set)
		if user := strings.TrimSpace(set.ProxyUser); user != "" && !asked[user] {
			asked[user] = true
			if err := e.proxyPassword(ctx, svc, user); err != nil {
				return err
			}
		}
	}
	return nil
}

// networkCommand is profileCommand for a command that calls Salesforce:
// it also takes the network flags and puts them in force over what the
// profile remembers. When only the network settings fail (a CA file that
// is gone), the service is returned with the error, for a caller that can
// do without the network.
func (e *env) networkCommand(ctx context.Context, fs *flag.FlagSet, usage string, args []string, name *string) (*app.Service, error) {
	var nf netFlags
	nf.register(fs)
	svc, err := e.profileCommand(fs, usage, args, name)
	if err != nil {
		return nil, err
	}
	return svc, e.useProfileNetwork(ctx, svc, *name, &nf)
}
