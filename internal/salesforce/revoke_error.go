package salesforce

import (
	"errors"
	"net/url"
	"strings"
)

// ParseRevokeError reads a failed answer of the revoke endpoint. Salesforce
// answers HTTP 400 with a form-encoded body, not JSON:
// "error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported"
// (the body test.salesforce.com sent in omniphx/forrest issue #213; jsforce
// src/oauth2.ts, OAuth2.revokeToken, reads a failed answer with
// querystring.parse). A JSON body, as a proxy might rewrite it, is read too.
// Anything else is an *HTTPError.
func ParseRevokeError(status int, body []byte) error {
	err := ParseTokenError(status, body)
	var he *HTTPError
	if status >= 500 || !errors.As(err, &he) || len(body) > maxBody {
		return err
	}
	form, perr := url.ParseQuery(strings.TrimSpace(string(body)))
	// Sanitised before the emptiness check: "error=%00" is no code either
	// (found by FuzzParseRevokeError).
	code := sanitize(form.Get("error"), maxCodeRunes)
	if perr != nil || code == "" {
		return err
	}
	return &OAuthError{
		Code:        code,
		Description: sanitize(form.Get("error_description"), maxDescriptionRunes),
		Status:      status,
	}
}

// TokenGone reports whether err says that Salesforce no longer knows the token
// that was to be revoked or introspected: invalid_token, or
// unsupported_token_type, which Salesforce answers when it cannot tell what a
// token is (the revoke endpoint's two documented errors). Either way the token
// cannot be used any more, so a caller that wanted it gone is done.
func TokenGone(err error) bool {
	var oe *OAuthError
	if !errors.As(err, &oe) {
		return false
	}
	switch strings.ToLower(oe.Code) {
	case "invalid_token", "unsupported_token_type":
		return true
	}
	return false
}
