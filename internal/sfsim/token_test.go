package sfsim

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The token reply has Salesforce's fields, a verifiable signature and no expires_in.
func TestExchangeReply(t *testing.T) {
	h := newHarness(t, nil)
	m := h.tokens()
	wantID := h.srv.URL + "/id/" + DemoOrgID + "/" + DemoUserID
	want := map[string]string{
		"scope": "api refresh_token", "instance_url": h.srv.URL, "id": wantID, "token_type": "Bearer",
		"issued_at": strconv.FormatInt(h.clock.Now().UnixMilli(), 10),
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %q", k, m[k], v)
		}
	}
	if _, ok := m["expires_in"]; ok {
		t.Error("reply has expires_in; Salesforce sends none")
	}
	if at, _ := m["access_token"].(string); !strings.HasPrefix(at, DemoOrgID[:15]+"!") {
		t.Errorf("access_token %q does not start with the 15-char org ID and '!'", at)
	}
	if rt, _ := m["refresh_token"].(string); !strings.HasPrefix(rt, "5Aep861") || len(rt) != 87 {
		t.Errorf("refresh_token %q is not Salesforce-shaped", rt)
	}
	mac := hmac.New(sha256.New, []byte(testSecret))
	mac.Write([]byte(wantID + want["issued_at"]))
	if sig := base64.StdEncoding.EncodeToString(mac.Sum(nil)); m["signature"] != sig {
		t.Errorf("signature = %v, want HMAC-SHA256(secret, id+issued_at) = %s", m["signature"], sig)
	}
	if got := h.sim.IssuedRefreshTokens(); len(got) != 1 || got[0] != m["refresh_token"] {
		t.Errorf("IssuedRefreshTokens = %v", got)
	}
}

// instance_url follows My Domain or the override; id always points at the sim.
func TestExchangeInstanceURL(t *testing.T) {
	tests := []struct {
		name string
		org  OrgInfo
		want string
	}{
		{"my domain", OrgInfo{OrgID: DemoOrgID, MyDomain: "acme"}, "https://acme.my.salesforce.com"},
		{"override", OrgInfo{OrgID: DemoOrgID, MyDomain: "acme", InstanceURL: "https://acme--dev.sandbox.my.salesforce.com/"}, "https://acme--dev.sandbox.my.salesforce.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.Org = tt.org })
			m := h.tokens()
			if m["instance_url"] != tt.want || !strings.HasPrefix(m["id"].(string), h.srv.URL+"/id/") {
				t.Errorf("instance_url = %v, id = %v", m["instance_url"], m["id"])
			}
		})
	}
}

