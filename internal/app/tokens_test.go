package app_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// With refresh-token rotation switched on after the export, Verify leaves the
// exported token working: it asks by introspection and never refreshes.
func TestVerifyLeavesTheExportedTokenWorkingWhenRotationIsSwitchedOnLater(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	exported := exportedConnection(t, h, "prod")["refresh_token"].(string)
	h.sim.SetRotation(true)
	refreshes := len(h.sim.EventsOf("refresh"))
	for range 3 {
		r, err := h.svc.Verify(ctx, "prod", nil)
		if err != nil || len(r.Failed()) != 0 || r.Checks[0].Key != "app.check.token.alive" {
			t.Fatalf("Verify = %+v, %v", r, err)
		}
	}
	if len(h.sim.EventsOf("refresh")) != refreshes || h.sim.Revoked(exported) {
		t.Fatal("Verify used the exported token")
	}
	// The console uses its copy: it works (and rotates, as the console expects).
	console := oauthflow.Config{LoginURL: h.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		RedirectURL: h.callback}
	if _, err := oauthflow.Refresh(ctx, console, exported); err != nil {
		t.Fatalf("the console's token stopped working: %v", err)
	}
	// Now it is rotated out: Verify says so, still without refreshing.
	r, err := h.svc.Verify(ctx, "prod", nil)
	if err != nil || r.Checks[0].Key != "app.check.token.dead" || r.Checks[0].Status != app.Fail {
		t.Errorf("Verify of a rotated-out token = %+v, %v", r, err)
	}
}

// When Salesforce gives no answer, Verify says the state is unknown (with the
// reason) and does not fall back to a refresh; CheckToken says the same.
func TestVerifyWithoutAnAnswerIsUnknownNotARefresh(t *testing.T) {
	h := connected(t, nil)
	h.sim.SetIntrospectionRefused(true)
	refreshes := len(h.sim.EventsOf("refresh"))
	r, err := h.svc.Verify(context.Background(), "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Checks[0]
	if len(r.Checks) != 1 || c.Status != app.Warn || c.Key != "app.check.token.unknown" || c.Detail == nil {
		t.Fatalf("report = %+v", r)
	}
	if text := i18n.New("en").Error(c.Detail); !strings.Contains(text, "HTTP 403") {
		t.Errorf("the reason is not explained: %q", text)
	}
	if len(h.sim.EventsOf("refresh")) != refreshes {
		t.Error("Verify fell back to a refresh")
	}
	health, err := h.svc.CheckToken(context.Background(), "prod")
	if err != nil || health.State != app.TokenUnknown || health.Reason == nil || health.CheckedAt.IsZero() {
		t.Errorf("CheckToken = %+v, %v", health, err)
	}
	h.sim.SetIntrospectionRefused(false)
	if health, _ := h.svc.CheckToken(context.Background(), "prod"); health.State != app.TokenAlive ||
		health.Username != sfsim.DemoUsername || health.Reason != nil {
		t.Errorf("CheckToken = %+v", health)
	}
	if _, err := h.svc.CheckToken(context.Background(), "nope"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("CheckToken of a missing profile = %v", err)
	}
}

// The deep check refreshes; with rotation it keeps the new token and says
// the console's must be replaced. The old token is then retired.
func TestDeepVerifyWithRotationKeepsTheNewTokenAndSaysReplace(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	before, _ := h.svc.Secrets(ctx, "prod")
	h.sim.SetRotation(true)
	r, err := h.svc.VerifyDeep(ctx, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := h.svc.Secrets(ctx, "prod")
	if !r.Replaced || !r.Rotation || after.RefreshToken == before.RefreshToken || !h.sim.Revoked(before.RefreshToken) {
		t.Fatalf("replaced=%v rotation=%v new token kept=%v", r.Replaced, r.Rotation, after.RefreshToken != before.RefreshToken)
	}
	if r.Checks[0].Key != "app.check.token.current" || r.Checks[1].Key != "app.check.refresh.replaced" ||
		r.Checks[1].Status != app.Warn {
		t.Errorf("checks = %+v", r.Checks)
	}
	if p, _ := h.svc.Load(ctx, "prod"); !p.RefreshRotation {
		t.Error("the profile does not record that rotation is on")
	}
	if health, _ := h.svc.CheckToken(ctx, "prod"); health.State != app.TokenAlive {
		t.Errorf("the kept token is %v", health.State)
	}
}

// After a re-authorization the replaced token is revoked once the new one is
// stored, so it no longer refreshes; the connection says the console's token
// must be replaced.
func TestReauthorizeRevokesTheReplacedToken(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	before, _ := h.svc.Secrets(ctx, "prod")
	c := h.reauthorize("prod")
	if c.Renewal == nil || !c.Renewal.Revoked || c.Renewal.Stale || c.Renewal.Err != nil {
		t.Fatalf("renewal = %+v", c.Renewal)
	}
	cfg := oauthflow.Config{LoginURL: h.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret, RedirectURL: h.callback}
	var oe *salesforce.OAuthError
	if _, err := oauthflow.Refresh(ctx, cfg, before.RefreshToken); !errors.As(err, &oe) || oe.Code != "invalid_grant" {
		t.Errorf("the replaced token still refreshes: %v", err)
	}
	after, _ := h.svc.Secrets(ctx, "prod")
	if _, err := oauthflow.Refresh(ctx, cfg, after.RefreshToken); err != nil {
		t.Errorf("the new token does not refresh: %v", err)
	}
	if n := h.sim.LiveApprovals(sfsim.DemoClientID); n != 1 {
		t.Errorf("%d live approvals after a re-authorization, want 1", n)
	}
}

// Under rotation the console refreshed, so the copies that a
// re-authorization or a delete revoke are retired: Salesforce answers
// invalid_token and the console's newer token lives on. Renewal and
// Deletion say Stale, so no one claims the console's token revoked.
func TestRevokingARetiredCopyIsStale(t *testing.T) {
	for _, op := range []string{"reauthorize", "delete"} {
		t.Run(op, func(t *testing.T) {
			h := connected(t, func(o *sfsim.Options) { o.Rotation = true })
			ctx := context.Background()
			saved, _ := h.svc.Secrets(ctx, "prod")
			cfg := oauthflow.Config{LoginURL: h.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
				RedirectURL: h.callback}
			console, err := oauthflow.Refresh(ctx, cfg, saved.RefreshToken)
			if err != nil {
				t.Fatal(err)
			}
			if op == "reauthorize" {
				if r := h.reauthorize("prod").Renewal; r == nil || !r.Revoked || !r.Stale || r.Err != nil {
					t.Fatalf("renewal = %+v", r)
				}
			} else if d, err := h.svc.Remove(ctx, "prod", true, nil); err != nil || !d.Revoked || !d.Stale {
				t.Fatalf("Remove = %+v, %v", d, err)
			}
			if ev := h.sim.EventsOf("revoke"); !strings.Contains(ev[len(ev)-1].Detail, "invalid_token") {
				t.Errorf("revoke events %v", ev)
			}
			if _, err := oauthflow.Refresh(ctx, cfg, console.RefreshToken); err != nil {
				t.Errorf("the console's newer token is gone after all: %v", err)
			}
		})
	}
}

// When the replaced token cannot be revoked, the new one is kept all the same
// and the connection says why the old one still lives.
func TestReauthorizeKeepsTheNewTokenWhenTheOldCannotBeRevoked(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	h.http = &http.Client{Transport: failRevoke{http.DefaultTransport}}
	h.svc = h.service("en")
	before, _ := h.svc.Secrets(ctx, "prod")
	c := h.reauthorize("prod")
	var ne *oauthflow.NetworkError
	if c.Renewal == nil || c.Renewal.Revoked || !errors.As(c.Renewal.Err, &ne) {
		t.Fatalf("renewal = %+v", c.Renewal)
	}
	if after, _ := h.svc.Secrets(ctx, "prod"); after.RefreshToken == before.RefreshToken {
		t.Error("the new token was not kept")
	}
	if h.sim.Revoked(before.RefreshToken) {
		t.Error("the old token was revoked although the revoke failed")
	}
}

// failRevoke fails every revoke request as a network outage would.
type failRevoke struct{ next http.RoundTripper }

func (f failRevoke) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/revoke") {
		return nil, errors.New("connection reset")
	}
	return f.next.RoundTrip(r)
}

