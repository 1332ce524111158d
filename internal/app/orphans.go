package app

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/sfconnect/sfconnect/internal/secrets"
)

// Orphan is a name under which the keychain holds sfconnect secrets while no
// profile of that name is saved in this config dir: a delete that failed
// half-way, a config dir that was wiped or moved, a process killed between
// its keychain and its file write, or another SFCONNECT_CONFIG_DIR (whose
// profiles share the keychain: their entries look orphaned from here).
type Orphan struct {
	Name     string
	Accounts []string // the keychain accounts, "<name>:client_secret", ...
}

// Orphans lists the keychain entries that no saved profile owns, sorted by
// name. It reads account names only, never a secret. A keychain that cannot
// be listed here gives secrets.ErrListUnsupported.
func (s *Service) Orphans(ctx context.Context) ([]Orphan, error) {
	l, ok := s.d.Secrets.(secrets.Lister)
	if !ok {
		return nil, secrets.ErrListUnsupported
	}
	accounts, err := l.List(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the keychain: %w", err)
	}
	byName := map[string][]string{}
	for _, acc := range accounts {
		if name, ok := secrets.ProfileOf(acc); ok {
			byName[name] = append(byName[name], acc)
		}
	}
	var out []Orphan
	for name, accs := range byName {
		exists, err := s.exists(name)
		if err != nil {
			return nil, err
		}
		if !exists {
			out = append(out, Orphan{Name: name, Accounts: accs})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// RemoveOrphans deletes the keychain entries of the named orphans and
// returns the names it cleared. A name that has a profile by now (saved in
// the meantime) is left alone; the store's lock keeps a save from slipping
// in between. Their refresh tokens are not revoked: without the profile,
// sfconnect does not know which org issued them (revoke them in Salesforce,
// Setup > Connected Apps OAuth Usage, if they may still be live).
func (s *Service) RemoveOrphans(ctx context.Context, names []string) ([]string, error) {
	unlock, err := s.lockStore(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var removed []string
	var errs []error
	for _, name := range names {
		exists, err := s.exists(name)
		if err != nil {
			return removed, err
		}
		if exists {
			continue
		}
		if err := s.dropSecrets(ctx, name); err != nil {
			errs = append(errs, fmt.Errorf("remove the keychain entries of %q: %w", name, err))
			continue
		}
		s.d.Logger.Info("orphaned keychain entries removed", "profile", name)
		removed = append(removed, name)
	}
	return removed, errors.Join(errs...)
}

// heldSecrets returns which of name's keychain entries exist: Import must
// not silently take over entries it did not write.
func (s *Service) heldSecrets(ctx context.Context, name string) ([]string, error) {
	var held []string
	for _, k := range []secrets.Kind{secrets.ClientSecret, secrets.RefreshToken} {
		acc := secrets.Account(name, k)
		_, err := s.d.Secrets.Get(ctx, acc)
		switch {
		case err == nil:
			held = append(held, acc)
		case !errors.Is(err, secrets.ErrNotFound):
			return nil, fmt.Errorf("look for keychain entries of %q: %w", name, err)
		}
	}
	return held, nil
}

// OrphanedSecretsError refuses an import whose name already has keychain
// entries that no profile owns: binding them to the imported file would give
// it secrets nobody chose for it. ImportOptions.Replace removes them first.
type OrphanedSecretsError struct{ Name string }

func (e *OrphanedSecretsError) Error() string {
	return fmt.Sprintf("the keychain already holds entries for %q that no profile owns", e.Name)
}

// MessageKey returns the translation key.
func (e *OrphanedSecretsError) MessageKey() string { return "app.err.orphaned_secrets" }

// MessageArgs names the profile.
func (e *OrphanedSecretsError) MessageArgs() map[string]any { return map[string]any{"Name": e.Name} }