// Every rule of the code exchange, one failure at a time.
func TestExchangeErrors(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(*Options)
		authz    url.Values
		form     func(code string) url.Values
		wantErr  string
		wantDesc string
	}{
		{"unknown client", nil, nil, func(c string) url.Values { return exchangeForm(c, "client_id", "3MVG9nope") }, "invalid_client_id", "client identifier invalid"},
		{"wrong secret", nil, nil, func(c string) url.Values { return exchangeForm(c, "client_secret", otherSecret) }, "invalid_client", "invalid client credentials"},
		{"missing secret", nil, nil, func(c string) url.Values { return exchangeForm(c, "client_secret", "") }, "invalid_client", "invalid client credentials"},
		{"missing code", nil, nil, func(string) url.Values { return exchangeForm("", "code", "") }, "invalid_grant", "invalid authorization code"},
		{"code decoded twice (+ became space)", nil, nil, func(c string) url.Values { return exchangeForm(strings.ReplaceAll(c, "+", " ")) }, "invalid_grant", "invalid authorization code"},
		{"code still escaped", nil, nil, func(c string) url.Values { return exchangeForm(url.QueryEscape(c)) }, "invalid_grant", "invalid authorization code"},
		{"code of another app", nil, nil, func(c string) url.Values {
			return exchangeForm(c, "client_id", otherClientID, "client_secret", otherSecret)
		}, "invalid_grant", "invalid authorization code"},
		{"redirect_uri without trailing slash", nil, nil, func(c string) url.Values { return exchangeForm(c, "redirect_uri", "http://localhost") }, "redirect_uri_mismatch", "redirect_uri must match configuration"},
		{"redirect_uri of the other callback", nil, nil, func(c string) url.Values { return exchangeForm(c, "redirect_uri", testCallback2) }, "redirect_uri_mismatch", "redirect_uri must match configuration"},
		{"redirect_uri missing", nil, nil, func(c string) url.Values { return exchangeForm(c, "redirect_uri", "") }, "redirect_uri_mismatch", "redirect_uri must match configuration"},
		{"grant_type missing", nil, nil, func(c string) url.Values { return exchangeForm(c, "grant_type", "") }, "unsupported_grant_type", "grant type not supported"},
		{"grant_type password", nil, nil, func(c string) url.Values { return exchangeForm(c, "grant_type", "password") }, "unsupported_grant_type", "grant type not supported"},
		{"PKCE verifier missing", nil, authParams("code_challenge", testChallenge), func(c string) url.Values { return exchangeForm(c) }, "invalid_grant", "invalid code verifier"},
		{"PKCE verifier wrong", nil, authParams("code_challenge", testChallenge), func(c string) url.Values {
			return exchangeForm(c, "code_verifier", strings.Repeat("a", 43))
		}, "invalid_grant", "invalid code verifier"},
		{"PKCE verifier is the challenge", nil, authParams("code_challenge", testChallenge), func(c string) url.Values {
			return exchangeForm(c, "code_verifier", testChallenge)
		}, "invalid_grant", "invalid code verifier"},
		{"PKCE verifier too short even if it hashes right", nil, authParams("code_challenge", challengeOf("short")), func(c string) url.Values {
			return exchangeForm(c, "code_verifier", "short")
		}, "invalid_grant", "invalid code verifier"},
		{"verifier without challenge", nil, nil, func(c string) url.Values { return exchangeForm(c, "code_verifier", testVerifier) }, "invalid_grant", "invalid code verifier"},
		{"inactive user", func(o *Options) { o.User.Active = false }, nil, func(c string) url.Values { return exchangeForm(c) }, "inactive_user", "user is inactive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.mutate)
			p := tt.authz
			if p == nil {
				p = authParams()
			}
			status, m := h.token(tt.form(h.code(p)))
			wantOAuthError(t, status, m, tt.wantErr, tt.wantDesc)
		})
	}
}

// A failed attempt does not use the code up: the client may correct itself.
func TestExchangeFailureKeepsCode(t *testing.T) {
	h := newHarness(t, nil)
	code := h.code(authParams("code_challenge", testChallenge))
	status, m := h.token(exchangeForm(code, "code_verifier", strings.Repeat("b", 43)))
	wantOAuthError(t, status, m, "invalid_grant", "invalid code verifier")
	if status, m := h.token(exchangeForm(code, "code_verifier", testVerifier)); status != http.StatusOK {
		t.Errorf("retry with the right verifier: %d %v", status, m)
	}
}

// Codes are single-use; a replay also revokes what the code produced.
func TestExchangeReplayRevokes(t *testing.T) {
	h := newHarness(t, nil)
	code := h.code(authParams())
	status, m := h.token(exchangeForm(code))
	if status != http.StatusOK {
		t.Fatalf("first exchange: %d %v", status, m)
	}
	at, rt := m["access_token"].(string), m["refresh_token"].(string)
	status, m2 := h.token(exchangeForm(code))
	wantOAuthError(t, status, m2, "invalid_grant", "invalid authorization code")
	if !h.sim.Revoked(at) || !h.sim.Revoked(rt) {
		t.Errorf("after replay Revoked(access)=%t Revoked(refresh)=%t, want both", h.sim.Revoked(at), h.sim.Revoked(rt))
	}
	if resp, _ := h.withBearer("/services/oauth2/userinfo", at); resp.StatusCode != http.StatusForbidden {
		t.Errorf("userinfo with revoked token: %d", resp.StatusCode)
	}
}

