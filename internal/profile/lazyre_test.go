package profile

import "testing"

// The expressions compile only when first used, so a typo would surface as
// a panic deep in a user's flow: compile and try each one here.
func TestPatternsCompileAndMatch(t *testing.T) {
	tests := []struct {
		name string
		re   *lazyRE
		good string
		bad  string
	}{
		{"api name", apiNameRE, "FederationIdentifier", "1Field"},
		{"asset id", assetIDRE, "sf-prod_1", "sf prod"},
		{"org id", orgIDRE, "00D5g000000abcdEAA", "00D5g000000abcd1"},
	}
	for _, tt := range tests {
		if !tt.re.MatchString(tt.good) {
			t.Errorf("%s: %q does not match, want a match", tt.name, tt.good)
		}
		if tt.re.MatchString(tt.bad) {
			t.Errorf("%s: %q matches, want no match", tt.name, tt.bad)
		}
	}
}
