package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/secrets/secretstest"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// At exit the CLI waits for a keychain write that timed out but still runs,
// says so, and says when the keychain never finished.
func TestExitWaitsForPendingKeychainCalls(t *testing.T) {
	b := secretstest.New()
	kr := secrets.NewKeyringOn(b, "settle-"+t.Name(), 10*time.Millisecond)
	acct := secrets.Account("prod", secrets.RefreshToken)
	release := b.Hold("set", acct)
	defer release()
	if err := kr.Set(context.Background(), acct, "late"); !errors.Is(err, secrets.ErrTimeout) {
		t.Fatalf("Set: %v, want a timeout", err)
	}
	errOut := &testkit.SyncBuffer{}
	e := &env{stderr: errOut, loc: i18n.New("en")}

	e.settleKeychain(10*time.Millisecond, 20*time.Millisecond)
	if out := errOut.String(); !strings.Contains(out, "Waiting for the keychain") || !strings.Contains(out, "did not finish in time") {
		t.Fatalf("a keychain that never answers: stderr %q", out)
	}

	errOut = &testkit.SyncBuffer{}
	e.stderr = errOut
	time.AfterFunc(50*time.Millisecond, release)
	e.settleKeychain(10*time.Millisecond, 20*time.Second)
	if out := errOut.String(); !strings.Contains(out, "Waiting for the keychain") || strings.Contains(out, "did not finish") {
		t.Fatalf("a keychain that answers late: stderr %q", out)
	}
	if v, _ := b.Value(kr.Service(), acct); v != "late" {
		t.Errorf("the pending write did not finish before exit: %q", v)
	}

	errOut = &testkit.SyncBuffer{}
	e.stderr = errOut
	e.settleKeychain(10*time.Millisecond, 20*time.Second)
	if out := errOut.String(); out != "" {
		t.Errorf("nothing pending, yet stderr %q", out)
	}
}
