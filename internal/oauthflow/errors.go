package oauthflow

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sfconnect/sfconnect/internal/netproxy"
)

// ErrNoRefreshToken matches a *NoRefreshTokenError with errors.Is.
var ErrNoRefreshToken = errors.New("oauthflow: Salesforce returned no refresh token")

// NoRefreshTokenError means the token reply had no refresh_token: the
// External Client App lacks the scope "Perform requests at any time
// (refresh_token, offline_access)", so the connection cannot outlive the
// access token. GrantedScopes is what Salesforce did grant.
type NoRefreshTokenError struct {
	GrantedScopes []string
}

func (e *NoRefreshTokenError) Error() string {
	return fmt.Sprintf("oauthflow: no refresh token in the token reply (granted scopes: %q)",
		strings.Join(e.GrantedScopes, " "))
}

// Is makes errors.Is(err, ErrNoRefreshToken) hold.
func (e *NoRefreshTokenError) Is(target error) bool { return target == ErrNoRefreshToken }

// MessageKey returns "flow.no_refresh_token".
func (e *NoRefreshTokenError) MessageKey() string { return "flow.no_refresh_token" }

// MessageArgs returns the granted scopes as one string (empty when none).
func (e *NoRefreshTokenError) MessageArgs() map[string]any {
	return map[string]any{"Scopes": strings.Join(e.GrantedScopes, ", ")}
}

// NetworkError means Salesforce could not be reached or did not answer: the
// proxy refused the tunnel, the certificate was refused (a TLS-inspecting
// proxy), DNS, a timeout, a refused or reset connection. Host is the login
// host; Err the transport error. Its message is the diagnosis the preflight
// gives for the same failure (netproxy.Diagnose): the cause and the fix.
type NetworkError struct {
	Host string
	Err  error
}

func (e *NetworkError) Error() string {
	return fmt.Sprintf("oauthflow: cannot reach %s: %v", e.Host, e.Err)
}

// Unwrap returns the transport error.
func (e *NetworkError) Unwrap() error { return e.Err }

// Diagnosis explains the failure as the preflight does.
func (e *NetworkError) Diagnosis() *netproxy.ReachError {
	if d := netproxy.Diagnose(e.Host, e.Err); d != nil {
		return d
	}
	return &netproxy.ReachError{Host: e.Host, Reason: netproxy.ReachUnreachable}
}

// MessageKey returns the diagnosis' key, such as
// "app.net.err.proxy_auth_required" or "app.net.err.slow" (Salesforce was
// reached but did not answer in time: a slow endpoint is not a network to
// check).
func (e *NetworkError) MessageKey() string { return e.Diagnosis().MessageKey() }

// MessageArgs returns the diagnosis' data: the host, the proxy, the
// certificate's issuer; never what was sent.
func (e *NetworkError) MessageArgs() map[string]any { return e.Diagnosis().MessageArgs() }

// LoginURLError means Config.LoginURL is not usable: not https (http is for
// loopback simulators only), or carrying a path, query or credentials.
type LoginURLError struct {
	URL string
}

func (e *LoginURLError) Error() string {
	return fmt.Sprintf("oauthflow: unusable login URL %q", e.URL)
}

// MessageKey returns "flow.login_url".
func (e *LoginURLError) MessageKey() string { return "flow.login_url" }

// MessageArgs returns the URL.
func (e *LoginURLError) MessageArgs() map[string]any { return map[string]any{"URL": e.URL} }
