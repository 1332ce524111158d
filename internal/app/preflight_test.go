package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

// corpNet is a corporate network on loopback: the simulator over TLS under
// Salesforce's names, the environment, the system setting and the OS trust
// store of the machine, all the test's.
type corpNet struct {
	t     *testing.T
	sf    *proxytest.Salesforce
	vars  map[string]string
	sys   netproxy.System
	hosts proxytest.Hosts
	store *secrets.Memory
	ports func(context.Context) ([]callback.PortRange, error)
}

func newCorpNet(t *testing.T) *corpNet {
	sf := proxytest.StartSalesforce(t, sfsim.DemoOptions("http://localhost/"))
	return &corpNet{t: t, sf: sf, vars: map[string]string{}, hosts: sf.Hosts, store: secrets.NewMemory()}
}

func (c *corpNet) service(set netproxy.Settings) *app.Service {
	c.t.Helper()
	// The test's environment, system setting and name map (which a test
	// may empty) instead of Direct's.
	nw := nettest.Direct(c.sf)
	nw.Getenv = func(k string) string { return c.vars[k] }
	nw.System = func() netproxy.System { return c.sys }
	nw.DialContext, nw.LookupHost = c.hosts.DialContext, c.hosts.LookupHost
	svc := app.New(app.Deps{
		Profiles:      &profile.Store{Dir: c.t.TempDir()},
		Secrets:       c.store,
		Net:           nw,
		ExcludedPorts: c.ports,
	})
	if err := svc.SetNetwork(context.Background(), set); err != nil {
		c.t.Fatal(err)
	}
	return svc
}

// run checks the org acme at its My Domain, served by the simulator.
func (c *corpNet) run(svc *app.Service) *app.Preflight {
	return svc.Preflight(context.Background(), app.PreflightInput{Org: "acme",
		CallbackURL: testkit.CallbackURL(c.t),
		LoginURL:    c.sf.URL("acme.my.salesforce.com")})
}

// want asserts the status and message key of checks by ID.
func want(t *testing.T, p *app.Preflight, expect map[string]string) {
	t.Helper()
	for id, spec := range expect {
		st, key, _ := strings.Cut(spec, " ")
		c, ok := p.Check(id)
		if !ok {
			t.Errorf("no %s check in %+v", id, p.Checks)
			continue
		}
		if c.Status.String() != st || c.Key != key {
			t.Errorf("%s = %s %s %v, want %s", id, c.Status, c.Key, c.Args, spec)
		}
	}
}

func TestPreflightAgainstTheLoopbackSimulator(t *testing.T) {
	h := newHarness(t, nil)
	p := h.svc.Preflight(context.Background(), app.PreflightInput{Org: "acme", CallbackURL: h.callback, LoginURL: h.simURL})
	want(t, p, map[string]string{
		app.CheckOrg:   "pass app.preflight.org.simulator",
		app.CheckPort:  "pass app.preflight.port.ok",
		app.CheckProxy: "pass app.preflight.proxy.loopback",
		app.CheckHTTPS: "pass app.preflight.https.ok",
		app.CheckTLS:   "pass app.preflight.tls.plain",
	})
	if p.Failed() || len(p.Checks) != 5 {
		t.Errorf("checks: %+v", p.Checks)
	}
	loc := i18n.New("ja")
	for _, c := range p.Checks {
		if text := loc.T(c.Key, c.Args); text == c.Key || strings.Contains(text, "<no value>") {
			t.Errorf("%s renders as %q", c.ID, text)
		}
	}
}

