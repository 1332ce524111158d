package secrets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// DefaultService is the keychain service name sfconnect stores under.
const DefaultService = "sfconnect"

// DefaultTimeout bounds every keychain call, like GitHub CLI's wrapper does.
const DefaultTimeout = 3 * time.Second

// Backend is the part of go-keyring a Keyring uses. NewKeyring uses
// go-keyring itself; NewKeyringOn takes another, e.g. a test double that
// answers late.
type Backend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// goKeyring calls the package-level go-keyring functions, so keyring.MockInit
// and keyring.MockInitWithError affect it.
type goKeyring struct{}

func (goKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (goKeyring) Set(service, user, pw string) error       { return keyring.Set(service, user, pw) }
func (goKeyring) Delete(service, user string) error        { return keyring.Delete(service, user) }

// Keyring is the Store backed by the operating system's keychain through
// github.com/zalando/go-keyring.
//
// Every call is bounded by ctx and the timeout. The keychain call itself
// cannot be cancelled (go-keyring has no context; on Linux it may be waiting
// on a D-Bus unlock prompt, on macOS on the `security` process), so a call
// may finish after its caller got ErrTimeout. Calls on one account therefore
// run one at a time in the order they were made (see lanes.go): a Set that
// timed out still lands, but before any later call on that account, so a
// caller that undoes it (Delete, or Set of the old value) after the timeout
// has the last word. Blocking the UI on a hung keychain instead would be
// worse. Before exiting, call Flush.
type Keyring struct {
	service string
	timeout time.Duration
	kr      Backend
}

// NewKeyring returns a Keyring storing under service ("" means
// DefaultService) whose calls give up after timeout (<= 0 means
// DefaultTimeout).
func NewKeyring(service string, timeout time.Duration) *Keyring {
	return NewKeyringOn(goKeyring{}, service, timeout)
}

// NewKeyringOn is NewKeyring over the keychain b, with the same timeouts,
// ordering and error mapping.
func NewKeyringOn(b Backend, service string, timeout time.Duration) *Keyring {
	if service == "" {
		service = DefaultService
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Keyring{service: service, timeout: timeout, kr: b}
}

// Service returns the keychain service name.
func (k *Keyring) Service() string { return k.service }

// Get returns the secret for account.
func (k *Keyring) Get(ctx context.Context, account string) (string, error) {
	if account == "" {
		return "", errEmptyAccount
	}
	var secret string
	err := k.do(ctx, "get", account, func() error {
		var err error
		secret, err = k.kr.Get(k.service, account)
		return err
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// Set stores secret for account. A secret over Limit is refused with a
// *TooLargeError before the keychain is touched.
func (k *Keyring) Set(ctx context.Context, account, secret string) error {
	if account == "" {
		return errEmptyAccount
	}
	if err := checkSize(k.service, account, secret); err != nil {
		return err
	}
	return k.do(ctx, "set", account, func() error {
		err := k.kr.Set(k.service, account, secret)
		if err != nil && secret != "" && strings.Contains(err.Error(), secret) {
			// Defence in depth: no backend is known to echo the secret,
			// but if one ever does, its text must not reach a log.
			return redactedError{}
		}
		if errors.Is(err, keyring.ErrSetDataTooBig) {
			return &TooLargeError{Account: account, Size: len(secret), Limit: Limit(k.service, account)}
		}
		return err
	})
}

// Delete removes the secret for account.
func (k *Keyring) Delete(ctx context.Context, account string) error {
	if account == "" {
		return errEmptyAccount
	}
	return k.do(ctx, "delete", account, func() error {
		return k.kr.Delete(k.service, account)
	})
}

// do runs call in the lane of account, bounded by ctx and k.timeout, and
// maps its error. After a timeout or cancel the call still runs in its turn
// (a Get is dropped if it had not started).
func (k *Keyring) do(ctx context.Context, op, account string, call func() error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("keychain %s %q: %w", op, account, err)
	}
	j := &job{call: call, read: op == "get", done: make(chan error, 1)}
	lanes.enqueue(k.service+"\x00"+account, j)

	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	var err error
	select {
	case err := <-j.done:
		return classify(op, account, err)
	case <-timer.C:
		err = fmt.Errorf("keychain %s %q after %s: %w", op, account, k.timeout, ErrTimeout)
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			err = fmt.Errorf("keychain %s %q: %w (%w)", op, account, ErrTimeout, ctx.Err())
		} else {
			err = fmt.Errorf("keychain %s %q: %w", op, account, ctx.Err())
		}
	}
	j.state.CompareAndSwap(jobQueued, jobAbandoned)
	return err
}
