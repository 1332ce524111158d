package sfsim

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// The identity URL and userinfo tell who authorized, with the live token.
func TestIdentityAndUserinfo(t *testing.T) {
	h := newHarness(t, nil)
	m := h.tokens()
	at := m["access_token"].(string)
	idPath := m["id"].(string)[len(h.srv.URL):]
	tests := []struct {
		name string
		path string
		want map[string]any
	}{
		{"identity URL", idPath, map[string]any{
			"username": "admin@example.com", "user_id": DemoUserID, "organization_id": DemoOrgID,
			"email": "admin@example.com", "display_name": "Hanako Yamada", "id": m["id"], "active": true,
		}},
		{"identity URL with 15-char IDs", "/id/" + DemoOrgID[:15] + "/" + DemoUserID[:15], map[string]any{"user_id": DemoUserID}},
		{"userinfo", "/services/oauth2/userinfo", map[string]any{
			"preferred_username": "admin@example.com", "user_id": DemoUserID, "organization_id": DemoOrgID,
			"email": "admin@example.com", "name": "Hanako Yamada", "sub": m["id"],
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := h.withBearer(tt.path, at)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d %s", resp.StatusCode, body)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
			}
		})
	}
}

// A missing, unknown, revoked or timed-out token gets the identity service's
// 403 Bad_OAuth_Token (plain text, not JSON).
func TestIdentityBadToken(t *testing.T) {
	tests := []struct {
		name  string
		token func(h *harness, at string) string
	}{
		{"missing", func(*harness, string) string { return "" }},
		{"unknown", func(*harness, string) string { return DemoOrgID[:15] + "!AQnope" }},
		{"revoked", func(h *harness, at string) string {
			h.postForm("/services/oauth2/revoke", map[string][]string{"token": {at}})
			return at
		}},
		{"session timed out", func(h *harness, at string) string { h.clock.Advance(DefaultSessionTTL); return at }},
		{"sessions expired", func(h *harness, at string) string { h.sim.ExpireSessions(); return at }},
		{"user deactivated", func(h *harness, at string) string { h.sim.SetUserActive(false); return at }},
	}
	for _, tt := range tests {
		for _, path := range []string{"/id/" + DemoOrgID + "/" + DemoUserID, "/services/oauth2/userinfo"} {
			t.Run(tt.name+" "+path, func(t *testing.T) {
				h := newHarness(t, nil)
				token := tt.token(h, h.tokens()["access_token"].(string))
				resp, body := h.withBearer(path, token)
				if resp.StatusCode != http.StatusForbidden || body != "Bad_OAuth_Token" {
					t.Errorf("got %d %q, want 403 Bad_OAuth_Token", resp.StatusCode, body)
				}
			})
		}
	}
}

// A session just inside the timeout still works.
func TestIdentitySessionStillValid(t *testing.T) {
	h := newHarness(t, nil)
	at := h.tokens()["access_token"].(string)
	h.clock.Advance(DefaultSessionTTL - time.Second)
	if resp, _ := h.withBearer("/services/oauth2/userinfo", at); resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestIdentityWrongIDs(t *testing.T) {
	tests := []struct {
		name, path string
		status     int
		body       string
	}{
		{"other user", "/id/" + DemoOrgID + "/005000000000001AAA", http.StatusNotFound, "Bad_Id"},
		{"other org", "/id/00D000000000001AAA/" + DemoUserID, http.StatusForbidden, "Wrong_Org"},
		{"no user", "/id/" + DemoOrgID, http.StatusForbidden, "Wrong_Org"},
	}
	h := newHarness(t, nil)
	at := h.tokens()["access_token"].(string)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if resp, body := h.withBearer(tt.path, at); resp.StatusCode != tt.status || body != tt.body {
				t.Errorf("got %d %q", resp.StatusCode, body)
			}
		})
	}
}
