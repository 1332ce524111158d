package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

func statusOf(u *UI, name string) string {
	for _, p := range u.Home.Profiles {
		if p.Name == name {
			text, _, _ := u.profileStatus(p)
			return text
		}
	}
	return ""
}

func (u *UI) checksDone() bool { return len(u.health.checking) == 0 }

// The checks run in the background; their results change the widgets only
// when the UI thread runs them (fyne.Do in the app, the test's loop here).
func TestHomeStatusArrivesThroughTheUIThread(t *testing.T) {
	dead := app.TokenHealth{State: app.TokenDead, CheckedAt: time.Date(2025, 6, 13, 10, 0, 0, 0, time.UTC)}
	f := &fakeBackend{profiles: goldenProfiles(), health: map[string]app.TokenHealth{"acme-dev": dead},
		checked: make(chan string, 8)}
	u, loop := newTestUI(t, f, "en", nil)
	l := i18n.New("en")
	returned := map[string]bool{}
	for len(returned) < 2 {
		select {
		case name := <-f.checked:
			returned[name] = true
		case <-time.After(30 * time.Second):
			t.Fatal("the checks did not run")
		}
	}
	// Both checks have returned, but nothing ran on the UI thread yet.
	if got := statusOf(u, "acme-dev"); got != l.T("ui.health.checking") || !u.Home.CheckButton.Disabled() {
		t.Fatalf("before the UI thread ran: status %q", got)
	}
	loop.waitFor(t, "the results on screen", u.checksDone)
	if got := statusOf(u, "acme"); got != l.T("ui.health.alive") {
		t.Errorf("acme: %q", got)
	}
	if got := statusOf(u, "acme-dev"); got != l.T("ui.health.dead") {
		t.Errorf("acme-dev: %q", got)
	}
	if got := statusOf(u, "demo-sfconnect-demo"); got != l.T("ui.home.status.demo") {
		t.Errorf("demo: %q", got)
	}
	if u.Home.CheckButton.Disabled() {
		t.Error("Check now stays disabled")
	}
	select {
	case name := <-f.checked:
		t.Errorf("%s was checked too", name) // the demo's simulator is not running
	default:
	}
}

// Against the simulator: a live and a revoked connection, checked at start
// and again on demand; the dead one explains itself and offers the fix.
func TestHomeShowsLiveAndDeadConnections(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	ctx := context.Background()
	for _, name := range []string{"live", "revoked"} {
		in := app.ConnectInput{Org: "acme", ClientID: e.client.ID, ClientSecret: e.client.Secret,
			CallbackURL: e.callback, LoginURL: e.run.URL, Timeout: 20 * time.Second}
		if _, err := e.svc.Connect(ctx, name, in, app.ConsoleFields{MatchingAttribute: "Username"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	console := oauthflow.Config{LoginURL: e.run.URL, ClientID: e.client.ID, ClientSecret: e.client.Secret, RedirectURL: e.callback}
	revoke := func(name string) {
		sec, _ := e.svc.Secrets(ctx, name)
		if err := oauthflow.Revoke(ctx, console, sec.RefreshToken); err != nil {
			t.Fatal(err)
		}
	}
	revoke("revoked")
	refreshes := len(e.run.Sim.EventsOf("refresh"))

	u, loop := newSimUI(t, e, "ja", nil)
	l := i18n.New("ja")
	loop.waitFor(t, "the checks at start", func() bool { return u.checksDone() && statusOf(u, "live") != "" })
	if got := statusOf(u, "live"); got != l.T("ui.health.alive") {
		t.Errorf("live: %q", got)
	}
	if got := statusOf(u, "revoked"); got != l.T("ui.health.dead") {
		t.Errorf("revoked: %q", got)
	}
	h := u.Home
	h.SelectName("live")
	if !strings.Contains(h.Health.Text, "有効") || h.FixButton.Visible() {
		t.Errorf("live: %q, fix shown %v", h.Health.Text, h.FixButton.Visible())
	}
	h.SelectName("revoked")
	if !strings.Contains(h.Health.Text, "再承認") || !h.FixButton.Visible() {
		t.Errorf("revoked: %q, fix shown %v", h.Health.Text, h.FixButton.Visible())
	}

	revoke("live")
	test.Tap(h.CheckButton)
	loop.waitFor(t, "the checks on demand", func() bool { return u.checksDone() && statusOf(u, "live") == l.T("ui.health.dead") })
	if len(e.run.Sim.EventsOf("refresh")) != refreshes {
		t.Error("a check used a refresh token")
	}
	test.Tap(h.FixButton)
	if u.Screen() != ScreenAuthorize || u.wiz.reauth != "revoked" {
		t.Errorf("the fix leads to %q for %q", u.Screen(), u.wiz.reauth)
	}
}

// A re-authorized connection is checked again when Home shows it.
func TestHomeChecksAgainAfterAReauthorization(t *testing.T) {
	at := time.Date(2025, 6, 12, 9, 30, 0, 0, time.UTC)
	f := &fakeBackend{profiles: []profile.Profile{{Name: "acme", Namespace: "acme", AuthorizedAt: at}},
		health: map[string]app.TokenHealth{"acme": {State: app.TokenDead}}}
	u, loop := newTestUI(t, f, "en", nil)
	loop.waitFor(t, "first check", u.checksDone)
	f.profiles[0].AuthorizedAt = at.Add(time.Hour)
	delete(f.health, "acme")
	u.ShowHome()
	loop.waitFor(t, "second check", func() bool { return u.checksDone() && statusOf(u, "acme") == i18n.New("en").T("ui.health.alive") })
}
