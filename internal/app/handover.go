package app

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/seal"
)

// ExportSealed writes the export of profile name to w as an age file that
// only lock opens (a passphrase or age public keys; see internal/seal).
// The plain export exists only in memory and is wiped afterwards.
func (s *Service) ExportSealed(ctx context.Context, name string, includeSecrets bool, lock seal.Lock, w io.Writer) error {
	if lock.WorkFactor == 0 {
		lock.WorkFactor = s.d.SealWorkFactor
	}
	// Check the lock before the keychain is read: a short passphrase or a
	// mistyped key should not cost an unlock prompt.
	if err := lock.Check(); err != nil {
		return err
	}
	var plain bytes.Buffer
	if err := s.Export(ctx, name, includeSecrets, &plain); err != nil {
		return err
	}
	defer clear(plain.Bytes())
	if err := seal.Seal(w, plain.Bytes(), lock); err != nil {
		return fmt.Errorf("seal the export of %q: %w", name, err)
	}
	return nil
}

// Handover is what ExportHandover wrote.
type Handover struct {
	File  string // the export, sealed or plain
	Guide string // the "how to hand this over" page beside it
}

// ExportHandover writes the export of name to path (0600, atomically),
// sealed with lock unless lock is nil, and beside it a one-page guide in the
// service's language: how to open the file and which value goes into which
// field of the ID-governance console. The guide holds no value of the
// profile, so it may travel with the file.
func (s *Service) ExportHandover(ctx context.Context, name string, includeSecrets bool, lock *seal.Lock, path string) (Handover, error) {
	var buf bytes.Buffer
	var err error
	if lock != nil {
		err = s.ExportSealed(ctx, name, includeSecrets, *lock, &buf)
	} else {
		err = s.Export(ctx, name, includeSecrets, &buf)
	}
	if err != nil {
		return Handover{}, err
	}
	defer clear(buf.Bytes())
	if err := profile.WriteFile(path, buf.Bytes()); err != nil {
		return Handover{}, fmt.Errorf("write export file: %w", err)
	}
	h := Handover{File: path, Guide: GuidePath(path)}
	how := guidePlain
	switch {
	case lock != nil && lock.Passphrase != "":
		how = guidePassphrase
	case lock != nil:
		how = guideKey
	}
	text := s.guide(name, filepath.Base(path), how, includeSecrets)
	if err := profile.WriteFile(h.Guide, []byte(text)); err != nil {
		return Handover{}, fmt.Errorf("write the hand-over guide: %w", err)
	}
	return h, nil
}

// GuidePath is where ExportHandover puts the guide for an export at path:
// beside it, "acme.sfconnect.age" -> "acme.sfconnect-handover.txt".
func GuidePath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "-handover.txt"
}

// ImportNeeds tells what importing data takes: nothing (a plain profile
// file), a passphrase or an age identity. A sealed file whose header is
// damaged, or that demands too much work to open, is an error.
func ImportNeeds(data []byte) (seal.Needs, error) { return seal.Inspect(data) }

// ImportSealed imports a profile file that may be sealed: key opens it
// (a plain file needs no key and ignores it). A wrong passphrase or key and a
// damaged, truncated or altered file are *seal.Error; then nothing is
// imported and the keychain is not touched.
func (s *Service) ImportSealed(ctx context.Context, r io.Reader, name string, key seal.Key) (profile.Profile, error) {
	return s.ImportSealedWith(ctx, r, ImportOptions{Name: name}, key)
}

// ImportSealedWith is ImportSealed with the choices of ImportWith (replacing
// orphaned keychain entries).
func (s *Service) ImportSealedWith(ctx context.Context, r io.Reader, o ImportOptions, key seal.Key) (profile.Profile, error) {
	// An armored file is 4/3 of its content plus a header.
	data, err := io.ReadAll(io.LimitReader(r, 2*profile.MaxImportSize))
	if err != nil {
		return profile.Profile{}, fmt.Errorf("import profile: read: %w", err)
	}
	if !seal.IsSealed(data) {
		return s.ImportWith(ctx, bytes.NewReader(data), o)
	}
	plain, err := seal.Open(data, key, profile.MaxImportSize)
	if err != nil {
		s.d.Logger.Info("sealed profile not opened", "err", err)
		return profile.Profile{}, err
	}
	defer clear(plain)
	return s.ImportWith(ctx, bytes.NewReader(plain), o)
}

// refuseSealed lets a plain file through to Import and stops a sealed one
// with the error that says what opening it takes (ImportSealed opens it).
func refuseSealed(r io.Reader) (io.Reader, error) {
	// age allows up to 1 KiB of blank space before the armor.
	br := bufio.NewReaderSize(r, 2048)
	head, _ := br.Peek(2048)
	if !seal.IsSealed(head) {
		return br, nil
	}
	data, err := io.ReadAll(io.LimitReader(br, 2*profile.MaxImportSize))
	if err != nil {
		return nil, fmt.Errorf("import profile: read: %w", err)
	}
	switch needs, err := seal.Inspect(data); {
	case err != nil:
		return nil, err
	case needs == seal.NeedsPassphrase:
		return nil, seal.ErrPassphraseNeeded
	}
	return nil, seal.ErrKeyNeeded
}
