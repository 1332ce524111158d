package salesforce

import (
	"errors"
	"testing"
)

func TestValidateLoginURL(t *testing.T) {
	tests := []struct {
		name, raw, want, reason string
	}{
		{"my domain", "https://acme.my.salesforce.com", "https://acme.my.salesforce.com", ""},
		{"trailing slash dropped", "https://acme.my.salesforce.com/", "https://acme.my.salesforce.com", ""},
		{"path query fragment dropped", "https://acme.my.salesforce.com/services/oauth2/authorize?x=1#y", "https://acme.my.salesforce.com", ""},
		{"case and spaces", "  HTTPS://Login.Salesforce.COM/ ", "https://login.salesforce.com", ""},
		{"no scheme means https", "test.salesforce.com", "https://test.salesforce.com", ""},
		{"https with port", "https://host.example:8443/", "https://host.example:8443", ""},
		{"http loopback v4", "http://127.0.0.1:53682/", "http://127.0.0.1:53682", ""},
		{"http loopback range", "http://127.8.9.10", "http://127.8.9.10", ""},
		{"http loopback v6", "http://[::1]:8080", "http://[::1]:8080", ""},
		{"http localhost", "http://LOCALHOST:1717/x", "http://localhost:1717", ""},
		{"empty", "   ", "", URLReasonEmpty},
		{"http remote", "http://acme.my.salesforce.com", "", URLReasonInsecure},
		{"http private address", "http://192.168.1.10", "", URLReasonInsecure},
		{"http lookalike localhost", "http://localhost.evil.example", "", URLReasonInsecure},
		{"credentials in URL", "https://user:pw@acme.my.salesforce.com", "", URLReasonUserInfo},
		{"other scheme", "ftp://acme.my.salesforce.com", "", URLReasonInvalid},
		{"javascript", "javascript:alert(1)", "", URLReasonInvalid},
		{"bad port", "https://acme.my.salesforce.com:99999", "", URLReasonInvalid},
		{"empty port", "https://acme.my.salesforce.com:", "", URLReasonInvalid},
		{"bad host chars", "https://ac_me.example", "", URLReasonInvalid},
		{"no host", "https:///x", "", URLReasonInvalid},
		{"unparseable", "https://%zz", "", URLReasonInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ValidateLoginURL(tt.raw)
			if tt.reason == "" {
				if err != nil || got != tt.want {
					t.Fatalf("ValidateLoginURL(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
				}
				return
			}
			var ue *URLError
			if !errors.As(err, &ue) || ue.Reason != tt.reason {
				t.Fatalf("ValidateLoginURL(%q) = %q, %v; want reason %q", tt.raw, got, err, tt.reason)
			}
			if got != "" {
				t.Errorf("rejected URL returned %q", got)
			}
		})
	}
}

func TestURLErrorKeys(t *testing.T) {
	want := map[string]string{
		URLReasonEmpty:    "sf.url.empty",
		URLReasonInvalid:  "sf.url.invalid",
		URLReasonInsecure: "sf.url.insecure",
		URLReasonUserInfo: "sf.url.userinfo",
	}
	for reason, key := range want {
		e := &URLError{Reason: reason, Host: "h.example"}
		if e.MessageKey() != key || e.MessageArgs()["Host"] != "h.example" {
			t.Errorf("reason %s: key %q args %v", reason, e.MessageKey(), e.MessageArgs())
		}
	}
}
