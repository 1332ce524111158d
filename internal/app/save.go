package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// Connection is the verified, not yet saved result of an authorization.
type Connection struct {
	Profile profile.Profile
	Secrets profile.Secrets
	Report  Report
	// Renewal is set by Save when the connection replaced the refresh token
	// of a saved profile (a re-authorization): the console's token must be
	// replaced with the new one.
	Renewal  *Renewal
	loginURL string
	replaces string
	saved    bool
}

// Renewal tells what became of the refresh token a re-authorization
// replaced. Salesforce keeps at most 5 approvals per user and app and
// silently revokes the oldest beyond that, and a stray live token is a risk,
// so the replaced token is revoked once the new one is safely stored.
type Renewal struct {
	// Revoked is true when Salesforce revoked the old token (or no longer
	// knew it).
	Revoked bool
	// Stale is true when that does not mean the console's token is gone
	// (see staleCopy): the console may still hold a newer token of the old
	// authorization that works, which only Setup can revoke.
	Stale bool
	// Err is why it could not be revoked: it then stays valid until it is
	// revoked in Salesforce (Setup > Connected Apps OAuth Usage).
	Err error
}

// Save stores c under name: the secrets in the keychain first, then the
// metadata, so a listed profile always has its secrets. If any step fails,
// what was written is rolled back. A connection whose checks failed is not
// saved.
func (s *Service) Save(ctx context.Context, name string, c *Connection, f ConsoleFields) error {
	if failed := c.Report.Failed(); len(failed) > 0 {
		return &VerificationError{Failed: failed}
	}
	name = strings.TrimSpace(name)
	p := c.Profile
	p.Name = name
	SetNetworkOf(&p, s.Network())
	f.ApplyTo(&p)
	if err := p.Validate(); err != nil {
		return err
	}
	unlock, err := s.lockStore(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	renewing := name == c.replaces
	if !renewing {
		exists, err := s.exists(name)
		if err != nil {
			return err
		}
		if exists {
			return &ExistsError{Name: name}
		}
	}
	undo, replaced, err := s.putSecrets(ctx, name, c.Secrets)
	var tooLarge *secrets.TooLargeError
	if errors.As(err, &tooLarge) {
		return &TokenTooLargeError{Size: tooLarge.Size, Limit: tooLarge.Limit}
	}
	if err != nil {
		return err
	}
	if err := s.d.Profiles.Save(p); err != nil {
		// A re-authorization overwrote live entries: put the old ones back,
		// or the profile would be left with a token that is about to be
		// revoked (the caller discards the new one).
		undo()
		return fmt.Errorf("save profile %q: %w", name, err)
	}
	c.Profile = p
	c.replaces = name
	c.saved = true
	s.d.Logger.Info("profile saved", "profile", name, "org", p.Namespace, "username", p.Username)
	// Only a renewal revokes what it replaced: entries a new profile
	// overwrote were orphans of an unknown org (see Orphans).
	if renewing && replaced != "" && replaced != c.Secrets.RefreshToken {
		c.Renewal = s.revokeReplaced(ctx, c, replaced)
	}
	return nil
}

// revokeReplaced revokes the refresh token a re-authorization replaced, now
// that the new one is stored. Its failure does not undo the save: the new
// token works; the admin is told to revoke the old one in Salesforce.
func (s *Service) revokeReplaced(ctx context.Context, c *Connection, old string) *Renewal {
	cfg := oauthflow.Config{LoginURL: c.loginURL, ClientID: c.Profile.ClientID,
		ClientSecret: c.Secrets.ClientSecret, HTTPClient: s.d.HTTP}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), discardTimeout)
	defer cancel()
	err := oauthflow.Revoke(ctx, cfg, old)
	switch {
	case err == nil || salesforce.TokenGone(err):
		s.d.Logger.Info("replaced refresh token revoked", "profile", c.Profile.Name, "already_gone", err != nil)
		return &Renewal{Revoked: true, Stale: staleCopy(err, c.Profile.RefreshRotation)}
	default:
		s.d.Logger.Warn("could not revoke the replaced refresh token", "profile", c.Profile.Name, "err", err)
		return &Renewal{Err: fmt.Errorf("revoke the replaced refresh token: %w", err)}
	}
}

// staleCopy reports whether a revoke that succeeded (revokeErr nil) or found
// the token already gone (salesforce.TokenGone) may have missed the token the
// console holds. Salesforce answers invalid_token for a token it knows to be
// invalid, and a token rotation retired is one: the console may then hold a
// newer token of the same authorization, which this revoke never named. With
// rotation on, even a 200 does not prove the console had no newer token, as
// Salesforce does not document its answer for a retired token.
func staleCopy(revokeErr error, rotation bool) bool {
	return revokeErr != nil || rotation
}

