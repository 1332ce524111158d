package ui

import (
	"net"
	"net/url"
	"strings"
)

// inputError is a form field the app cannot use; its key says why.
type inputError struct{ key string }

func (e *inputError) Error() string               { return "invalid input: " + e.key }
func (e *inputError) MessageKey() string          { return e.key }
func (e *inputError) MessageArgs() map[string]any { return nil }

var (
	errRequired      = &inputError{key: "ui.creds.err.required"}
	errSpaces        = &inputError{key: "ui.creds.err.spaces"}
	errCallbackURL   = &inputError{key: "ui.creds.err.callback"}
	errCallbackHTTPS = &inputError{key: "ui.creds.err.callback.loopback"}
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

// validateCallbackURL accepts a loopback http callback such as
// http://localhost/ or http://localhost:8080/callback: the app itself must
// receive the redirect, so the host must be this computer.
func validateCallbackURL(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errRequired
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return errCallbackURL
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	if u.Scheme != "http" || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		return errCallbackHTTPS
	}
	return nil
}
