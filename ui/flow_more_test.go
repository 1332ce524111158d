package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

func TestDemoWizard(t *testing.T) {
	for _, lang := range goldenLangs {
		t.Run(lang, func(t *testing.T) {
			e := newSimEnv(t, testkit.Follow, nil)
			var demo *app.Demo
			start := func(ctx context.Context) (*app.Demo, error) {
				d, err := app.StartDemo(ctx, sfsim.ConsentAuto)
				demo = d
				return d, err
			}
			u, loop := newSimUI(t, e, lang, start)
			// The demo must not depend on a Login URL setting.
			u.Settings.LoginURL = ""
			test.Tap(u.Home.DemoButton)
			loop.waitFor(t, "demo wizard", func() bool { return u.Screen() == ScreenPrepare })
			badge := i18n.New(lang).T("ui.demo.badge")
			if findLabel(u.Win.Canvas(), badge) == nil {
				t.Errorf("no %q banner on the prepare screen", badge)
			}
			test.Tap(u.Prepare.Next)
			s := u.Credentials
			if s.Org.Text != demo.Org || s.Key.Text != demo.ClientID || s.Callback.Text != demo.CallbackURL {
				t.Errorf("demo credentials not filled in: %q %q %q", s.Org.Text, s.Key.Text, s.Callback.Text)
			}
			test.Tap(s.Next)
			test.Tap(u.Authorize.Authorize)
			loop.waitFor(t, "result screen", func() bool { return u.Screen() == ScreenResult })
			if findLabel(u.Win.Canvas(), badge) == nil {
				t.Error("no demo banner on the result screen")
			}
			test.Tap(u.Result.Next)
			if got := u.Fields.Name.Text; got != "demo-"+app.DemoOrg {
				t.Errorf("demo profile name = %q", got)
			}
			test.Tap(u.Fields.Save)
			loop.waitFor(t, "saved", func() bool { return !u.Fields.Export.Disabled() })
			p, err := e.svc.Load(context.Background(), "demo-"+app.DemoOrg)
			if err != nil || !p.Demo {
				t.Fatalf("demo profile: %+v, %v", p, err)
			}
			test.Tap(u.Fields.Done)
			text, _, _ := u.profileStatus(u.Home.Profiles[0])
			if text != i18n.New(lang).T("ui.home.status.demo") {
				t.Errorf("home status of demo profile = %q", text)
			}
		})
	}
}

func TestHomeDeleteRevokesAndRemoves(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "ja", nil)
	connectAndSave(t, u, loop, e)

	h := u.Home
	if !h.SelectName("acme") {
		t.Fatal("saved profile not listed")
	}
	test.Tap(h.DeleteButton)
	// Our own confirm button, in the app's language.
	tapButton(t, u, "削除する")
	loop.waitFor(t, "deleted", func() bool { return u.Home != h && len(u.Home.Profiles) == 0 })
	// The token was live and is revoked now: the plain message, without the
	// hint about a newer token the console may hold.
	if want := i18n.New("ja").T("ui.home.deleted", map[string]any{"Name": "acme"}); u.Home.Status.Text != want {
		t.Errorf("status after delete = %q, want %q", u.Home.Status.Text, want)
	}
	if _, err := e.svc.Secrets(context.Background(), "acme"); err == nil {
		t.Error("secrets still in the keychain after delete")
	}
}

func TestVerifyFromHome(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)

	u.Home.SelectName("acme")
	test.Tap(u.Home.VerifyButton)
	loop.waitFor(t, "verify result", func() bool { return u.Screen() == ScreenResult })
	if len(u.Result.Checks) == 0 {
		t.Fatal("verify shows no checks")
	}
	if u.Result.Username.Text != sfsim.DemoUsername {
		t.Errorf("username = %q", u.Result.Username.Text)
	}
}

