package salesforce

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestOAuthErrorKeys(t *testing.T) {
	tests := []struct {
		code, description, key string
	}{
		{"access_denied", "end-user denied authorization", "sf.err.access_denied"},
		{"access-denied", "", "sf.err.access_denied"},
		{"invalid_request", "must use HTTP GET", "sf.err.invalid_request"},
		{"unsupported_response_type", "", "sf.err.unsupported_response_type"},
		{"invalid_scope", "", "sf.err.invalid_scope"},
		{"server_error", "", "sf.err.server_error"},
		{"temporarily_unavailable", "", "sf.err.temporarily_unavailable"},
		{"OAUTH_APPROVAL_ERROR_GENERIC", "", "sf.err.approval_error_generic"},
		{"OAUTH_EC_APP_NOT_FOUND", "", "sf.err.app_not_found"},
		{"OAUTH_APP_ACCESS_DENIED", "user is not admin approved to access this app", "sf.err.app_access_denied"},
		{"OAUTH_APP_BLOCKED", "this app is blocked by admin", "sf.err.app_blocked"},
		{"unsupported_token_type", "this token type is not supported", "sf.err.unsupported_token_type"},
		{"invalid_grant", "authentication failure", "sf.err.invalid_grant.authentication_failure"},
		{"invalid_grant", "expired authorization code", "sf.err.invalid_grant.expired_code"},
		{"invalid_grant", "Expired Authorization Code ", "sf.err.invalid_grant.expired_code"},
		{"invalid_grant", "invalid authorization code", "sf.err.invalid_grant.invalid_code"},
		{"invalid_grant", "invalid code verifier", "sf.err.invalid_grant.invalid_code_verifier"},
		{"invalid_grant", "ip restricted", "sf.err.invalid_grant.ip_restricted"},
		{"invalid_grant", "ip restricted or invalid login hours", "sf.err.invalid_grant.ip_restricted"},
		{"invalid_grant", "expired access/refresh token", "sf.err.invalid_grant.expired_token"},
		{"invalid_grant", "user hasn't approved this consumer", "sf.err.invalid_grant.not_approved"},
		{"invalid_grant", "user hasn’t approved this consumer", "sf.err.invalid_grant.not_approved"},
		{"invalid_grant", "inactive user", "sf.err.inactive_user"},
		{"invalid_grant", "inactive organization", "sf.err.inactive_org"},
		{"invalid_grant", "something new", "sf.err.invalid_grant"},
		{"invalid_grant", "", "sf.err.invalid_grant"},
		{"inactive_user", "user is inactive", "sf.err.inactive_user"},
		{"inactive_org", "", "sf.err.inactive_org"},
		{"invalid_client_id", "client identifier invalid", "sf.err.invalid_client_id"},
		{"invalid_client", "invalid client credentials", "sf.err.invalid_client"},
		{"invalid_client_credentials", "", "sf.err.invalid_client"},
		{"redirect_uri_mismatch", "redirect_uri must match configuration", "sf.err.redirect_uri_mismatch"},
		{"redirect_uri_missing", "", "sf.err.redirect_uri_mismatch"},
		{"unsupported_grant_type", "grant type not supported", "sf.err.unsupported_grant_type"},
		{"rate_limit_exceeded", "", "sf.err.rate_limit_exceeded"},
		{"invalid_app_access", "", "sf.err.invalid_app_access"},
		{"invalid_token", "", "sf.err.invalid_token"},
		{"no_such_code", "", "sf.err.unknown"},
		{"", "", "sf.err.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.description, func(t *testing.T) {
			err := NewCallbackError(tt.code, tt.description)
			var oe *OAuthError
			if !errors.As(err, &oe) {
				t.Fatalf("NewCallbackError returned %T", err)
			}
			if got := oe.MessageKey(); got != tt.key {
				t.Fatalf("MessageKey() = %q, want %q", got, tt.key)
			}
			if oe.Status != 0 {
				t.Errorf("callback error Status = %d, want 0", oe.Status)
			}
		})
	}
}

func TestUnknownOAuthErrorCarriesCode(t *testing.T) {
	e := &OAuthError{Code: "weird_error", Description: "something odd"}
	args := e.MessageArgs()
	if e.MessageKey() != "sf.err.unknown" || args["Code"] != "weird_error" || args["Description"] != "something odd" {
		t.Fatalf("key %q args %v", e.MessageKey(), args)
	}
}

