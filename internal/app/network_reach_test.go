package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

// reachOrg is a sign-in on a corporate network on loopback: the simulator
// over TLS at https://acme.my.salesforce.com (port 443 mapped to its
// listener), the admin's browser reaching it directly (its own proxy
// settings work), and the service going the way its network settings say,
// through the test's proxies.
type reachOrg struct {
	t        *testing.T
	sf       *proxytest.Salesforce
	callback string
	dir      string
	store    *secrets.Memory
	svc      *app.Service
	browser  *testkit.Browser
}

func newReachOrg(t *testing.T) *reachOrg {
	o := &reachOrg{t: t, callback: testkit.CallbackURL(t),
		dir: t.TempDir(), store: secrets.NewMemory()}
	opts := sfsim.DemoOptions(o.callback)
	opts.Consent = sfsim.ConsentAuto
	o.sf = proxytest.StartSalesforce(t, opts)
	o.browser = testkit.NewBrowser(testkit.Follow, o.sf.Browser())
	o.svc = app.New(app.Deps{Profiles: &profile.Store{Dir: o.dir}, Secrets: o.store, OpenBrowser: o.browser.Open,
		Net: nettest.Direct(o.sf)})
	return o
}

func (o *reachOrg) use(set netproxy.Settings) {
	o.t.Helper()
	if err := o.svc.SetNetwork(context.Background(), set); err != nil {
		o.t.Fatal(err)
	}
}

func (o *reachOrg) connect() (*app.Connection, error) {
	in := app.ConnectInput{Org: "acme", ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		CallbackURL: o.callback, Timeout: 20 * time.Second} // signs in at the org's My Domain
	c, err := o.svc.Connect(context.Background(), "prod", in, app.ConsoleFields{MatchingAttribute: "Email"}, nil)
	if err != nil {
		o.t.Logf("Connect: %v", err) // said before a browser that never finished fails the test
	}
	o.browser.Wait(o.t)
	return c, err
}

// says asserts that err reads, in both languages, as the diagnosis key with
// the given details, the text the preflight shows for the same failure.
func says(t *testing.T, err error, key string, details ...string) {
	t.Helper()
	var m interface{ MessageKey() string }
	if !errors.As(err, &m) || m.MessageKey() != key {
		t.Fatalf("err = %v, want a message %s", err, key)
	}
	en, ja := i18n.New("en").Error(err), i18n.New("ja").Error(err)
	for _, d := range details {
		if !strings.Contains(en, d) || !strings.Contains(ja, d) {
			t.Errorf("the message lacks %q:\n%s\n%s", d, en, ja)
		}
	}
	if !hasJapanese(ja) || strings.Contains(en+ja, "<no value>") {
		t.Errorf("messages: %q / %q", en, ja)
	}
}

func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3040 && r <= 0x9fff })
}

// The browser signs in (its own proxy settings work), then the token
// exchange meets the proxy's 407: the admin reads what the preflight says,
// not "Cannot reach", and nothing is saved.
func TestA407DuringTheTokenExchangeNamesTheProxy(t *testing.T) {
	o := newReachOrg(t)
	authed := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: o.sf.DialContext, User: "taro", Password: "right"})
	o.use(netproxy.Settings{Proxy: authed.URL})
	_, err := o.connect()
	var ne *oauthflow.NetworkError
	if !errors.As(err, &ne) || ne.Host != "acme.my.salesforce.com" {
		t.Fatalf("err = %v, want the exchange's network error", err)
	}
	says(t, err, "app.net.err.proxy_auth_required", authed.Addr)
	if authed.Denied() == 0 || authed.Connects() != 0 {
		t.Errorf("proxy denied %d, tunneled %d: the exchange did not meet the 407", authed.Denied(), authed.Connects())
	}
	if len(o.sf.Sim.IssuedRefreshTokens()) != 0 {
		t.Error("Salesforce issued a token through a proxy that refused the tunnel")
	}
	if list, _ := o.svc.List(context.Background()); len(list) != 0 || len(o.store.Accounts()) != 0 {
		t.Errorf("something was saved: %v, %v", list, o.store.Accounts())
	}
	// With the password the proxy asked for, the same sign-in works.
	_ = o.store.Set(context.Background(), secrets.ProxyAccount("taro"), "right")
	o.use(netproxy.Settings{Proxy: authed.URL, ProxyUser: "taro"})
	if _, err := o.connect(); err != nil {
		t.Fatalf("with the proxy password: %v", err)
	}
}

