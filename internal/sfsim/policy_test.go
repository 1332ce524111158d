package sfsim

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The app's policies are checked for the signed-in user and the failure is
// redirected to the callback with Salesforce's codes and descriptions.
func TestAppPoliciesAreRedirectedToTheCallback(t *testing.T) {
	tests := []struct {
		name      string
		mutate    func(*Options)
		code      string
		desc      string
		wantError bool
	}{
		{"blocked in Connected Apps OAuth Usage", func(o *Options) { o.Clients[0].Blocked = true },
			"OAUTH_APP_BLOCKED", "this app is blocked by admin", true},
		{"admin approved, user not assigned", func(o *Options) { o.Clients[0].AdminApproved = true },
			"OAUTH_APP_ACCESS_DENIED", "user is not admin approved to access this app", true},
		{"admin approved, user assigned", func(o *Options) { o.Clients[0].AdminApproved = true; o.User.PreAuthorized = true },
			"", "", false},
		{"page consent does not hide the policy", func(o *Options) { o.Clients[0].Blocked = true; o.Consent = ConsentPage },
			"OAUTH_APP_BLOCKED", "this app is blocked by admin", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.mutate)
			resp, _ := h.get("/services/oauth2/authorize", authParams())
			q := h.callback(resp, testCallback)
			if !tt.wantError {
				if q.Get("code") == "" {
					t.Fatalf("no code: error=%q", q.Get("error"))
				}
				return
			}
			if q.Get("error") != tt.code || q.Get("error_description") != tt.desc || q.Get("state") != "st-123" || q.Has("code") {
				t.Errorf("callback query %v, want error=%s", q, tt.code)
			}
		})
	}
}

// REST calls of an org or a user without API access are refused with 403 and
// Salesforce's error array; both get API_DISABLED_FOR_ORG with the same
// message, as REST answers a user without "API Enabled" in an edition that
// has the API. The version list needs no authentication and still answers.
func TestAPIAccess(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Options)
	}{
		{"edition without API", func(o *Options) { o.Org.APIDisabled = true }},
		{"user without API Enabled", func(o *Options) { o.User.APIDisabled = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.mutate)
			at := h.tokens()["access_token"].(string)
			resp, body := h.withBearer("/services/data/v64.0/query?q=SELECT+PermissionsManageUsers+FROM+UserPermissionAccess", at)
			var items []map[string]string
			if resp.StatusCode != http.StatusForbidden || json.Unmarshal([]byte(body), &items) != nil ||
				len(items) != 1 || items[0]["errorCode"] != "API_DISABLED_FOR_ORG" ||
				items[0]["message"] != "The REST API is not enabled for this Organization." {
				t.Errorf("query: %d %s", resp.StatusCode, body)
			}
			if resp, _ := h.get("/services/data/", nil); resp.StatusCode != http.StatusOK {
				t.Errorf("version list: %d", resp.StatusCode)
			}
			if resp, _ := h.withBearer("/services/oauth2/userinfo", at); resp.StatusCode != http.StatusOK {
				t.Errorf("userinfo is not the REST API but answered %d", resp.StatusCode)
			}
			// A dead session is still a 401 first.
			if resp, _ := h.withBearer("/services/data/v64.0/query?q=x", "dead"); resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("dead session: %d", resp.StatusCode)
			}
		})
	}
}

// Each user keeps at most MaxApprovals approvals per app: the sixth silently
// revokes the oldest (with the tokens rotated from it), not the others, and
// not another app's.
func TestApprovalLimit(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Rotation = true })
	var firsts []string
	for range MaxApprovals {
		firsts = append(firsts, h.tokens()["refresh_token"].(string))
	}
	// The oldest approval rotates once: its family is what must go.
	_, m := h.token(refreshForm(firsts[0]))
	rotated := m2s(m, "refresh_token")
	if h.sim.LiveApprovals(testClientID) != MaxApprovals {
		t.Fatalf("live approvals = %d", h.sim.LiveApprovals(testClientID))
	}
	sixth := h.tokens()["refresh_token"].(string)
	if h.sim.LiveApprovals(testClientID) != MaxApprovals || !h.sim.Revoked(rotated) {
		t.Errorf("after a sixth approval: %d live, oldest family revoked=%v", h.sim.LiveApprovals(testClientID), h.sim.Revoked(rotated))
	}
	for _, rt := range append(firsts[1:], sixth) {
		if status, _ := h.token(refreshForm(rt)); status != http.StatusOK {
			t.Errorf("a newer approval stopped working: %d", status)
		}
	}
	if h.sim.LiveApprovals(otherClientID) != 0 {
		t.Error("another app has approvals it never got")
	}
}

