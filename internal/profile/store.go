package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ConfigDirEnv overrides the profile directory.
const ConfigDirEnv = "SFCONNECT_CONFIG_DIR"

// DefaultDir returns the profile directory: $SFCONNECT_CONFIG_DIR when set,
// otherwise os.UserConfigDir()/sfconnect (%AppData%\sfconnect on Windows,
// ~/Library/Application Support/sfconnect on macOS, ~/.config/sfconnect on
// Linux).
func DefaultDir() (string, error) {
	if d := os.Getenv(ConfigDirEnv); d != "" {
		return filepath.Abs(d)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("profile directory: %w", err)
	}
	return filepath.Join(base, "sfconnect"), nil
}

// Store keeps one JSON file per profile in Dir (created 0700 on first Save;
// files are 0600). See fileName for how names map to files.
type Store struct {
	Dir string
	// Logger, when set, receives a warning for each file List skips.
	Logger *slog.Logger
}

// Skipped is a file in the store that List could not use.
type Skipped struct {
	File string // base name
	Err  error
}

// Save validates p and writes it, replacing the profile of the same name.
// A different name that maps to the same file (it differs only in case)
// gives a *ConflictError.
func (s *Store) Save(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	path := s.path(p.Name)
	if old, err := readProfile(path); err == nil && old.Name != p.Name {
		return &ConflictError{Name: p.Name, Existing: old.Name}
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return fmt.Errorf("encode profile: %w", err)
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return &StoreError{Op: "save", Path: s.Dir, Err: err}
	}
	if err := WriteFile(path, append(data, '\n')); err != nil {
		return &StoreError{Op: "save", Path: path, Err: err}
	}
	return nil
}

// Load returns the profile with exactly this name, or a *NotFoundError. A
// profile whose login or instance URL names a host that is not its org's,
// Salesforce's or this computer's is refused with a *HostRefusedError; the
// profile comes with it, so that it can still be shown and deleted, never
// used.
func (s *Store) Load(name string) (Profile, error) {
	p, err := s.read(name)
	if err != nil {
		return Profile{}, err
	}
	if err := p.checkHosts(); err != nil {
		return p, err
	}
	return p, nil
}

// read is Load without the host check.
func (s *Store) read(name string) (Profile, error) {
	path := s.path(name)
	p, err := readProfile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Profile{}, &NotFoundError{Name: name}
	case err != nil:
		return Profile{}, &StoreError{Op: "load", Path: path, Err: err}
	case p.Name != name:
		return Profile{}, &NotFoundError{Name: name}
	}
	return p, nil
}

// List returns every readable profile, sorted by name (ignoring case).
// Unreadable files are skipped and logged to s.Logger; use ListAll to get
// them.
func (s *Store) List() ([]Profile, error) {
	ps, skipped, err := s.ListAll()
	for _, sk := range skipped {
		if s.Logger != nil {
			s.Logger.Warn("skipping unreadable profile file", "dir", s.Dir, "file", sk.File, "err", sk.Err)
		}
	}
	return ps, err
}

// ListAll is List that also returns the skipped files. A missing directory
// is an empty store.
func (s *Store) ListAll() ([]Profile, []Skipped, error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, &StoreError{Op: "list", Path: s.Dir, Err: err}
	}
	var ps []Profile
	var skipped []Skipped
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || !strings.HasSuffix(n, ".json") {
			continue
		}
		p, err := readProfile(filepath.Join(s.Dir, n))
		if err == nil && fileName(p.Name) != n {
			err = fmt.Errorf("file holds profile %q, which belongs in %s", p.Name, fileName(p.Name))
		}
		if err != nil {
			skipped = append(skipped, Skipped{File: n, Err: err})
			continue
		}
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		a, b := strings.ToLower(ps[i].Name), strings.ToLower(ps[j].Name)
		if a != b {
			return a < b
		}
		return ps[i].Name < ps[j].Name
	})
	return ps, skipped, nil
}

// Delete removes the profile with exactly this name (also one that Load
// refuses), or returns a *NotFoundError. Its secrets are the caller's
// business.
func (s *Store) Delete(name string) error {
	if _, err := s.read(name); err != nil {
		return err
	}
	path := s.path(name)
	if err := os.Remove(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &NotFoundError{Name: name}
		}
		return &StoreError{Op: "delete", Path: path, Err: err}
	}
	syncDir(s.Dir)
	return nil
}

func (s *Store) path(name string) string { return filepath.Join(s.Dir, fileName(name)) }

// readProfile reads and decodes one profile file.
func readProfile(path string) (Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Profile{}, err
	}
	var p Profile
	if err := json.Unmarshal(data, &p); err != nil {
		return Profile{}, fmt.Errorf("decode %s: %w", filepath.Base(path), err)
	}
	if p.Name == "" {
		return Profile{}, fmt.Errorf("decode %s: no profile name", filepath.Base(path))
	}
	p.upgrade()
	return p, nil
}