// Codes live 15 minutes by default (a custom TTL is honoured).
func TestExchangeCodeExpiry(t *testing.T) {
	tests := []struct {
		name    string
		ttl     time.Duration
		advance time.Duration
		expired bool
	}{
		{"fresh", 0, 0, false},
		{"at 15 minutes", 0, 15 * time.Minute, false},
		{"just after 15 minutes", 0, 15*time.Minute + time.Millisecond, true},
		{"an hour later", 0, time.Hour, true},
		{"custom TTL", time.Minute, 2 * time.Minute, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.CodeTTL = tt.ttl })
			code := h.code(authParams())
			h.clock.Advance(tt.advance)
			status, m := h.token(exchangeForm(code))
			if tt.expired {
				wantOAuthError(t, status, m, "invalid_grant", "expired authorization code")
			} else if status != http.StatusOK {
				t.Errorf("status %d %v, want 200", status, m)
			}
		})
	}
}

// Ways of sending the request that Salesforce accepts.
func TestExchangeRequestStyles(t *testing.T) {
	h := newHarness(t, nil)
	t.Run("seed curl with parameters in the query", func(t *testing.T) {
		q := exchangeForm(h.code(authParams()))
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/services/oauth2/token?"+q.Encode(), nil)
		if resp, body := h.do(req); resp.StatusCode != http.StatusOK {
			t.Errorf("status %d %s", resp.StatusCode, body)
		}
	})
	t.Run("HTTP Basic client authentication", func(t *testing.T) {
		form := exchangeForm(h.code(authParams()), "client_id", "", "client_secret", "")
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/services/oauth2/token", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(url.QueryEscape(testClientID), url.QueryEscape(testSecret))
		if resp, body := h.do(req); resp.StatusCode != http.StatusOK {
			t.Errorf("status %d %s", resp.StatusCode, body)
		}
	})
	t.Run("JSON body is not read", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/services/oauth2/token", strings.NewReader(`{"grant_type":"authorization_code"}`))
		req.Header.Set("Content-Type", "application/json")
		if resp, body := h.do(req); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "unsupported_grant_type") {
			t.Errorf("status %d %s", resp.StatusCode, body)
		}
	})
	t.Run("GET is refused", func(t *testing.T) {
		resp, body := h.get("/services/oauth2/token", exchangeForm(h.code(authParams())))
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "must use HTTP POST") {
			t.Errorf("status %d %s", resp.StatusCode, body)
		}
	})
}

// "Require secret for Web Server Flow" OFF: the secret may be omitted, but a
// wrong one is still refused.
func TestExchangeSecretOptional(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Clients[0].RequireSecret = false })
	if status, m := h.token(exchangeForm(h.code(authParams()), "client_secret", "")); status != http.StatusOK {
		t.Errorf("without secret: %d %v", status, m)
	}
	status, m := h.token(exchangeForm(h.code(authParams()), "client_secret", "wrong"))
	wantOAuthError(t, status, m, "invalid_client", "invalid client credentials")
}

// Without refresh_token/offline_access in the grant there is no refresh token.
func TestExchangeWithoutRefreshScope(t *testing.T) {
	tests := []struct {
		name        string
		noRefresh   bool
		scope       string
		wantScope   string
		wantRefresh bool
	}{
		{"app grants it", false, "", "api refresh_token", true},
		{"NoRefreshToken option", true, "", "api", false},
		{"only api requested", false, "api", "api", false},
		{"offline_access requested", false, "offline_access api", "api refresh_token", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.NoRefreshToken = tt.noRefresh })
			status, m := h.token(exchangeForm(h.code(authParams("scope", tt.scope))))
			_, hasRefresh := m["refresh_token"]
			if status != http.StatusOK || m["scope"] != tt.wantScope || hasRefresh != tt.wantRefresh {
				t.Errorf("status %d scope %v refresh_token present %t", status, m["scope"], hasRefresh)
			}
		})
	}
}
