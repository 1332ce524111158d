package callback

import (
	"errors"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// ParseRedirectURL checks that raw is a callback URL this package can serve
// and returns the port to listen on and the path to answer. The rule is
// hosts.ParseCallbackURL (http://localhost[:PORT]/path), the same one a
// profile is validated with; a refusal is a *RedirectURLError naming why.
func ParseRedirectURL(raw string) (port int, path string, err error) {
	port, path, err = hosts.ParseCallbackURL(raw)
	if err != nil {
		return 0, "", &RedirectURLError{URL: raw, Reason: redirectReason(err)}
	}
	return port, path, nil
}

// redirectReason names hosts.ParseCallbackURL's refusal as a
// RedirectURLError.Reason.
func redirectReason(err error) string {
	for reason, e := range map[string]error{"scheme": hosts.ErrCallbackScheme, "host": hosts.ErrCallbackHost,
		"port": hosts.ErrCallbackPort, "query": hosts.ErrCallbackQuery} {
		if errors.Is(err, e) {
			return reason
		}
	}
	return "invalid"
}
