package sfsim

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Errors about the client or the callback are shown on Salesforce's own page
// (HTTP 400, HTML), never redirected.
func TestAuthorizeErrorPageNotRedirected(t *testing.T) {
	tests := []struct {
		name     string
		params   url.Values
		wantCode string
	}{
		{"unknown client", authParams("client_id", "3MVG9nope"), "invalid_client_id"},
		{"missing client", authParams("client_id", ""), "invalid_client_id"},
		{"no trailing slash", authParams("redirect_uri", "http://localhost"), "redirect_uri_mismatch"},
		{"127.0.0.1 is not localhost", authParams("redirect_uri", "http://127.0.0.1/"), "redirect_uri_mismatch"},
		{"explicit default port", authParams("redirect_uri", "http://localhost:80/"), "redirect_uri_mismatch"},
		{"https instead of http", authParams("redirect_uri", "https://localhost/"), "redirect_uri_mismatch"},
		{"host case", authParams("redirect_uri", "http://LOCALHOST/"), "redirect_uri_mismatch"},
		{"extra trailing slash", authParams("redirect_uri", "http://localhost:8080/callback/"), "redirect_uri_mismatch"},
		{"other port", authParams("redirect_uri", "http://localhost:8081/callback"), "redirect_uri_mismatch"},
		{"extra query", authParams("redirect_uri", "http://localhost/?x=1"), "redirect_uri_mismatch"},
		{"ipv6 loopback", authParams("redirect_uri", "http://[::1]/"), "redirect_uri_mismatch"},
		{"missing", authParams("redirect_uri", ""), "redirect_uri_mismatch"},
		{"callback of another app", authParams("client_id", otherClientID, "redirect_uri", testCallback2), "redirect_uri_mismatch"},
		// The client is checked before anything else, even a bad response_type.
		{"unknown client and bad response_type", authParams("client_id", "x", "response_type", "token"), "invalid_client_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			resp, body := h.get("/services/oauth2/authorize", tt.params)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status = %d, want 400", resp.StatusCode)
			}
			if loc := resp.Header.Get("Location"); loc != "" {
				t.Errorf("redirected to %q; Salesforce shows these errors on its own page", loc)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type = %q, want HTML", ct)
			}
			if !strings.Contains(body, "error="+tt.wantCode) {
				t.Errorf("page lacks error=%s:\n%s", tt.wantCode, body)
			}
			for _, e := range h.sim.EventsOf("authorize") {
				if strings.Contains(e.Detail, "code issued") {
					t.Errorf("a code was issued: %v", e)
				}
			}
		})
	}
}

// A brand-new app answers invalid_client_id until it has propagated.
func TestAuthorizeNewAppNotYetAvailable(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Clients[0].NotBefore = time.Date(2025, 6, 2, 9, 5, 0, 0, time.UTC)
	})
	resp, body := h.get("/services/oauth2/authorize", authParams())
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "invalid_client_id") {
		t.Fatalf("before NotBefore: %d %q", resp.StatusCode, body)
	}
	h.clock.Advance(5 * time.Minute)
	h.code(authParams())
}

// Once client and callback are trusted, errors go back to the callback with
// the state.
func TestAuthorizeRedirectedErrors(t *testing.T) {
	tests := []struct {
		name     string
		pkce     bool
		params   url.Values
		wantErr  string
		wantDesc string
	}{
		{"missing response_type", false, authParams("response_type", ""), "unsupported_response_type", "response type not supported"},
		{"implicit flow", false, authParams("response_type", "token"), "unsupported_response_type", "response type not supported"},
		{"plain PKCE", false, authParams("code_challenge", testVerifier, "code_challenge_method", "plain"), "invalid_request", "invalid code challenge method"},
		{"method without challenge", false, authParams("code_challenge_method", "S256"), "invalid_request", "missing required code challenge"},
		{"PKCE required", true, authParams(), "invalid_request", "missing required code challenge"},
		{"scope not allowed", false, authParams("scope", "api full"), "invalid_scope", "the requested scope is not allowed"},
		{"unknown prompt", false, authParams("prompt", "always"), "invalid_request", "invalid prompt"},
		{"prompt none with others", false, authParams("prompt", "none login"), "invalid_request", "invalid prompt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.Clients[0].RequirePKCE = tt.pkce })
			resp, _ := h.get("/services/oauth2/authorize", tt.params)
			q := h.callback(resp, testCallback)
			if q.Get("error") != tt.wantErr || q.Get("error_description") != tt.wantDesc {
				t.Errorf("error=%q description=%q, want %q %q", q.Get("error"), q.Get("error_description"), tt.wantErr, tt.wantDesc)
			}
			if q.Get("state") != "st-123" || q.Has("code") {
				t.Errorf("callback query = %v, want state echoed and no code", q)
			}
		})
	}
}

// A successful authorization redirects with a Salesforce-shaped code that
// must be decoded exactly once, and echoes the state byte for byte.
func TestAuthorizeSuccess(t *testing.T) {
	tests := []struct {
		name   string
		params url.Values
	}{
		{seedName, authParams()},
		{"second callback", authParams("redirect_uri", testCallback2)},
		{"state with reserved characters", authParams("state", "a b&c=d/é+%")},
		{"no state", authParams("state", "")},
		{"prompt login", authParams("prompt", "login")},
		{"prompt consent select_account", authParams("prompt", "consent select_account")},
		{"prompt none", authParams("prompt", "none")},
		{"PKCE S256", authParams("code_challenge", testChallenge, "code_challenge_method", "S256")},
		{"PKCE without method", authParams("code_challenge", testChallenge)},
		{"scopes with offline_access", authParams("scope", "api offline_access")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			resp, _ := h.get("/services/oauth2/authorize", tt.params)
			q := h.callback(resp, tt.params.Get("redirect_uri"))
			raw := resp.Header.Get("Location")
			code := q.Get("code")
			if !strings.HasPrefix(code, "aPrx") || !strings.HasSuffix(code, "==") {
				t.Errorf("code %q does not look like a Salesforce code", code)
			}
			for _, esc := range []string{"%3D%3D", "%2B", "%2F"} {
				if !strings.Contains(raw, esc) {
					t.Errorf("raw Location lacks %s: %s", esc, raw)
				}
			}
			if got, want := q.Get("state"), tt.params.Get("state"); got != want || q.Has("state") != tt.params.Has("state") {
				t.Errorf("state = %q (present %t), want %q", got, q.Has("state"), want)
			}
		})
	}
}

const seedName = "seed manual request"

// ConsentDeny sends the user back with Salesforce's denial parameters.
func TestAuthorizeDenied(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Consent = ConsentDeny })
	resp, _ := h.get("/services/oauth2/authorize", authParams())
	raw := resp.Header.Get("Location")
	want := "http://localhost/?error=access_denied&error_description=end-user+denied+authorization&state=st-123"
	if resp.StatusCode != http.StatusFound || raw != want {
		t.Errorf("got %d %q, want 302 %q", resp.StatusCode, raw, want)
	}
	h.sim.SetConsent(ConsentAuto)
	h.code(authParams())
}

func TestAuthorizeMethodNotAllowed(t *testing.T) {
	h := newHarness(t, nil)
	req, _ := http.NewRequest(http.MethodPut, h.srv.URL+"/services/oauth2/authorize", nil)
	if resp, _ := h.do(req); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("PUT status = %d, want 405", resp.StatusCode)
	}
}