// After the connection is saved, a TLS-inspecting proxy appears in the way:
// Verify and the periodic check (introspection) say that its certificate
// is not trusted and how to fix it; with the corporate root both work.
func TestTLSInspectionDuringVerifyAndCheckIsExplained(t *testing.T) {
	o := newReachOrg(t)
	if _, err := o.connect(); err != nil {
		t.Fatal(err)
	}
	corp := proxytest.NewCA(t, "Corp SSL Inspection CA")
	inspecting := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: o.sf.DialContext, Inspect: corp, UpstreamRoots: o.sf.Root.Pool()})
	o.use(netproxy.Settings{Proxy: inspecting.URL})
	ctx := context.Background()

	r, err := o.svc.Verify(ctx, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Checks[0]
	if c.ID != "token" || c.Status != app.Warn || c.Key != "app.check.token.unreached" {
		t.Fatalf("verify's token check: %+v", c)
	}
	says(t, c.Detail, "app.net.err.tls_untrusted", "Corp SSL Inspection CA", "acme.my.salesforce.com", "--ca-file")

	p, _ := o.svc.Load(ctx, "prod")
	h := o.svc.CheckOne(ctx, p)
	if h.State != app.TokenUnknown {
		t.Fatalf("check: state %v", h.State)
	}
	says(t, h.Reason, "app.net.err.tls_untrusted", "Corp SSL Inspection CA")
	if inspecting.Connects() < 2 {
		t.Errorf("the inspecting proxy saw %d tunnels, want verify's and check's", inspecting.Connects())
	}

	o.use(netproxy.Settings{Proxy: inspecting.URL, CAFile: corp.WriteFile(t, t.TempDir())})
	if h := o.svc.CheckOne(ctx, p); h.State != app.TokenAlive {
		t.Errorf("with the corporate root: %v (%v)", h.State, h.Reason)
	}
}

// Delete meets a proxy that answers 502: nothing is removed, the error is a
// *RevokeError that reads as the preflight's diagnosis, and the token is
// still alive; once the way is clear, the same delete revokes and removes.
func TestA502OnRevokeKeepsEverythingAndSaysWhy(t *testing.T) {
	o := newReachOrg(t)
	if _, err := o.connect(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cutOff := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: proxytest.Hosts{}}) // reaches nothing: 502
	o.use(netproxy.Settings{Proxy: cutOff.URL})
	err := o.svc.Delete(ctx, "prod", true, nil)
	var re *app.RevokeError
	if !errors.As(err, &re) || re.Name != "prod" {
		t.Fatalf("err = %v, want a RevokeError", err)
	}
	says(t, err, "app.net.err.proxy_upstream", cutOff.Addr, "502")
	if _, err := o.svc.Load(ctx, "prod"); err != nil {
		t.Errorf("the profile is gone: %v", err)
	}
	if got := o.store.Accounts(); len(got) != 2 {
		t.Errorf("keychain entries %v, want both kept", got)
	}
	issued := o.sf.Sim.IssuedRefreshTokens()
	if o.sf.Sim.Revoked(issued[len(issued)-1]) {
		t.Error("the token was revoked although the delete said it was not")
	}

	o.use(netproxy.Settings{})
	if err := o.svc.Delete(ctx, "prod", true, nil); err != nil {
		t.Fatalf("delete on a clear way: %v", err)
	}
	if !o.sf.Sim.Revoked(issued[len(issued)-1]) || len(o.store.Accounts()) != 0 {
		t.Error("the second delete did not revoke and remove")
	}
}