func TestPreflightFindsTheWayThroughACorporateNetwork(t *testing.T) {
	type setup func(c *corpNet) netproxy.Settings
	proxyFor := func(c *corpNet, o proxytest.ProxyOptions) *proxytest.Proxy {
		o.Hosts = c.sf.Hosts
		return proxytest.StartProxy(t, o)
	}
	tests := []struct {
		name   string
		setup  setup
		expect map[string]string
	}{
		{"direct", func(c *corpNet) netproxy.Settings { return netproxy.Settings{} }, map[string]string{
			app.CheckProxy: "pass app.preflight.proxy.none", app.CheckHTTPS: "pass app.preflight.https.ok",
			app.CheckTLS: "pass app.preflight.tls.ok"}},
		{"via the environment's proxy", func(c *corpNet) netproxy.Settings {
			c.vars["HTTPS_PROXY"] = proxyFor(c, proxytest.ProxyOptions{}).URL
			return netproxy.Settings{}
		}, map[string]string{app.CheckProxy: "pass app.preflight.proxy.env", app.CheckHTTPS: "pass app.preflight.https.ok"}},
		{"via the system's PAC file", func(c *corpNet) netproxy.Settings {
			p := proxyFor(c, proxytest.ProxyOptions{})
			c.sys = netproxy.System{PAC: proxytest.ServePAC(t, `function FindProxyForURL(u, h) { return "PROXY `+p.Addr+`"; }`).URL}
			return netproxy.Settings{}
		}, map[string]string{app.CheckProxy: "pass app.preflight.proxy.system_pac", app.CheckHTTPS: "pass app.preflight.https.ok"}},
		{"proxy password wrong", func(c *corpNet) netproxy.Settings {
			_ = c.store.Set(context.Background(), secrets.ProxyAccount("taro"), "wrong")
			return netproxy.Settings{Proxy: proxyFor(c, proxytest.ProxyOptions{User: "taro", Password: "right"}).URL, ProxyUser: "taro"}
		}, map[string]string{app.CheckProxy: "pass app.preflight.proxy.setting", app.CheckHTTPS: "fail app.net.err.proxy_auth_rejected",
			app.CheckTLS: "warn app.preflight.tls.skipped"}},
		{"proxy password right", func(c *corpNet) netproxy.Settings {
			_ = c.store.Set(context.Background(), secrets.ProxyAccount("taro"), "right")
			return netproxy.Settings{Proxy: proxyFor(c, proxytest.ProxyOptions{User: "taro", Password: "right"}).URL, ProxyUser: "taro"}
		}, map[string]string{app.CheckHTTPS: "pass app.preflight.https.ok", app.CheckTLS: "pass app.preflight.tls.ok"}},
		{"TLS inspection without the CA file", func(c *corpNet) netproxy.Settings {
			c.vars["HTTPS_PROXY"] = proxyFor(c, proxytest.ProxyOptions{Inspect: proxytest.NewCA(t, "Corp SSL Inspection CA"), UpstreamRoots: c.sf.Root.Pool()}).URL
			return netproxy.Settings{}
		}, map[string]string{app.CheckHTTPS: "fail app.preflight.https.tls_failed", app.CheckTLS: "fail app.net.err.tls_untrusted"}},
		{"TLS inspection with the CA file", func(c *corpNet) netproxy.Settings {
			corp := proxytest.NewCA(t, "Corp SSL Inspection CA")
			c.vars["HTTPS_PROXY"] = proxyFor(c, proxytest.ProxyOptions{Inspect: corp, UpstreamRoots: c.sf.Root.Pool()}).URL
			return netproxy.Settings{CAFile: corp.WriteFile(t, t.TempDir())}
		}, map[string]string{app.CheckHTTPS: "pass app.preflight.https.ok", app.CheckTLS: "pass app.preflight.tls.inspected"}},
		{"the name does not resolve", func(c *corpNet) netproxy.Settings {
			c.hosts = proxytest.Hosts{}
			return netproxy.Settings{}
		}, map[string]string{app.CheckHTTPS: "fail app.net.err.dns", app.CheckTLS: "warn app.preflight.tls.skipped"}},
		{"the proxy is down", func(c *corpNet) netproxy.Settings {
			return netproxy.Settings{Proxy: testkit.ClosedURL(t)}
		}, map[string]string{app.CheckHTTPS: "fail app.net.err.proxy_unreachable"}},
		{"a broken PAC file", func(c *corpNet) netproxy.Settings {
			return netproxy.Settings{PAC: proxytest.ServePAC(t, "function FindProxyForURL(").URL}
		}, map[string]string{app.CheckProxy: "fail app.net.err.pac_script", app.CheckTLS: "warn app.preflight.tls.skipped"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCorpNet(t)
			p := c.run(c.service(tt.setup(c)))
			want(t, p, tt.expect)
			want(t, p, map[string]string{app.CheckOrg: "pass app.preflight.org.login_url", app.CheckPort: "pass app.preflight.port.ok"})
		})
	}
}

