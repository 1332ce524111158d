package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// Verify checks a saved connection without using its refresh token: it asks
// Salesforce by introspection (CheckToken) whether the token is active and
// which scopes it has. It never refreshes, so the token the ID-governance
// console holds survives even when refresh-token rotation was switched on
// after the export. When Salesforce gives no answer, the report says the
// state is unknown and VerifyDeep is the way to learn more.
func (s *Service) Verify(ctx context.Context, name string, p Progress) (*Report, error) {
	p.report(StepIntrospect)
	h, err := s.CheckToken(ctx, name)
	if err != nil {
		return nil, err
	}
	prof, err := s.Load(ctx, name)
	if err != nil {
		return nil, err
	}
	r := &Report{Rotation: prof.RefreshRotation}
	switch h.State {
	case TokenAlive:
		r.Identity.Username = h.Username
		r.add("token", Pass, "app.check.token.alive", map[string]any{"Username": h.Username})
		if len(h.Scopes) > 0 {
			s.checkScopes(r, strings.Join(h.Scopes, " "))
		}
	case TokenDead:
		r.add("token", Fail, "app.check.token.dead", nil)
	default:
		key := withheldKey(h, prof.RefreshRotation)
		if key == "" {
			key = "app.check.token.unknown" // offers the deep check
		}
		r.Checks = append(r.Checks, Check{ID: "token", Status: Warn, Key: key, Detail: h.Reason})
	}
	return r, s.recordVerified(prof, r, h.State == TokenAlive)
}

// VerifyDeep checks a saved connection the way a new one is checked: it
// refreshes the access token once and then asks who authorized, the scopes,
// the instance, API access and the Manage Users permission. Callers say so
// before they call it.
//
// It first asks Salesforce by introspection, without using the token,
// whether the saved refresh token is still active, and presents it only
// then. With rotation on, a console that refreshed since the export has
// retired sfconnect's copy, and presenting a retired copy makes Salesforce
// revoke the whole family, the console's live token included (Help article
// 005316711). So a token that is not active is reported dead (re-authorize)
// and never presented. When Salesforce gives no answer, the deep check
// presents the token only if rotation was never seen for this connection
// (the admin asked for a check that uses it); when rotation was seen, or
// Salesforce could not be reached at all, it stops and says why.
//
// When the refresh rotates the token, the new one is kept in the keychain and
// Report.Replaced says that the console's copy must be replaced now.
func (s *Service) VerifyDeep(ctx context.Context, name string, p Progress) (*Report, error) {
	prof, err := s.Load(ctx, name)
	if err != nil {
		return nil, err
	}
	sec, err := s.Secrets(ctx, name)
	if err != nil {
		return nil, err
	}
	r := &Report{Deep: true, Rotation: prof.RefreshRotation}
	p.report(StepIntrospect)
	h, err := s.introspect(ctx, s.d.HTTP, prof, sec)
	if err != nil {
		return nil, err
	}
	if !s.mayPresent(r, h, prof.RefreshRotation) {
		return r, s.recordVerified(prof, r, false)
	}
	p.report(StepRefresh)
	tok, err := oauthflow.Refresh(ctx, s.configOf(prof, sec.ClientSecret), sec.RefreshToken)
	if err != nil {
		return nil, fmt.Errorf("refresh the access token: %w", err)
	}
	if tok.RefreshToken != "" && tok.RefreshToken != sec.RefreshToken {
		// Rotation is on: the old token is retired now, keep the new one.
		if err := s.keepRotated(ctx, name, tok.RefreshToken); err != nil {
			return nil, err
		}
		prof.RefreshRotation, r.Rotation, r.Replaced = true, true, true
		r.add("refresh", Warn, "app.check.refresh.replaced", nil)
	} else {
		r.add("refresh", Pass, "app.check.refresh.ok", nil)
	}
	instance := tok.InstanceURL
	if instance == "" {
		instance = prof.InstanceURL
	}
	api := &salesforce.Client{HTTP: s.d.HTTP, InstanceURL: instance, AccessToken: tok.AccessToken}
	p.report(StepIdentity)
	s.checkIdentity(ctx, r, api, tok.ID)
	if tok.Scope != "" {
		s.checkScopes(r, tok.Scope)
	}
	if org, err := salesforce.ParseNamespace(prof.Namespace); err == nil {
		s.checkInstance(r, org, prof.LoginURL, org.LoginURL() != prof.LoginURL, instance)
	}
	p.report(StepPermissions)
	// No API access is a failed check here: the saved token is the console's to keep.
	_ = s.checkAPI(ctx, r, api)
	return r, s.recordVerified(prof, r, len(r.Failed()) == 0)
}

// mayPresent adds the token line of a deep check from what introspection
// said and reports whether the deep check may present the token (see
// VerifyDeep for why).
func (s *Service) mayPresent(r *Report, h TokenHealth, rotationSeen bool) bool {
	switch h.State {
	case TokenAlive:
		r.add("token", Pass, "app.check.token.current", map[string]any{"Username": h.Username})
		return true
	case TokenDead:
		r.add("token", Fail, "app.check.token.dead", nil)
		return false
	}
	if key := withheldKey(h, rotationSeen); key != "" {
		r.Checks = append(r.Checks, Check{ID: "token", Status: Warn, Key: key, Detail: h.Reason})
		return false
	}
	r.Checks = append(r.Checks, Check{ID: "token", Status: Warn, Key: "app.check.token.unknown_used", Detail: h.Reason})
	return true
}

// withheldKey says why a token whose state Salesforce did not tell is not
// presented, not even by the deep check: Salesforce could not be reached (a
// refresh would meet the same network), or rotation was seen for this
// connection (sfconnect's copy is likely retired, and presenting a retired
// copy revokes the console's token). "" when the deep check may present it.
func withheldKey(h TokenHealth, rotationSeen bool) string {
	switch {
	case unreached(h.Reason) != nil:
		return "app.check.token.unreached"
	case rotationSeen:
		return "app.check.token.withheld"
	}
	return ""
}

// recordVerified saves the profile with the time of a passing verification
// (and what the verification learnt, such as rotation being on).
func (s *Service) recordVerified(prof profile.Profile, r *Report, passed bool) error {
	if passed {
		prof.VerifiedAt = s.d.Now().UTC()
	}
	if err := s.d.Profiles.Save(prof); err != nil {
		return fmt.Errorf("record the verification: %w", err)
	}
	return nil
}
