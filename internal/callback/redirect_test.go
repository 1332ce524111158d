package callback

import (
	"errors"
	"testing"
)

func TestParseRedirectURL(t *testing.T) {
	tests := []struct {
		raw        string
		wantPort   int
		wantPath   string
		wantReason string
	}{
		{raw: "http://localhost/", wantPort: 80, wantPath: "/"},
		{raw: "http://localhost", wantPort: 80, wantPath: "/"},
		{raw: "http://localhost:8765/callback", wantPort: 8765, wantPath: "/callback"},
		{raw: "http://LOCALHOST:80/cb/", wantPort: 80, wantPath: "/cb/"},
		{raw: "http://localhost:65535/", wantPort: 65535, wantPath: "/"},
		{raw: "https://localhost/", wantReason: "scheme"},
		{raw: "ftp://localhost/", wantReason: "scheme"},
		{raw: "localhost:8765/callback", wantReason: "scheme"},
		{raw: "http://127.0.0.1/", wantReason: "host"},
		{raw: "http://[::1]:8080/", wantReason: "host"},
		{raw: "http://example.com/", wantReason: "host"},
		{raw: "http://localhost.example.com/", wantReason: "host"},
		{raw: "http://localhost:0/", wantReason: "port"},
		{raw: "http://localhost:65536/", wantReason: "port"},
		{raw: "http://localhost:080/", wantReason: "port"},
		{raw: "http://localhost:/", wantReason: "port"},
		{raw: "http://localhost/?x=1", wantReason: "query"},
		{raw: "http://localhost/?", wantReason: "query"},
		{raw: "http://localhost/#top", wantReason: "query"},
		{raw: "http://localhost/#", wantReason: "query"},
		{raw: "", wantReason: "invalid"},
		{raw: "http://user:pw@localhost/", wantReason: "invalid"},
		{raw: "http://localhost:port/", wantReason: "invalid"},
		{raw: "/callback", wantReason: "invalid"},
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
