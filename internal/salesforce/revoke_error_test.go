package salesforce

import (
	"errors"
	"strings"
	"testing"
)

func TestParseRevokeError(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		wantCode string // "" = *HTTPError
		gone     bool
	}{
		{"form-encoded, as Salesforce sends it", 400,
			"error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported",
			"unsupported_token_type", true},
		{"form-encoded invalid_token", 400, "error=invalid_token&error_description=invalid+token", "invalid_token", true},
		{"form-encoded with a trailing newline", 400, "error=invalid_token\n", "invalid_token", true},
		{"JSON, as a proxy may rewrite it", 400, `{"error":"invalid_token","error_description":"invalid token"}`, "invalid_token", true},
		{"another OAuth error is not gone", 400, "error=invalid_request&error_description=must+use+POST", "invalid_request", false},
		{"html page", 400, "<html><body>Bad request</body></html>", "", false},
		{"empty", 400, "", "", false},
		{"server error stays an HTTP error", 503, "error=temporarily_unavailable", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ParseRevokeError(tt.status, []byte(tt.body))
			var oe *OAuthError
			if tt.wantCode == "" {
				var he *HTTPError
				if !errors.As(err, &he) || he.Status != tt.status {
					t.Fatalf("ParseRevokeError = %#v, want *HTTPError{%d}", err, tt.status)
				}
			} else if !errors.As(err, &oe) || oe.Code != tt.wantCode || oe.Status != tt.status {
				t.Fatalf("ParseRevokeError = %#v, want code %q", err, tt.wantCode)
			}
			if TokenGone(err) != tt.gone {
				t.Errorf("TokenGone = %v, want %v", !tt.gone, tt.gone)
			}
			if tt.body != "" && strings.Contains(err.Error(), "%20") {
				t.Errorf("description not decoded: %v", err)
			}
		})
	}
	if TokenGone(nil) || TokenGone(errors.New("invalid_token")) {
		t.Error("TokenGone is true for an error that is not Salesforce's")
	}
}

func FuzzParseRevokeError(f *testing.F) {
	f.Add(400, []byte("error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported"))
	f.Add(400, []byte("error=%1b%5b31m&error_description=%e2%80%ae"))
	f.Add(400, []byte(`{"error":"invalid_token"}`))
	f.Add(502, []byte("error=x"))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		err := ParseRevokeError(status, body)
		var oe *OAuthError
		var he *HTTPError
		switch {
		case errors.As(err, &oe):
			if oe.Code == "" || oe.MessageKey() == "" || oe.Status != status {
				t.Fatalf("bad OAuthError %#v", oe)
			}
			if strings.ContainsAny(err.Error(), "\x1b\n\r\u202e") {
				t.Fatalf("control character in %q", err.Error())
			}
		case errors.As(err, &he):
			if he.Status != status {
				t.Fatalf("status %d, want %d", he.Status, status)
			}
		default:
			t.Fatalf("unexpected error %T", err)
		}
	})
}
