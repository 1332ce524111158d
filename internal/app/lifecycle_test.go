package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

func connected(t *testing.T, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	h := newHarness(t, mutate)
	if _, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	h.browser.Wait(t)
	return h
}

func TestReauthorizeReusesTheKeychainAndReplacesTheToken(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	before, _ := h.svc.Secrets(ctx, "prod")
	ss, err := h.svc.Reauthorize(ctx, "prod", true, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ss.AuthURL(), "prompt=login") {
		t.Errorf("authorize URL %q lacks prompt=login", ss.AuthURL())
	}
	if err := ss.OpenBrowser(); err != nil {
		t.Fatal(err)
	}
	old, _ := h.svc.Load(ctx, "prod")
	if _, err := h.svc.Complete(ctx, ss, "prod", app.FieldsOf(old), nil); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	after, _ := h.svc.Secrets(ctx, "prod")
	if after.RefreshToken == before.RefreshToken || after.ClientSecret != before.ClientSecret {
		t.Error("reauthorize did not replace the refresh token, or lost the client secret")
	}
	p, _ := h.svc.Load(ctx, "prod")
	if p.MatchingAttribute != "Email" || p.AssetID != "sf-prod" {
		t.Errorf("reauthorize lost the console fields: %+v", p)
	}
}

func TestVerifyASavedConnection(t *testing.T) {
	h := connected(t, nil)
	refreshes := len(h.sim.EventsOf("refresh"))
	r, err := h.svc.Verify(context.Background(), "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failed()) != 0 || len(r.Checks) != 2 || r.Checks[0].ID != "token" || r.Checks[0].Status != app.Pass ||
		r.Identity.Username != sfsim.DemoUsername || r.Deep {
		t.Errorf("report = %+v, want the token alive and the scopes granted", r)
	}
	if len(h.sim.EventsOf("refresh")) != refreshes {
		t.Error("Verify refreshed the token")
	}
	// The deep check uses the token and sees the permissions.
	h.sim.SetManageUsers(false)
	r, err = h.svc.VerifyDeep(context.Background(), "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Failed(); len(f) != 1 || f[0].ID != "manage_users" || !r.Deep {
		t.Errorf("failed = %+v, want manage_users", f)
	}
}

func TestRotationIsDetectedAndTheTokenIsNotRefreshedAgain(t *testing.T) {
	h := newHarness(t, func(o *sfsim.Options) { o.Rotation = true })
	c, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Report.Rotation || !c.Profile.RefreshRotation {
		t.Fatal("rotation not detected")
	}
	sec, _ := h.svc.Secrets(context.Background(), "prod")
	issued := h.sim.IssuedRefreshTokens()
	if sec.RefreshToken != issued[len(issued)-1] || h.sim.Revoked(sec.RefreshToken) {
		t.Fatal("the kept refresh token is not the live, newest one")
	}
	before := len(h.sim.EventsOf("refresh"))
	r, err := h.svc.Verify(context.Background(), "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.sim.EventsOf("refresh")) != before {
		t.Error("Verify refreshed a rotating token: the exported one would die")
	}
	if len(r.Failed()) != 0 || r.Checks[0].Status != app.Pass || !r.Rotation {
		t.Errorf("checks = %+v, want the token alive, rotation known", r.Checks)
	}
}

func TestExportOmitsSecretsUnlessAskedAndImportRoundTrips(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	var plain, full bytes.Buffer
	if err := h.svc.Export(ctx, "prod", false, &plain); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), `"client_secret":`) || strings.Contains(plain.String(), `"refresh_token":`) {
		t.Errorf("export without secrets holds secret keys:\n%s", plain.String())
	}
	if err := h.svc.Export(ctx, "prod", true, &full); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Format     string
		Connection map[string]any
	}
	if err := json.Unmarshal(full.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	sec, _ := h.svc.Secrets(ctx, "prod")
	if doc.Format != "sfconnect-profile" || doc.Connection["refresh_token"] != sec.RefreshToken ||
		doc.Connection["client_secret"] != sfsim.DemoClientSecret {
		t.Errorf("export with secrets = %s", full.String())
	}

	path := filepath.Join(t.TempDir(), "out.json")
	if err := h.svc.ExportFile(ctx, "prod", true, path); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("export file mode = %v, %v; want 0600", st.Mode().Perm(), err)
	}

	if _, err := h.svc.Import(ctx, bytes.NewReader(full.Bytes()), ""); err == nil {
		t.Error("import over an existing profile succeeded")
	}
	got, err := h.svc.Import(ctx, bytes.NewReader(full.Bytes()), "copy")
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := h.svc.Load(ctx, "prod")
	orig.Name, orig.VerifiedAt = "copy", got.VerifiedAt
	if got.Namespace != orig.Namespace || got.ClientID != orig.ClientID || got.AssetName != orig.AssetName {
		t.Errorf("imported %+v, want %+v", got, orig)
	}
	if cs, _ := h.svc.Secrets(ctx, "copy"); cs.RefreshToken != sec.RefreshToken {
		t.Error("imported secrets did not reach the keychain")
	}
	if hits := filesContaining(t, h.dir, sec.RefreshToken, sfsim.DemoClientSecret); len(hits) > 0 {
		t.Errorf("secrets written to the config dir: %v", hits)
	}
}

