package salesforce

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OAuthError is an error Salesforce reported in the OAuth flow, either on the
// redirect to the callback (Status 0) or as the token endpoint's JSON answer.
// Code and Description are sanitised when built by NewCallbackError or
// ParseTokenError; neither ever holds a secret.
type OAuthError struct {
	Code        string // "invalid_grant", "access_denied", ...
	Description string // Salesforce's error_description, e.g. "expired authorization code"
	Status      int    // HTTP status of the token endpoint answer, 0 for the callback
}

// NewCallbackError builds the error carried by a callback such as
// ?error=access_denied&error_description=end-user+denied+authorization.
func NewCallbackError(code, description string) error {
	return &OAuthError{
		Code:        sanitize(code, maxCodeRunes),
		Description: sanitize(description, maxDescriptionRunes),
	}
}

// ParseTokenError reads a failed token, refresh or revoke answer. A JSON body with
// an "error" field gives an *OAuthError; a 5xx status, or a body that is not such
// JSON (an HTML error page, a proxy's answer), gives an *HTTPError whose message
// never includes the body.
func ParseTokenError(status int, body []byte) error {
	if status >= 500 {
		return &HTTPError{Status: status}
	}
	var payload struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if len(body) > maxBody || json.Unmarshal(body, &payload) != nil || strings.TrimSpace(payload.Error) == "" {
		return &HTTPError{Status: status}
	}
	return &OAuthError{
		Code:        sanitize(payload.Error, maxCodeRunes),
		Description: sanitize(payload.Description, maxDescriptionRunes),
		Status:      status,
	}
}

// Error describes the failure in English for logs.
func (e *OAuthError) Error() string {
	code := sanitize(e.Code, maxCodeRunes)
	desc := sanitize(e.Description, maxDescriptionRunes)
	where := "authorization"
	if e.Status != 0 {
		where = fmt.Sprintf("token endpoint (HTTP %d)", e.Status)
	}
	if desc == "" {
		return fmt.Sprintf("salesforce: %s error %q", where, code)
	}
	return fmt.Sprintf("salesforce: %s error %q: %s", where, code, desc)
}

// MessageKey returns the key of an actionable explanation: one per Salesforce
// error code and, for invalid_grant, one per known description; "sf.err.unknown"
// (with the code as argument) for anything else.
func (e *OAuthError) MessageKey() string {
	switch strings.ToLower(strings.TrimSpace(e.Code)) {
	case "access_denied", "access-denied":
		return "sf.err.access_denied"
	case "invalid_request":
		return "sf.err.invalid_request"
	case "unsupported_response_type":
		return "sf.err.unsupported_response_type"
	case "invalid_scope":
		return "sf.err.invalid_scope"
	case "server_error":
		return "sf.err.server_error"
	case "temporarily_unavailable":
		return "sf.err.temporarily_unavailable"
	case "oauth_approval_error_generic":
		return "sf.err.approval_error_generic"
	case "oauth_app_access_denied":
		// "user is not admin approved to access this app": Permitted Users is
		// "Admin approved users are pre-authorized" and no profile or
		// permission set of the user is assigned to the app.
		return "sf.err.app_access_denied"
	case "oauth_app_blocked":
		// "this app is blocked by admin": Setup > Connected Apps OAuth Usage.
		return "sf.err.app_blocked"
	case "oauth_ec_app_not_found":
		return "sf.err.app_not_found"
	case "invalid_grant":
		return invalidGrantKey(e.Description)
	case "inactive_user":
		return "sf.err.inactive_user"
	case "inactive_org":
		return "sf.err.inactive_org"
	case "invalid_client_id":
		return "sf.err.invalid_client_id"
	case "invalid_client", "invalid_client_credentials":
		return "sf.err.invalid_client"
	case "redirect_uri_mismatch", "redirect_uri_missing":
		return "sf.err.redirect_uri_mismatch"
	case "unsupported_grant_type":
		return "sf.err.unsupported_grant_type"
	case "rate_limit_exceeded":
		return "sf.err.rate_limit_exceeded"
	case "invalid_app_access":
		return "sf.err.invalid_app_access"
	case "invalid_token":
		return "sf.err.invalid_token"
	case "unsupported_token_type":
		return "sf.err.unsupported_token_type"
	default:
		return "sf.err.unknown"
	}
}

// invalidGrantKey tells apart the invalid_grant descriptions Salesforce documents;
// each has a different cause and a different fix.
func invalidGrantKey(description string) string {
	d := strings.ToLower(sanitize(description, maxDescriptionRunes))
	switch {
	case d == "authentication failure":
		return "sf.err.invalid_grant.authentication_failure"
	case d == "expired authorization code":
		return "sf.err.invalid_grant.expired_code"
	case d == "invalid authorization code":
		return "sf.err.invalid_grant.invalid_code"
	case d == "invalid code verifier":
		return "sf.err.invalid_grant.invalid_code_verifier"
	case strings.HasPrefix(d, "ip restricted"): // "ip restricted or invalid login hours"
		return "sf.err.invalid_grant.ip_restricted"
	case d == "expired access/refresh token":
		return "sf.err.invalid_grant.expired_token"
	case strings.HasPrefix(d, "user hasn") && strings.HasSuffix(d, "approved this consumer"):
		return "sf.err.invalid_grant.not_approved"
	case d == "inactive user":
		return "sf.err.inactive_user"
	case d == "inactive organization":
		return "sf.err.inactive_org"
	default:
		return "sf.err.invalid_grant"
	}
}

// MessageArgs returns the template data: Code and Description (sanitised, so a
// crafted callback cannot inject control characters into the UI).
func (e *OAuthError) MessageArgs() map[string]any {
	return map[string]any{
		"Code":        sanitize(e.Code, maxCodeRunes),
		"Description": sanitize(e.Description, maxDescriptionRunes),
	}
}

// HTTPError is an answer from Salesforce that is not a documented error: a 5xx, or
// a body that is not Salesforce's JSON (a proxy or captive portal page, a wrong
// login URL). The body is never kept: it could echo a request.
type HTTPError struct {
	Status int
}

// Error describes the failure in English for logs.
func (e *HTTPError) Error() string {
	return fmt.Sprintf("salesforce: unexpected HTTP status %d", e.Status)
}

// MessageKey returns "sf.err.http.server" for 5xx answers and
// "sf.err.http.unexpected" otherwise.
func (e *HTTPError) MessageKey() string {
	if e.Status >= 500 {
		return "sf.err.http.server"
	}
	return "sf.err.http.unexpected"
}

// MessageArgs returns the template data: Status.
func (e *HTTPError) MessageArgs() map[string]any {
	return map[string]any{"Status": e.Status}
}

// Limits for text that comes from Salesforce (or from a URL anyone can craft) and
// may be shown to the admin or written to a log.
const (
	maxDescriptionRunes = 200
	maxCodeRunes        = 64
	maxFieldRunes       = 256
)

// sanitize makes outside text safe to show: invalid UTF-8, control and format
// characters (including bidi overrides) become spaces, runs of spaces collapse,
// and the result is cut to max runes with an ellipsis. It is idempotent.
func sanitize(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	cleaned := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	out := strings.Join(strings.Fields(cleaned), " ")
	if utf8.RuneCountInString(out) <= max {
		return out
	}
	runes := []rune(out)
	return strings.TrimSpace(string(runes[:max-1])) + "…"
}
