package app

import (
	"bytes"
	"context"
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
	defer wipe(buf.Bytes())
	if err := profile.WriteFile(path, buf.Bytes()); err != nil {
		return fmt.Errorf("write export file: %w", err)
	}
	return nil
}

// wipe overwrites a buffer that held secrets, so fewer copies linger in
// memory; Go strings elsewhere cannot be wiped, so this is only best effort.
func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// Import reads a profile in the export format and saves it under name (or
// the name in the file when name is empty). Secrets in the file go to the
// keychain, never to the config dir. An existing profile is not replaced.
func (s *Service) Import(ctx context.Context, r io.Reader, name string) (profile.Profile, error) {
	r, err := refuseSealed(r) // a sealed file needs ImportSealed's key
	if err != nil {
		return profile.Profile{}, err
	}
	p, sec, err := profile.Import(r)
	if err != nil {
		return profile.Profile{}, err
	}
	if name = strings.TrimSpace(name); name != "" {
		p.Name = name
	}
	if err := p.Validate(); err != nil {
		return profile.Profile{}, err
	}
	exists, err := s.exists(p.Name)
	if err != nil {
		return profile.Profile{}, err
	}
	if exists {
		return profile.Profile{}, &ExistsError{Name: p.Name}
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

// putImported stores whichever secrets the file held.
func (s *Service) putImported(ctx context.Context, name string, sec profile.Secrets) error {
	if sec.ClientSecret != "" && sec.RefreshToken != "" {
		_, _, err := s.putSecrets(ctx, name, sec)
		return err
	}
	// At most one of the two is set here, so there is nothing to roll back.
	for k, v := range map[secrets.Kind]string{secrets.ClientSecret: sec.ClientSecret, secrets.RefreshToken: sec.RefreshToken} {
		if v == "" {
			continue
		}
		if err := s.d.Secrets.Set(ctx, secrets.Account(name, k), v); err != nil {
			return fmt.Errorf("store imported secret: %w", err)
		}
	}
	return nil
}
