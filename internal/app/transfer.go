package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// Export writes the connection profile name in the sfconnect-profile format.
// The client secret and refresh token are included only when includeSecrets
// is true; otherwise their keys are absent.
func (s *Service) Export(ctx context.Context, name string, includeSecrets bool, w io.Writer) error {
	p, err := s.Load(ctx, name)
	if err != nil {
		return err
	}
	var sec *profile.Secrets
	if includeSecrets {
		got, err := s.Secrets(ctx, name)
		if err != nil {
			return err
		}
		sec = &got
	}
	if err := profile.Export(w, p, sec); err != nil {
		return fmt.Errorf("export %q: %w", name, err)
	}
	s.d.Logger.Info("profile exported", "profile", name, "with_secrets", includeSecrets)
	return nil
}

// ExportFile writes the export to path atomically with 0600 permissions.
func (s *Service) ExportFile(ctx context.Context, name string, includeSecrets bool, path string) error {
	var buf bytes.Buffer
	if err := s.Export(ctx, name, includeSecrets, &buf); err != nil {
		return err
	}
	// Overwrite the buffer that held secrets, so fewer copies linger in
	// memory; Go strings elsewhere cannot be wiped: best effort only.
	defer clear(buf.Bytes())
	if err := profile.WriteFile(path, buf.Bytes()); err != nil {
		return fmt.Errorf("write export file: %w", err)
	}
	return nil
}

// Import reads a profile in the export format and saves it under name (or
// the name in the file when name is empty); see ImportWith.
func (s *Service) Import(ctx context.Context, r io.Reader, name string) (profile.Profile, error) {
	return s.ImportWith(ctx, r, ImportOptions{Name: name})
}

// ImportOptions are the choices of an import.
type ImportOptions struct {
	Name string // "" = the name in the file
	// Replace removes keychain entries that no profile owns under the name
	// (orphans) before importing; without it they refuse the import.
	Replace bool
}

// ImportWith reads a profile in the export format and saves it. Secrets in
// the file go to the keychain, never to the config dir. An existing profile
// is not replaced. Keychain entries already held under the name belong to
// no profile (or the name would exist): the import never binds them to the
// file, so it refuses with an *OrphanedSecretsError unless o.Replace, which
// deletes them first.
func (s *Service) ImportWith(ctx context.Context, r io.Reader, o ImportOptions) (profile.Profile, error) {
	r, err := refuseSealed(r) // a sealed file needs ImportSealedWith's key
	if err != nil {
		return profile.Profile{}, err
	}
	p, sec, err := profile.Import(r)
	if err != nil {
		return profile.Profile{}, err
	}
	if name := strings.TrimSpace(o.Name); name != "" {
		p.Name = name
	}
	if err := p.Validate(); err != nil {
		return profile.Profile{}, err
	}
	unlock, err := s.lockStore(ctx)
	if err != nil {
		return profile.Profile{}, err
	}
	defer unlock()
	exists, err := s.exists(p.Name)
	if err != nil {
		return profile.Profile{}, err
	}
	if exists {
		return profile.Profile{}, &ExistsError{Name: p.Name}
	}
	held, err := s.heldSecrets(ctx, p.Name)
	if err != nil {
		return profile.Profile{}, err
	}
	if len(held) > 0 {
		if !o.Replace {
			return profile.Profile{}, &OrphanedSecretsError{Name: p.Name}
		}
		if err := s.dropSecrets(ctx, p.Name); err != nil {
			return profile.Profile{}, fmt.Errorf("remove the orphaned keychain entries of %q: %w", p.Name, err)
		}
		s.d.Logger.Info("orphaned keychain entries replaced", "profile", p.Name)
	}
	if sec != nil {
		if err := s.putImported(ctx, p.Name, *sec); err != nil {
			return profile.Profile{}, err
		}
	}
	if err := s.d.Profiles.Save(p); err != nil {
		_ = s.dropSecrets(ctx, p.Name)
		return profile.Profile{}, fmt.Errorf("save imported profile %q: %w", p.Name, err)
	}
	s.d.Logger.Info("profile imported", "profile", p.Name, "with_secrets", sec != nil)
	return p, nil
}

// putImported stores whichever secrets the file held. ImportWith made sure
// the keychain held neither entry before.
func (s *Service) putImported(ctx context.Context, name string, sec profile.Secrets) error {
	if sec.ClientSecret != "" && sec.RefreshToken != "" {
		_, _, err := s.putSecrets(ctx, name, sec)
		return err
	}
	// At most one of the two is set here. A write that failed is undone
	// too: one that timed out may still land, and the keychain runs the
	// Delete after it (secrets.Keyring keeps each account's calls in order).
	for k, v := range map[secrets.Kind]string{secrets.ClientSecret: sec.ClientSecret, secrets.RefreshToken: sec.RefreshToken} {
		if v == "" {
			continue
		}
		acc := secrets.Account(name, k)
		if err := s.d.Secrets.Set(ctx, acc, v); err != nil {
			if derr := s.d.Secrets.Delete(context.WithoutCancel(ctx), acc); derr != nil && !errors.Is(derr, secrets.ErrNotFound) &&
				!errors.Is(derr, secrets.ErrTimeout) {
				s.d.Logger.Warn("could not roll back a keychain entry", "profile", name, "secret", string(k), "err", derr)
			}
			return fmt.Errorf("store imported secret: %w", err)
		}
	}
	return nil
}