func TestOAuthErrorSanitisesOutsideText(t *testing.T) {
	hostile := "bad\x1b[31m red\r\nInjected: line\u202egnp.exe\x00" + strings.Repeat("x", 500)
	for _, err := range []error{
		NewCallbackError("access_denied\n\x07", hostile),
		ParseTokenError(400, mustJSON(t, map[string]string{"error": "invalid_grant", "error_description": hostile})),
		&OAuthError{Code: "x\ty", Description: hostile}, // built without the constructors
	} {
		text := err.Error()
		if i := strings.IndexFunc(text, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }); i >= 0 {
			t.Errorf("Error() has control/format character at %d: %q", i, text)
		}
		var oe *OAuthError
		if !errors.As(err, &oe) {
			t.Fatalf("%T is not *OAuthError", err)
		}
		desc, _ := oe.MessageArgs()["Description"].(string)
		if n := utf8.RuneCountInString(desc); n > maxDescriptionRunes {
			t.Errorf("Description arg has %d runes, limit %d", n, maxDescriptionRunes)
		}
		if strings.ContainsAny(desc, "\r\n\x1b\x00\u202e") {
			t.Errorf("Description arg not sanitised: %q", desc)
		}
		if !strings.HasPrefix(desc, "bad [31m red Injected: line gnp.exe") {
			t.Errorf("readable text lost: %q", desc)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseTokenError(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		wantCode string // "" = *HTTPError expected
		wantKey  string
	}{
		{"invalid grant", 400, `{"error":"invalid_grant","error_description":"expired authorization code"}`, "invalid_grant", "sf.err.invalid_grant.expired_code"},
		{"invalid client id", 400, `{"error":"invalid_client_id","error_description":"client identifier invalid"}`, "invalid_client_id", "sf.err.invalid_client_id"},
		{"invalid client 401", 401, `{"error":"invalid_client","error_description":"invalid client credentials"}`, "invalid_client", "sf.err.invalid_client"},
		{"no description", 400, `{"error":"unsupported_grant_type"}`, "unsupported_grant_type", "sf.err.unsupported_grant_type"},
		{"html page", 400, `<html><body>Bad request</body></html>`, "", "sf.err.http.unexpected"},
		{"json without error", 400, `{"message":"nope"}`, "", "sf.err.http.unexpected"},
		{"empty body", 404, ``, "", "sf.err.http.unexpected"},
		{"5xx with JSON", 503, `{"error":"temporarily_unavailable"}`, "", "sf.err.http.server"},
		{"5xx html", 500, `<html>oops secret-ish echo</html>`, "", "sf.err.http.server"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ParseTokenError(tt.status, []byte(tt.body))
			keyed, ok := err.(interface{ MessageKey() string })
			if !ok || keyed.MessageKey() != tt.wantKey {
				t.Fatalf("ParseTokenError = %v (%T), want key %q", err, err, tt.wantKey)
			}
			if tt.wantCode == "" {
				var he *HTTPError
				if !errors.As(err, &he) || he.Status != tt.status || he.MessageArgs()["Status"] != tt.status {
					t.Fatalf("want *HTTPError{%d}, got %#v", tt.status, err)
				}
				if tt.body != "" && strings.Contains(err.Error(), tt.body) {
					t.Errorf("body leaked into %q", err.Error())
				}
				return
			}
			var oe *OAuthError
			if !errors.As(err, &oe) || oe.Code != tt.wantCode || oe.Status != tt.status {
				t.Fatalf("want *OAuthError{%s, %d}, got %#v", tt.wantCode, tt.status, err)
			}
		})
	}
}

func TestSanitizeIsIdempotentAndBounded(t *testing.T) {
	for _, s := range []string{"", "plain", "a\x00b", strings.Repeat("日本", 300), "\xff\xfe bad utf8", "  spaced   out  "} {
		once := sanitize(s, 20)
		if twice := sanitize(once, 20); twice != once {
			t.Errorf("sanitize not idempotent: %q -> %q -> %q", s, once, twice)
		}
		if n := utf8.RuneCountInString(once); n > 20 || !utf8.ValidString(once) {
			t.Errorf("sanitize(%q) = %q (%d runes)", s, once, n)
		}
	}
}
