package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// expected texts, written out so a wrong key or a lost translation fails.
var want = map[string]map[string]string{
	"ja": {
		"pass":     "すべての確認項目に合格しました",
		"saved":    "を保存しました",
		"canceled": "操作はキャンセルされました。",
		"next":     "次へ",
	},
	"en": {
		"pass":     "All checks passed",
		"saved":    "is saved",
		"canceled": "The operation was canceled.",
		"next":     "Next",
	},
}

func TestFlowSuccessSaveExport(t *testing.T) {
	for _, lang := range goldenLangs {
		t.Run(lang, func(t *testing.T) {
			e := newSimEnv(t, testkit.Follow, nil)
			u, loop := newSimUI(t, e, lang, nil)
			fillCredentials(t, u, "acme", e.client.ID, e.client.Secret, e.callback)
			if u.Credentials.Next.Disabled() {
				t.Fatalf("Next disabled with valid input; errors: %q %q %q %q", u.Credentials.OrgError.Text,
					u.Credentials.KeyError.Text, u.Credentials.SecretError.Text, u.Credentials.CallbackError.Text)
			}
			if got := u.Credentials.OrgResolved.Text; !strings.Contains(got, "https://acme.my.salesforce.com") {
				t.Errorf("org preview = %q", got)
			}
			if u.Credentials.Next.Text != want[lang]["next"] {
				t.Errorf("Next button = %q", u.Credentials.Next.Text)
			}
			test.Tap(u.Credentials.Next)
			test.Tap(u.Authorize.Authorize)
			loop.waitFor(t, "result screen", func() bool { return u.Screen() == ScreenResult })

			r := u.Result
			if r.Username.Text != sfsim.DemoUsername || r.OrgID.Text != sfsim.DemoOrgID {
				t.Errorf("who = %q / %q", r.Username.Text, r.OrgID.Text)
			}
			if r.InstanceURL.Text != e.run.URL {
				t.Errorf("instance = %q, want the simulator %q", r.InstanceURL.Text, e.run.URL)
			}
			for _, c := range r.Checks {
				if c.Status == app.Fail {
					t.Errorf("check %s failed: %s", c.ID, c.Text.Text)
				}
				if lang == "ja" && !hasJapanese(c.Text.Text) {
					t.Errorf("check %s not in Japanese: %q", c.ID, c.Text.Text)
				}
			}

			test.Tap(r.Next)
			f := u.Fields
			if f.Name.Text != "acme" {
				t.Errorf("suggested name = %q", f.Name.Text)
			}
			f.AssetName.SetText("Salesforce 本番")
			f.AssetID.SetText("sf-prod")
			f.MatchingAttribute.SetText("Email")
			if !f.Export.Disabled() {
				t.Error("Export enabled before Save")
			}
			test.Tap(f.Save)
			loop.waitFor(t, "saved", func() bool { return strings.Contains(f.Status.Text, want[lang]["saved"]) })

			p, err := e.svc.Load(context.Background(), "acme")
			if err != nil {
				t.Fatal(err)
			}
			if p.AssetName != "Salesforce 本番" || p.AssetID != "sf-prod" || p.MatchingAttribute != "Email" || p.Demo {
				t.Errorf("saved profile = %+v", p)
			}
			sec, err := e.svc.Secrets(context.Background(), "acme")
			if err != nil || sec.RefreshToken == "" || sec.ClientSecret != e.client.Secret {
				t.Errorf("keychain: err=%v refresh set=%v", err, sec.RefreshToken != "")
			}

			// Copy buttons come in the console's order; a secret is copied.
			wantOrder := []string{"namespace", "clientID", "domain", "clientSecret", "refreshToken", "matching", "assetName", "assetID", "memo"}
			if strings.Join(f.CopyOrder, ",") != strings.Join(wantOrder, ",") {
				t.Errorf("copy order = %v", f.CopyOrder)
			}
			test.Tap(f.Copy["refreshToken"])
			loop.waitFor(t, "refresh token on the clipboard", func() bool {
				return u.Clip.Clipboard.Content() == sec.RefreshToken
			})
			if !u.Clip.Pending() {
				t.Error("copied refresh token has no pending clear")
			}
			test.Tap(f.Copy["namespace"])
			if u.Clip.Clipboard.Content() != "acme" || u.Clip.Pending() {
				t.Errorf("namespace copy: %q pending=%v", u.Clip.Clipboard.Content(), u.Clip.Pending())
			}

			// Export with secrets through the dialog.
			dir := t.TempDir()
			u.SaveDialog = func(name string, done func(string)) { done(filepath.Join(dir, name)) }
			test.Tap(f.Export)
			u.LastExport.IncludeSecrets.SetChecked(true)
			if u.LastExport.Warning.Importance != widget.DangerImportance {
				t.Error("secret warning not highlighted while secrets are included")
			}
			if !u.LastExport.Protect.Checked || !u.LastExport.Confirm.Disabled() {
				t.Error("secrets are not protected by default, or export goes ahead without a passphrase")
			}
			u.LastExport.Protect.SetChecked(false) // the plain file (protect_test.go covers the other)
			tapButton(t, u, i18n.New(lang).T("ui.export.choose"))
			path := filepath.Join(dir, "acme.sfconnect.json")
			loop.waitFor(t, "export", func() bool { return strings.Contains(f.Status.Text, path) })
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != 0o600 {
				t.Errorf("export mode = %v, want 0600", st.Mode().Perm())
			}
			data, _ := os.ReadFile(path)
			if !strings.Contains(string(data), sec.RefreshToken) {
				t.Error("export with secrets lacks the refresh token")
			}

			test.Tap(f.Done)
			if u.Screen() != ScreenHome || len(u.Home.Profiles) != 1 {
				t.Fatalf("home after done: screen %q, %d profiles", u.Screen(), len(u.Home.Profiles))
			}
		})
	}
}

