package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// A sandbox and a Developer Edition org, served under their real login
// hosts and entered by pasting a Lightning URL, show and export the
// namespace that makes the console's URL their login URL.
func TestWizardExportsTheConsolesNamespaceForEveryOrgKind(t *testing.T) {
	tests := []struct{ namespace, pasted string }{
		{"acme--dev.sandbox", "https://acme--dev.sandbox.lightning.force.com/lightning/setup/SetupOneHome/home"},
		{"acme-dev-ed.develop", "https://acme-dev-ed.develop.lightning.force.com/lightning/page/home"},
	}
	for _, tt := range tests {
		t.Run(tt.namespace, func(t *testing.T) {
			e := newOrgSimEnv(t, testkit.Follow, tt.namespace, nil)
			u, loop := newSimUI(t, e, "ja", nil)
			loginURL := "https://" + tt.namespace + ".my.salesforce.com/"
			fillCredentials(t, u, tt.pasted, e.client.ID, e.client.Secret, e.callback)
			if got := u.Credentials.OrgResolved.Text; !strings.Contains(got, tt.namespace) || !strings.Contains(got, loginURL) {
				t.Errorf("org preview = %q", got)
			}
			test.Tap(u.Credentials.Next)
			test.Tap(u.Authorize.Authorize)
			loop.waitFor(t, "result", func() bool { return u.Screen() == ScreenResult || u.Authorize.Error.Visible() })
			if u.Screen() != ScreenResult {
				t.Fatalf("authorize failed: %s", u.Authorize.Error.Text)
			}
			if r := u.Result; r.Namespace.Text != tt.namespace || r.LoginURL.Text != loginURL {
				t.Errorf("result shows %q beside %q", r.Namespace.Text, r.LoginURL.Text)
			}
			test.Tap(u.Result.Next)
			f := u.Fields
			test.Tap(f.Save)
			loop.waitFor(t, "saved", func() bool { return !f.Export.Disabled() })
			test.Tap(f.Copy["namespace"])
			if got := u.Clip.Clipboard.Content(); got != tt.namespace {
				t.Errorf("copied namespace %q", got)
			}
			dir := t.TempDir()
			u.SaveDialog = func(name string, done func(string)) { done(filepath.Join(dir, name)) }
			test.Tap(f.Export)
			tapButton(t, u, i18n.New("ja").T("ui.export.choose"))
			path := filepath.Join(dir, f.p.Name+".sfconnect.json")
			loop.waitFor(t, "export", func() bool { return strings.Contains(f.Status.Text, path) })
			data, err := os.ReadFile(path)
			if err != nil || !strings.Contains(string(data), `"namespace": "`+tt.namespace+`"`) {
				t.Errorf("export: %v\n%s", err, data)
			}
		})
	}
}

// An org without API access is refused on the Authorize screen: nothing is
// saved and the token Salesforce issued is revoked.
func TestWizardRefusesAnOrgWithoutAPIAndRevokesTheToken(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, func(o *sfsim.Options) { o.Org.APIDisabled = true })
	u, loop := newSimUI(t, e, "en", nil)
	toAuthorize(t, u, e)
	test.Tap(u.Authorize.Authorize)
	loop.waitFor(t, "the refusal", func() bool { return u.Authorize.Error.Visible() })
	if !strings.Contains(u.Authorize.Error.Text, "API_DISABLED_FOR_ORG") || u.Screen() != ScreenAuthorize {
		t.Errorf("screen %q, error %q", u.Screen(), u.Authorize.Error.Text)
	}
	issued := e.run.Sim.IssuedRefreshTokens()
	if len(issued) != 1 || !e.run.Sim.Revoked(issued[0]) {
		t.Error("the issued token was left alive")
	}
	if list, _ := e.svc.List(context.Background()); len(list) != 0 || len(e.secrets.Accounts()) != 0 {
		t.Errorf("something was saved: %d profiles, keychain %v", len(list), e.secrets.Accounts())
	}
}

// Verify from Home asks without using the token: with rotation switched on
// after the export, the exported token keeps working. The deep check says
// what it does before it runs and, when Salesforce rotates the token,
// offers the new one for the console.
func TestVerifyKeepsTheExportedTokenAndTheDeepCheckWarnsFirst(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	exported, _ := e.svc.Secrets(context.Background(), "acme")
	e.run.Sim.SetRotation(true)

	u.Home.SelectName("acme")
	test.Tap(u.Home.VerifyButton)
	loop.waitFor(t, "verify result", func() bool { return u.Screen() == ScreenResult })
	r := u.Result
	if len(r.Checks) != 2 || r.Checks[0].Status != app.Pass || !r.Deep.Visible() {
		t.Fatalf("verify checks %d, first %v, deep offered %v", len(r.Checks), r.Checks[0].Status, r.Deep.Visible())
	}
	console := oauthflow.Config{LoginURL: e.run.URL, ClientID: e.client.ID, ClientSecret: e.client.Secret, RedirectURL: e.callback}
	if e.run.Sim.Revoked(exported.RefreshToken) {
		t.Fatal("Verify used the exported token")
	}

	test.Tap(r.Deep)
	body := i18n.New("en").T("ui.deep.body", map[string]any{"Name": "acme"})
	if !dialogShows(u, body) {
		t.Fatal("the deep check did not say beforehand that it uses the token")
	}
	if e.run.Sim.Revoked(exported.RefreshToken) {
		t.Fatal("the deep check ran before it was confirmed")
	}
	tapButton(t, u, i18n.New("en").T("ui.deep.confirm"))
	loop.waitFor(t, "deep result", func() bool { return u.Result != r && u.Screen() == ScreenResult })
	n := u.Result.Notice
	if n == nil || u.Result.Deep.Visible() {
		t.Fatal("no notice to replace the console's token after a rotation")
	}
	kept, _ := e.svc.Secrets(context.Background(), "acme")
	test.Tap(n.Copy)
	loop.waitFor(t, "new token copied", func() bool { return u.Clip.Clipboard.Content() == kept.RefreshToken })
	if kept.RefreshToken == exported.RefreshToken || !u.Clip.Pending() {
		t.Error("the copied token is not the new one, or is not cleared later")
	}
	if _, err := oauthflow.Refresh(context.Background(), console, kept.RefreshToken); err != nil {
		t.Errorf("the kept token does not work: %v", err)
	}
}

