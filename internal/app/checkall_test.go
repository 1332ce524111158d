package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

// addCopy imports profile name again as copy, its login URL replaced: a
// connection whose Salesforce is elsewhere.
func addCopy(t *testing.T, h *harness, name, copy, loginURL string) {
	t.Helper()
	var buf bytes.Buffer
	if err := h.svc.Export(context.Background(), name, true, &buf); err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	f["salesforce"].(map[string]any)["login_url"] = loginURL
	b, _ := json.Marshal(f)
	if _, err := h.svc.Import(context.Background(), bytes.NewReader(b), copy); err != nil {
		t.Fatal(err)
	}
}

func TestCheckAllTellsLiveDeadAndUnreachable(t *testing.T) {
	h := connected(t, nil) // "prod"
	ctx := context.Background()
	if _, err := h.svc.Connect(ctx, "revoked", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	h.browser.Wait(t)
	gone, _ := h.svc.Secrets(ctx, "revoked")
	console := oauthflow.Config{LoginURL: h.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret, RedirectURL: h.callback}
	if err := oauthflow.Revoke(ctx, console, gone.RefreshToken); err != nil {
		t.Fatal(err)
	}
	addCopy(t, h, "prod", "unreachable", testkit.ClosedURL(t))
	refreshes := len(h.sim.EventsOf("refresh"))

	all, err := h.svc.CheckAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]app.ConnectionHealth{}
	for _, c := range all {
		got[c.Profile.Name] = c
	}
	if len(all) != 3 || all[0].Profile.Name != "prod" || all[2].Profile.Name != "unreachable" {
		t.Fatalf("order: %v", all)
	}
	if c := got["prod"]; c.State != app.TokenAlive || c.Username != sfsim.DemoUsername || c.Cause() != nil || c.CheckedAt.IsZero() {
		t.Errorf("prod = %+v", c)
	}
	if c := got["revoked"]; c.State != app.TokenDead || c.Cause() == nil || c.Err != nil {
		t.Errorf("revoked = %+v", c)
	} else if text := i18n.New("en").Error(c.Cause()); !strings.Contains(text, "Re-authorize") || !strings.Contains(text, "sixth time") {
		t.Errorf("cause: %q", text)
	}
	if c := got["unreachable"]; c.State != app.TokenUnknown || c.Reason == nil || c.Cause() != nil {
		t.Errorf("unreachable = %+v", c)
	} else if text := i18n.New("en").Error(c.Reason); !strings.Contains(text, "127.0.0.1") {
		t.Errorf("reason: %q", text)
	}
	if len(h.sim.EventsOf("refresh")) != refreshes {
		t.Error("a check used a refresh token")
	}
}

// With rotation seen on, a dead copy may be harmless: the cause says so.
func TestDeadTokenWithRotationSaysTheConsoleMayHoldANewerOne(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	h.sim.SetRotation(true)
	if _, err := h.svc.VerifyDeep(ctx, "prod", nil); err != nil { // records rotation
		t.Fatal(err)
	}
	sec, _ := h.svc.Secrets(ctx, "prod")
	console := oauthflow.Config{LoginURL: h.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret, RedirectURL: h.callback}
	if _, err := oauthflow.Refresh(ctx, console, sec.RefreshToken); err != nil { // the console's sync
		t.Fatal(err)
	}
	all, err := h.svc.CheckAll(ctx)
	if err != nil || len(all) != 1 || all[0].State != app.TokenDead {
		t.Fatalf("CheckAll = %+v, %v", all, err)
	}
	if text := i18n.New("ja").Error(all[0].Cause()); !strings.Contains(text, "ローテーション") {
		t.Errorf("cause: %q", text)
	}
}

// A host that takes the connection and never answers is unknown after the
// check's own limit, without holding up the others.
func TestCheckOfASilentHostEndsAsUnknown(t *testing.T) {
	h := connected(t, nil)
	silent := testkit.Silent(t)
	addCopy(t, h, "prod", "silent", "http://"+silent)
	app.SetCheckTimeout(h.svc, 300*time.Millisecond)
	all, err := h.svc.CheckAll(context.Background())
	if err != nil || len(all) != 2 {
		t.Fatalf("CheckAll = %v, %v", all, err)
	}
	if all[0].State != app.TokenAlive || all[1].State != app.TokenUnknown || all[1].Reason == nil {
		t.Errorf("states %v, %v (%v)", all[0].State, all[1].State, all[1].Reason)
	}
	want := i18n.New("en").T("app.net.err.slow", map[string]any{"Host": silent})
	if text := i18n.New("en").Error(all[1].Reason); text != want {
		t.Errorf("the timeout reads %q, want %q", text, want)
	}
}

