// Package hosts holds the rules about hosts and URLs that are not
// Salesforce's: whether a host is this computer, which URLs may carry a
// secret, and which callback URL the loopback listener can serve. They are
// one rule each, shared by the callback listener, the
// simulator, the proxy choice, the OAuth client and the profile checks;
// which Salesforce hosts a sign-in may go to is package salesforce's rule
// (CheckLoginURL), built on these.
package hosts

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

// IsLoopback reports whether host (a URL's Hostname, without brackets or
// port) names this computer: "localhost" in any case, or a loopback
// address (127.0.0.0/8, ::1, and their IPv4-mapped forms). Traffic to it
// never crosses a network, so it needs no TLS and no proxy.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLoopbackHostPort reports whether a "host:port" address to listen on or
// dial names only this computer. An empty host would mean every interface,
// so it is refused.
func IsLoopbackHostPort(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && IsLoopback(host)
}

// IsLoopbackPeer reports whether a connection's remote address ("ip:port",
// as net.Conn.RemoteAddr and http.Request.RemoteAddr give it) is a
// loopback address. A peer is always an address, so a name such as
// "localhost" is refused here.
func IsLoopbackPeer(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Why CheckTransport refuses a URL.
var (
	// ErrNotWeb: the scheme is neither https nor http.
	ErrNotWeb = errors.New("hosts: not an http(s) URL")
	// ErrPlainHTTP: http to a host that is not this computer, where a
	// secret would cross the network in clear text.
	ErrPlainHTTP = errors.New("hosts: plain http to a host that is not this computer")
)

// CheckTransport applies the rule for URLs that will carry a secret (a
// login or instance URL, a callback): https anywhere, plain http only to
// this computer (the loopback callback, a local simulator). It looks at
// the scheme and host only; each caller checks the rest of its URL.
func CheckTransport(u *url.URL) error {
	switch {
	case u == nil:
		return ErrNotWeb
	case u.Scheme == "https":
		return nil
	case u.Scheme != "http":
		return ErrNotWeb
	case !IsLoopback(u.Hostname()):
		return ErrPlainHTTP
	}
	return nil
}