// authorizeExpectingError runs the wizard to the wait and returns the error
// text the Authorize screen shows.
func authorizeExpectingError(t *testing.T, lang string, mode testkit.Mode, tweak func(*sfsim.Options), secret string) (string, *UI) {
	t.Helper()
	e := newSimEnv(t, mode, tweak)
	u, loop := newSimUI(t, e, lang, nil)
	if secret == "" {
		secret = e.client.Secret
	}
	fillCredentials(t, u, "acme", e.client.ID, secret, e.callback)
	test.Tap(u.Credentials.Next)
	a := u.Authorize
	test.Tap(a.Authorize)
	loop.waitFor(t, "the wait to end", func() bool { return !a.Waiting() || u.Screen() != ScreenAuthorize })
	if u.Screen() != ScreenAuthorize {
		t.Fatalf("screen %q, want to stay on authorize", u.Screen())
	}
	if a.Authorize.Disabled() {
		t.Error("Authorize not enabled again after a failure")
	}
	return a.Error.Text, u
}

func TestFlowErrorsAreTranslated(t *testing.T) {
	tests := []struct {
		name   string
		tweak  func(*sfsim.Options)
		secret string
		key    string
	}{
		{"deny", func(o *sfsim.Options) { o.Consent = sfsim.ConsentDeny }, "", "sf.err.access_denied"},
		{"wrong secret", nil, "wrong-secret", "sf.err.invalid_client"},
		{"app blocked", func(o *sfsim.Options) { o.Clients[0].Blocked = true }, "", "sf.err.app_blocked"},
		{"admin approved users only", func(o *sfsim.Options) { o.Clients[0].AdminApproved = true }, "", "sf.err.app_access_denied"},
		{"org without API", func(o *sfsim.Options) { o.Org.APIDisabled = true }, "", "app.err.api_disabled_org"},
		// REST answers a user without "API Enabled" as an org without the API.
		{"user without API Enabled", func(o *sfsim.Options) { o.User.APIDisabled = true }, "", "app.err.api_disabled_org"},
	}
	for _, tt := range tests {
		for _, lang := range goldenLangs {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				got, _ := authorizeExpectingError(t, lang, testkit.Follow, tt.tweak, tt.secret)
				if w := i18n.New(lang).T(tt.key); got != w || w == tt.key {
					t.Errorf("error text = %q, want %q", got, w)
				}
				if lang == "ja" && !hasJapanese(got) {
					t.Errorf("error not in Japanese: %q", got)
				}
				if strings.Contains(got, "wrong-secret") {
					t.Error("the secret leaked into the error text")
				}
			})
		}
	}
}

func TestFlowCancel(t *testing.T) {
	for _, lang := range goldenLangs {
		t.Run(lang, func(t *testing.T) {
			e := newSimEnv(t, testkit.Idle, nil)
			u, loop := newSimUI(t, e, lang, nil)
			toAuthorize(t, u, e)
			a := u.Authorize
			test.Tap(a.Authorize)
			loop.waitFor(t, "the session", func() bool { return !a.CopyURL.Disabled() })
			if a.TimeLeft.Text == "" {
				t.Error("no time left shown while waiting")
			}
			test.Tap(a.CopyURL)
			if got := u.Clip.Clipboard.Content(); !strings.HasPrefix(got, e.run.URL+"/services/oauth2/authorize?") {
				t.Errorf("copied login URL = %q", got)
			}
			// Escape cancels the wait, like the Cancel button.
			u.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			loop.waitFor(t, "cancel", func() bool { return !a.Waiting() })
			if a.Error.Text != want[lang]["canceled"] {
				t.Errorf("cancel text = %q", a.Error.Text)
			}
		})
	}
}

func TestFlowManualPaste(t *testing.T) {
	e := newSimEnv(t, testkit.Stop, nil)
	u, loop := newSimUI(t, e, "en", nil)
	toAuthorize(t, u, e)
	a := u.Authorize
	test.Tap(a.Authorize)
	landed := e.browser.Wait(t).Landed
	if !strings.Contains(landed, "code=") {
		t.Fatalf("browser did not land on the callback: %q", landed)
	}
	loop.waitFor(t, "the session", func() bool { return !a.PasteButton.Disabled() })
	test.Type(a.PasteEntry, "https://example.com/page")
	test.Tap(a.PasteButton)
	loop.waitFor(t, "paste error", func() bool { return a.PasteError.Text != "" })
	a.PasteEntry.SetText(landed)
	test.Tap(a.PasteButton)
	loop.waitFor(t, "result screen", func() bool { return u.Screen() == ScreenResult })
	if u.Result.Username.Text != sfsim.DemoUsername {
		t.Errorf("username = %q", u.Result.Username.Text)
	}
}
