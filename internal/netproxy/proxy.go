// Package netproxy is sfconnect's way out of a corporate network: which
// proxy a call to Salesforce goes through (and why), proxy authentication,
// and the certificate roots that verify Salesforce behind a TLS-inspecting
// gateway.
//
// Go's net/http only reads HTTP(S)_PROXY from the environment; Japanese
// enterprises mostly set their proxy in the system settings, often as a PAC
// file, which Go ignores. The order, first match wins:
//
//  1. the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), as every
//     command-line tool does;
//  2. the app's own setting (GUI Settings, --proxy or --pac): a proxy URL, a
//     PAC file URL, or "direct";
//  3. the system setting, read with github.com/mattn/go-ieproxy: on Windows
//     Internet Options (WinINet: a fixed proxy, an automatic configuration
//     script (PAC) or WPAD discovery), on macOS the network settings.
//
// A PAC file, the app's or the system's, is run by goja on Linux and macOS
// and by WinHTTP on Windows, as Windows itself runs it. Loopback targets
// (the callback listener, a local simulator) never go through a proxy. See
// docs/NETWORK.md for the choices behind this package.
package netproxy

import (
	"context"
	"crypto/x509"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/sfconnect/sfconnect/internal/hosts"
	"golang.org/x/net/http/httpproxy"
)

// Settings are the user's network choices: the GUI's Settings screen, the
// CLI's flags, or what a profile remembers. None of them is a secret; the
// proxy password lives in the keychain.
type Settings struct {
	Proxy     string // proxy URL (http://proxy.corp:8080), "direct", or "" for none
	PAC       string // URL of a PAC file to use instead of the system's; "" for none
	ProxyUser string // user name for proxy Basic authentication; "" for none
	CAFile    string // PEM file of extra root certificates; "" for none
}

// IsZero reports whether nothing is set.
func (s Settings) IsZero() bool { return s == Settings{} }

// Direct is the Settings.Proxy value that turns every proxy off, including
// the system's (a broken PAC file, a proxy that is not needed from home).
const Direct = "direct"

// Source says where a proxy choice came from.
type Source string

// The places a proxy choice can come from, in the order they are asked.
const (
	SourceLoopback   Source = "loopback"    // a loopback target: never proxied
	SourceEnv        Source = "env"         // HTTPS_PROXY / HTTP_PROXY / NO_PROXY
	SourceSetting    Source = "setting"     // Settings.Proxy
	SourceSettingPAC Source = "setting_pac" // the PAC file named in Settings.PAC
	SourceSystem     Source = "system"      // the system's fixed proxy
	SourceSystemPAC  Source = "system_pac"  // the system's automatic configuration script
	SourceWPAD       Source = "wpad"        // the system's automatic detection (WPAD)
	SourceNone       Source = "none"        // nothing is configured: direct
)

// Choice is the proxy for one target and why.
type Choice struct {
	Proxy     *url.URL // nil means a direct connection; may carry credentials
	Source    Source
	PAC       string // the PAC file consulted, for SourceSettingPAC / SourceSystemPAC
	PACResult string // what FindProxyForURL answered, for the PAC sources
}

// Display names the proxy for people: "proxy.corp:8080", or "" when direct.
// It never shows a password.
func (c Choice) Display() string {
	if c.Proxy == nil {
		return ""
	}
	return c.Proxy.Host
}

// Options are the outside world a Network runs in. Zero values mean the real
// one; tests replace them (a dialer that maps Salesforce names to loopback,
// a test-made root, a fake system setting).
type Options struct {
	Getenv      func(string) string                                               // default os.Getenv
	System      func() System                                                     // default ReadSystem
	Roots       func() (*x509.CertPool, error)                                    // the OS trust store; default x509.SystemCertPool
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error) // default a net.Dialer
	LookupHost  func(ctx context.Context, host string) ([]string, error)          // default net.DefaultResolver
}

// Network applies Settings: it chooses proxies and builds HTTP transports.
// It is safe for concurrent use.
type Network struct {
	set      Settings
	password string
	proxy    *url.URL // parsed Settings.Proxy; nil for "" and Direct
	opts     Options
	extra    []*x509.Certificate
	roots    *x509.CertPool // nil: Go's default verification

	sysOnce sync.Once
	sys     System
	pacs    pacCache
}

