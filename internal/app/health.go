package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// TokenState is what Salesforce says about a saved refresh token when asked
// without using it.
type TokenState int

// The states of a saved refresh token.
const (
	// TokenUnknown: Salesforce gave no answer (introspection refused, a proxy
	// in the way, Salesforce unreachable). Nothing is known about the token;
	// only the deep check (VerifyDeep), which uses it, can tell more.
	TokenUnknown TokenState = iota
	// TokenAlive: Salesforce says the token is active: the console can use it.
	TokenAlive
	// TokenDead: Salesforce says the token is not active (revoked, expired,
	// rotated out, user deactivated): the connection must be re-authorized.
	TokenDead
)

// String names the state for logs and the CLI.
func (s TokenState) String() string {
	switch s {
	case TokenAlive:
		return "alive"
	case TokenDead:
		return "dead"
	}
	return "unknown"
}

// TokenHealth is the answer of CheckToken.
type TokenHealth struct {
	State    TokenState
	Username string   // TokenAlive: the user the token acts as, when Salesforce says
	Scopes   []string // TokenAlive: the granted scopes, when Salesforce says
	// Reason is why the state is unknown, an *IntrospectionError (translatable,
	// wrapping Salesforce's answer or the network failure). It is nil for
	// TokenAlive and TokenDead.
	Reason    error
	CheckedAt time.Time
}

// CheckToken asks Salesforce whether the saved refresh token of profile name
// still works, by token introspection (RFC 7662), which never uses the token:
// a refresh would rotate it when rotation is on and kill the copy the
// ID-governance console holds. It never falls back to a refresh. The error is
// for local problems only (no such profile, keychain unavailable); whatever
// Salesforce answers is in the TokenHealth. It is the non-consuming check a
// periodic health check can run as often as it likes.
func (s *Service) CheckToken(ctx context.Context, name string) (TokenHealth, error) {
	return s.checkToken(ctx, name, netproxy.Settings{})
}

// checkToken is CheckToken through the network set describes; empty means
// the network in force. The profile is loaded first: the network settings
// of a file Load refuses are not trusted, and nothing is contacted for it.
func (s *Service) checkToken(ctx context.Context, name string, set netproxy.Settings) (TokenHealth, error) {
	prof, err := s.Load(ctx, name)
	if err != nil {
		return TokenHealth{}, err
	}
	sec, err := s.Secrets(ctx, name)
	if err != nil {
		return TokenHealth{}, err
	}
	client, done, err := s.clientFor(ctx, set)
	if err != nil {
		return TokenHealth{}, err
	}
	defer done()
	return s.introspect(ctx, client, prof, sec)
}

// introspect is CheckToken for a profile and its secrets already read,
// through client.
func (s *Service) introspect(ctx context.Context, client *http.Client, prof profile.Profile, sec profile.Secrets) (TokenHealth, error) {
	h := TokenHealth{CheckedAt: s.d.Now().UTC()}
	cfg := s.configOf(prof, sec.ClientSecret)
	cfg.HTTPClient = client
	in, err := oauthflow.Introspect(ctx, cfg, sec.RefreshToken, oauthflow.HintRefreshToken)
	switch {
	case ctx.Err() != nil:
		return TokenHealth{}, fmt.Errorf("check the refresh token: %w", ctx.Err())
	case err != nil:
		s.d.Logger.Warn("token introspection gave no answer", "profile", prof.Name, "err", err)
		h.State, h.Reason = TokenUnknown, &IntrospectionError{Err: err}
	case in.Active:
		h.State, h.Username, h.Scopes = TokenAlive, in.Username, in.Scopes
	default:
		h.State = TokenDead
	}
	return h, nil
}

// IntrospectionError says why Salesforce gave no answer about a token: it
// refused the introspection request (an HTTP status, an OAuth error such as
// invalid_client) or could not be reached.
type IntrospectionError struct{ Err error }

func (e *IntrospectionError) Error() string {
	return "token introspection gave no answer: " + e.Err.Error()
}

// Unwrap returns Salesforce's error or the network failure.
func (e *IntrospectionError) Unwrap() error { return e.Err }

// MessageKey explains the cause: the network, a consumer secret Salesforce
// no longer accepts, or any other refusal.
func (e *IntrospectionError) MessageKey() string {
	var ne *oauthflow.NetworkError
	var oe *salesforce.OAuthError
	switch {
	case errors.As(e.Err, &ne):
		return ne.MessageKey()
	case errors.As(e.Err, &oe) && (oe.Code == "invalid_client" || oe.Code == "invalid_client_credentials"):
		return "app.err.introspect.client"
	}
	return "app.err.introspect.refused"
}

// MessageArgs returns the host for a network failure, else the HTTP status.
func (e *IntrospectionError) MessageArgs() map[string]any {
	var ne *oauthflow.NetworkError
	if errors.As(e.Err, &ne) {
		return ne.MessageArgs()
	}
	status := 0
	var oe *salesforce.OAuthError
	var he *salesforce.HTTPError
	switch {
	case errors.As(e.Err, &oe):
		status = oe.Status
	case errors.As(e.Err, &he):
		status = he.Status
	}
	return map[string]any{"Status": status}
}