// A missing keychain entry is a local error of that connection only.
func TestCheckAllReportsAKeychainFailurePerConnection(t *testing.T) {
	h := connected(t, nil)
	addCopy(t, h, "prod", "copy", h.simURL)
	if err := h.store.Delete(context.Background(), "copy:refresh_token"); err != nil {
		t.Fatal(err)
	}
	all, err := h.svc.CheckAll(context.Background())
	if err != nil || len(all) != 2 {
		t.Fatalf("CheckAll = %v, %v", all, err)
	}
	if all[0].Err == nil || all[0].Profile.Name != "copy" || all[1].State != app.TokenAlive {
		t.Errorf("copy: %+v; prod: %v", all[0], all[1].State)
	}
}

// Salesforce is reachable only through a proxy that wants a password. A
// connection saved through it is checked through it (the password from the
// keychain) after the proxy is no longer in force; one saved without
// settings (an import: exports carry none) goes the way in force; a saved
// setting that no longer works is that connection's own error.
func TestCheckGoesTheWayEachConnectionWasSaved(t *testing.T) {
	o := newReachOrg(t)
	ctx := context.Background()
	proxyOnly := nettest.Direct(o.sf)
	proxyOnly.DialContext, proxyOnly.LookupHost = proxytest.Hosts{}.DialContext, proxytest.Hosts{}.LookupHost
	o.svc = app.New(app.Deps{Profiles: &profile.Store{Dir: o.dir}, Secrets: o.store, OpenBrowser: o.browser.Open, Net: proxyOnly})
	corp := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: o.sf.DialContext, User: "taro", Password: "right"})
	if err := o.svc.SetProxyPassword(ctx, "taro", "right"); err != nil {
		t.Fatal(err)
	}
	viaCorp := netproxy.Settings{Proxy: corp.URL, ProxyUser: "taro"}
	o.use(viaCorp)
	if _, err := o.connect(); err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := o.svc.Export(ctx, "prod", true, &file); err != nil {
		t.Fatal(err)
	}
	if _, err := o.svc.Import(ctx, &file, "imported"); err != nil {
		t.Fatal(err)
	}
	states := func() map[string]app.ConnectionHealth {
		t.Helper()
		all, err := o.svc.CheckAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]app.ConnectionHealth{}
		for _, c := range all {
			got[c.Profile.Name] = c
		}
		return got
	}

	o.use(netproxy.Settings{}) // Settings cleared: nothing in force reaches Salesforce
	before := corp.Connects()
	got := states()
	if c := got["prod"]; c.State != app.TokenAlive || c.Err != nil {
		t.Errorf("prod, saved through the proxy: %v (%v, %v)", c.State, c.Reason, c.Err)
	}
	if c := got["imported"]; c.State != app.TokenUnknown {
		t.Errorf("imported, no settings: %v", c.State)
	} else {
		says(t, c.Reason, "app.net.err.dns", "acme.my.salesforce.com")
	}
	if corp.Connects() != before+1 || corp.Denied() != 0 {
		t.Errorf("the proxy tunneled %d and denied %d, want prod's tunnel only", corp.Connects()-before, corp.Denied())
	}

	o.use(viaCorp)
	if c := states()["imported"]; c.State != app.TokenAlive {
		t.Errorf("imported, the proxy in force: %v (%v)", c.State, c.Reason)
	}

	store := &profile.Store{Dir: o.dir}
	p, _ := store.Load("prod")
	p.Network.CAFile = filepath.Join(t.TempDir(), "gone.pem")
	if err := store.Save(p); err != nil {
		t.Fatal(err)
	}
	var ca *netproxy.CAFileError
	if c := states()["prod"]; !errors.As(c.Err, &ca) || c.CheckedAt.IsZero() {
		t.Errorf("a saved CA file that is gone: %+v", c)
	}
}
