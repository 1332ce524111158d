package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// Delete revokes the profile's refresh token at Salesforce (unless revoke is
// false), then removes its keychain entries and then its file. A token
// Salesforce no longer knows (salesforce.TokenGone) is already gone, so the
// delete goes on. When the revoke fails for another reason, nothing is
// removed (a *RevokeError), so the admin can retry or choose not to revoke.
//
// The keychain entries go before the file: if removing them fails, the
// profile stays listed and the admin can delete it again, instead of secrets
// outliving an invisible profile (an orphan, see Orphans). A profile whose
// file names a host that is not its org's (profile.HostRefusedError) is
// deleted too; its token is revoked at the org's own My Domain, never sent
// to that host.
func (s *Service) Delete(ctx context.Context, name string, revoke bool, p Progress) error {
	_, err := s.Remove(ctx, name, revoke, p)
	return err
}

// Deletion says what Remove did with the refresh token at Salesforce.
type Deletion struct {
	// Revoked is true when the token was revoked now or Salesforce no longer
	// knew it: either way the copy sfconnect kept no longer works.
	Revoked bool
	// Stale is true when that does not mean the console's token is gone:
	// Salesforce no longer knew the copy, or the org rotates refresh tokens,
	// so the console may hold a newer token that only Setup can revoke.
	Stale bool
}

// Remove is Delete, and says what became of the token at Salesforce, so the
// caller does not claim that the console's token was revoked when that is
// not known.
func (s *Service) Remove(ctx context.Context, name string, revoke bool, p Progress) (Deletion, error) {
	prof, err := s.Load(ctx, name)
	var refused *profile.HostRefusedError
	switch {
	case errors.As(err, &refused):
		prof.LoginURL = ContactURL(prof)
	case err != nil:
		return Deletion{}, err
	}
	var d Deletion
	if revoke {
		p.report(StepRevoke)
		if d, err = s.revoke(ctx, prof); err != nil {
			return Deletion{}, err
		}
	}
	unlock, err := s.lockStore(ctx)
	if err != nil {
		return Deletion{}, err
	}
	defer unlock()
	if err := s.dropSecrets(ctx, name); err != nil {
		return Deletion{}, fmt.Errorf("remove keychain entries of %q: %w", name, err)
	}
	if err := s.d.Profiles.Delete(name); err != nil {
		return Deletion{}, fmt.Errorf("remove profile %q: %w", name, err)
	}
	s.d.Logger.Info("profile deleted", "profile", name, "revoked", revoke, "stale", d.Stale)
	return d, nil
}

func (s *Service) revoke(ctx context.Context, prof profile.Profile) (Deletion, error) {
	rt, err := s.d.Secrets.Get(ctx, secrets.Account(prof.Name, secrets.RefreshToken))
	if errors.Is(err, secrets.ErrNotFound) {
		return Deletion{}, nil // nothing to revoke
	}
	if err != nil {
		return Deletion{}, fmt.Errorf("read refresh token of %q: %w", prof.Name, err)
	}
	err = oauthflow.Revoke(ctx, s.configOf(prof, ""), rt)
	if err != nil && !salesforce.TokenGone(err) {
		return Deletion{}, &RevokeError{Name: prof.Name, Err: err}
	}
	// Revoked now, or already revoked or expired: the goal is reached for
	// this copy, perhaps not for the console's.
	return Deletion{Revoked: true, Stale: staleCopy(err, prof.RefreshRotation)}, nil
}

// ContactURL is where the commands on the saved profile p reach Salesforce,
// for screens and commands to show before they do: its login URL, or, when
// the profile's file names a host the rule refuses, its org's own My Domain
// (the only place Delete then revokes at; every other command refuses).
func ContactURL(p profile.Profile) string {
	org, _ := salesforce.ParseNamespace(p.Namespace)
	if u, err := salesforce.CheckLoginURL(p.LoginURL, org); err == nil {
		return u
	}
	return org.LoginURL()
}

func (s *Service) configOf(p profile.Profile, clientSecret string) oauthflow.Config {
	return oauthflow.Config{LoginURL: p.LoginURL, ClientID: p.ClientID, ClientSecret: clientSecret,
		RedirectURL: p.CallbackURL, HTTPClient: s.d.HTTP}
}

// keepRotated stores a refresh token that replaced the saved one. The old
// one is already dead, so a failed write is retried once and then reported
// as a lost token: only a re-authorization helps then.
func (s *Service) keepRotated(ctx context.Context, name, token string) error {
	acc := secrets.Account(name, secrets.RefreshToken)
	err := s.d.Secrets.Set(ctx, acc, token)
	if err != nil {
		err = s.d.Secrets.Set(ctx, acc, token)
	}
	if err != nil {
		return &RotatedTokenLostError{Name: name, Err: err}
	}
	return nil
}

// RotatedTokenLostError means Salesforce rotated the refresh token during a
// verification and the new one could not be stored.
type RotatedTokenLostError struct {
	Name string
	Err  error
}

func (e *RotatedTokenLostError) Error() string {
	return fmt.Sprintf("store the rotated refresh token of %q: %v", e.Name, e.Err)
}

// Unwrap returns the keychain error.
func (e *RotatedTokenLostError) Unwrap() error { return e.Err }

// MessageKey tells the admin to re-authorize.
func (e *RotatedTokenLostError) MessageKey() string { return "app.err.rotated_token_lost" }

// MessageArgs names the profile.
func (e *RotatedTokenLostError) MessageArgs() map[string]any { return map[string]any{"Name": e.Name} }