// Introspection says whether a token is active without using it: a rotating
// refresh token stays valid after any number of looks.
func TestIntrospection(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Rotation = true })
	m := h.tokens()
	rt, at := m2s(m, "refresh_token"), m2s(m, "access_token")
	look := func(token string, extra ...string) (int, map[string]any) {
		t.Helper()
		form := exchangeForm("", "grant_type", "", "code", "", "redirect_uri", "", "token", token, "token_type_hint", "refresh_token")
		for i := 0; i+1 < len(extra); i += 2 {
			form.Set(extra[i], extra[i+1])
		}
		resp, body := h.postForm("/services/oauth2/introspect", form)
		var out map[string]any
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatalf("introspect answered %d %q", resp.StatusCode, body)
		}
		return resp.StatusCode, out
	}
	for range 3 {
		status, out := look(rt)
		if status != http.StatusOK || out["active"] != true || out["token_type"] != "refresh_token" ||
			out["username"] != "admin@example.com" || out["client_id"] != testClientID ||
			out["scope"] != "api refresh_token" || !strings.HasSuffix(m2s(out, "sub"), "/"+DemoUserID) {
			t.Fatalf("introspect refresh token: %d %v", status, out)
		}
	}
	if status, _ := h.token(refreshForm(rt)); status != http.StatusOK {
		t.Fatalf("the token was used up by introspection: %d", status)
	}
	if _, out := look(rt); out["active"] != false || len(out) != 1 {
		t.Errorf("rotated-out token: %v", out)
	}
	if _, out := look(at, "token_type_hint", "access_token"); out["active"] != true || out["exp"] == nil {
		t.Errorf("access token: %v", out)
	}
	if _, out := look("5Aep861unknown"); out["active"] != false {
		t.Errorf("unknown token: %v", out)
	}
	// An app may introspect its own tokens only.
	if _, out := look(m2s(h.tokens(), "refresh_token"), "client_id", otherClientID, "client_secret", otherSecret); out["active"] != false {
		t.Errorf("another app saw the token: %v", out)
	}
	if status, out := look(rt, "client_secret", "wrong"); status != http.StatusUnauthorized || out["error"] != "invalid_client" {
		t.Errorf("wrong secret: %d %v", status, out)
	}
	if status, out := look(rt, "client_secret", ""); status != http.StatusUnauthorized {
		t.Errorf("no secret: %d %v", status, out)
	}
	if resp, _ := h.get("/services/oauth2/introspect", nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("GET: %d", resp.StatusCode)
	}
	h.sim.SetIntrospectionRefused(true)
	if status, _ := look(rt); status != http.StatusForbidden {
		t.Errorf("refused introspection answered %d", status)
	}
}

// Introspecting a token that rotation retired is a question, not a reuse:
// the answer is active:false and the family lives on, so the holder of the
// newest token (the console) keeps working. Presenting the retired token to
// the token endpoint, by contrast, revokes the family.
func TestIntrospectingARotatedOutTokenIsNoReuse(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Rotation = true })
	old := m2s(h.tokens(), "refresh_token")
	_, m := h.token(refreshForm(old))
	newest := m2s(m, "refresh_token")
	form := url.Values{"client_id": {testClientID}, "client_secret": {testSecret}, "token": {old},
		"token_type_hint": {"refresh_token"}}
	for range 2 {
		resp, body := h.postForm("/services/oauth2/introspect", form)
		if resp.StatusCode != http.StatusOK || strings.TrimSpace(body) != `{"active":false}` {
			t.Fatalf("introspect the retired token: %d %s", resp.StatusCode, body)
		}
	}
	for _, e := range h.sim.EventsOf("refresh") {
		if strings.Contains(e.Detail, "reuse") {
			t.Fatalf("introspection counted as reuse: %v", e)
		}
	}
	status, m := h.token(refreshForm(newest))
	if status != http.StatusOK {
		t.Fatalf("the newest token stopped working: %d %v", status, m)
	}
	// The contrast: the retired token at the token endpoint revokes the family.
	if status, _ := h.token(refreshForm(old)); status != http.StatusBadRequest || !h.sim.Revoked(m2s(m, "refresh_token")) {
		t.Errorf("reuse at the token endpoint: %d, family revoked %v", status, h.sim.Revoked(m2s(m, "refresh_token")))
	}
}
