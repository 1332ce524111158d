package secrets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// Memory must satisfy the same interface as Keyring.
var _ Store = (*Memory)(nil)
var _ Store = (*Keyring)(nil)

func TestMemoryContract(t *testing.T) {
	ctx := context.Background()
	m := NewMemory()
	acct := Account("acme", ClientSecret)
	if _, err := m.Get(ctx, acct); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get missing: %v", err)
	}
	if err := m.Set(ctx, acct, "v1"); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(ctx, acct, "v2"); err != nil {
		t.Fatal(err)
	}
	if got, err := m.Get(ctx, acct); got != "v2" || err != nil {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if err := m.Set(ctx, acct, strings.Repeat("x", WindowsBlobLimit+1)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("oversized Set: %v", err)
	}
	if err := m.Delete(ctx, acct); err != nil {
		t.Fatal(err)
	}
	if err := m.Delete(ctx, acct); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Delete missing: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := m.Set(cctx, acct, "x"); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Set: %v", err)
	}
	m.Fail = func(op, account string) error {
		return &UnavailableError{Op: op, GOOS: "linux", Err: errors.New("locked")}
	}
	if _, err := m.Get(ctx, acct); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Fail hook ignored: %v", err)
	}
}

func TestMemoryConcurrent(t *testing.T) {
	ctx := context.Background()
	var m Memory // the zero value is usable too
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acct := Account(fmt.Sprint("p", i), RefreshToken)
			for j := range 50 {
				want := fmt.Sprint(j)
				if err := m.Set(ctx, acct, want); err != nil {
					t.Error(err)
					return
				}
				if got, err := m.Get(ctx, acct); err != nil || got != want {
					t.Errorf("Get = %q, %v; want %q", got, err, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := len(m.Accounts()); n != 16 {
		t.Fatalf("%d accounts, want 16", n)
	}
}
