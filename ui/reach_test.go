package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

// reachEnv is the org served over TLS at its real My Domain,
// https://acme.my.salesforce.com (port 443 mapped to the simulator), a
// browser that reaches it directly, and a Service whose way to Salesforce
// the window's network settings choose among the test's proxies.
type reachEnv struct {
	sf       *proxytest.Salesforce
	svc      *app.Service
	callback string
	secrets  *secrets.Memory
	browser  *testkit.Browser
}

func newReachEnv(t *testing.T) *reachEnv {
	e := &reachEnv{callback: testkit.CallbackURL(t), secrets: secrets.NewMemory()}
	opts := sfsim.DemoOptions(e.callback)
	opts.Consent = sfsim.ConsentAuto
	e.sf = proxytest.StartSalesforce(t, opts)
	e.browser = testkit.NewBrowser(testkit.Follow, e.sf.Browser())
	e.svc = app.New(app.Deps{Profiles: &profile.Store{Dir: t.TempDir()}, Secrets: e.secrets, OpenBrowser: e.browser.Open,
		Net: nettest.Direct(e.sf)})
	return e
}

// connect saves "acme" before the window opens, on a direct way.
func (e *reachEnv) connect(t *testing.T) {
	t.Helper()
	in := app.ConnectInput{Org: "acme", ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		CallbackURL: e.callback, Timeout: 20 * time.Second}
	if _, err := e.svc.Connect(context.Background(), "acme", in, app.ConsoleFields{MatchingAttribute: "Email"}, nil); err != nil {
		t.Fatal(err)
	}
}

// window opens the app with proxy as its saved network setting and waits
// until the core uses it.
func (e *reachEnv) window(t *testing.T, lang, proxy string) (*UI, *uiLoop) {
	t.Helper()
	u, loop := newWindow(t, Options{Backend: e.svc}, map[string]string{prefLanguage: lang, prefProxy: proxy})
	loop.waitFor(t, "the network setting", func() bool { return e.svc.Network().Proxy == proxy })
	return u, loop
}

// The checklist says the proxy wants a password; the admin signs in
// anyway, and the token exchange fails with the same words, in Japanese.
func TestSignInMeetingA407ReadsAsTheChecklistDid(t *testing.T) {
	e := newReachEnv(t)
	authed := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: e.sf.DialContext, User: "taro", Password: "right"})
	u, loop := e.window(t, "ja", authed.URL)
	fillCredentials(t, u, "acme", sfsim.DemoClientID, sfsim.DemoClientSecret, e.callback)
	test.Tap(u.Credentials.Next)
	loop.waitFor(t, "the checklist", func() bool { return u.Authorize.Checks.Done })
	want := i18n.New("ja").T("app.net.err.proxy_auth_required", map[string]any{"Proxy": authed.Addr})
	var checklist string
	for _, l := range u.Authorize.Checks.Lines {
		if l.ID == app.CheckHTTPS {
			checklist = l.Text.Text
		}
	}
	if !strings.Contains(checklist, want) {
		t.Fatalf("the checklist says %q, want %q", checklist, want)
	}
	test.Tap(u.Authorize.Authorize)
	loop.waitFor(t, "the sign-in's end", func() bool { return u.Authorize.Error.Visible() || u.Screen() != ScreenAuthorize })
	if got := u.Authorize.Error.Text; got != want {
		t.Errorf("after the sign-in the window says %q, want the checklist's %q", got, want)
	}
	if authed.Connects() != 0 || len(e.sf.Sim.IssuedRefreshTokens()) != 0 {
		t.Errorf("tunnels %d, tokens %d: the exchange got through", authed.Connects(), len(e.sf.Sim.IssuedRefreshTokens()))
	}
}

