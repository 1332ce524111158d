package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// preflightTexts are written out so that a lost translation fails.
var preflightTexts = map[string][]string{
	"ja": {"サインイン前の確認", "組織", "コールバック用ポート", "プロキシ", "Salesforce への接続", "証明書",
		"サインインに必要な項目はすべて問題ありません。"},
	"en": {"Before you sign in", "Org", "Callback port", "Proxy", "Connection to Salesforce", "Certificate",
		"Everything the sign-in needs works."},
}

func TestTheAuthorizeScreenRunsThePreflightAgainstTheSimulator(t *testing.T) {
	for _, lang := range goldenLangs {
		t.Run(lang, func(t *testing.T) {
			e := newSimEnv(t, testkit.Follow, nil)
			u, loop := newSimUI(t, e, lang, nil)
			toAuthorize(t, u, e)
			v := u.Authorize.Checks
			loop.waitFor(t, "the preflight", func() bool { return v.Done })
			if len(v.Lines) != 5 {
				t.Fatalf("%d lines", len(v.Lines))
			}
			for _, l := range v.Lines {
				if l.Status != app.Pass {
					t.Errorf("%s: %s %q", l.ID, l.Status, l.Text.Text)
				}
			}
			for _, text := range preflightTexts[lang] {
				if findLabel(u.Win.Canvas(), text) == nil && v.Status.Text != text {
					t.Errorf("no label %q on the Authorize screen", text)
				}
			}
			// A passing checklist folds to its one-line status, so the
			// sign-in below it stays in view; Details unfolds it.
			if v.rows.Visible() || !v.Details.Visible() {
				t.Errorf("passing checklist: lines shown %v, details button shown %v", v.rows.Visible(), v.Details.Visible())
			}
			test.Tap(v.Details)
			if !v.rows.Visible() || v.Details.Text != u.L.T("ui.preflight.details.hide") {
				t.Errorf("after Details: lines shown %v, button %q", v.rows.Visible(), v.Details.Text)
			}
			// The sign-in still works after the checklist probed the port.
			test.Tap(u.Authorize.Authorize)
			loop.waitFor(t, "result screen", func() bool { return u.Screen() == ScreenResult })
		})
	}
}

func TestThePreflightShowsAFailureWithItsFixAndChecksAgain(t *testing.T) {
	e := newSimEnv(t, testkit.Idle, nil)
	u, loop := newSimUI(t, e, "en", nil)
	taken, release := testkit.Occupy(t)
	cb := fmt.Sprintf("http://localhost:%d/callback", taken)
	fillCredentials(t, u, "acme", e.client.ID, e.client.Secret, cb)
	test.Tap(u.Credentials.Next)
	v := u.Authorize.Checks
	loop.waitFor(t, "the preflight", func() bool { return v.Done })
	port := v.Lines[1]
	if port.ID != app.CheckPort || port.Status != app.Fail || !strings.Contains(port.Text.Text, "already used by another program") {
		t.Fatalf("port line = %s %s %q", port.ID, port.Status, port.Text.Text)
	}
	if findLabel(u.Win.Canvas(), "Register http://localhost:8765/callback as a callback URL in the External Client App, and enter the same URL in sfconnect.") == nil {
		t.Error("the fix is not shown")
	}
	if !strings.Contains(v.Status.Text, "Something will stop the sign-in") {
		t.Errorf("status = %q", v.Status.Text)
	}
	if !v.rows.Visible() || v.Details.Visible() {
		t.Errorf("a failing checklist must show its lines unfolded: lines %v, details button %v", v.rows.Visible(), v.Details.Visible())
	}
	release()
	test.Tap(v.Recheck)
	loop.waitFor(t, "the second preflight", func() bool { return v.Done })
	if v.Lines[1].Status != app.Pass {
		t.Errorf("after the port was freed: %s %q", v.Lines[1].Status, v.Lines[1].Text.Text)
	}
}

func TestNetworkSettingsAreCheckedAndThePasswordGoesToTheKeychain(t *testing.T) {
	e := newSimEnv(t, testkit.Idle, nil)
	u, loop := newSimUI(t, e, "en", nil)
	u.ShowSettings()
	n := u.SettingsTab.Network
	if n == nil {
		t.Fatal("no network fields with a real backend")
	}
	n.Proxy.SetText("ftp://proxy.corp.example:21")
	test.Tap(u.SettingsTab.Save)
	if !strings.Contains(n.Error.Text, `"ftp://proxy.corp.example:21" is not a usable proxy address`) {
		t.Errorf("error = %q", n.Error.Text)
	}
	if got := u.App.Preferences().String(prefProxy); got != "" {
		t.Errorf("a refused proxy was stored: %q", got)
	}

	n.Proxy.SetText("http://proxy.corp.example:8080")
	n.ProxyUser.SetText("taro")
	n.Password.SetText("pässword")
	test.Tap(u.SettingsTab.Save)
	loop.waitFor(t, "the password saved", func() bool { return n.PasswordState.Text != "" })
	if n.Error.Text != "" || n.Password.Text != "" {
		t.Errorf("error %q, password field %q", n.Error.Text, n.Password.Text)
	}
	if got, _ := e.secrets.Get(context.Background(), secrets.ProxyAccount("taro")); got != "pässword" {
		t.Errorf("keychain holds %q", got)
	}
	p := u.App.Preferences()
	if p.String(prefProxy) != "http://proxy.corp.example:8080" || p.String(prefProxyUser) != "taro" {
		t.Errorf("preferences: %q %q", p.String(prefProxy), p.String(prefProxyUser))
	}
	p.(interface{ ReadValues(func(map[string]any)) }).ReadValues(func(all map[string]any) {
		for k, v := range all {
			if s, _ := v.(string); strings.Contains(s, "pässword") {
				t.Errorf("the password is in preference %s", k)
			}
		}
	})
	if got := e.svc.Network(); got.Proxy != "http://proxy.corp.example:8080" || got.ProxyUser != "taro" {
		t.Errorf("network in force = %+v", got)
	}
}

// stuckPreflight is a core whose checklist ignores its cancel and never
// ends on its own, as a system proxy lookup or netsh under Wine can.
type stuckPreflight struct {
	*app.Service
	release chan struct{}
}

func (b stuckPreflight) Preflight(ctx context.Context, in app.PreflightInput) *app.Preflight {
	<-b.release
	return b.Service.Preflight(ctx, in)
}

// Authorize while the checklist still runs: the sign-in must not wait for a
// checklist that does not stop.
func TestSignInDoesNotWaitForAStuckPreflight(t *testing.T) {
	defer func(g time.Duration) { preflightGrace = g }(preflightGrace)
	preflightGrace = 50 * time.Millisecond
	e := newSimEnv(t, testkit.Follow, nil)
	release := make(chan struct{})
	u, loop := newWindow(t, Options{Backend: stuckPreflight{e.svc, release}, LoginURL: e.run.URL},
		map[string]string{prefLanguage: "en"})
	t.Cleanup(func() { close(release) }) // runs before the window closes
	toAuthorize(t, u, e)
	if u.Authorize.Checks.Done {
		t.Fatal("the checklist ended; the test would prove nothing")
	}
	test.Tap(u.Authorize.Authorize)
	loop.waitFor(t, "result screen", func() bool { return u.Screen() == ScreenResult })
}
