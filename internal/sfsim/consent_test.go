package sfsim

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// consentPage fetches the consent page and returns its body and form token.
func (h *harness) consentPage() (string, string) {
	h.t.Helper()
	resp, body := h.get("/services/oauth2/authorize", authParams("code_challenge", testChallenge))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		h.t.Fatalf("consent page: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	m := formTokenRE.FindAllStringSubmatch(body, -1)
	if len(m) != 2 || m[0][1] != m[1][1] {
		h.t.Fatalf("want one form token in both forms, got %v", m)
	}
	return body, m[0][1]
}

// The consent page shows who signs in, the app and the requested access, in
// English and Japanese, with Salesforce's Allow/Deny button IDs.
func TestConsentPageContent(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Consent = ConsentPage
		o.Clients[0].Name = `Acme <script>alert(1)</script>`
	})
	body, _ := h.consentPage()
	for _, want := range []string{
		"admin@example.com",
		"Acme &lt;script&gt;",
		"Access and manage your data (api)",
		"Perform requests at any time (refresh_token, offline_access)",
		"API を使用してユーザーデータを管理 (api)",
		"いつでも要求を実行 (refresh_token, offline_access)",
		`id="oaapprove"`, `id="oadeny"`, "許可", "拒否",
		`action="/services/oauth2/authorize"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, leak := range []string{"<script>", testChallenge, "st-123", testCallback} {
		if strings.Contains(body, leak) {
			t.Errorf("page contains %q; the form token must stand for the parameters", leak)
		}
	}
}

// Allow and Deny are form POSTs; the form token works once.
func TestConsentPageAllowDeny(t *testing.T) {
	tests := []struct {
		name  string
		allow bool
	}{{"allow", true}, {"deny", false}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.Consent = ConsentPage })
			_, token := h.consentPage()
			resp, _ := h.postForm("/services/oauth2/authorize", consentAction(token, tt.allow))
			q := h.callback(resp, testCallback)
			if q.Get("state") != "st-123" {
				t.Errorf("state = %q", q.Get("state"))
			}
			if tt.allow {
				status, m := h.token(exchangeForm(q.Get("code"), "code_verifier", testVerifier))
				if status != http.StatusOK {
					t.Errorf("exchange after Allow: %d %v", status, m)
				}
			} else if q.Get("error") != "access_denied" || q.Get("error_description") != "end-user denied authorization" || q.Has("code") {
				t.Errorf("after Deny: %v", q)
			}
			resp, body := h.postForm("/services/oauth2/authorize", consentAction(token, true))
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Location") != "" || !strings.Contains(body, "invalid_request") {
				t.Errorf("reused form token: %d Location=%q", resp.StatusCode, resp.Header.Get("Location"))
			}
		})
	}
}

func TestConsentPageRejectsBadForms(t *testing.T) {
	tests := []struct {
		name    string
		advance time.Duration
		token   func(real string) string
		action  string
	}{
		{"unknown token", 0, func(string) string { return "forged" }, "allow"},
		{"empty token", 0, func(string) string { return "" }, "allow"},
		{"expired token", DefaultCodeTTL + time.Second, func(r string) string { return r }, "allow"},
		{"unknown action", 0, func(r string) string { return r }, "maybe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.Consent = ConsentPage })
			_, token := h.consentPage()
			h.clock.Advance(tt.advance)
			form := consentAction(tt.token(token), true)
			form.Set("action", tt.action)
			resp, _ := h.postForm("/services/oauth2/authorize", form)
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Location") != "" {
				t.Errorf("status %d Location %q, want 400 page", resp.StatusCode, resp.Header.Get("Location"))
			}
		})
	}
}

// prompt=none cannot show a page: the callback gets login_required.
func TestConsentPagePromptNone(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Consent = ConsentPage })
	resp, _ := h.get("/services/oauth2/authorize", authParams("prompt", "none"))
	if q := h.callback(resp, testCallback); q.Get("error") != "login_required" {
		t.Errorf("error = %q, want login_required", q.Get("error"))
	}
}
