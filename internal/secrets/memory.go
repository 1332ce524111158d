package secrets

import (
	"context"
	"sort"
	"sync"
)

// Memory is an in-memory Store for unit tests of other packages.
//
// NOT FOR PRODUCTION: secrets live in process memory only and vanish on
// exit. It behaves like Keyring where tests care: the same size check
// (*TooLargeError), ErrNotFound for missing accounts, ctx errors before any
// work, and it is safe for concurrent use.
type Memory struct {
	// Fail, when set, is called before every operation ("get", "set",
	// "delete"); a non-nil result is returned instead of doing it. Tests use
	// it to simulate a locked keychain or a timeout.
	Fail func(op, account string) error

	mu      sync.Mutex
	secrets map[string]string
}

// NewMemory returns an empty Memory store.
func NewMemory() *Memory {
	return &Memory{secrets: make(map[string]string)}
}

// Get returns the secret for account.
func (m *Memory) Get(ctx context.Context, account string) (string, error) {
	if err := m.check(ctx, "get", account); err != nil {
		return "", err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.secrets[account]
	if !ok {
		return "", &notFoundError{op: "get", account: account}
	}
	return s, nil
}

// Set stores secret for account, applying the same Limit as Keyring.
func (m *Memory) Set(ctx context.Context, account, secret string) error {
	if err := m.check(ctx, "set", account); err != nil {
		return err
	}
	if err := checkSize(DefaultService, account, secret); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.secrets == nil {
		m.secrets = make(map[string]string)
	}
	m.secrets[account] = secret
	return nil
}

// Delete removes the secret for account.
func (m *Memory) Delete(ctx context.Context, account string) error {
	if err := m.check(ctx, "delete", account); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.secrets[account]; !ok {
		return &notFoundError{op: "delete", account: account}
	}
	delete(m.secrets, account)
	return nil
}

// Accounts returns the stored account names, sorted, for assertions.
func (m *Memory) Accounts() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.secrets))
	for a := range m.secrets {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

func (m *Memory) check(ctx context.Context, op, account string) error {
	if account == "" {
		return errEmptyAccount
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if m.Fail != nil {
		return m.Fail(op, account)
	}
	return nil
}
