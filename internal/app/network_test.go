package app_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

func TestAConnectionRemembersTheNetworkItWasMadeWith(t *testing.T) {
	h := newHarness(t, nil)
	ca := proxytest.NewCA(t, "Corp Root").WriteFile(t, t.TempDir())
	set := netproxy.Settings{Proxy: "http://proxy.corp.example:8080", ProxyUser: "taro", CAFile: ca}
	ctx := context.Background()
	if err := h.svc.SetNetwork(ctx, set); err != nil {
		t.Fatal(err)
	}
	// The simulator is on loopback: the proxy is not used to reach it.
	if _, err := h.svc.Connect(ctx, "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	p, err := h.svc.Load(ctx, "prod")
	if err != nil {
		t.Fatal(err)
	}
	if got := app.NetworkOf(p); got != set {
		t.Errorf("profile network = %+v, want %+v", got, set)
	}
}

func TestABadNetworkSettingIsRefusedAndTheOldOneStays(t *testing.T) {
	h := newHarness(t, nil)
	ctx := context.Background()
	good := netproxy.Settings{Proxy: "direct"}
	if err := h.svc.SetNetwork(ctx, good); err != nil {
		t.Fatal(err)
	}
	err := h.svc.SetNetwork(ctx, netproxy.Settings{CAFile: "/nonexistent/corp.pem"})
	var ce *netproxy.CAFileError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *CAFileError", err)
	}
	if got := h.svc.Network(); got != good {
		t.Errorf("network = %+v after a refused change", got)
	}
}

func TestTheProxyPasswordLivesInTheKeychain(t *testing.T) {
	h := newHarness(t, nil)
	ctx := context.Background()
	if err := h.svc.SetProxyPassword(ctx, "taro", "pässword"); err != nil {
		t.Fatal(err)
	}
	if got, _ := h.store.Get(ctx, secrets.ProxyAccount("taro")); got != "pässword" {
		t.Errorf("keychain holds %q", got)
	}
	if ok, err := h.svc.HasProxyPassword(ctx, "taro"); !ok || err != nil {
		t.Errorf("HasProxyPassword = %v, %v", ok, err)
	}
	if err := h.svc.SetProxyPassword(ctx, "taro", ""); err != nil {
		t.Fatal(err)
	}
	if ok, _ := h.svc.HasProxyPassword(ctx, "taro"); ok {
		t.Error("an empty password did not delete the entry")
	}
	if err := h.svc.SetProxyPassword(ctx, " ", "x"); err == nil {
		t.Error("a password without a user was accepted")
	}
}

// TestRealKeychainProxyPassword keeps the proxy password in the OS keychain
// (the Secret Service under scripts/with-keyring.sh) and gets through a
// proxy that requires it.
func TestRealKeychainProxyPassword(t *testing.T) {
	if os.Getenv("SFCONNECT_REAL_KEYRING") != "1" {
		t.Skip("set SFCONNECT_REAL_KEYRING=1 (scripts/with-keyring.sh does) to use the real keychain")
	}
	c := newCorpNet(t)
	kr := secrets.NewKeyring(fmt.Sprintf("sfconnect-test-%d", time.Now().UnixNano()), 10*time.Second)
	proxy := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: c.sf.Hosts, User: "taro", Password: "ぱすわーど"})
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: t.TempDir()}, Secrets: kr, Net: nettest.Direct(c.sf)})
	ctx := context.Background()
	if err := svc.SetProxyPassword(ctx, "taro", "ぱすわーど"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.SetProxyPassword(ctx, "taro", "") })
	if err := svc.SetNetwork(ctx, netproxy.Settings{Proxy: proxy.URL, ProxyUser: "taro"}); err != nil {
		t.Fatal(err)
	}
	p := c.run(svc)
	want(t, p, map[string]string{app.CheckHTTPS: "pass app.preflight.https.ok"})
	if proxy.Connects() != 1 {
		t.Errorf("tunnels: %d", proxy.Connects())
	}
}