// putSecrets writes both secrets and returns undo, which puts back what the
// keychain held before (nothing, for a new profile; the old entries, for a
// re-authorization), and the refresh token it replaced ("" if none). If a
// write fails, what was written is undone already, including the failed
// write itself: one that timed out may still land later, and the keychain
// applies the undo after it (secrets.Keyring keeps each account's calls in
// order). An entry that cannot be read first is not overwritten: it could
// not be restored.
func (s *Service) putSecrets(ctx context.Context, name string, sec profile.Secrets) (undo func(), replaced string, err error) {
	type entry struct {
		acc, val, old, what string
		had                 bool
	}
	entries := []*entry{
		{acc: secrets.Account(name, secrets.ClientSecret), val: sec.ClientSecret, what: "client secret"},
		{acc: secrets.Account(name, secrets.RefreshToken), val: sec.RefreshToken, what: "refresh token"},
	}
	for _, e := range entries {
		old, err := s.d.Secrets.Get(ctx, e.acc)
		switch {
		case err == nil:
			e.old, e.had = old, true
		case !errors.Is(err, secrets.ErrNotFound):
			return nil, "", fmt.Errorf("read the stored %s: %w", e.what, err)
		}
	}
	var written []*entry
	undo = func() {
		// The caller's context may be why we give up; the rollback must run.
		bg := context.WithoutCancel(ctx)
		for _, e := range written {
			var err error
			if e.had {
				err = s.d.Secrets.Set(bg, e.acc, e.old)
			} else {
				err = s.d.Secrets.Delete(bg, e.acc)
			}
			switch {
			case errors.Is(err, secrets.ErrTimeout):
				s.d.Logger.Warn("keychain rollback pending: it runs when the keychain answers", "profile", name, "secret", e.what)
			case err != nil && !errors.Is(err, secrets.ErrNotFound):
				s.d.Logger.Warn("could not roll back a keychain entry", "profile", name, "secret", e.what, "err", err)
			}
		}
	}
	for _, e := range entries {
		written = append(written, e) // before the call: a failed write may still land
		if err := s.d.Secrets.Set(ctx, e.acc, e.val); err != nil {
			undo()
			return nil, "", fmt.Errorf("store %s: %w", e.what, err)
		}
	}
	return undo, entries[1].old, nil
}

// dropSecrets removes both keychain entries of name, ignoring absent ones.
func (s *Service) dropSecrets(ctx context.Context, name string) error {
	var errs []error
	for _, k := range []secrets.Kind{secrets.ClientSecret, secrets.RefreshToken} {
		if err := s.d.Secrets.Delete(ctx, secrets.Account(name, k)); err != nil && !errors.Is(err, secrets.ErrNotFound) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Discard revokes the refresh token of a connection that will not be saved,
// so no live token is left behind that nobody keeps.
func (s *Service) Discard(ctx context.Context, c *Connection) error {
	if c == nil || c.saved || c.Secrets.RefreshToken == "" {
		return nil
	}
	cfg := oauthflow.Config{LoginURL: c.loginURL, ClientID: c.Profile.ClientID,
		ClientSecret: c.Secrets.ClientSecret, HTTPClient: s.d.HTTP}
	if err := oauthflow.Revoke(ctx, cfg, c.Secrets.RefreshToken); err != nil {
		return fmt.Errorf("revoke the unsaved token: %w", err)
	}
	return nil
}

// Connect runs the whole flow for the CLI: check every input (CheckNew),
// begin, open the browser, wait, verify and save. Failed checks revoke the
// new token and save nothing.
func (s *Service) Connect(ctx context.Context, name string, in ConnectInput, f ConsoleFields, p Progress) (*Connection, error) {
	ss, err := s.BeginNew(ctx, name, in, f, p)
	if err != nil {
		return nil, err
	}
	defer ss.Close()
	p.report(StepBrowser)
	if err := ss.OpenBrowser(); err != nil {
		return nil, err
	}
	return s.finish(ctx, ss, name, f, p)
}

// BeginNew is Begin for a new profile called name: it checks everything the
// profile will be saved with (CheckNew: the name, free and valid, the
// console fields f and the input) before anything happens in the browser,
// so no sign-in is done for nothing. The caller opens the browser (or
// offers the URL) and calls Complete with the same f.
func (s *Service) BeginNew(ctx context.Context, name string, in ConnectInput, f ConsoleFields, p Progress) (*Session, error) {
	if err := s.CheckNew(ctx, name, in, f); err != nil {
		return nil, err
	}
	p.report(StepListen)
	return s.Begin(ctx, in)
}

// Complete waits on a session started by Begin or Reauthorize and saves the
// result under name (the CLI's reauth and no-browser paths).
func (s *Service) Complete(ctx context.Context, ss *Session, name string, f ConsoleFields, p Progress) (*Connection, error) {
	defer ss.Close()
	return s.finish(ctx, ss, name, f, p)
}

func (s *Service) finish(ctx context.Context, ss *Session, name string, f ConsoleFields, p Progress) (*Connection, error) {
	c, err := ss.Wait(ctx, p)
	if err != nil {
		return nil, err
	}
	if failed := c.Report.Failed(); len(failed) > 0 {
		s.discardQuietly(c)
		return c, &VerificationError{Failed: failed}
	}
	p.report(StepSave)
	if err := s.Save(ctx, name, c, f); err != nil {
		s.discardQuietly(c)
		return c, err
	}
	return c, nil
}

const discardTimeout = 10 * time.Second

// discardQuietly revokes with its own short context: the caller's may be
// the reason we are giving up.
func (s *Service) discardQuietly(c *Connection) {
	if c == nil || c.saved || c.Secrets.RefreshToken == "" {
		return
	}
	s.revokeQuietly(oauthflow.Config{LoginURL: c.loginURL, ClientID: c.Profile.ClientID,
		ClientSecret: c.Secrets.ClientSecret, HTTPClient: s.d.HTTP}, c.Secrets.RefreshToken)
}

// revokeQuietly revokes token, logging (without the token) when it fails.
func (s *Service) revokeQuietly(cfg oauthflow.Config, token string) {
	ctx, cancel := context.WithTimeout(context.Background(), discardTimeout)
	defer cancel()
	if err := oauthflow.Revoke(ctx, cfg, token); err != nil {
		s.d.Logger.Warn("could not revoke an unused token", "err", err)
	}
}
