package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// simEnv is a simulated org and a Service over temporary stores.
type simEnv struct {
	run      *sfsim.Running
	svc      *app.Service
	store    *profile.Store
	secrets  *secrets.Memory
	browser  *testkit.Browser
	callback string
	client   sfsim.Client
	tls      bool // the org is served under its real host: no Login URL override
}

func newSimEnv(t *testing.T, mode testkit.Mode, tweak func(*sfsim.Options)) *simEnv {
	t.Helper()
	return newOrgSimEnv(t, mode, "", tweak)
}

// newOrgSimEnv serves the org under its real login host when namespace is
// set (sfsim.StartTLS): the window then needs no Login URL override.
func newOrgSimEnv(t *testing.T, mode testkit.Mode, namespace string, tweak func(*sfsim.Options)) *simEnv {
	t.Helper()
	org := testkit.StartOrg(t, namespace, tweak)
	e := &simEnv{run: org.Running, store: &profile.Store{Dir: t.TempDir()}, secrets: secrets.NewMemory(),
		browser: org.Browser(mode), callback: org.Callback, client: org.Client, tls: org.HTTP != nil}
	e.svc = app.New(app.Deps{Profiles: e.store, Secrets: e.secrets, HTTP: org.HTTP, OpenBrowser: e.browser.Open})
	return e
}

// newSimUI is the window over env, with the simulator as Login URL override
// (what --login-url does).
func newSimUI(t *testing.T, e *simEnv, lang string, demo DemoStarter) (*UI, *uiLoop) {
	t.Helper()
	loginURL := e.run.URL
	if e.tls {
		loginURL = ""
	}
	return newWindow(t, Options{Backend: e.svc, StartDemo: demo, LoginURL: loginURL}, map[string]string{prefLanguage: lang})
}

// fillCredentials walks Home → Prepare → Credentials and types the values.
func fillCredentials(t *testing.T, u *UI, org, key, secret, callback string) {
	t.Helper()
	test.Tap(u.Home.NewButton)
	if u.Screen() != ScreenPrepare {
		t.Fatalf("after New: screen %q", u.Screen())
	}
	test.Tap(u.Prepare.Next)
	s := u.Credentials
	test.Type(s.Org, org)
	test.Type(s.Key, key)
	test.Type(s.Secret, secret)
	s.Callback.SetText(callback)
}

// toAuthorize enters the org acme and the env's app on a new connection
// and goes on to the Authorize screen.
func toAuthorize(t *testing.T, u *UI, e *simEnv) {
	t.Helper()
	fillCredentials(t, u, "acme", e.client.ID, e.client.Secret, e.callback)
	test.Tap(u.Credentials.Next)
	if u.Screen() != ScreenAuthorize {
		t.Fatalf("after Next on Credentials: screen %q", u.Screen())
	}
}

// signIn runs the wizard from Home through the browser's sign-in to the
// Result screen of the new connection.
func signIn(t *testing.T, u *UI, loop *uiLoop, e *simEnv) {
	t.Helper()
	toAuthorize(t, u, e)
	test.Tap(u.Authorize.Authorize)
	loop.waitFor(t, "result", func() bool { return u.Screen() == ScreenResult })
}

// connectAndSave runs the wizard from Home to a saved profile "acme" with
// the asset name set, and returns to Home.
func connectAndSave(t *testing.T, u *UI, loop *uiLoop, e *simEnv) {
	t.Helper()
	signIn(t, u, loop, e)
	test.Tap(u.Result.Next)
	u.Fields.AssetName.SetText("Salesforce")
	test.Tap(u.Fields.Save)
	loop.waitFor(t, "saved", func() bool { return !u.Fields.Export.Disabled() })
	test.Tap(u.Fields.Done)
}

// findButton finds a visible button labelled text in the window or a dialog.
func findButton(c fyne.Canvas, text string) *widget.Button {
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, r := range roots {
		for _, o := range test.LaidOutObjects(r) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
				return b
			}
		}
	}
	return nil
}

func tapButton(t *testing.T, u *UI, text string) {
	t.Helper()
	b := findButton(u.Win.Canvas(), text)
	if b == nil {
		t.Fatalf("no button %q on screen %q", text, u.Screen())
	}
	test.Tap(b)
}

func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3040 && r <= 0x9fff })
}

// findLabel finds a visible label with exactly text.
func findLabel(c fyne.Canvas, text string) *widget.Label {
	for _, o := range test.LaidOutObjects(c.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Text == text && l.Visible() {
			return l
		}
	}
	return nil
}