func TestPreflightTellsWhyTheCallbackPortCannotBeUsed(t *testing.T) {
	c := newCorpNet(t)
	sample, err := os.ReadFile(filepath.Join("..", "callback", "testdata", "netsh-excludedportrange-ja-cp932.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c.ports = func(context.Context) ([]callback.PortRange, error) { return callback.ParseExcludedPorts(sample), nil }
	svc := c.service(netproxy.Settings{})

	takenPort, _ := testkit.Occupy(t)
	tests := []struct {
		callback, key, suggested string
	}{
		{fmt.Sprintf("http://localhost:%d/callback", takenPort), "app.preflight.port.in_use", "http://localhost:8765/callback"},
		{"http://localhost:50010/callback", "app.preflight.port.reserved_admin", "http://localhost:8765/callback"},
		{"http://localhost:7900/cb", "app.preflight.port.reserved", "http://localhost:8765/callback"},
		{"http://127.0.0.1:8080", "callback.err.redirect_host", ""},
	}
	for _, tt := range tests {
		p := svc.Preflight(context.Background(), app.PreflightInput{Org: "acme", CallbackURL: tt.callback,
			LoginURL: c.sf.URL("acme.my.salesforce.com")})
		got, _ := p.Check(app.CheckPort)
		if got.Status != app.Fail || got.Key != tt.key || got.FixKey == "" {
			t.Errorf("%s: %+v, want fail %s with a fix", tt.callback, got, tt.key)
		}
		if s, _ := got.FixArgs["SuggestedURL"].(string); s != tt.suggested {
			t.Errorf("%s: suggested %q, want %q", tt.callback, s, tt.suggested)
		}
		if !p.Failed() {
			t.Errorf("%s: the preflight did not fail", tt.callback)
		}
	}
}

func TestPreflightChecksTheOrgAgainstItsHost(t *testing.T) {
	c := newCorpNet(t)
	c.hosts = proxytest.Hosts{} // these checks need no network; nothing resolves
	svc := c.service(netproxy.Settings{})
	tests := []struct {
		org, loginURL, expect string
	}{
		{"acme", "", "pass app.preflight.org.production"},
		{"acme--uat", "", "pass app.preflight.org.sandbox"},
		{"acme--uat.sandbox", "", "pass app.preflight.org.sandbox"},
		{"acme-dev-ed.develop", "", "pass app.preflight.org.edition"},
		{"https://acme.lightning.force.com/lightning/page/home", "", "pass app.preflight.org.mapped"},
		{"https://acme--uat.sandbox.lightning.force.com/one/one.app", "", "pass app.preflight.org.mapped"},
		{"acme.my.salesforce.com", "", "pass app.preflight.org.production"},
		{"acme--uat", "https://login.salesforce.com", "fail app.preflight.org.sandbox_at_production"},
		{"acme", "https://test.salesforce.com", "fail app.preflight.org.production_at_sandbox"},
		{"acme", "https://login.salesforce.com", "warn app.preflight.org.generic_login"},
		{"acme", "https://globex.my.salesforce.com", "fail app.preflight.org.other_org"},
		{"acme", "https://sso.example.co.jp", "warn app.preflight.org.not_salesforce"},
		{"acme", "http://sso.example.co.jp", "fail sf.url.insecure"},
		{"https://login.salesforce.com", "", "fail sf.org.generic_login_host"},
	}
	for _, tt := range tests {
		p := svc.Preflight(context.Background(), app.PreflightInput{Org: tt.org, LoginURL: tt.loginURL,
			CallbackURL: testkit.CallbackURL(t)})
		got, _ := p.Check(app.CheckOrg)
		if spec := got.Status.String() + " " + got.Key; spec != tt.expect {
			t.Errorf("%s at %q: %s %v, want %s", tt.org, tt.loginURL, spec, got.Args, tt.expect)
		}
		if got.Status != app.Pass && got.FixKey == "" && !strings.HasPrefix(got.Key, "sf.") {
			t.Errorf("%s at %q: no fix", tt.org, tt.loginURL)
		}
	}
}
