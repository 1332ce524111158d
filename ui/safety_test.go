package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/testkit"
)

// dialogText is every label text of the dialog on display.
func dialogText(u *UI) string {
	var b strings.Builder
	for _, r := range u.Win.Canvas().Overlays().List() {
		for _, o := range test.LaidOutObjects(r) {
			if l, ok := o.(*widget.Label); ok && l.Visible() {
				b.WriteString(l.Text + "\n")
			}
		}
	}
	return b.String()
}

// wipeProfiles removes the saved profile files behind the app's back, as a
// wiped config dir would, leaving the keychain entries.
func wipeProfiles(t *testing.T, e *simEnv) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(e.store.Dir, "*.json"))
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
}

// openerOf is a file dialog that picks path.
func openerOf(t *testing.T, path string) func(done func(io.ReadCloser)) {
	return func(done func(io.ReadCloser)) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		done(f)
	}
}

// Keychain entries without a connection show as a line on Home, which
// offers to remove them; removing says their tokens are not revoked.
func TestHomeShowsOrphansAndRemovesThem(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	wipeProfiles(t, e)
	u.ShowHome()
	loop.waitFor(t, "the orphans line", func() bool { return u.Home.Orphans.box.Visible() })
	if !strings.Contains(u.Home.Orphans.Text.Text, "acme") {
		t.Errorf("orphans line = %q", u.Home.Orphans.Text.Text)
	}
	test.Tap(u.Home.Orphans.Remove)
	if !strings.Contains(dialogText(u), "not revoked") {
		t.Errorf("the confirmation does not say the tokens stay valid:\n%s", dialogText(u))
	}
	tapButton(t, u, "Remove")
	loop.waitFor(t, "removed", func() bool { return strings.Contains(u.Home.Status.Text, "Removed") })
	if acc := e.secrets.Accounts(); len(acc) != 0 {
		t.Errorf("keychain still holds %v", acc)
	}
	loop.drain()
	if u.Home.Orphans.box.Visible() {
		t.Error("the line stays after removal")
	}
}

// An import whose name already has orphaned keychain entries asks before it
// replaces them, and never takes them over silently.
func TestImportOverOrphansAsksToReplace(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	path := filepath.Join(t.TempDir(), "acme.json")
	if err := e.svc.ExportFile(context.Background(), "acme", false, path); err != nil {
		t.Fatal(err)
	}
	wipeProfiles(t, e)
	u.ShowHome()
	u.OpenDialog = openerOf(t, path)
	test.Tap(u.Home.ImportButton)
	loop.waitFor(t, "the replace question", func() bool { return u.dialog != nil })
	if len(u.Home.Profiles) != 0 || !strings.Contains(dialogText(u), "“acme”") {
		t.Fatalf("asked %q with profiles %v", dialogText(u), u.Home.Profiles)
	}
	tapButton(t, u, "Replace")
	loop.waitFor(t, "imported", func() bool { return len(u.Home.Profiles) == 1 })
	// The file held no secrets: after replacing, the keychain holds none.
	if acc := e.secrets.Accounts(); len(acc) != 0 {
		t.Errorf("keychain after replace = %v", acc)
	}
}

// The Login URL override must be allowed for the org typed: refused at
// once on the form, not after the browser.
func TestCredentialsRefuseALoginURLOverrideForAnotherOrg(t *testing.T) {
	e := newSimEnv(t, testkit.Idle, nil)
	u, _ := newSimUI(t, e, "en", nil)
	u.flagLoginURL = "https://other.my.salesforce.com"
	fillCredentials(t, u, "acme", e.client.ID, e.client.Secret, e.callback)
	s := u.Credentials
	if s.Next.Disabled() == false || s.LoginURLNote.Importance != widget.DangerImportance ||
		!strings.Contains(s.LoginURLNote.Text, "other.my.salesforce.com is not where this org signs in") {
		t.Fatalf("note %q (%v), Next disabled %v", s.LoginURLNote.Text, s.LoginURLNote.Importance, s.Next.Disabled())
	}
	s.Org.SetText("other")
	if s.Next.Disabled() || s.LoginURLNote.Importance == widget.DangerImportance {
		t.Errorf("the org's own host refused: %q", s.LoginURLNote.Text)
	}
}

