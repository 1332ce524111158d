package salesforce

import (
	"slices"
	"testing"
)

func TestParseScopes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"refresh_token api id", []string{"refresh_token", "api", "id"}},
		{"  api,refresh_token  api\tweb ", []string{"api", "refresh_token", "web"}},
	}
	for _, tt := range tests {
		if got := ParseScopes(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("ParseScopes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMissingScopes(t *testing.T) {
	tests := []struct {
		name    string
		granted string
		want    []string
	}{
		{"both granted", "refresh_token api", nil},
		{"offline_access stands for refresh_token", "api offline_access", nil},
		{"full covers api", "full refresh_token", nil},
		{"full does not give a refresh token", "full", []string{"refresh_token"}},
		{"no refresh token", "api id web", []string{"refresh_token"}},
		{"no api", "refresh_token id", []string{"api"}},
		{"nothing", "", []string{"api", "refresh_token"}},
		{"names are exact", "API Refresh_Token", []string{"api", "refresh_token"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MissingScopes(ParseScopes(tt.granted), RequiredScopes...)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("MissingScopes(%q) = %q, want %q", tt.granted, got, tt.want)
			}
		})
	}
	if got := MissingScopes([]string{"refresh_token"}, "offline_access"); got != nil {
		t.Errorf("offline_access required, refresh_token granted: missing %q", got)
	}
}
