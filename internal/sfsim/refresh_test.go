package sfsim

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func refreshForm(rt string, extra ...string) url.Values {
	v := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}, "client_id": {testClientID}}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			v.Del(extra[i])
		} else {
			v.Set(extra[i], extra[i+1])
		}
	}
	return v
}

// Refresh as the seed configures it: no secret needed, no new refresh token.
func TestRefresh(t *testing.T) {
	h := newHarness(t, nil)
	first := h.tokens()
	rt := first["refresh_token"].(string)
	for _, form := range []url.Values{refreshForm(rt), refreshForm(rt, "client_secret", testSecret)} {
		status, m := h.token(form)
		if status != http.StatusOK {
			t.Fatalf("refresh: %d %v", status, m)
		}
		if _, ok := m["refresh_token"]; ok {
			t.Error("refresh without rotation returned a refresh_token")
		}
		if m["access_token"] == first["access_token"] || m["scope"] != "api refresh_token" || m["id"] != first["id"] {
			t.Errorf("refresh reply %v", m)
		}
		if resp, _ := h.withBearer("/services/oauth2/userinfo", m["access_token"].(string)); resp.StatusCode != http.StatusOK {
			t.Errorf("new access token refused: %d", resp.StatusCode)
		}
	}
	if resp, _ := h.withBearer("/services/oauth2/userinfo", first["access_token"].(string)); resp.StatusCode != http.StatusOK {
		t.Errorf("old access token stopped working after a refresh: %d", resp.StatusCode)
	}
}

func TestRefreshErrors(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(*Options)
		form     func(rt string) url.Values
		wantErr  string
		wantDesc string
	}{
		{"unknown client", nil, func(rt string) url.Values { return refreshForm(rt, "client_id", "3MVG9nope") }, "invalid_client_id", "client identifier invalid"},
		{"wrong secret", nil, func(rt string) url.Values { return refreshForm(rt, "client_secret", "wrong") }, "invalid_client", "invalid client credentials"},
		{"secret required for refresh", func(o *Options) { o.Clients[0].RequireSecretForRefresh = true }, func(rt string) url.Values { return refreshForm(rt) }, "invalid_client", "invalid client credentials"},
		{"unknown token", nil, func(string) url.Values { return refreshForm("5Aep861nope") }, "invalid_grant", "expired access/refresh token"},
		{"missing token", nil, func(string) url.Values { return refreshForm("", "refresh_token", "") }, "invalid_grant", "expired access/refresh token"},
		{"token of another app", nil, func(rt string) url.Values {
			return refreshForm(rt, "client_id", otherClientID)
		}, "invalid_grant", "expired access/refresh token"},
		{"inactive user", nil, func(rt string) url.Values { return refreshForm(rt) }, "inactive_user", "user is inactive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.mutate)
			rt := h.tokens()["refresh_token"].(string)
			if tt.wantErr == "inactive_user" {
				h.sim.SetUserActive(false)
			}
			status, m := h.token(tt.form(rt))
			wantOAuthError(t, status, m, tt.wantErr, tt.wantDesc)
		})
	}
}

