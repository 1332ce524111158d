package callback

import (
	"net/url"
	"strconv"
	"strings"
)

// ParseRedirectURL checks that raw is a callback URL this package can serve
// and returns the port to listen on and the path to answer.
//
// Only http://localhost[:PORT]/path is accepted. The authorization server
// compares the registered callback URL exactly (Salesforce: scheme, host,
// port, path), so 127.0.0.1 or [::1] would be a different URL from
// "localhost", and https cannot be served without a certificate. A missing
// port means 80; a missing path means "/" (that is what the browser requests
// for http://localhost). A query or fragment is refused: the authorization
// server appends its own query, and a fragment never reaches a server.
func ParseRedirectURL(raw string) (port int, path string, err error) {
	fail := func(reason string) (int, string, error) {
		return 0, "", &RedirectURLError{URL: raw, Reason: reason}
	}
	u, perr := url.Parse(raw)
	if perr != nil || u.Opaque != "" || u.User != nil || u.Host == "" {
		if perr == nil && u.Scheme != "" && u.Scheme != "http" {
			return fail("scheme")
		}
		return fail("invalid")
	}
	if u.Scheme != "http" {
		return fail("scheme")
	}
	if !strings.EqualFold(u.Hostname(), "localhost") {
		return fail("host")
	}
	port = 80
	if strings.HasSuffix(u.Host, ":") {
		return fail("port") // "localhost:" — browsers drop the colon, so the URLs would differ
	}
	if p := u.Port(); p != "" {
		n, aerr := strconv.Atoi(p)
		// Leading zeros or out of range: the browser would normalise the URL,
		// and it would no longer match the registered one.
		if aerr != nil || n < 1 || n > 65535 || strconv.Itoa(n) != p {
			return fail("port")
		}
		port = n
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#") {
		return fail("query")
	}
	path = u.Path
	if path == "" {
		path = "/"
	}
	return port, path, nil
}
