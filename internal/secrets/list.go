package secrets

import (
	"context"
	"errors"
	"sort"
	"strings"
)

// Lister is a Store that can name the accounts it holds under its service,
// so that entries no profile owns (orphans) can be found. go-keyring has no
// such call; Keyring lists per operating system (see listAccounts).
type Lister interface {
	List(ctx context.Context) ([]string, error)
}

// ErrListUnsupported means this keychain cannot be listed here.
var ErrListUnsupported error = &keyedError{"the keychain cannot be listed on this system", "secrets.err.list_unsupported"}

// listBackend is a backend that can list the accounts of a service.
type listBackend interface {
	List(service string) ([]string, error)
}

// List returns the accounts stored under the Keyring's service, sorted. It
// reads names only, never a secret, and is bounded by the same timeout.
func (k *Keyring) List(ctx context.Context) ([]string, error) {
	lb, ok := k.kr.(listBackend)
	if !ok {
		return nil, ErrListUnsupported
	}
	var out []string
	err := k.do(ctx, "list", "*", func() error {
		var err error
		out, err = lb.List(k.service)
		return err
	})
	if errors.Is(err, ErrListUnsupported) {
		return nil, ErrListUnsupported
	}
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// List lists go-keyring's items of service with the platform's own means.
func (goKeyring) List(service string) ([]string, error) { return listAccounts(service) }

// List returns the stored accounts, sorted, like Keyring.List.
func (m *Memory) List(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if m.Fail != nil {
		if err := m.Fail("list", "*"); err != nil {
			return nil, err
		}
	}
	return m.Accounts(), nil
}

// ProfileOf returns the profile an account made by Account belongs to, and
// false for any other account (a proxy password, another program's item).
func ProfileOf(account string) (string, bool) {
	for _, k := range []Kind{ClientSecret, RefreshToken} {
		if name, ok := strings.CutSuffix(account, ":"+string(k)); ok && name != "" {
			return name, true
		}
	}
	return "", false
}
