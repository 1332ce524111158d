package app_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// TestRealKeychainFullLogin runs the whole flow with the OS keychain (on
// Linux the Secret Service: run it under scripts/with-keyring.sh).
func TestRealKeychainFullLogin(t *testing.T) {
	if os.Getenv("SFCONNECT_REAL_KEYRING") != "1" {
		t.Skip("set SFCONNECT_REAL_KEYRING=1 (scripts/with-keyring.sh does) to use the real keychain")
	}
	h := newHarness(t, nil)
	kr := secrets.NewKeyring(fmt.Sprintf("sfconnect-test-%d", time.Now().UnixNano()), 10*time.Second)
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: kr, OpenBrowser: h.browser.Open})
	ctx := context.Background()
	if _, err := svc.Connect(ctx, "real", h.input(), h.fields(), nil); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	got, err := kr.Get(ctx, secrets.Account("real", secrets.RefreshToken))
	issued := h.sim.IssuedRefreshTokens()
	if err != nil || got != issued[len(issued)-1] {
		t.Fatalf("keychain refresh token: err %v, matches %v", err, got == issued[len(issued)-1])
	}
	if hits := filesContaining(t, h.dir, got, sfsim.DemoClientSecret); len(hits) > 0 {
		t.Errorf("secrets in the config dir: %v", hits)
	}
	if err := svc.Delete(ctx, "real", true, nil); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := kr.Get(ctx, secrets.Account("real", secrets.ClientSecret)); err == nil {
		t.Error("client secret still in the keychain after delete")
	}
}

// TestChromiumCompletesTheFlow lets Debian's Chromium follow Salesforce's
// redirect to the loopback callback, as the admin's browser would.
func TestChromiumCompletesTheFlow(t *testing.T) {
	chromium := os.Getenv("SFCONNECT_CHROMIUM")
	if chromium == "" {
		t.Skip("set SFCONNECT_CHROMIUM to a chromium binary (scripts/test.sh does)")
	}
	h := newHarness(t, nil)
	out := &testkit.SyncBuffer{}
	exited := make(chan struct{})
	profileDir := t.TempDir()
	var cmd *exec.Cmd
	open := func(u *url.URL) error {
		cmd = exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+profileDir, "--virtual-time-budget=5000", "--dump-dom", u.String())
		cmd.Stdout = out
		if err := cmd.Start(); err != nil {
			return err
		}
		go func() { _ = cmd.Wait(); close(exited) }()
		return nil
	}
	// Chromium must be gone before its profile dir is removed.
	t.Cleanup(func() {
		if cmd != nil && cmd.Process != nil {
			select {
			case <-exited:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
			}
		}
	})
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: h.store, OpenBrowser: open, Lang: "ja"})
	in := h.input()
	in.Timeout = 60 * time.Second
	c, err := svc.Connect(context.Background(), "chromium", in, h.fields(), nil)
	if err != nil {
		t.Fatalf("Connect with Chromium: %v", err)
	}
	if c.Profile.Username != sfsim.DemoUsername {
		t.Errorf("username = %q", c.Profile.Username)
	}
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		t.Fatal("Chromium did not finish")
	}
	if !strings.Contains(out.String(), "Salesforce にログインしました") {
		t.Errorf("Chromium did not show the Japanese success page; DOM:\n%s", out.String())
	}
}