// dialogShows reports whether an open dialog holds a label with text.
func dialogShows(u *UI, text string) bool {
	for _, o := range u.Win.Canvas().Overlays().List() {
		for _, c := range test.LaidOutObjects(o) {
			if l, ok := c.(*widget.Label); ok && l.Text == text {
				return true
			}
		}
	}
	return false
}

// Deleting a profile whose token Salesforce already revoked succeeds and
// leaves no keychain entry.
func TestHomeDeleteOfAnAlreadyRevokedToken(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "ja", nil)
	connectAndSave(t, u, loop, e)
	sec, _ := e.svc.Secrets(context.Background(), "acme")
	cfg := oauthflow.Config{LoginURL: e.run.URL, ClientID: e.client.ID, ClientSecret: e.client.Secret, RedirectURL: e.callback}
	if err := oauthflow.Revoke(context.Background(), cfg, sec.RefreshToken); err != nil {
		t.Fatal(err)
	}
	h := u.Home
	h.SelectName("acme")
	test.Tap(h.DeleteButton)
	tapButton(t, u, "削除する")
	loop.waitFor(t, "deleted", func() bool { return u.Home != h })
	if len(u.Home.Profiles) != 0 || len(e.secrets.Accounts()) != 0 {
		t.Errorf("left behind: %d profiles, keychain %v; status %q", len(u.Home.Profiles), e.secrets.Accounts(), u.Home.Status.Text)
	}
	// Salesforce no longer knew the copy, so the window does not claim the
	// console's token revoked: it says where every token of the app is revoked.
	if want := i18n.New("ja").T("ui.home.deleted.stale", map[string]any{"Name": "acme"}); u.Home.Status.Text != want {
		t.Errorf("status = %q, want the stale-copy text %q", u.Home.Status.Text, want)
	}
}

// The console refreshed under rotation, so sfconnect's copy is retired: the
// deep check asks first, shows the copy dead and never presents it, and the
// console's newest token keeps working.
func TestTheDeepCheckNeverPresentsARetiredToken(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	saved, _ := e.svc.Secrets(context.Background(), "acme")
	e.run.Sim.SetRotation(true)
	console := oauthflow.Config{LoginURL: e.run.URL, ClientID: e.client.ID, ClientSecret: e.client.Secret, RedirectURL: e.callback}
	newest, err := oauthflow.Refresh(context.Background(), console, saved.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	refreshes := len(e.run.Sim.EventsOf("refresh"))

	u.Home.SelectName("acme")
	test.Tap(u.Home.VerifyButton)
	loop.waitFor(t, "verify result", func() bool { return u.Screen() == ScreenResult })
	r := u.Result
	test.Tap(r.Deep)
	tapButton(t, u, i18n.New("en").T("ui.deep.confirm"))
	loop.waitFor(t, "deep result", func() bool { return u.Result != r && u.Screen() == ScreenResult })
	dead := i18n.New("en").T("app.check.token.dead")
	if c := u.Result.Checks; len(c) != 1 || c[0].Status != app.Fail || !strings.Contains(c[0].Text.Text, dead) {
		t.Fatalf("deep check lines %d, first %+v", len(c), c[0])
	}
	if len(e.run.Sim.EventsOf("refresh")) != refreshes {
		t.Fatal("the deep check presented the retired token")
	}
	if _, err := oauthflow.Refresh(context.Background(), console, newest.RefreshToken); err != nil {
		t.Errorf("the console's newest token stopped working: %v", err)
	}
}

// Without Salesforce's answer about a token whose org was seen to rotate,
// Verify says that the deep check would not use it either, and offers none.
func TestVerifyOfARotatingTokenWithoutAnAnswerOffersNoDeepCheck(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, func(o *sfsim.Options) { o.Rotation = true })
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	e.run.Sim.SetIntrospectionRefused(true)
	u.Home.SelectName("acme")
	test.Tap(u.Home.VerifyButton)
	loop.waitFor(t, "verify result", func() bool { return u.Screen() == ScreenResult })
	if findLabel(u.Win.Canvas(), i18n.New("en").T("ui.result.summary.withheld")) == nil || u.Result.Deep.Visible() {
		t.Errorf("summary withheld shown %v, deep check offered %v",
			findLabel(u.Win.Canvas(), i18n.New("en").T("ui.result.summary.withheld")) != nil, u.Result.Deep.Visible())
	}
}
