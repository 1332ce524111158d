package secrets

import "fmt"

// TooLargeError reports a secret that is larger than every supported
// keychain accepts (see Limit). Size and Limit are in bytes.
type TooLargeError struct {
	Account string
	Size    int
	Limit   int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("secret for %q is %d bytes, the keychain limit is %d bytes", e.Account, e.Size, e.Limit)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// MessageKey returns the translation key.
func (e *TooLargeError) MessageKey() string { return "secrets.err.too_large" }

// MessageArgs returns the sizes only, never the secret.
func (e *TooLargeError) MessageArgs() map[string]any {
	return map[string]any{"Size": e.Size, "Limit": e.Limit}
}

// UnavailableError reports a keychain that is missing, locked, or whose
// unlock prompt the user dismissed. Its message explains, for the operating
// system in GOOS, how to make the keychain usable. There is deliberately no
// plain-text fallback.
type UnavailableError struct {
	Op   string // "get", "set" or "delete"
	GOOS string // runtime.GOOS when the error was made
	Err  error  // what the keychain library reported (never holds the secret)
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("keychain %s: keychain unavailable: %v", e.Op, e.Err)
}

// Unwrap returns the underlying library error.
func (e *UnavailableError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnavailable) true.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

// MessageKey returns a key whose text explains the fix on e.GOOS.
func (e *UnavailableError) MessageKey() string {
	switch e.GOOS {
	case "darwin":
		return "secrets.err.unavailable_darwin"
	case "windows":
		return "secrets.err.unavailable_windows"
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return "secrets.err.unavailable_linux"
	default:
		return "secrets.err.unavailable"
	}
}

// MessageArgs returns no arguments.
func (e *UnavailableError) MessageArgs() map[string]any { return nil }

// OpError reports any other keychain failure. It is shown to the user as a
// generic keychain error; Err is kept for logs.
type OpError struct {
	Op      string
	Account string
	Err     error
}

func (e *OpError) Error() string {
	return fmt.Sprintf("keychain %s %q: %v", e.Op, e.Account, e.Err)
}

// Unwrap returns the underlying library error.
func (e *OpError) Unwrap() error { return e.Err }

// MessageKey returns the translation key.
func (e *OpError) MessageKey() string { return "secrets.err.failed" }

// MessageArgs returns no arguments.
func (e *OpError) MessageArgs() map[string]any { return nil }

// redactedError replaces a library error whose text contained the secret.
type redactedError struct{}

func (redactedError) Error() string {
	return "keychain error (details withheld: they contained the secret)"
}