// Delete from Home meets a proxy that answers 502: the status says nothing
// was deleted and why; the connection stays listed with its secrets.
func TestHomeDeleteMeetingA502SaysNothingWasDeleted(t *testing.T) {
	e := newReachEnv(t)
	e.connect(t)
	cutOff := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: proxytest.Hosts{}}) // reaches nothing: 502
	u, loop := e.window(t, "en", cutOff.URL)
	h := u.Home
	h.SelectName("acme")
	test.Tap(h.DeleteButton)
	tapButton(t, u, i18n.New("en").T("ui.home.delete.confirm"))
	loop.waitFor(t, "the delete's end", func() bool { return h.Status.Importance == widget.DangerImportance || u.Home != h })
	loc := i18n.New("en")
	want := loc.T("ui.home.delete.not_revoked", map[string]any{"Name": "acme"}) + " " +
		loc.T("app.net.err.proxy_upstream", map[string]any{"Proxy": cutOff.Addr, "Status": 502})
	if u.Home != h || h.Status.Text != want {
		t.Errorf("status %q, want %q", h.Status.Text, want)
	}
	if len(h.Profiles) != 1 || len(e.secrets.Accounts()) != 2 || h.DeleteButton.Disabled() {
		t.Errorf("after the refused delete: %d profiles, keychain %v, delete disabled %v", len(h.Profiles), e.secrets.Accounts(), h.DeleteButton.Disabled())
	}
}

// Verify from Home through a TLS-inspecting proxy: the result says that
// Salesforce could not be reached (not "try the deep check") and the token
// line names the issuer and the CA certificate file setting.
func TestVerifyThroughTLSInspectionShowsTheFix(t *testing.T) {
	e := newReachEnv(t)
	e.connect(t)
	corp := proxytest.NewCA(t, "Corp SSL Inspection CA")
	inspecting := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: e.sf.DialContext, Inspect: corp, UpstreamRoots: e.sf.Root.Pool()})
	u, loop := e.window(t, "en", inspecting.URL)
	u.Home.SelectName("acme")
	test.Tap(u.Home.VerifyButton)
	loop.waitFor(t, "verify result", func() bool { return u.Screen() == ScreenResult })
	loc := i18n.New("en")
	if got := u.Result.Checks[0].Text.Text; !strings.Contains(got, loc.T("app.check.token.unreached")) ||
		!strings.Contains(got, `issued by "Corp SSL Inspection CA"`) || !strings.Contains(got, "CA certificate file") {
		t.Errorf("token line %q", got)
	}
	if findLabel(u.Win.Canvas(), loc.T("ui.result.summary.unreached")) == nil {
		t.Error("the summary does not say that Salesforce could not be reached")
	}
}

// Salesforce is reachable only through a proxy, and the connection was
// saved through it; Settings name no proxy now. Home's check at start goes
// the way the connection was saved, as the CLI's check does.
func TestHomeChecksAConnectionTheWayItWasSaved(t *testing.T) {
	e := newReachEnv(t)
	proxyOnly := nettest.Direct(e.sf)
	proxyOnly.DialContext, proxyOnly.LookupHost = proxytest.Hosts{}.DialContext, proxytest.Hosts{}.LookupHost
	e.svc = app.New(app.Deps{Profiles: &profile.Store{Dir: t.TempDir()}, Secrets: e.secrets, OpenBrowser: e.browser.Open, Net: proxyOnly})
	corp := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: e.sf.DialContext})
	if err := e.svc.SetNetwork(context.Background(), app.NetworkSettings{Proxy: corp.URL}); err != nil {
		t.Fatal(err)
	}
	e.connect(t)
	saved := corp.Connects()
	u, loop := e.window(t, "en", "")
	loop.waitFor(t, "the check at start", u.checksDone)
	if got := statusOf(u, "acme"); got != i18n.New("en").T("ui.health.alive") || corp.Connects() == saved {
		u.Home.SelectName("acme")
		t.Errorf("acme reads %q (%s); the proxy tunneled %d since the sign-in", got, u.Home.Health.Text, corp.Connects()-saved)
	}
}
