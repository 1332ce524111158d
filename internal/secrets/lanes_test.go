package secrets

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/secrets/secretstest"
)

// lateKeyring is a Keyring with a short timeout over a keychain whose calls
// can be held, under a service of its own so tests do not share lanes.
func lateKeyring(t *testing.T) (*Keyring, *secretstest.Backend) {
	t.Helper()
	b := secretstest.New()
	k := NewKeyringOn(b, "late-"+t.Name(), 20*time.Millisecond)
	return k, b
}

// flush waits (bounded) for every pending keychain call to finish.
func flush(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
}

// A Set that times out (an unlock prompt nobody has answered yet) and is
// then rolled back must stay rolled back when the keychain finally answers,
// whether the rollback is a Delete (new profile) or a Set of the old value
// (re-authorization).
func TestLateWriteCannotOutliveItsRollback(t *testing.T) {
	tests := []struct {
		name     string
		old      string // "" = nothing stored before
		rollback func(k *Keyring, acct string) error
		wantCall string
	}{
		{"new entry deleted", "", func(k *Keyring, acct string) error { return k.Delete(context.Background(), acct) }, "delete"},
		{"old value restored", "old-token", func(k *Keyring, acct string) error { return k.Set(context.Background(), acct, "old-token") }, "set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, b := lateKeyring(t)
			acct := Account("acme", RefreshToken)
			if tt.old != "" {
				b.Put(k.Service(), acct, tt.old)
			}
			release := b.Hold("set", acct)
			defer release()

			if err := k.Set(context.Background(), acct, "new-token"); !errors.Is(err, ErrTimeout) {
				t.Fatalf("held Set: err = %v, want ErrTimeout", err)
			}
			// The rollback queues behind the write that is still running.
			if err := tt.rollback(k, acct); !errors.Is(err, ErrTimeout) {
				t.Fatalf("rollback behind the late write: err = %v, want ErrTimeout", err)
			}
			// A read while both wait: its caller gives up, so it is dropped.
			if _, err := k.Get(context.Background(), acct); !errors.Is(err, ErrTimeout) {
				t.Fatalf("Get behind them: err = %v, want ErrTimeout", err)
			}
			release() // the keychain answers at last
			flush(t)

			v, ok := b.Value(k.Service(), acct)
			if tt.old == "" && ok {
				t.Errorf("the late write resurrected the entry (%d bytes)", len(v))
			}
			if tt.old != "" && v != tt.old {
				t.Errorf("keychain holds %q, want the restored %q", v, tt.old)
			}
			want := []string{"set " + acct, tt.wantCall + " " + acct}
			if got := b.Calls(); !slices.Equal(got, want) {
				t.Errorf("calls = %q, want %q (in order, the abandoned read dropped)", got, want)
			}
		})
	}
}

// Under concurrent callers with timeouts that abandon calls mid-flight,
// calls on one account never overlap and run in the order they were made,
// so the last one made decides the keychain's final state.
func TestCallsOnOneAccountRunInOrder(t *testing.T) {
	k, b := lateKeyring(t)
	k.timeout = time.Microsecond // most callers give up; their calls still run
	acct := Account("acme", ClientSecret)
	var mu sync.Mutex // serializes issuing, so "the order they were made" is defined
	for i := range 200 {
		mu.Lock()
		if i%3 == 2 {
			_ = k.Delete(context.Background(), acct)
		} else {
			_ = k.Set(context.Background(), acct, fmt.Sprint("v", i))
		}
		mu.Unlock()
	}
	_ = k.Set(context.Background(), acct, "last")
	flush(t)
	if n := b.Overlaps(); n != 0 {
		t.Errorf("%d calls on the same account overlapped", n)
	}
	if v, _ := b.Value(k.Service(), acct); v != "last" {
		t.Errorf("final value %q, want the last one set", v)
	}
	var writes []string
	for _, c := range b.Calls() {
		if c != "get "+acct {
			writes = append(writes, c)
		}
	}
	if len(writes) != 201 {
		t.Errorf("%d writes reached the keychain, want all 201 (an abandoned write still runs)", len(writes))
	}
}

// Different accounts do not wait for each other.
func TestAccountsDoNotBlockEachOther(t *testing.T) {
	k, b := lateKeyring(t)
	k.timeout = 5 * time.Second
	held := Account("a", RefreshToken)
	release := b.Hold("set", held)
	defer release()
	go func() { _ = k.Set(context.Background(), held, "x") }()
	if err := k.Set(context.Background(), Account("b", RefreshToken), "y"); err != nil {
		t.Fatalf("Set on another account while one is held: %v", err)
	}
	release()
	flush(t)
}

// Flush reports a call still pending, and returns once it finished.
func TestFlushWaitsForAbandonedCalls(t *testing.T) {
	k, b := lateKeyring(t)
	acct := Account("acme", RefreshToken)
	release := b.Hold("set", acct)
	defer release()
	if err := k.Set(context.Background(), acct, "late"); !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := Flush(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Flush with a call pending: %v, want DeadlineExceeded", err)
	}
	release()
	flush(t)
	if v, _ := b.Value(k.Service(), acct); v != "late" {
		t.Errorf("the abandoned write did not land: %q", v)
	}
}
