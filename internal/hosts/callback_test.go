package hosts

import (
	"errors"
	"testing"
)

func TestParseCallbackURL(t *testing.T) {
	tests := []struct {
		raw      string
		wantPort int
		wantPath string
		wantErr  error
	}{
		{raw: "http://localhost/", wantPort: 80, wantPath: "/"},
		{raw: "http://localhost", wantPort: 80, wantPath: "/"},
		{raw: "http://localhost:8765/callback", wantPort: 8765, wantPath: "/callback"},
		{raw: "http://LOCALHOST:80/cb/", wantPort: 80, wantPath: "/cb/"},
		{raw: "http://localhost:65535/", wantPort: 65535, wantPath: "/"},
		{raw: "https://localhost/", wantErr: ErrCallbackScheme},
		{raw: "https://h/cb", wantErr: ErrCallbackScheme},
		{raw: "ftp://localhost/", wantErr: ErrCallbackScheme},
		{raw: "sfconnect://callback", wantErr: ErrCallbackScheme},
		{raw: "localhost:8765/callback", wantErr: ErrCallbackScheme},
		{raw: "http://127.0.0.1/", wantErr: ErrCallbackHost},
		{raw: "http://127.0.0.1/cb", wantErr: ErrCallbackHost},
		{raw: "http://[::1]:8080/", wantErr: ErrCallbackHost},
		{raw: "http://example.com/", wantErr: ErrCallbackHost},
		{raw: "http://localhost.example.com/", wantErr: ErrCallbackHost},
		{raw: "http://localhost:0/", wantErr: ErrCallbackPort},
		{raw: "http://localhost:65536/", wantErr: ErrCallbackPort},
		{raw: "http://localhost:080/", wantErr: ErrCallbackPort},
		{raw: "http://localhost:/", wantErr: ErrCallbackPort},
		{raw: "http://localhost/?x=1", wantErr: ErrCallbackQuery},
		{raw: "http://localhost/?", wantErr: ErrCallbackQuery},
		{raw: "http://localhost/#top", wantErr: ErrCallbackQuery},
		{raw: "http://localhost/#", wantErr: ErrCallbackQuery},
		{raw: "", wantErr: ErrCallbackMalformed},
		{raw: "http://user:pw@localhost/", wantErr: ErrCallbackMalformed},
		{raw: "http://localhost:port/", wantErr: ErrCallbackMalformed},
		{raw: "http://localhost/call back", wantErr: ErrCallbackMalformed},
		{raw: "http://localhost/\tx", wantErr: ErrCallbackMalformed},
		{raw: "/callback", wantErr: ErrCallbackMalformed},
	}
	for _, tt := range tests {
		port, path, err := ParseCallbackURL(tt.raw)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) || port != 0 || path != "" {
				t.Errorf("ParseCallbackURL(%q) = %d %q %v, want %v", tt.raw, port, path, err, tt.wantErr)
			}
			continue
		}
		if err != nil || port != tt.wantPort || path != tt.wantPath {
			t.Errorf("ParseCallbackURL(%q) = %d %q %v, want %d %q", tt.raw, port, path, err, tt.wantPort, tt.wantPath)
		}
	}
}