// New checks s and loads its CA file. password is the proxy user's password
// from the keychain ("" when none). The system setting is read on first use.
func New(s Settings, password string, o Options) (*Network, error) {
	s.Proxy, s.PAC = strings.TrimSpace(s.Proxy), strings.TrimSpace(s.PAC)
	s.ProxyUser, s.CAFile = strings.TrimSpace(s.ProxyUser), strings.TrimSpace(s.CAFile)
	n := &Network{set: s, password: password, opts: o.withDefaults()}
	var err error
	if n.proxy, err = ParseProxyURL(s.Proxy); err != nil {
		return nil, err
	}
	if n.proxy != nil && n.proxy.User != nil {
		// Settings are stored in plain files (preferences, profiles): a
		// password has no place in them.
		return nil, &SettingError{Field: "proxy_userinfo", Value: n.proxy.Redacted()}
	}
	if s.PAC != "" {
		if err := checkPACURL(s.PAC); err != nil {
			return nil, err
		}
	}
	// Without a CA file and a test's roots, crypto/tls's default (the OS
	// store, loaded on the first handshake) is the same and costs nothing
	// at start-up.
	if s.CAFile != "" || o.Roots != nil {
		roots := o.Roots
		if roots == nil {
			roots = x509.SystemCertPool
		}
		if n.roots, n.extra, err = loadRoots(s.CAFile, roots); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func (o Options) withDefaults() Options {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.System == nil {
		o.System = ReadSystem
	}
	if o.DialContext == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
		o.DialContext = d.DialContext
	}
	if o.LookupHost == nil {
		o.LookupHost = net.DefaultResolver.LookupHost
	}
	return o
}

// Settings returns the settings in force, trimmed.
func (n *Network) Settings() Settings { return n.set }

// LookupHost resolves host the way this network does (tests map names).
func (n *Network) LookupHost(ctx context.Context, host string) ([]string, error) {
	return n.opts.LookupHost(ctx, host)
}

// Choose picks the proxy for target. The credentials of the proxy user are
// added to the chosen proxy unless its URL carries its own.
func (n *Network) Choose(ctx context.Context, target *url.URL) (Choice, error) {
	c, err := n.choose(ctx, target)
	if err == nil && c.Proxy != nil && c.Proxy.User == nil && n.set.ProxyUser != "" {
		p := *c.Proxy
		p.User = url.UserPassword(n.set.ProxyUser, n.password)
		c.Proxy = &p
	}
	return c, err
}

func (n *Network) choose(ctx context.Context, target *url.URL) (Choice, error) {
	if hosts.IsLoopback(target.Hostname()) {
		return Choice{Source: SourceLoopback}, nil
	}
	env := &httpproxy.Config{
		HTTPProxy:  n.getenv("HTTP_PROXY", "http_proxy"),
		HTTPSProxy: n.getenv("HTTPS_PROXY", "https_proxy"),
		NoProxy:    n.getenv("NO_PROXY", "no_proxy"),
	}
	if env.HTTPProxy != "" || env.HTTPSProxy != "" {
		p, err := env.ProxyFunc()(target)
		if err != nil {
			return Choice{}, &SettingError{Field: "env", Value: "HTTPS_PROXY", Err: err}
		}
		if p != nil || envNamesScheme(env, target.Scheme) {
			return Choice{Proxy: p, Source: SourceEnv}, nil
		}
	}
	switch {
	case strings.EqualFold(n.set.Proxy, Direct):
		return Choice{Source: SourceSetting}, nil
	case n.proxy != nil:
		return Choice{Proxy: n.proxy, Source: SourceSetting}, nil
	case n.set.PAC != "":
		return n.fromPAC(ctx, n.set.PAC, SourceSettingPAC, target)
	}
	return n.fromSystem(ctx, target)
}

// envNamesScheme reports whether the environment configures a proxy for the
// target's scheme: then NO_PROXY's "direct" is the environment's answer and
// the settings below are not asked.
func envNamesScheme(env *httpproxy.Config, scheme string) bool {
	if scheme == "https" {
		return env.HTTPSProxy != ""
	}
	return env.HTTPProxy != ""
}

// getenv reads an upper-case variable, then its lower-case spelling, as
// net/http does.
func (n *Network) getenv(names ...string) string {
	for _, k := range names {
		if v := n.opts.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// system returns the system setting, read once per Network.
func (n *Network) system() System {
	n.sysOnce.Do(func() { n.sys = n.opts.System() })
	return n.sys
}

// ProxyFunc is the proxy function for an http.Transport.
func (n *Network) ProxyFunc() func(*http.Request) (*url.URL, error) {
	return func(r *http.Request) (*url.URL, error) {
		c, err := n.Choose(r.Context(), r.URL)
		return c.Proxy, err
	}
}

// ParseProxyURL reads a proxy setting: "" and Direct give nil; a bare
// "host:port" means http://host:port. Schemes http, https and socks5 are
// what Go's transport can use.
func ParseProxyURL(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, Direct) {
		return nil, nil
	}
	raw := s
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Hostname() == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return nil, &SettingError{Field: "proxy", Value: redact(raw)}
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, &SettingError{Field: "proxy", Value: redact(raw)}
	}
	u.Path = ""
	return u, nil
}

// redact drops a password from a URL-like string for messages.
func redact(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		return u.Redacted()
	}
	if i := strings.LastIndex(s, "@"); i >= 0 {
		return "…" + s[i:]
	}
	return s
}
