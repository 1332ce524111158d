package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// realKeyringEnv enables TestRealSecretService. scripts/with-keyring.sh sets
// it after starting a private, unlocked gnome-keyring.
const realKeyringEnv = "SFCONNECT_REAL_KEYRING"

// TestRealSecretService runs the whole Store contract against the real OS
// keychain (on Linux: the Secret Service on the session bus).
//
//	scripts/with-keyring.sh go test -run TestRealSecretService -v ./internal/secrets/
func TestRealSecretService(t *testing.T) {
	if os.Getenv(realKeyringEnv) != "1" {
		t.Skip("set " + realKeyringEnv + "=1 to test the real keychain (scripts/with-keyring.sh does, with a private gnome-keyring)")
	}
	ctx := context.Background()
	// A generous timeout: the first call may create and unlock the keyring.
	k := NewKeyring(fmt.Sprintf("sfconnect-test-%d", os.Getpid()), 30*time.Second)
	acct := Account("real-test", RefreshToken)
	t.Cleanup(func() { _ = k.Delete(context.Background(), acct) })

	assertRoundTrip(t, ctx, k, acct, "5Aep861first.token!", "second/値==")

	limit := Limit(k.Service(), acct)
	atLimit := strings.Repeat("z", limit)
	if err := k.Set(ctx, acct, atLimit); err != nil {
		t.Fatalf("Set of %d bytes (the limit): %v", limit, err)
	}
	if got, err := k.Get(ctx, acct); err != nil || got != atLimit {
		t.Fatalf("Get of the limit-sized secret: %d bytes, %v", len(got), err)
	}
	if err := k.Set(ctx, acct, atLimit+"z"); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Set of limit+1 bytes: err = %v, want ErrTooLarge", err)
	}
	if got, _ := k.Get(ctx, acct); got != atLimit {
		t.Fatalf("a refused Set changed the stored secret")
	}
}

// TestRealKeyringAbandonedCallsKeepOrder abandons almost every call to the
// real keychain after a microsecond, while they still run: the calls must
// still reach the keychain one at a time and in order, so the last call
// made decides what the keychain holds.
func TestRealKeyringAbandonedCallsKeepOrder(t *testing.T) {
	if os.Getenv(realKeyringEnv) != "1" {
		t.Skip("set " + realKeyringEnv + "=1 to test the real keychain (scripts/with-keyring.sh does, with a private gnome-keyring)")
	}
	service := fmt.Sprintf("sfconnect-order-%d", os.Getpid())
	hasty := NewKeyring(service, time.Microsecond)
	patient := NewKeyring(service, 30*time.Second)
	acct := Account("real-order", ClientSecret)
	t.Cleanup(func() { _ = patient.Delete(context.Background(), acct) })
	ctx := context.Background()
	for i := range 30 {
		if i%2 == 0 {
			_ = hasty.Set(ctx, acct, fmt.Sprint("value-", i))
		} else {
			_ = hasty.Delete(ctx, acct)
		}
	}
	_ = hasty.Set(ctx, acct, "the-last-value")
	fctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := Flush(fctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	if got, err := patient.Get(ctx, acct); err != nil || got != "the-last-value" {
		t.Fatalf("keychain holds %q (%v), want the value of the last call", got, err)
	}
}

// helperEnv makes TestUnavailableHelper do its work in a child process.
const helperEnv = "SFCONNECT_SECRETS_HELPER"

// TestUnavailableWithoutSecretService runs the real go-keyring in a child
// process whose session bus address points nowhere, and checks that the
// failure is an *UnavailableError (no plain-text fallback, no raw error).
// A child process is needed because go-keyring's mock, once installed by
// other tests, is process-global.
func TestUnavailableWithoutSecretService(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the D-Bus Secret Service is Linux-only")
	}
	bus := "unix:path=" + filepath.Join(t.TempDir(), "no-bus")
	cmd := exec.Command(os.Args[0], "-test.run=^TestUnavailableHelper$", "-test.v")
	// An explicit, dead bus address: godbus must not autolaunch a real bus.
	cmd.Env = append(os.Environ(), helperEnv+"=1", "DBUS_SESSION_BUS_ADDRESS="+bus, realKeyringEnv+"=")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "helper: ok") {
		t.Fatalf("helper failed: %v\n%s", err, out)
	}
}

// TestUnavailableHelper is the child side of
// TestUnavailableWithoutSecretService; it does nothing in a normal run.
func TestUnavailableHelper(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("child process of TestUnavailableWithoutSecretService")
	}
	k := NewKeyring("sfconnect-test", 30*time.Second)
	ctx := context.Background()
	_, gerr := k.Get(ctx, "a:client_secret")
	for op, err := range map[string]error{"get": gerr, "set": k.Set(ctx, "a:client_secret", "hunter2-secret"), "delete": k.Delete(ctx, "a:client_secret")} {
		var ue *UnavailableError
		if !errors.As(err, &ue) || keyOf(err) != "secrets.err.unavailable_linux" {
			t.Fatalf("%s: err = %v, want *UnavailableError", op, err)
		}
		if strings.Contains(err.Error(), "hunter2-secret") {
			t.Fatalf("%s: error contains the secret", op)
		}
	}
	fmt.Println("helper: ok")
}
