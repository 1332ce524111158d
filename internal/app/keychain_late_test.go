package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/secrets/secretstest"
)

// lateKeychain is a harness whose keychain can hold a call past the
// Keyring's timeout, as an unanswered unlock prompt does on Linux.
func lateKeychain(t *testing.T) (*harness, *secrets.Keyring, *secretstest.Backend, *app.Service) {
	t.Helper()
	h := newHarness(t, nil)
	b := secretstest.New()
	kr := secrets.NewKeyringOn(b, "late-"+t.Name(), 100*time.Millisecond)
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: kr, OpenBrowser: h.browser.Open})
	return h, kr, b, svc
}

func flushKeychain(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := secrets.Flush(ctx); err != nil {
		t.Fatalf("keychain calls still pending: %v", err)
	}
}

// The refresh-token write times out during Save and lands later: it must
// not leave a secret behind for a profile that was never saved.
func TestSaveTimeoutLeavesNoLateSecret(t *testing.T) {
	h, kr, b, svc := lateKeychain(t)
	rt := secrets.Account("prod", secrets.RefreshToken)
	release := b.Hold("set", rt)
	defer release()

	_, err := svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
	if !errors.Is(err, secrets.ErrTimeout) {
		t.Fatalf("Connect: err = %v, want the keychain timeout", err)
	}
	release() // the unlock prompt is answered at last; the write lands
	flushKeychain(t)

	for _, k := range []secrets.Kind{secrets.ClientSecret, secrets.RefreshToken} {
		if _, ok := b.Value(kr.Service(), secrets.Account("prod", k)); ok {
			t.Errorf("the keychain holds %s of a profile that was not saved", k)
		}
	}
	h.assertNothingSaved()
	for _, tok := range h.sim.IssuedRefreshTokens() {
		if !h.sim.Revoked(tok) {
			t.Error("the unsaved refresh token was left alive")
		}
	}
}

// The same during a re-authorization: the keychain must end with the old,
// still valid, refresh token, not the new one that was revoked.
func TestReauthorizeTimeoutKeepsTheOldSecret(t *testing.T) {
	h, kr, b, svc := lateKeychain(t)
	ctx := context.Background()
	if _, err := svc.Connect(ctx, "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatalf("first Connect: %v", err)
	}
	h.browser.Wait(t)
	rt := secrets.Account("prod", secrets.RefreshToken)
	old, _ := b.Value(kr.Service(), rt)

	release := b.Hold("set", rt)
	defer release()
	ss, err := svc.Reauthorize(ctx, "prod", false, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := ss.OpenBrowser(); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Complete(ctx, ss, "prod", h.fields(), nil); !errors.Is(err, secrets.ErrTimeout) {
		t.Fatalf("re-authorization: err = %v, want the keychain timeout", err)
	}
	release()
	flushKeychain(t)

	if got, _ := b.Value(kr.Service(), rt); got != old || old == "" {
		t.Errorf("keychain refresh token changed (restored: %v)", got == old)
	}
	if h.sim.Revoked(old) {
		t.Error("the old refresh token was revoked")
	}
	if _, err := svc.Load(ctx, "prod"); err != nil {
		t.Errorf("the profile is gone: %v", err)
	}
}
