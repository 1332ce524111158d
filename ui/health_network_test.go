package ui

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// slowNetBackend is fakeBackend with a network side whose SetNetwork blocks
// until the test releases it, as reading a CA file or the keychain for the
// proxy password may; a CheckOne before that is recorded.
type slowNetBackend struct {
	*fakeBackend
	entered, release chan struct{}
	applied          atomic.Bool
	early            atomic.Int32 // CheckOne calls before SetNetwork returned
}

func (b *slowNetBackend) SetNetwork(ctx context.Context, _ app.NetworkSettings) error {
	b.entered <- struct{}{}
	select {
	case <-b.release:
	case <-ctx.Done():
	}
	b.applied.Store(true)
	return ctx.Err()
}

func (b *slowNetBackend) CheckOne(ctx context.Context, p profile.Profile) app.ConnectionHealth {
	if !b.applied.Load() {
		b.early.Add(1)
	}
	return b.fakeBackend.CheckOne(ctx, p)
}

func (b *slowNetBackend) SetProxyPassword(context.Context, string, string) error { return nil }
func (b *slowNetBackend) HasProxyPassword(context.Context, string) (bool, error) {
	return false, nil
}
func (b *slowNetBackend) Preflight(context.Context, app.PreflightInput) *app.Preflight { return nil }
func (b *slowNetBackend) PreflightProfile(context.Context, string) (*app.Preflight, error) {
	return nil, nil
}

// Home's checks at start wait until the saved network settings (a proxy, a
// CA file) are in force: checked before, a connection behind them would
// read "unknown".
func TestHomeChecksWaitForTheNetworkSettings(t *testing.T) {
	b := &slowNetBackend{fakeBackend: &fakeBackend{profiles: goldenProfiles(), checked: make(chan string, 8)},
		entered: make(chan struct{}, 1), release: make(chan struct{})}
	u, loop := newWindow(t, Options{Backend: b}, map[string]string{prefLanguage: "en", prefProxy: "http://proxy.corp:8080"})
	select {
	case <-b.entered:
	case <-time.After(30 * time.Second):
		t.Fatal("the settings were never applied")
	}
	// A check started with Home would run now, while SetNetwork blocks:
	// give it the time it would take, then let the settings through.
	select {
	case name := <-b.checked:
		t.Errorf("%s was checked before the network settings were in force", name)
	case <-time.After(300 * time.Millisecond):
	}
	loop.drain()
	if got := statusOf(u, "acme"); got != i18n.New("en").T("ui.health.checking") {
		t.Errorf("while the settings are applied, acme reads %q", got)
	}
	close(b.release)
	loop.waitFor(t, "the checks", func() bool { return u.checksDone() && statusOf(u, "acme") == i18n.New("en").T("ui.health.alive") })
	if n := b.early.Load(); n != 0 {
		t.Errorf("%d checks ran before the network settings were in force", n)
	}
}