// With rotation each refresh returns a new refresh token and retires the
// old one. Presenting a retired token again is reuse: Salesforce then revokes
// the whole family, so the current token dies too.
func TestRefreshRotationAndReuseDetection(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Rotation = true })
	first := h.tokens()
	old := first["refresh_token"].(string)
	status, m := h.token(refreshForm(old))
	next, _ := m["refresh_token"].(string)
	if status != http.StatusOK || next == "" || next == old {
		t.Fatalf("rotating refresh: %d %v", status, m)
	}
	if !h.sim.Revoked(old) || h.sim.Revoked(next) {
		t.Errorf("Revoked(old)=%t Revoked(new)=%t", h.sim.Revoked(old), h.sim.Revoked(next))
	}
	status, m = h.token(refreshForm(next))
	latest, _ := m["refresh_token"].(string)
	if status != http.StatusOK || latest == "" {
		t.Fatalf("refresh with the rotated token: %d %v", status, m)
	}
	// A copy of the first token is presented again (the console still holds it).
	status, m = h.token(refreshForm(old))
	wantOAuthError(t, status, m, "invalid_grant", "expired access/refresh token")
	if !h.sim.Revoked(latest) {
		t.Error("reuse of a retired token left the family's current token alive")
	}
	if status, _ := h.token(refreshForm(latest)); status != http.StatusBadRequest {
		t.Errorf("current token still refreshes after reuse: %d", status)
	}
	if resp, _ := h.withBearer("/services/oauth2/userinfo", m2s(first, "access_token")); resp.StatusCode == http.StatusOK {
		t.Error("an access token of the family still works after reuse")
	}
	reuse := 0
	for _, e := range h.sim.EventsOf("refresh") {
		if strings.Contains(e.Detail, "reuse") {
			reuse++
		}
	}
	if reuse != 1 {
		t.Errorf("%d reuse events, want 1: %v", reuse, h.sim.EventsOf("refresh"))
	}
	// Another approval of the same app is another family: untouched.
	other := h.tokens()["refresh_token"].(string)
	if status, _ := h.token(refreshForm(other)); status != http.StatusOK {
		t.Errorf("an unrelated approval was revoked too: %d", status)
	}
	h.sim.SetRotation(false)
	last := h.sim.IssuedRefreshTokens()[len(h.sim.IssuedRefreshTokens())-1]
	if _, m := h.token(refreshForm(last)); m["refresh_token"] != nil {
		t.Error("rotation switched off but a refresh token was returned")
	}
}

func m2s(m map[string]any, k string) string { s, _ := m[k].(string); return s }

// Revocation: a refresh token takes its access tokens with it; an access
// token goes alone; errors are form-encoded: invalid_token for a token issued
// and already revoked, unsupported_token_type for one never issued.
func TestRevoke(t *testing.T) {
	tests := []struct {
		name        string
		which       string // "refresh" or "access"
		get         bool
		wantAccess  bool // access token still works afterwards
		wantRefresh bool // refresh token still works afterwards
	}{
		{"refresh token", "refresh", false, false, false},
		{"access token", "access", false, false, true},
		{"refresh token via GET", "refresh", true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			m := h.tokens()
			at, rt := m["access_token"].(string), m["refresh_token"].(string)
			token := map[string]string{"access": at, "refresh": rt}[tt.which]
			revoke := func() (*http.Response, string) {
				if tt.get {
					return h.get("/services/oauth2/revoke", url.Values{"token": {token}})
				}
				return h.postForm("/services/oauth2/revoke", url.Values{"token": {token}})
			}
			if resp, body := revoke(); resp.StatusCode != http.StatusOK {
				t.Fatalf("revoke: %d %s", resp.StatusCode, body)
			}
			resp, _ := h.withBearer("/services/oauth2/userinfo", at)
			if (resp.StatusCode == http.StatusOK) != tt.wantAccess {
				t.Errorf("access token after revoke: %d", resp.StatusCode)
			}
			if status, _ := h.token(refreshForm(rt)); (status == http.StatusOK) != tt.wantRefresh {
				t.Errorf("refresh after revoke: %d", status)
			}
			if !h.sim.Revoked(token) {
				t.Error("Revoked() = false")
			}
			resp, body := revoke()
			if resp.StatusCode != http.StatusBadRequest || body != "error=invalid_token&error_description=invalid%20token" ||
				!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
				t.Errorf("second revoke: %d %q %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
		})
	}
	t.Run("unknown token", func(t *testing.T) {
		h := newHarness(t, nil)
		resp, body := h.postForm("/services/oauth2/revoke", url.Values{"token": {"nope"}})
		if resp.StatusCode != http.StatusBadRequest ||
			body != "error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported" {
			t.Errorf("status %d body %q", resp.StatusCode, body)
		}
		if h.sim.Revoked("nope") {
			t.Error("unknown token reported revoked")
		}
	})
}
