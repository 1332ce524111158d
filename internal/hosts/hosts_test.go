package hosts

import (
	"errors"
	"net/url"
	"testing"
)

func TestIsLoopback(t *testing.T) {
	tests := map[string]bool{
		"localhost":              true,
		"LocalHost":              true,
		"127.0.0.1":              true,
		"127.1.2.3":              true,
		"::1":                    true,
		"::ffff:127.0.0.1":       true,
		"0:0:0:0:0:0:0:1":        true,
		"":                       false,
		"[::1]":                  false, // a Hostname has no brackets
		"localhost.":             false,
		"localhost.evil.com":     false,
		"127.0.0.1.nip.io":       false,
		"10.0.0.1":               false,
		"::ffff:10.0.0.1":        false,
		"0.0.0.0":                false,
		"::":                     false,
		"fe80::1%lo":             false,
		"acme.my.salesforce.com": false,
	}
	checkEach(t, "IsLoopback", IsLoopback, tests)
}

func TestIsLoopbackHostPort(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1:8080": true,
		"localhost:0":    true,
		"LOCALHOST:80":   true,
		"[::1]:443":      true,
		":8080":          false, // every interface
		"0.0.0.0:8080":   false,
		"10.1.2.3:80":    false,
		"127.0.0.1":      false, // no port
		"":               false,
	}
	checkEach(t, "IsLoopbackHostPort", IsLoopbackHostPort, tests)
}

func TestIsLoopbackPeer(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1:5000":         true,
		"127.9.9.9:5000":         true,
		"[::1]:5000":             true,
		"[::ffff:127.0.0.1]:80":  true,
		"192.168.1.2:5000":       false,
		"[fe80::1%en0]:5000":     false,
		"[::ffff:10.0.0.1]:5000": false,
		"0.0.0.0:80":             false,
		"localhost:80":           false, // a peer is an address, never a name
		"":                       false,
		"garbage":                false,
	}
	checkEach(t, "IsLoopbackPeer", IsLoopbackPeer, tests)
}

// checkEach runs f on every input of tests and reports each wrong answer.
func checkEach(t *testing.T, name string, f func(string) bool, tests map[string]bool) {
	t.Helper()
	for in, want := range tests {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %v, want %v", name, in, got, want)
		}
	}
}

func TestCheckTransport(t *testing.T) {
	tests := []struct {
		raw  string
		want error
	}{
		{"https://acme.my.salesforce.com", nil},
		{"https://127.0.0.1:8443/x", nil},
		{"http://localhost/", nil},
		{"http://127.0.0.1:8080", nil},
		{"http://[::1]:8080/callback", nil},
		{"HTTP://LOCALHOST:8080", nil}, // url.Parse lowers the scheme
		{"http://acme.my.salesforce.com", ErrPlainHTTP},
		{"http://10.0.0.1", ErrPlainHTTP},
		{"http://localhost.evil.com", ErrPlainHTTP},
		{"ftp://localhost/", ErrNotWeb},
		{"javascript:alert(1)", ErrNotWeb},
		{"//acme.my.salesforce.com", ErrNotWeb},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.raw)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", tt.raw, err)
		}
		if got := CheckTransport(u); !errors.Is(got, tt.want) || (tt.want == nil) != (got == nil) {
			t.Errorf("CheckTransport(%q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
	if CheckTransport(nil) != ErrNotWeb {
		t.Error("CheckTransport(nil) accepted")
	}
}
