package app_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// exportOf returns an export of a saved profile, with or without secrets.
func exportOf(t *testing.T, h *harness, name string, withSecrets bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := h.svc.Export(context.Background(), name, withSecrets, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Keychain entries that outlived their profile (here: its file was removed
// behind sfconnect's back) are listed as orphans, and an import under that
// name never silently picks them up.
func TestImportNeverBindsOrphanedEntries(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	stale, _ := h.svc.Secrets(ctx, "prod")
	plain := exportOf(t, h, "prod", false)
	full := exportOf(t, h, "prod", true)
	if err := os.RemoveAll(h.dir); err != nil { // a wiped config dir
		t.Fatal(err)
	}

	orphans, err := h.svc.Orphans(ctx)
	want := []app.Orphan{{Name: "prod", Accounts: []string{"prod:client_secret", "prod:refresh_token"}}}
	if err != nil || !reflect.DeepEqual(orphans, want) {
		t.Fatalf("Orphans = %+v, %v; want %+v", orphans, err, want)
	}

	// A file without secrets would have inherited the stale ones.
	_, err = h.svc.Import(ctx, bytes.NewReader(plain), "")
	var oe *app.OrphanedSecretsError
	if !errors.As(err, &oe) || oe.Name != "prod" {
		t.Fatalf("Import over orphans = %v, want *OrphanedSecretsError", err)
	}
	if _, err := h.svc.Load(ctx, "prod"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("a refused import saved the profile: %v", err)
	}
	if got, _ := h.svc.Secrets(ctx, "prod"); got != stale {
		t.Error("a refused import changed the entries")
	}

	// Replace wipes them first: the secret-less import ends without secrets.
	if _, err := h.svc.ImportWith(ctx, bytes.NewReader(plain), app.ImportOptions{Replace: true}); err != nil {
		t.Fatalf("Import --replace: %v", err)
	}
	if acc := h.store.Accounts(); len(acc) != 0 {
		t.Errorf("replace kept %v", acc)
	}
	if orphans, _ := h.svc.Orphans(ctx); len(orphans) != 0 {
		t.Errorf("orphans after replace: %v", orphans)
	}

	// With secrets in the file, replace ends with exactly the file's.
	if err := h.svc.Delete(ctx, "prod", false, nil); err != nil {
		t.Fatal(err)
	}
	_ = h.store.Set(ctx, secrets.Account("prod", secrets.ClientSecret), "left-over-secret")
	if _, err := h.svc.ImportWith(ctx, bytes.NewReader(full), app.ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := h.svc.Secrets(ctx, "prod"); got != stale {
		t.Errorf("after replace the keychain does not hold the file's secrets")
	}
}

func TestRemoveOrphansLeavesProfilesAlone(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	_ = h.store.Set(ctx, secrets.Account("gone", secrets.RefreshToken), "old-token")
	_ = h.store.Set(ctx, "proxy/alice", "not ours")
	orphans, err := h.svc.Orphans(ctx)
	if err != nil || len(orphans) != 1 || orphans[0].Name != "gone" {
		t.Fatalf("Orphans = %+v, %v", orphans, err)
	}
	removed, err := h.svc.RemoveOrphans(ctx, []string{"gone", "prod"})
	if err != nil || !reflect.DeepEqual(removed, []string{"gone"}) {
		t.Fatalf("RemoveOrphans = %v, %v", removed, err)
	}
	want := []string{"prod:client_secret", "prod:refresh_token", "proxy/alice"}
	if got := h.store.Accounts(); !reflect.DeepEqual(got, want) {
		t.Errorf("keychain = %v, want %v", got, want)
	}
}

// Delete removes the keychain entries before the file: when the keychain
// fails, the profile stays listed and can be deleted again; no secret is
// left behind an invisible profile.
func TestDeleteRemovesTheKeychainEntriesBeforeTheFile(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	h.store.Fail = func(op, account string) error {
		if op == "delete" {
			return secrets.ErrUnavailable
		}
		return nil
	}
	if err := h.svc.Delete(ctx, "prod", false, nil); !errors.Is(err, secrets.ErrUnavailable) {
		t.Fatalf("Delete = %v, want the keychain's error", err)
	}
	if _, err := h.svc.Load(ctx, "prod"); err != nil {
		t.Fatalf("the profile is gone although its secrets are not: %v", err)
	}
	h.store.Fail = nil
	if err := h.svc.Delete(ctx, "prod", false, nil); err != nil {
		t.Fatal(err)
	}
	if orphans, _ := h.svc.Orphans(ctx); len(orphans) != 0 || len(h.store.Accounts()) != 0 {
		t.Errorf("left behind: %v", h.store.Accounts())
	}
}

// A new connection over orphaned entries overwrites them with its own and
// does not treat them as a token it renewed.
func TestANewConnectionOverOrphansIsNotARenewal(t *testing.T) {
	h := newHarness(t, nil)
	ctx := context.Background()
	_ = h.store.Set(ctx, secrets.Account("prod", secrets.RefreshToken), "stale-token")
	c, err := h.svc.Connect(ctx, "prod", h.input(), h.fields(), nil)
	if err != nil {
		t.Fatal(err)
	}
	h.browser.Wait(t)
	if c.Renewal != nil {
		t.Errorf("Renewal = %+v for a new profile", c.Renewal)
	}
	if got, _ := h.svc.Secrets(ctx, "prod"); got.RefreshToken == "stale-token" {
		t.Error("the stale token survived")
	}
}

// A file that holds only the consumer secret: its keychain write times out
// and lands later. The import undoes it, so no secret is left behind for a
// profile that was not saved (the keychain runs the undo after the write).
func TestImportOfOneSecretUndoesAWriteThatTimedOut(t *testing.T) {
	h, kr, b, svc := lateKeychain(t)
	if _, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	h.browser.Wait(t)
	file := []byte(strings.Replace(string(exportOf(t, h, "prod", false)), `"client_id":`, `"client_secret": "only-the-secret", "client_id":`, 1))
	cs := secrets.Account("solo", secrets.ClientSecret)
	release := b.Hold("set", cs)
	defer release()
	_, err := svc.ImportWith(context.Background(), bytes.NewReader(file), app.ImportOptions{Name: "solo"})
	if !errors.Is(err, secrets.ErrTimeout) {
		t.Fatalf("ImportWith: err = %v, want the keychain timeout", err)
	}
	release()
	flushKeychain(t)
	if _, ok := b.Value(kr.Service(), cs); ok {
		t.Error("the late write of the consumer secret stayed in the keychain")
	}
	if _, err := svc.Load(context.Background(), "solo"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("the profile was saved: %v", err)
	}
}
