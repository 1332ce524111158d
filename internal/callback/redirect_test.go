package callback

import (
	"errors"
	"testing"
)

// The listener serves what hosts.ParseCallbackURL accepts, and names each
// refusal's reason (the rule itself is tested in package hosts).
func TestParseRedirectURL(t *testing.T) {
	tests := []struct {
		raw        string
		wantPort   int
		wantPath   string
		wantReason string
	}{
		{raw: "http://localhost:8765/callback", wantPort: 8765, wantPath: "/callback"},
		{raw: "http://localhost", wantPort: 80, wantPath: "/"},
		{raw: "https://localhost/", wantReason: "scheme"},
		{raw: "http://127.0.0.1/", wantReason: "host"},
		{raw: "http://localhost:080/", wantReason: "port"},
		{raw: "http://localhost/#top", wantReason: "query"},
		{raw: "http://localhost/call back", wantReason: "invalid"},
		{raw: "", wantReason: "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			port, path, err := ParseRedirectURL(tt.raw)
			if tt.wantReason != "" {
				var re *RedirectURLError
				if !errors.As(err, &re) || re.Reason != tt.wantReason {
					t.Fatalf("err = %v, want RedirectURLError %q", err, tt.wantReason)
				}
				if re.MessageArgs()["URL"] != tt.raw {
					t.Errorf("MessageArgs = %v", re.MessageArgs())
				}
				return
			}
			if err != nil || port != tt.wantPort || path != tt.wantPath {
				t.Fatalf("got %d %q %v, want %d %q", port, path, err, tt.wantPort, tt.wantPath)
			}
		})
	}
}
