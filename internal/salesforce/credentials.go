package salesforce

import (
	"fmt"
	"strings"
	"unicode"
)

// MaxConsumerKeyLen bounds a consumer key, in bytes. The keys Salesforce
// issues for an External Client App are about 85 visible ASCII characters
// ("3MVG9..."); the bound leaves room and keeps a pasted page out.
const MaxConsumerKeyLen = 256

// Reasons a consumer key or secret is refused (CredentialError.Reason).
const (
	// CredentialSpaces: white space or a line break inside the value, the
	// sign of two values pasted together or a wrapped copy.
	CredentialSpaces = "spaces"
	// CredentialInvalid: empty, or a character Salesforce never puts in a
	// consumer key or secret (anything but visible ASCII, e.g. full-width
	// letters typed with an IME).
	CredentialInvalid = "invalid"
	// CredentialTooLong: longer than Max.
	CredentialTooLong = "too_long"
)

// CredentialError says why a consumer key or secret cannot be Salesforce's.
// It never holds the value.
type CredentialError struct {
	Reason string // one of the Credential constants
	Max    int    // the bound, for CredentialTooLong
}

// Error describes the rejection in English for logs.
func (e *CredentialError) Error() string {
	return fmt.Sprintf("salesforce: unusable consumer key or secret (%s)", e.Reason)
}

// MessageKey returns the translation key: a text for the field it is shown
// under, which names no field.
func (e *CredentialError) MessageKey() string {
	switch e.Reason {
	case CredentialSpaces:
		return "sf.cred.spaces"
	case CredentialTooLong:
		return "sf.cred.too_long"
	default:
		return "sf.cred.invalid"
	}
}

// MessageArgs returns the template data: Max.
func (e *CredentialError) MessageArgs() map[string]any { return map[string]any{"Max": e.Max} }

// CheckConsumerKey applies Salesforce's shape of a consumer key (the
// External Client App's client_id) to a value as it will be sent, already
// trimmed: at most MaxConsumerKeyLen bytes of visible ASCII. Callers that
// word a missing value differently check for "" first.
func CheckConsumerKey(key string) error {
	return checkCredential(key, MaxConsumerKeyLen)
}

// CheckConsumerSecret applies the same shape to a consumer secret (a
// string of digits or hex digits as Salesforce issues it), with no bound
// of its own: the keychain's applies.
func CheckConsumerSecret(secret string) error {
	return checkCredential(secret, 0)
}

func checkCredential(s string, max int) error {
	switch {
	case max > 0 && len(s) > max:
		return &CredentialError{Reason: CredentialTooLong, Max: max}
	case strings.ContainsFunc(s, unicode.IsSpace):
		return &CredentialError{Reason: CredentialSpaces}
	case s == "" || strings.ContainsFunc(s, func(r rune) bool { return r < 0x21 || r > 0x7e }):
		return &CredentialError{Reason: CredentialInvalid}
	}
	return nil
}
