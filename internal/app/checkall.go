package app

import (
	"context"
	"net/url"
	"sync"
	"time"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// CheckTimeout bounds one connection's check in CheckAll, so a host that
// swallows packets cannot hold a scheduled check for the HTTP client's
// whole minute.
const CheckTimeout = 20 * time.Second

// checkParallel is how many connections CheckAll asks about at once: enough
// that a dozen orgs take seconds, few enough not to look like a flood.
const checkParallel = 4

// ConnectionHealth is the state of one saved connection, as a health check
// reports it.
type ConnectionHealth struct {
	Profile profile.Profile
	TokenHealth
	// Err is a local failure (the keychain has no entry, or is locked):
	// the state could not even be asked. Nil when Salesforce was asked.
	Err error
}

// Cause explains a dead token: why Salesforce may have stopped accepting
// it, and what fixes it. Salesforce does not say why a token is inactive,
// so this names the likely causes. Nil unless the state is TokenDead.
func (h ConnectionHealth) Cause() *DeadTokenError {
	if h.Err != nil || h.State != TokenDead {
		return nil
	}
	return &DeadTokenError{Name: h.Profile.Name, Rotation: h.Profile.RefreshRotation}
}

// CheckAll checks every saved connection with CheckOne (introspection: no
// token is used up), a few at a time, each through the network it was saved
// with, and returns them in the order of List. Each check has its own
// CheckTimeout.
func (s *Service) CheckAll(ctx context.Context) ([]ConnectionHealth, error) {
	list, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	return s.CheckEach(ctx, list)
}

// CheckEach is CheckAll for the connections in list, which a caller may
// have given other network settings (the CLI lays its flags over each).
func (s *Service) CheckEach(ctx context.Context, list []profile.Profile) ([]ConnectionHealth, error) {
	out := make([]ConnectionHealth, len(list))
	sem := make(chan struct{}, checkParallel)
	var wg sync.WaitGroup
	for i, p := range list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = s.CheckOne(ctx, p)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// CheckOne checks one saved connection within CheckTimeout, as CheckToken
// does, through the network p names (NetworkOf(p): the settings it was
// saved with, which the caller may have changed), or through the network in
// force when p names none. A connection made through a proxy is then
// checked through that proxy, whatever is in force now. A check that runs
// out of time is TokenUnknown with a timeout as its reason.
func (s *Service) CheckOne(ctx context.Context, p profile.Profile) ConnectionHealth {
	limit := CheckTimeout
	if s.checkTimeout > 0 {
		limit = s.checkTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	h, err := s.checkToken(cctx, p.Name, NetworkOf(p))
	switch {
	case err != nil && ctx.Err() == nil && cctx.Err() != nil:
		// Salesforce's host did not answer in time: say so as any call
		// that timed out does (netproxy.Diagnose), naming the host.
		late := &oauthflow.NetworkError{Host: p.LoginURL, Err: cctx.Err()}
		if u, perr := url.Parse(p.LoginURL); perr == nil && u.Host != "" {
			late.Host = u.Host
		}
		h = TokenHealth{State: TokenUnknown, Reason: &IntrospectionError{Err: late}, CheckedAt: s.d.Now().UTC()}
		err = nil
	case err != nil:
		h.CheckedAt = s.d.Now().UTC()
	}
	return ConnectionHealth{Profile: p, TokenHealth: h, Err: err}
}

// DeadTokenError says that Salesforce no longer accepts a saved refresh
// token, with the likely causes and the fix (re-authorize, then replace the
// console's token).
type DeadTokenError struct {
	Name     string
	Rotation bool // refresh-token rotation was seen on: the console may hold a newer token
}

func (e *DeadTokenError) Error() string {
	return "the refresh token of " + e.Name + " is no longer active"
}

// MessageKey picks the explanation: with rotation, sfconnect's copy is
// retired as soon as the console refreshes, so its death may be harmless.
func (e *DeadTokenError) MessageKey() string {
	if e.Rotation {
		return "app.health.dead.rotated"
	}
	return "app.health.dead"
}

// MessageArgs names the profile.
func (e *DeadTokenError) MessageArgs() map[string]any { return map[string]any{"Name": e.Name} }