// Every action on a saved profile that contacts Salesforce names the host
// before it does: Home's automatic token check and its detail line too,
// which name where the profile signs in (here the simulator, not the
// org's My Domain).
func TestActionsOnASavedProfileNameTheHost(t *testing.T) {
	e := newSimEnv(t, testkit.Idle, nil)
	u, loop := newSimUI(t, e, "en", nil)
	e.browser.SetMode(testkit.Follow)
	connectAndSave(t, u, loop, e)
	e.browser.SetMode(testkit.Idle)
	want := "Salesforce: " + e.run.URL
	// Home is back with "acme" selected and its check under way: the
	// result reaches the widgets only when the loop runs.
	if !u.health.checking["acme"] || !strings.Contains(u.Home.Health.Text, "Asking Salesforce at "+e.run.URL+" ") {
		t.Errorf("Home's automatic check does not name %s: %q", e.run.URL, u.Home.Health.Text)
	}
	if !u.Home.SelectName("acme") {
		t.Fatal("not listed")
	}
	if !strings.Contains(u.Home.Detail.Text, "login URL "+e.run.URL) || strings.Contains(u.Home.Detail.Text, "my.salesforce.com") {
		t.Errorf("Home's detail line does not name where acme signs in (%s): %q", e.run.URL, u.Home.Detail.Text)
	}
	test.Tap(u.Home.DeleteButton)
	if !strings.Contains(dialogText(u), want) {
		t.Errorf("delete confirmation lacks %q:\n%s", want, dialogText(u))
	}
	u.dialog.Hide()
	test.Tap(u.Home.ReauthButton)
	if findLabel(u.Win.Canvas(), want) == nil {
		t.Errorf("the re-authorize screen does not name %s", e.run.URL)
	}
	u.goHome()
	u.Home.SelectName("acme")
	test.Tap(u.Home.VerifyButton)
	if !strings.Contains(u.Home.Status.Text, e.run.URL) {
		t.Errorf("verify status = %q", u.Home.Status.Text)
	}
	loop.waitFor(t, "verified", func() bool { return u.Screen() == ScreenResult })
}

// The window asks for the profile name after the sign-in (the fields
// screen): a bad one is refused with the reason, and nothing is lost. The
// connection stays on screen with its token alive and unsaved, and Save
// with a good name stores that same token.
func TestSaveRefusesABadNameAndKeepsTheConnection(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	signIn(t, u, loop, e)
	test.Tap(u.Result.Next)
	s, conn := u.Fields, u.wiz.conn
	if conn == nil || len(e.run.Sim.IssuedRefreshTokens()) != 1 {
		t.Fatalf("no connection to save (tokens issued: %d)", len(e.run.Sim.IssuedRefreshTokens()))
	}
	token := e.run.Sim.IssuedRefreshTokens()[0]
	for _, bad := range []string{"../x", "prod\x1b[2J"} {
		s.Name.SetText(bad)
		test.Tap(s.Save)
		loop.waitFor(t, "the refusal of "+bad, func() bool { return !s.Save.Disabled() })
		if s.Status.Importance != widget.DangerImportance || !strings.Contains(s.Status.Text, "Profile name may not contain") {
			t.Errorf("name %q: status %q (%v)", bad, s.Status.Text, s.Status.Importance)
		}
		if u.Screen() != ScreenFields || u.wiz.conn != conn || s.Name.Disabled() || !s.Export.Disabled() {
			t.Fatalf("name %q: the connection was not kept for another try (screen %q)", bad, u.Screen())
		}
	}
	if list, err := e.svc.List(context.Background()); err != nil || len(list) != 0 || len(e.secrets.Accounts()) != 0 {
		t.Errorf("something was saved: profiles %v (%v), keychain %v", list, err, e.secrets.Accounts())
	}
	if e.run.Sim.Revoked(token) {
		t.Fatal("the refusal revoked the new token: a retry would save a dead one")
	}
	s.Name.SetText("acme")
	test.Tap(s.Save)
	loop.waitFor(t, "saved", func() bool { return !s.Export.Disabled() })
	saved, err := e.svc.Secrets(context.Background(), "acme")
	if err != nil || saved.RefreshToken != token || e.run.Sim.Revoked(token) {
		t.Errorf("saved with a good name: err %v, the token of the sign-in kept %v, revoked %v",
			err, saved.RefreshToken == token, e.run.Sim.Revoked(token))
	}
}