// Salesforce answers unsupported_token_type (form-encoded) for a token it
// does not know at all: Delete goes on and leaves nothing behind.
func TestDeleteSucceedsWhenSalesforceNoLongerKnowsTheToken(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	var buf bytes.Buffer
	if err := h.svc.Export(ctx, "prod", true, &buf); err != nil {
		t.Fatal(err)
	}
	sec, _ := h.svc.Secrets(ctx, "prod")
	file := strings.Replace(buf.String(), sec.RefreshToken, "5Aep861neverIssuedByThisOrg", 1)
	if _, err := h.svc.Import(ctx, strings.NewReader(file), "stranger"); err != nil {
		t.Fatal(err)
	}
	if d, err := h.svc.Remove(ctx, "stranger", true, nil); err != nil || !d.Revoked || !d.Stale {
		t.Fatalf("Remove = %+v, %v", d, err)
	}
	if _, err := h.svc.Load(ctx, "stranger"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("profile still there: %v", err)
	}
	for _, acc := range h.store.Accounts() {
		if strings.HasPrefix(acc, "stranger:") {
			t.Errorf("keychain entry %s left", acc)
		}
	}
	if ev := h.sim.EventsOf("revoke"); len(ev) == 0 || !strings.Contains(ev[len(ev)-1].Detail, "unsupported_token_type") {
		t.Errorf("revoke events %v", ev)
	}
}

// reauthorize runs a re-authorization of a saved profile to its saved end.
func (h *harness) reauthorize(name string) *app.Connection {
	h.t.Helper()
	ctx := context.Background()
	ss, err := h.svc.Reauthorize(ctx, name, false, 0)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := ss.OpenBrowser(); err != nil {
		h.t.Fatal(err)
	}
	old, _ := h.svc.Load(ctx, name)
	c, err := h.svc.Complete(ctx, ss, name, app.FieldsOf(old), nil)
	if err != nil {
		h.t.Fatalf("Complete: %v", err)
	}
	return c
}
