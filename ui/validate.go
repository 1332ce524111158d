package ui

import (
	"strings"

	"github.com/sfconnect/sfconnect/internal/callback"
)

// inputError is a form field the app cannot use; its key says why.
type inputError struct{ key string }

func (e *inputError) Error() string               { return "invalid input: " + e.key }
func (e *inputError) MessageKey() string          { return e.key }
func (e *inputError) MessageArgs() map[string]any { return nil }

var (
	errRequired = &inputError{key: "ui.creds.err.required"}
	errSpaces   = &inputError{key: "ui.creds.err.spaces"}
)

func trimSpace(s string) string { return strings.TrimSpace(s) }

// validateToken checks a pasted consumer key or secret: present, and no
// inner white space (a sign that two values were pasted together).
func validateToken(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errRequired
	}
	if strings.ContainsAny(s, " \t\r\n") {
		return errSpaces
	}
	return nil
}

// validateCallbackURL accepts what the callback listener can serve
// (http://localhost[:PORT]/path), so the form never says OK to a URL that
// only fails at Authorize. The listener's parser is the one rule.
func validateCallbackURL(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errRequired
	}
	if _, _, err := callback.ParseRedirectURL(s); err != nil {
		return err
	}
	return nil
}
