package app_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

func TestConnectSavesAVerifiedProfileAndItsSecrets(t *testing.T) {
	h := newHarness(t, nil)
	var steps []app.Step
	c, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), func(s app.Step) { steps = append(steps, s) })
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	if v := h.browser.Wait(t); v.Status != http.StatusOK || !strings.Contains(v.Body, "Signed in to Salesforce") {
		t.Errorf("browser ended on %d %q, want the success page", v.Status, v.Body)
	}
	for _, ch := range c.Report.Checks {
		if ch.Status != app.Pass {
			t.Errorf("check %s = %v (%s), want pass", ch.ID, ch.Status, ch.Key)
		}
	}
	p, err := h.svc.Load(context.Background(), "prod")
	if err != nil {
		t.Fatal(err)
	}
	if p.Username != sfsim.DemoUsername || p.OrgID != sfsim.DemoOrgID || p.Namespace != "acme" ||
		p.InstanceURL != h.simURL || p.MatchingAttribute != "Email" || p.AuthorizedAt.IsZero() {
		t.Errorf("saved profile = %+v", p)
	}
	sec, err := h.svc.Secrets(context.Background(), "prod")
	if err != nil {
		t.Fatal(err)
	}
	issued := h.sim.IssuedRefreshTokens()
	if sec.ClientSecret != sfsim.DemoClientSecret || len(issued) == 0 || sec.RefreshToken != issued[len(issued)-1] {
		t.Errorf("keychain holds the wrong secrets")
	}
	wantSteps := []app.Step{app.StepListen, app.StepBrowser, app.StepWait, app.StepExchange, app.StepIdentity,
		app.StepPermissions, app.StepRefresh, app.StepSave}
	if len(steps) != len(wantSteps) {
		t.Errorf("steps = %v, want %v", steps, wantSteps)
	}
}

func TestConnectFailuresLeaveNothingBehind(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(h *harness, in *app.ConnectInput)
		check  func(t *testing.T, err error)
		vetted func(t *testing.T, h *harness) // optional extra assertions
	}{
		{
			name:  "the admin denies access",
			setup: func(h *harness, in *app.ConnectInput) { h.sim.SetConsent(sfsim.ConsentDeny) },
			check: wantOAuthCode("access_denied"),
			vetted: func(t *testing.T, h *harness) {
				if v := h.browser.Wait(t); strings.Contains(v.Body, "Signed in") {
					t.Errorf("the browser shows success after a denial: %q", v.Body)
				}
			},
		},
		{
			// The response is ignored and the wait goes on until the
			// timeout, which then says why nothing counted.
			name: "the state that comes back is not ours",
			setup: func(h *harness, in *app.ConnectInput) {
				h.browser.Edit(func(u *url.URL) {
					q := u.Query()
					q.Set("state", "forged")
					u.RawQuery = q.Encode()
				})
				in.Timeout = 1500 * time.Millisecond
			},
			check: func(t *testing.T, err error) {
				var ie *callback.IgnoredResponsesError
				if !errors.As(err, &ie) || ie.Count != 1 || !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("err = %v, want a timeout that names 1 ignored response", err)
				}
			},
			vetted: func(t *testing.T, h *harness) {
				if v := h.browser.Wait(t); v.Status != http.StatusBadRequest || !strings.Contains(v.Body, "This response was ignored") {
					t.Errorf("browser saw %d %q, want the ignored page", v.Status, v.Body)
				}
			},
		},
		{
			name: "the code expired before the exchange",
			setup: func(h *harness, in *app.ConnectInput) {
				var offset atomic.Int64
				h.sim.SetNow(func() time.Time { return time.Now().Add(time.Duration(offset.Load())) })
				h.browser.OnRedirect(func(req *http.Request) {
					if req.URL.Query().Get("code") != "" {
						offset.Store(int64(16 * time.Minute)) // Salesforce codes live 15 minutes
					}
				})
			},
			check: wantOAuthCode("invalid_grant"),
		},
		{
			name:  "the consumer secret is wrong",
			setup: func(h *harness, in *app.ConnectInput) { in.ClientSecret = "not-the-secret" },
			check: wantOAuthCode("invalid_client"),
		},
		{
			name: "the callback URL is not the registered one",
			setup: func(h *harness, in *app.ConnectInput) {
				in.CallbackURL = strings.TrimSuffix(h.callback, "/callback") + "/other"
				in.Timeout = 1500 * time.Millisecond
			},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("err = %v, want a timeout: Salesforce shows redirect_uri_mismatch on its own page", err)
				}
			},
			vetted: func(t *testing.T, h *harness) {
				v := h.browser.Wait(t)
				if v.Status != http.StatusBadRequest || !strings.Contains(v.Body, "redirect_uri_mismatch") {
					t.Errorf("browser saw %d %q, want Salesforce's redirect_uri_mismatch page", v.Status, v.Body)
				}
			},
		},
		{
			name:  "the app lacks the refresh_token scope",
			setup: func(h *harness, in *app.ConnectInput) { h.sim.SetNoRefreshToken(true) },
			check: func(t *testing.T, err error) {
				if !errors.Is(err, oauthflow.ErrNoRefreshToken) {
					t.Errorf("err = %v, want ErrNoRefreshToken", err)
				}
			},
		},
		{
			name:  "the user cannot manage users",
			setup: func(h *harness, in *app.ConnectInput) { h.sim.SetManageUsers(false) },
			check: func(t *testing.T, err error) {
				var ve *app.VerificationError
				if !errors.As(err, &ve) || ve.Failed[0].ID != "manage_users" {
					t.Errorf("err = %v, want a VerificationError on manage_users", err)
				}
			},
			vetted: func(t *testing.T, h *harness) {
				for _, rt := range h.sim.IssuedRefreshTokens() {
					if !h.sim.Revoked(rt) {
						t.Error("the unsaved refresh token was left alive")
					}
				}
			},
		},
		{
			name:  "Salesforce answers 503",
			setup: func(h *harness, in *app.ConnectInput) { h.sim.SetFail5xx(1) },
			check: func(t *testing.T, err error) {
				var he *salesforce.HTTPError
				if !errors.As(err, &he) || he.Status != http.StatusServiceUnavailable {
					t.Errorf("err = %v, want *salesforce.HTTPError 503", err)
				}
			},
		},
		{
			name: "Salesforce is too slow",
			setup: func(h *harness, in *app.ConnectInput) {
				h.sim.SetLatency(10 * time.Second)
				in.Timeout = time.Second
			},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("err = %v, want DeadlineExceeded", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			in := h.input()
			tt.setup(h, &in)
			_, err := h.svc.Connect(context.Background(), "prod", in, h.fields(), nil)
			if err == nil {
				t.Fatal("Connect succeeded, want an error")
			}
			tt.check(t, err)
			if tt.vetted != nil {
				tt.vetted(t, h)
			}
			h.assertNothingSaved()
		})
	}
}

func wantOAuthCode(code string) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var oe *salesforce.OAuthError
		if !errors.As(err, &oe) || oe.Code != code {
			t.Errorf("err = %v, want *salesforce.OAuthError %s", err, code)
		}
	}
}

// redeem plays an attacker who got hold of the code but not the PKCE
// verifier, and returns the HTTP status Salesforce answered.
func redeem(h *harness, code string) int {
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "client_id": {sfsim.DemoClientID},
		"client_secret": {sfsim.DemoClientSecret}, "redirect_uri": {h.callback}}
	resp, err := http.PostForm(h.simURL+"/services/oauth2/token", form)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
