package hosts

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// Why ParseCallbackURL refuses a URL. The callback listener
// (callback.RedirectURLError) and the profile checks (profile.err.callback_url_*)
// word them for the admin.
var (
	// ErrCallbackMalformed: not a URL, or one with user info, no host or a
	// space in it.
	ErrCallbackMalformed = errors.New("hosts: the callback URL is not a URL")
	// ErrCallbackScheme: not http (https cannot be served without a certificate).
	ErrCallbackScheme = errors.New("hosts: the callback URL does not start with http://")
	// ErrCallbackHost: the host is not localhost.
	ErrCallbackHost = errors.New("hosts: the callback URL's host is not localhost")
	// ErrCallbackPort: the port is not 1-65535 as a browser writes it.
	ErrCallbackPort = errors.New("hosts: the callback URL's port is not usable")
	// ErrCallbackQuery: a query or a fragment.
	ErrCallbackQuery = errors.New("hosts: the callback URL has a query or fragment")
)

// ParseCallbackURL is the one rule for a callback URL: what the loopback
// listener can serve, and so what a profile may hold. It returns the port
// to listen on and the path to answer.
//
// Only http://localhost[:PORT]/path is accepted. The authorization server
// compares the registered callback URL exactly (Salesforce: scheme, host,
// port, path), so 127.0.0.1 or [::1] would be a different URL from
// "localhost", and https cannot be served without a certificate. A missing
// port means 80; a missing path means "/" (that is what the browser requests
// for http://localhost). A query or fragment is refused: the authorization
// server appends its own query, and a fragment never reaches a server. A
// space is refused too: a URL as registered has none, so it is a pasting
// accident.
func ParseCallbackURL(raw string) (port int, path string, err error) {
	u, perr := url.Parse(raw)
	if perr != nil || u.Opaque != "" || u.User != nil || u.Host == "" {
		if perr == nil && u.Scheme != "" && u.Scheme != "http" {
			return 0, "", ErrCallbackScheme
		}
		return 0, "", ErrCallbackMalformed
	}
	if u.Scheme != "http" {
		return 0, "", ErrCallbackScheme
	}
	if !strings.EqualFold(u.Hostname(), "localhost") {
		return 0, "", ErrCallbackHost
	}
	port = 80
	if strings.HasSuffix(u.Host, ":") {
		return 0, "", ErrCallbackPort // "localhost:": browsers drop the colon, so the URLs would differ
	}
	if p := u.Port(); p != "" {
		n, aerr := strconv.Atoi(p)
		// Leading zeros or out of range: the browser would normalise the URL,
		// and it would no longer match the registered one.
		if aerr != nil || n < 1 || n > 65535 || strconv.Itoa(n) != p {
			return 0, "", ErrCallbackPort
		}
		port = n
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#") {
		return 0, "", ErrCallbackQuery
	}
	if strings.Contains(raw, " ") {
		return 0, "", ErrCallbackMalformed
	}
	path = u.Path
	if path == "" {
		path = "/"
	}
	return port, path, nil
}