func TestDeleteRevokesThenRemovesEverything(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	sec, _ := h.svc.Secrets(ctx, "prod")
	if err := h.svc.Delete(ctx, "prod", true, nil); err != nil {
		t.Fatal(err)
	}
	if !h.sim.Revoked(sec.RefreshToken) {
		t.Error("the refresh token was not revoked at Salesforce")
	}
	if _, err := h.svc.Load(ctx, "prod"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("Load after delete: %v, want ErrNotFound", err)
	}
	if _, err := h.store.Get(ctx, secrets.Account("prod", secrets.RefreshToken)); !errors.Is(err, secrets.ErrNotFound) {
		t.Errorf("keychain entry left after delete: %v", err)
	}
}

func TestDeleteKeepsEverythingWhenTheRevokeCannotReachSalesforce(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	// Point the profile at a port where nothing listens.
	p, _ := h.svc.Load(ctx, "prod")
	p.LoginURL = "http://127.0.0.1:1"
	if err := (&profile.Store{Dir: h.dir}).Save(p); err != nil {
		t.Fatal(err)
	}
	if err := h.svc.Delete(ctx, "prod", true, nil); err == nil {
		t.Fatal("Delete succeeded although the revoke failed")
	}
	if _, err := h.svc.Load(ctx, "prod"); err != nil {
		t.Errorf("profile removed although the revoke failed: %v", err)
	}
	if err := h.svc.Delete(ctx, "prod", false, nil); err != nil {
		t.Fatalf("Delete without revoke: %v", err)
	}
	if len(h.store.Accounts()) != 0 {
		t.Errorf("keychain entries left: %v", h.store.Accounts())
	}
}

func TestCanaryNoSecretInLogsOrConfig(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	if _, err := h.svc.Verify(ctx, "prod", nil); err != nil {
		t.Fatal(err)
	}
	sec, _ := h.svc.Secrets(ctx, "prod")
	needles := append([]string{sfsim.DemoClientSecret}, h.sim.IssuedRefreshTokens()...)
	if sec.RefreshToken == "" || len(needles) < 2 {
		t.Fatal("nothing to look for")
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "profile saved") {
		t.Fatalf("no log captured; the canary would prove nothing:\n%s", logs)
	}
	for _, n := range needles {
		if strings.Contains(logs, n) {
			t.Error("a secret reached the log")
		}
	}
	if hits := filesContaining(t, h.dir, needles...); len(hits) > 0 {
		t.Errorf("a secret reached the config dir: %v", hits)
	}
}

// failingSave is a profile store whose Save can be made to fail (disk full).
type failingSave struct {
	app.ProfileStore
	fail bool
}

func (f *failingSave) Save(p profile.Profile) error {
	if f.fail {
		return errors.New("disk full")
	}
	return f.ProfileStore.Save(p)
}

func TestAFailedReauthorizationKeepsTheOldToken(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	store := &failingSave{ProfileStore: &profile.Store{Dir: h.dir}}
	svc := app.New(app.Deps{Profiles: store, Secrets: h.store, OpenBrowser: h.browser.Open})
	before, _ := svc.Secrets(ctx, "prod")
	old, _ := svc.Load(ctx, "prod")
	ss, err := svc.Reauthorize(ctx, "prod", false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := ss.OpenBrowser(); err != nil {
		t.Fatal(err)
	}
	store.fail = true
	if _, err := svc.Complete(ctx, ss, "prod", app.FieldsOf(old), nil); err == nil {
		t.Fatal("Complete succeeded although the profile could not be saved")
	}
	h.browser.Wait(t)
	after, err := svc.Secrets(ctx, "prod")
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Error("the keychain no longer holds the old secrets after a failed re-authorization")
	}
	if h.sim.Revoked(before.RefreshToken) {
		t.Error("the old refresh token was revoked")
	}
	issued := h.sim.IssuedRefreshTokens()
	if newest := issued[len(issued)-1]; newest == before.RefreshToken || !h.sim.Revoked(newest) {
		t.Error("the unsaved new refresh token was left alive")
	}
}
