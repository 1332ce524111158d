package salesforce

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// Reasons a Salesforce base URL is rejected (URLError.Reason).
const (
	URLReasonEmpty    = "empty"
	URLReasonInvalid  = "invalid"
	URLReasonInsecure = "insecure"
	URLReasonUserInfo = "userinfo"
)

// URLError says why a login, instance or identity URL cannot be used.
type URLError struct {
	Reason string // one of the URLReason constants
	Host   string // the host, when one was read
	// Expected is the org's own login URL, for URLReasonNotAllowed.
	Expected string
}

// Error describes the rejection in English for logs.
func (e *URLError) Error() string {
	if e.Host != "" {
		return fmt.Sprintf("salesforce: unusable URL (%s, host %q)", e.Reason, e.Host)
	}
	return "salesforce: unusable URL (" + e.Reason + ")"
}

// MessageKey returns the translation key explaining the rejection.
func (e *URLError) MessageKey() string {
	switch e.Reason {
	case URLReasonEmpty:
		return "sf.url.empty"
	case URLReasonInsecure:
		return "sf.url.insecure"
	case URLReasonUserInfo:
		return "sf.url.userinfo"
	case URLReasonNotAllowed:
		return "sf.url.not_allowed"
	default:
		return "sf.url.invalid"
	}
}

// MessageArgs returns the template data: Host and Expected.
func (e *URLError) MessageArgs() map[string]any {
	return map[string]any{"Host": e.Host, "Expected": e.Expected}
}

// ValidateLoginURL checks a base URL that will receive credentials (login URL
// override, instance URL) and returns it normalised as scheme://host[:port], lower
// case, without path, query or trailing slash. A missing scheme means https.
// Plain http is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost), so
// tests and the simulator can run without TLS while no secret crosses a network in
// clear text.
func ValidateLoginURL(raw string) (string, error) {
	u, err := parseBaseURL(raw)
	if err != nil {
		return "", err
	}
	return u.Scheme + "://" + u.Host, nil
}

// parseBaseURL applies ValidateLoginURL's rules and keeps path and query, for URLs
// such as the identity URL whose path matters.
func parseBaseURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil, &URLError{Reason: URLReasonEmpty}
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" {
		return nil, &URLError{Reason: URLReasonInvalid}
	}
	host := strings.ToLower(u.Hostname())
	if !validHost(host) || !validPort(u.Port()) || strings.HasSuffix(u.Host, ":") {
		return nil, &URLError{Reason: URLReasonInvalid}
	}
	if u.User != nil {
		return nil, &URLError{Reason: URLReasonUserInfo, Host: host}
	}
	switch err := hosts.CheckTransport(u); {
	case errors.Is(err, hosts.ErrPlainHTTP):
		return nil, &URLError{Reason: URLReasonInsecure, Host: host}
	case err != nil:
		return nil, &URLError{Reason: URLReasonInvalid}
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

func validHost(host string) bool {
	if host == "" || len(host) > 253 {
		return false
	}
	if net.ParseIP(host) != nil {
		return true
	}
	for _, label := range strings.Split(host, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

func validPort(p string) bool {
	if p == "" {
		return true
	}
	n, err := strconv.Atoi(p)
	return err == nil && n > 0 && n <= 65535
}
