package secrets

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// darwinLine rebuilds the exact line go-keyring v0.2.8 writes to
// `security -i` (keyring_darwin.go).
func darwinLine(service, account, secret string) string {
	pw := darwinPrefix + base64.StdEncoding.EncodeToString([]byte(secret))
	return fmt.Sprintf("add-generic-password -U -s %s -a %s -w %s\n", shellQuote(service), shellQuote(account), shellQuote(pw))
}

func TestLimit(t *testing.T) {
	tests := []struct {
		name    string
		account string
		want    int // 0 = only check the macOS property
	}{
		{"short account: Windows rule binds", Account("acme", RefreshToken), WindowsBlobLimit},
		{"64-rune Japanese profile name", Account(strings.Repeat("本", 64), ClientSecret), WindowsBlobLimit},
		{"huge account: macOS rule binds", strings.Repeat("x", 1200), 0},
		{"quoted account", Account("it's mine", ClientSecret), WindowsBlobLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Limit("sfconnect", tt.account)
			if tt.want != 0 && got != tt.want {
				t.Fatalf("Limit = %d, want %d", got, tt.want)
			}
			if got > WindowsBlobLimit {
				t.Fatalf("Limit %d exceeds the Windows blob limit", got)
			}
			if n := len(darwinLine("sfconnect", tt.account, strings.Repeat("a", got))); n > darwinLineLimit {
				t.Fatalf("a secret of Limit bytes makes a %d-byte security line", n)
			}
			if got < WindowsBlobLimit {
				// The macOS rule binds: the next base64 step must not fit.
				if n := len(darwinLine("sfconnect", tt.account, strings.Repeat("a", got+3))); n <= darwinLineLimit {
					t.Fatalf("Limit %d is too strict: %d more bytes still fit (%d)", got, 3, n)
				}
			}
		})
	}
}

func TestShellQuoteMatchesGoKeyring(t *testing.T) {
	tests := map[string]string{
		"":                           "''",
		"sfconnect":                  "sfconnect",
		"acme:client_secret":         "acme:client_secret",
		"a b":                        "'a b'",
		"it's":                       `'it'"'"'s'`,
		"go-keyring-base64:QUJD+/==": "go-keyring-base64:QUJD+/==",
	}
	for in, want := range tests {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
