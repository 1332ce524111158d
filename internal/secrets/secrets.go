// Package secrets keeps sfconnect's secrets (the consumer secret and the
// refresh token of each profile) in the operating system's keychain: the
// macOS login keychain, the Windows Credential Manager or a Secret Service
// (gnome-keyring, KWallet) on Linux.
//
// The package never falls back to plain-text storage. When no keychain can be
// used, calls fail with an *UnavailableError whose message tells the user how
// to make one available; the caller decides what to do, and the user is told.
//
// Errors never contain a secret: they name the account ("acme:refresh_token")
// and the operation only.
package secrets

import (
	"context"
	"errors"
)

// Store is the keychain as the rest of sfconnect sees it. Accounts are built
// with Account. Implementations are safe for concurrent use.
type Store interface {
	// Get returns the secret stored for account, or an error matching
	// ErrNotFound when there is none.
	Get(ctx context.Context, account string) (string, error)
	// Set stores secret for account, replacing any previous value.
	Set(ctx context.Context, account, secret string) error
	// Delete removes the secret for account; ErrNotFound when there is none.
	Delete(ctx context.Context, account string) error
}

// Kind names one of the secrets kept per profile.
type Kind string

const (
	// ClientSecret is the External Client App's consumer secret.
	ClientSecret Kind = "client_secret"
	// RefreshToken is the OAuth refresh token obtained by the connection.
	RefreshToken Kind = "refresh_token"
)

// Account returns the keychain account name for one secret of a profile:
// "<profile>:client_secret" or "<profile>:refresh_token". Both kinds have
// suffixes of the same length, so two different (profile, kind) pairs can
// never produce the same account.
func Account(profile string, k Kind) string {
	return profile + ":" + string(k)
}

// keyedError is a sentinel error that also carries a translation key.
type keyedError struct {
	msg string
	key string
}

func (e *keyedError) Error() string               { return e.msg }
func (e *keyedError) MessageKey() string          { return e.key }
func (e *keyedError) MessageArgs() map[string]any { return nil }

var (
	// ErrNotFound means the keychain holds no secret for the account.
	ErrNotFound error = &keyedError{"secret not found in the keychain", "secrets.err.not_found"}
	// ErrTooLarge is matched (errors.Is) by every *TooLargeError.
	ErrTooLarge error = &keyedError{"secret too large for the keychain", "secrets.err.too_large"}
	// ErrUnavailable is matched (errors.Is) by every *UnavailableError.
	ErrUnavailable error = &keyedError{"the keychain is not available", "secrets.err.unavailable"}
	// ErrTimeout means the keychain did not answer within the timeout.
	ErrTimeout error = &keyedError{"the keychain did not answer in time", "secrets.err.timeout"}
)

// errEmptyAccount is a programming error: accounts come from Account.
var errEmptyAccount = errors.New("secrets: empty account name")
