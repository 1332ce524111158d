package salesforce

import "strings"

// RequiredScopes are the OAuth scopes the ID-governance connector needs: "api" to
// manage users through the REST API, "refresh_token" to act later without the
// admin. It is a variable only because Go has no constant slices; do not modify.
var RequiredScopes = []string{"api", "refresh_token"}

// ParseScopes splits a token response's "scope" value ("refresh_token api id"),
// tolerating commas, and drops duplicates while keeping the order.
func ParseScopes(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	seen := make(map[string]bool, len(fields))
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// MissingScopes returns the required scopes the granted ones do not cover, in the
// order required. Salesforce treats refresh_token and offline_access as the same
// scope, and "full" covers every scope except those two (Salesforce Help, "OAuth
// Tokens and Scopes": full does not return a refresh token).
func MissingScopes(granted []string, required ...string) []string {
	has := make(map[string]bool, len(granted))
	for _, g := range granted {
		has[g] = true
	}
	var missing []string
	for _, r := range required {
		if !scopeCovered(has, r) {
			missing = append(missing, r)
		}
	}
	return missing
}

func scopeCovered(has map[string]bool, scope string) bool {
	switch scope {
	case "refresh_token", "offline_access":
		return has["refresh_token"] || has["offline_access"]
	default:
		return has[scope] || has["full"]
	}
}
