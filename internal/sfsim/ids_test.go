package sfsim

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestIDChecksum(t *testing.T) {
	tests := []struct{ id15, want string }{
		{"001A0000006Vm9r", "IAC"}, // example from Salesforce's ID documentation
		{"000000000000000", "AAA"},
		{"AAAAAAAAAAAAAAA", "555"},
		{"aaaaaaaaaaaaaaa", "AAA"},
	}
	for _, tt := range tests {
		if got := idChecksum(tt.id15); got != tt.want {
			t.Errorf("idChecksum(%q) = %q, want %q", tt.id15, got, tt.want)
		}
	}
	for _, prefix := range []string{"00D", "005"} {
		id := NewSalesforceID(prefix)
		if len(id) != 18 || !strings.HasPrefix(id, prefix) || idChecksum(id[:15]) != id[15:] {
			t.Errorf("NewSalesforceID(%q) = %q", prefix, id)
		}
	}
}

func TestTokenShapes(t *testing.T) {
	for range 50 {
		code := newAuthCode()
		raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(code, "aPrx"))
		if !strings.HasPrefix(code, "aPrx") || !strings.HasSuffix(code, "==") || err != nil || len(raw) != 64 ||
			!strings.ContainsAny(code, "+") || !strings.ContainsAny(code, "/") {
			t.Fatalf("code %q is not aPrx + std base64 with + and / ending in ==", code)
		}
		if rt := newRefreshToken(); len(rt) != 87 || strings.Trim(rt, tokenAlphabet) != "" {
			t.Fatalf("refresh token %q", rt)
		}
		if at := newAccessToken(DemoOrgID); !strings.HasPrefix(at, DemoOrgID[:15]+"!AQ") {
			t.Fatalf("access token %q", at)
		}
	}
	if newAuthCode() == newAuthCode() || newRefreshToken() == newRefreshToken() {
		t.Error("tokens repeat")
	}
}

func TestPKCEHelpers(t *testing.T) {
	if got := s256(testVerifier); got != testChallenge {
		t.Errorf("s256(RFC 7636 example) = %q, want %q", got, testChallenge)
	}
	tests := []struct {
		v  string
		ok bool
	}{
		{testVerifier, true},
		{strings.Repeat("a", 43), true},
		{strings.Repeat("~", 128), true},
		{strings.Repeat("a", 42), false},
		{strings.Repeat("a", 171), true}, // the Salesforce CLI's (jsforce) length
		{strings.Repeat("a", 42) + "+", false},
		{strings.Repeat("a", 42) + "=", false},
	}
	for _, tt := range tests {
		if got := validVerifier(tt.v); got != tt.ok {
			t.Errorf("validVerifier(%q) = %t", tt.v, got)
		}
	}
}

func TestGrantScopes(t *testing.T) {
	tests := []struct {
		allowed   []string
		requested string
		want      string
		ok        bool
	}{
		{DefaultScopes, "", "api refresh_token", true},
		{DefaultScopes, "refresh_token api", "api refresh_token", true},
		{DefaultScopes, "api offline_access refresh_token", "api refresh_token", true},
		{[]string{"api", "offline_access"}, "", "api refresh_token", true},
		{DefaultScopes, "api id", "", false},
		{[]string{"api", "id", "refresh_token"}, "id", "id", true},
	}
	for _, tt := range tests {
		got, ok := grantScopes(tt.allowed, tt.requested)
		if ok != tt.ok || (ok && strings.Join(got, " ") != tt.want) {
			t.Errorf("grantScopes(%v, %q) = %v %t, want %q %t", tt.allowed, tt.requested, got, ok, tt.want, tt.ok)
		}
	}
}