func TestReauthorizeKeepsConsoleFields(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	before, _ := e.svc.Secrets(context.Background(), "acme")

	f := reauthorizeToFields(t, u, loop)
	if f.Name.Text != "acme" || !f.Name.Disabled() {
		t.Errorf("name %q disabled=%v, want the saved name, fixed", f.Name.Text, f.Name.Disabled())
	}
	if f.AssetName.Text != "Salesforce" {
		t.Errorf("asset name = %q, want the saved one", f.AssetName.Text)
	}
	test.Tap(f.Save)
	loop.waitFor(t, "saved", func() bool { return !f.Export.Disabled() })
	after, _ := e.svc.Secrets(context.Background(), "acme")
	if after.RefreshToken == "" || after.RefreshToken == before.RefreshToken {
		t.Error("re-authorization did not store a new refresh token")
	}
	// The replaced token was revoked, and the screen says the console's
	// token must be replaced, with the new one's copy button at hand.
	loop.waitFor(t, "notice", func() bool { return f.Notice != nil })
	if !strings.Contains(f.Notice.Text.Text, "revoked") {
		t.Errorf("notice = %q", f.Notice.Text.Text)
	}
	cfg := oauthflow.Config{LoginURL: e.run.URL, ClientID: e.client.ID, ClientSecret: e.client.Secret, RedirectURL: e.callback}
	if _, err := oauthflow.Refresh(context.Background(), cfg, before.RefreshToken); err == nil {
		t.Error("the replaced token still refreshes")
	}
	test.Tap(f.Notice.Copy)
	loop.waitFor(t, "new token copied", func() bool { return u.Clip.Clipboard.Content() == after.RefreshToken })
}

// reauthorizeToFields re-authorizes the saved "acme" from Home and stops on
// the console fields, before Save.
func reauthorizeToFields(t *testing.T, u *UI, loop *uiLoop) *FieldsScreen {
	t.Helper()
	u.Home.SelectName("acme")
	test.Tap(u.Home.ReauthButton)
	if u.Screen() != ScreenAuthorize {
		t.Fatalf("screen %q", u.Screen())
	}
	test.Tap(u.Authorize.Authorize)
	loop.waitFor(t, "result", func() bool { return u.Screen() == ScreenResult })
	test.Tap(u.Result.Next)
	return u.Fields
}

// Under rotation the console refreshed, so the copy a re-authorization
// replaces is retired: Salesforce answers its revoke with invalid_token and
// the console's newer token lives on. The notice does not say "revoked"; it
// says where every token of the app can be revoked.
func TestReauthorizeOfARetiredCopyDoesNotClaimTheConsolesTokenRevoked(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, func(o *sfsim.Options) { o.Rotation = true })
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	saved, _ := e.svc.Secrets(context.Background(), "acme")
	cfg := oauthflow.Config{LoginURL: e.run.URL, ClientID: e.client.ID, ClientSecret: e.client.Secret, RedirectURL: e.callback}
	console, err := oauthflow.Refresh(context.Background(), cfg, saved.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	f := reauthorizeToFields(t, u, loop)
	test.Tap(f.Save)
	loop.waitFor(t, "notice", func() bool { return f.Notice != nil })
	if want := i18n.New("en").T("ui.notice.reauth.stale", map[string]any{"Name": "acme"}); f.Notice.Text.Text != want {
		t.Errorf("notice = %q, want %q", f.Notice.Text.Text, want)
	}
	if _, err := oauthflow.Refresh(context.Background(), cfg, console.RefreshToken); err != nil {
		t.Errorf("the console's token is not what the notice says: %v", err)
	}
}

func TestOpenCopiesSecretFromKeychain(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "ja", nil)
	connectAndSave(t, u, loop, e)
	u.Home.SelectName("acme")
	test.Tap(u.Home.OpenButton)
	f := u.Fields
	if u.Screen() != ScreenFields || !f.Name.Disabled() {
		t.Fatalf("open: screen %q", u.Screen())
	}
	test.Tap(f.Copy["clientSecret"])
	loop.waitFor(t, "secret copied", func() bool { return u.Clip.Clipboard.Content() == e.client.Secret })
	if !u.Clip.Pending() {
		t.Error("no pending clear for the copied secret")
	}
	if !hasJapanese(f.Status.Text) {
		t.Errorf("status after copying a secret = %q", f.Status.Text)
	}
	test.Tap(f.Done)
	if u.Screen() != ScreenHome || f.secrets != nil {
		t.Errorf("after Done: screen %q, secrets still held: %v", u.Screen(), f.secrets != nil)
	}
}

func TestImportFromHome(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	path := filepath.Join(t.TempDir(), "acme.json")
	if err := e.svc.ExportFile(context.Background(), "acme", true, path); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Delete(context.Background(), "acme", false, nil); err != nil {
		t.Fatal(err)
	}
	u.ShowHome()
	u.OpenDialog = openerOf(t, path)
	test.Tap(u.Home.ImportButton)
	loop.waitFor(t, "imported", func() bool { return len(u.Home.Profiles) == 1 })
	if !strings.Contains(u.Home.Status.Text, "acme") || u.Home.Selected != 0 {
		t.Errorf("after import: status %q, selected %d", u.Home.Status.Text, u.Home.Selected)
	}
}
