package salesforce

import "testing"

// Every error code Salesforce is documented (or seen by well-known clients) to
// send in the web-server flow, the refresh flow, revocation or introspection
// has its own message: none may reach the generic "sf.err.unknown". The codes
// and where they come from are listed in docs/SALESFORCE.md.
func TestNoKnownSalesforceErrorCodeFallsBack(t *testing.T) {
	known := []string{
		// Salesforce Help, "OAuth 2.0 Authorization Errors" and the web
		// server flow's token errors.
		"access_denied", "access-denied", "invalid_request", "invalid_client_id",
		"invalid_client", "invalid_client_credentials", "invalid_grant", "inactive_user",
		"inactive_org", "rate_limit_exceeded", "invalid_scope", "unsupported_response_type",
		"unsupported_grant_type", "redirect_uri_missing", "redirect_uri_mismatch",
		"server_error", "temporarily_unavailable", "invalid_app_access",
		// App policies, redirected to the callback (MicrosoftDocs
		// SupportArticles-docs, Copilot for Sales sign-in articles).
		"OAUTH_APP_ACCESS_DENIED", "OAUTH_APP_BLOCKED",
		// Salesforce's own error page codes that can also reach the callback.
		"OAUTH_APPROVAL_ERROR_GENERIC", "OAUTH_EC_APP_NOT_FOUND",
		// Revocation (Mobile SDK guide, "Revoking OAuth Tokens").
		"invalid_token", "unsupported_token_type",
	}
	for _, code := range known {
		if key := (&OAuthError{Code: code}).MessageKey(); key == "sf.err.unknown" {
			t.Errorf("documented code %q falls back to the generic message", code)
		}
	}
}

// These real codes are left to the generic message on purpose: it shows
// Salesforce's code and description verbatim. Each reason says why no
// message of their own is needed; the test fails when one gets a mapping
// without this list being updated.
func TestCodesLeftToTheGenericMessageOnPurpose(t *testing.T) {
	onPurpose := map[string]string{
		// sfconnect never sends prompt=none (Begin sends prompt=login or
		// nothing), so Salesforce has no reason to answer these.
		"login_required":         "prompt=none is never sent",
		"consent_required":       "prompt=none is never sent",
		"interaction_required":   "prompt=none is never sent",
		"immediate_unsuccessful": "immediate=true is never sent",
		// Seen only beside OAUTH_APP_ACCESS_DENIED in third-party notes,
		// without a documented meaning; showing the code is the honest answer.
		"OAUTH_AUTHORIZATION_BLOCKED": "undocumented",
	}
	for code, why := range onPurpose {
		if key := (&OAuthError{Code: code}).MessageKey(); key != "sf.err.unknown" {
			t.Errorf("%q (%s) now maps to %s: move it to the known list", code, why, key)
		}
	}
}
