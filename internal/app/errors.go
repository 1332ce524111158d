package app

import (
	"errors"
	"fmt"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// ErrNoBrowser means no way to open a browser was configured.
var ErrNoBrowser = &keyedError{msg: "no browser opener configured", key: "app.err.no_browser"}

// ErrVerificationFailed is wrapped by *VerificationError.
var ErrVerificationFailed = errors.New("verification failed")

// ErrSessionDone means the session already ended: a callback or a pasted
// address was taken, or it was closed.
var ErrSessionDone = &keyedError{msg: "the sign-in already finished", key: "app.err.session_done"}

type keyedError struct {
	msg, key string
}

func (e *keyedError) Error() string               { return e.msg }
func (e *keyedError) MessageKey() string          { return e.key }
func (e *keyedError) MessageArgs() map[string]any { return nil }

// InputError says which input of a connection was rejected, wrapping why.
type InputError struct {
	Field string // "org", "client_id", "client_secret", "callback_url", "login_url", "name"
	Err   error
}

func (e *InputError) Error() string { return fmt.Sprintf("invalid %s: %v", e.Field, e.Err) }

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// MessageKey names the field for a missing consumer key, secret or name and
// for a key or secret of the wrong shape (a form shows the bare reason under
// the field instead; the key's texts are the profile's, as profile.Validate
// words them); otherwise it delegates to the wrapped reason when it has a
// translation.
func (e *InputError) MessageKey() string {
	var ce *salesforce.CredentialError
	switch {
	case e.Err == ErrRequired && e.Field == FieldClientID:
		return "app.err.client_id_required"
	case e.Err == ErrRequired && e.Field == FieldClientSecret:
		return "app.err.client_secret_required"
	case e.Err == ErrRequired && e.Field == "name":
		return "app.err.name_required"
	case errors.As(e.Err, &ce) && e.Field == FieldClientSecret:
		return "app.err.client_secret_invalid"
	case errors.As(e.Err, &ce) && e.Field == FieldClientID && ce.Reason == salesforce.CredentialTooLong:
		return "profile.err.client_id_too_long" // {{.Max}}: CredentialError's Max
	case errors.As(e.Err, &ce) && e.Field == FieldClientID:
		return "profile.err.client_id_invalid"
	}
	if m, ok := e.Err.(interface{ MessageKey() string }); ok {
		return m.MessageKey()
	}
	return "app.err.invalid_input"
}

// MessageArgs delegates to the wrapped reason.
func (e *InputError) MessageArgs() map[string]any {
	if m, ok := e.Err.(interface{ MessageArgs() map[string]any }); ok {
		return m.MessageArgs()
	}
	return map[string]any{"Field": e.Field}
}

// ExistsError means a profile of that name is already saved.
type ExistsError struct{ Name string }

func (e *ExistsError) Error() string               { return fmt.Sprintf("profile %q already exists", e.Name) }
func (e *ExistsError) MessageKey() string          { return "app.err.profile_exists" }
func (e *ExistsError) MessageArgs() map[string]any { return map[string]any{"Name": e.Name} }

// VerificationError means a check that the console depends on failed; the
// connection was not saved and the new token was revoked.
type VerificationError struct{ Failed []Check }

func (e *VerificationError) Error() string {
	ids := make([]string, len(e.Failed))
	for i, c := range e.Failed {
		ids[i] = c.ID
	}
	return fmt.Sprintf("verification failed: %v", ids)
}

// Unwrap makes errors.Is(err, ErrVerificationFailed) true.
func (e *VerificationError) Unwrap() error { return ErrVerificationFailed }

// MessageKey renders the first failed check, or what its Detail says
// (why a check got no answer from Salesforce, and the fix).
func (e *VerificationError) MessageKey() string {
	if len(e.Failed) == 0 {
		return "app.err.verification_failed"
	}
	if m, ok := e.Failed[0].Detail.(interface{ MessageKey() string }); ok {
		return m.MessageKey()
	}
	return e.Failed[0].Key
}

// MessageArgs renders the first failed check, or its Detail.
func (e *VerificationError) MessageArgs() map[string]any {
	if len(e.Failed) == 0 {
		return nil
	}
	if m, ok := e.Failed[0].Detail.(interface{ MessageArgs() map[string]any }); ok {
		return m.MessageArgs()
	}
	return e.Failed[0].Args
}

// APIAccessError means the org or the authorized user has no API access: a
// REST call answered 403 API_DISABLED_FOR_ORG or API_CURRENTLY_DISABLED. The
// ID-governance connector works through the API, so a new connection is
// refused, its token revoked and nothing saved.
//
// API_DISABLED_FOR_ORG does not say whose the fault is: REST answers it both
// for an edition without the API (REST API Developer Guide, "Supported
// Editions and Required Permissions") and for a user without "API Enabled"
// in an edition that has it (Sequin's docs, "Enable Salesforce API Access";
// Microsoft's Sales Copilot troubleshooting, tsg-api-perm.md). Its message
// names the user's fix first, then the edition. API_CURRENTLY_DISABLED ("API
// is disabled for this User") names the user only.
type APIAccessError struct {
	Code string // Salesforce's errorCode
}

func (e *APIAccessError) Error() string {
	return "no API access: " + e.Code
}

// MessageKey names the fixes for API_DISABLED_FOR_ORG (user, then edition),
// else the user's fix.
func (e *APIAccessError) MessageKey() string {
	if e.Code == "API_DISABLED_FOR_ORG" {
		return "app.err.api_disabled_org"
	}
	return "app.err.api_disabled_user"
}

// MessageArgs returns nothing: the texts name the setting.
func (e *APIAccessError) MessageArgs() map[string]any { return nil }

// apiDisabled reports whether a REST errorCode means "no API access" (SOAP
// API ExceptionCode list; REST answers them with 403).
func apiDisabled(code string) bool {
	return code == "API_DISABLED_FOR_ORG" || code == "API_CURRENTLY_DISABLED"
}

// TokenTooLargeError means Salesforce issued a secret larger than every
// supported keychain holds (Windows Credential Manager: 2560 bytes, see
// secrets.Limit), so the connection cannot be kept; its token is revoked.
type TokenTooLargeError struct{ Size, Limit int }

func (e *TokenTooLargeError) Error() string {
	return fmt.Sprintf("a secret of %d bytes does not fit the keychain (limit %d)", e.Size, e.Limit)
}

// MessageKey returns the translation key.
func (e *TokenTooLargeError) MessageKey() string { return "app.err.token_too_large" }

// MessageArgs returns the sizes.
func (e *TokenTooLargeError) MessageArgs() map[string]any {
	return map[string]any{"Size": e.Size, "Limit": e.Limit}
}

// RevokeError means Delete could not revoke the refresh token at
// Salesforce, so it removed nothing: the profile and its keychain entries
// are all still there. It has no message of its own: Err's says why (for a
// network failure, the preflight's diagnosis); the CLI and the window say
// first that nothing was deleted.
type RevokeError struct {
	Name string
	Err  error
}

func (e *RevokeError) Error() string {
	return "revoke the refresh token of " + e.Name + ": " + e.Err.Error()
}

// Unwrap returns why the revoke failed.
func (e *RevokeError) Unwrap() error { return e.Err }
