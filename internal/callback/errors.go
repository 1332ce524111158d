package callback

import "fmt"

// sentinel is a comparable error value that also carries a translation key,
// so a UI can show it without knowing this package.
type sentinel struct {
	msg string
	key string
}

func (e *sentinel) Error() string               { return e.msg }
func (e *sentinel) MessageKey() string          { return e.key }
func (e *sentinel) MessageArgs() map[string]any { return nil }

var (
	// ErrStateMismatch means a callback (or a pasted URL) carried a state that
	// is missing or differs from the one this sign-in sent: a stale browser
	// tab or a forged request. The response is refused and the wait goes on
	// (Config.Page and ParsePasted report it). Neither state value is ever
	// part of the message.
	ErrStateMismatch error = &sentinel{
		msg: "callback: the response does not belong to this sign-in attempt (state mismatch)",
		key: "callback.err.state_mismatch",
	}

	// ErrAlreadyCompleted is what Config.Page receives for a callback that
	// arrived after the wait already had its result; the result is unchanged.
	ErrAlreadyCompleted error = &sentinel{
		msg: "callback: the sign-in was already completed",
		key: "callback.err.already_completed",
	}

	// ErrNotCallback is what Config.Page receives for a GET on the callback
	// path that carries neither code nor error (or carries them twice, or a
	// malformed query). Such a request is answered and otherwise ignored.
	ErrNotCallback error = &sentinel{
		msg: "callback: the request is not a sign-in response",
		key: "callback.err.not_callback",
	}

	// ErrClosed is returned by Wait when the server was closed before any
	// result arrived.
	ErrClosed error = &sentinel{
		msg: "callback: the listener was closed before a response arrived",
		key: "callback.err.closed",
	}
)

// RedirectURLError reports a callback URL that the loopback listener cannot
// serve. Reason is one of "invalid", "scheme", "host", "port", "query".
type RedirectURLError struct {
	URL    string // the URL as given; a callback URL is not a secret
	Reason string
}

func (e *RedirectURLError) Error() string {
	return fmt.Sprintf("callback: unusable callback URL %q (%s)", e.URL, e.Reason)
}

// MessageKey returns the translation key for the reason.
func (e *RedirectURLError) MessageKey() string {
	switch e.Reason {
	case "scheme":
		return "callback.err.redirect_scheme"
	case "host":
		return "callback.err.redirect_host"
	case "port":
		return "callback.err.redirect_port"
	case "query":
		return "callback.err.redirect_query"
	default:
		return "callback.err.redirect_invalid"
	}
}

// MessageArgs returns the template data: the URL.
func (e *RedirectURLError) MessageArgs() map[string]any {
	return map[string]any{"URL": e.URL}
}

// PasteError reports pasted text that holds no usable sign-in response.
// Reason is one of "empty", "no_code", "no_state", "not_a_callback_url",
// "malformed". It never holds the pasted text, which may contain a code.
type PasteError struct {
	Reason string
}

func (e *PasteError) Error() string {
	return "callback: pasted text is not usable (" + e.Reason + ")"
}

// MessageKey returns the translation key for the reason.
func (e *PasteError) MessageKey() string {
	switch e.Reason {
	case "empty":
		return "callback.paste.empty"
	case "no_state":
		return "callback.paste.no_state"
	case "not_a_callback_url":
		return "callback.paste.not_a_callback_url"
	case "malformed":
		return "callback.paste.malformed"
	default:
		return "callback.paste.no_code"
	}
}

// MessageArgs returns nil: nothing from the pasted text is shown back.
func (e *PasteError) MessageArgs() map[string]any { return nil }

// IgnoredResponsesError is Wait's error when its context's deadline passed
// after Count responses were refused for their state. It unwraps to the
// deadline error, so errors.Is(err, context.DeadlineExceeded) holds.
type IgnoredResponsesError struct {
	Count int
	Err   error
}

func (e *IgnoredResponsesError) Error() string {
	return fmt.Sprintf("%v (%d responses with a wrong or missing state were ignored)", e.Err, e.Count)
}

// Unwrap returns the deadline error.
func (e *IgnoredResponsesError) Unwrap() error { return e.Err }

// MessageKey returns the translation key.
func (e *IgnoredResponsesError) MessageKey() string { return "callback.err.timeout_ignored" }

// MessageArgs returns the number of ignored responses.
func (e *IgnoredResponsesError) MessageArgs() map[string]any { return map[string]any{"Count": e.Count} }
