package ui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// The goldens are rendered by Fyne's software test driver with the app's
// theme (theme.go) in both variants, in both languages. Text comes from
// the bundled Japanese font, so they do not depend on the machine's fonts.
var goldenLangs = []string{"ja", "en"}

var goldenVariants = map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark}

// variantTheme pins a theme to one variant, as the OS setting does.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// forEachGolden runs show in every language and variant and compares the
// window with <name>_<lang>_<variant>.png.
func forEachGolden(t *testing.T, name string, b func() Backend, show func(t *testing.T, u *UI)) {
	for _, lang := range goldenLangs {
		for vname, v := range goldenVariants {
			t.Run(lang+"_"+vname, func(t *testing.T) {
				u, _ := newTestUI(t, b(), lang, nil)
				u.App.Settings().SetTheme(variantTheme{Theme(), v})
				show(t, u)
				test.AssertImageMatches(t, name+"_"+lang+"_"+vname+".png", u.Win.Canvas().Capture())
			})
		}
	}
}

func goldenProfiles() []profile.Profile {
	at := time.Date(2025, 6, 12, 9, 30, 0, 0, time.UTC)
	return []profile.Profile{
		{Name: "acme", Namespace: "acme", Kind: "production", ClientID: "3MVG9acme",
			Username: "admin@acme.example", AuthorizedAt: at, VerifiedAt: at.Add(26 * time.Hour)},
		{Name: "acme-dev", Namespace: "acme--dev.sandbox", Kind: "sandbox", ClientID: "3MVG9dev",
			Username: "admin@acme.example.dev", AuthorizedAt: at},
		{Name: "demo-sfconnect-demo", Namespace: "sfconnect-demo", Kind: "production",
			Username: "admin@demo.example", AuthorizedAt: at, Demo: true},
	}
}

func TestGoldenHome(t *testing.T) {
	// acme's token works, the sandbox's is dead.
	dead := app.TokenHealth{State: app.TokenDead, CheckedAt: time.Date(2025, 6, 13, 10, 0, 0, 0, time.UTC)}
	forEachGolden(t, "home", func() Backend {
		return &fakeBackend{profiles: goldenProfiles(), health: map[string]app.TokenHealth{"acme-dev": dead}}
	}, func(t *testing.T, u *UI) {
		// The checks' results as if they had arrived (health_test.go follows
		// them through the UI thread).
		u.health = newHealthState()
		for _, p := range goldenProfiles() {
			if !p.Demo {
				u.health.results[p.Name] = u.backend.CheckOne(u.ctx, p)
			}
		}
		u.ShowHome()
		// The sandbox, selected: its namespace and login URL show under the
		// table, and why its token is dead, with the fix.
		if !u.Home.SelectName("acme-dev") || !u.Home.Detail.Visible() ||
			!strings.Contains(u.Home.Detail.Text, "https://acme--dev.sandbox.my.salesforce.com/") {
			t.Fatalf("detail line = %q (visible %v)", u.Home.Detail.Text, u.Home.Detail.Visible())
		}
		if !u.Home.Health.Visible() || !u.Home.FixButton.Visible() || u.Home.CheckButton.Disabled() {
			t.Fatal("the dead token's cause and fix are not shown")
		}
	})
}

func TestGoldenCredentialsWithErrors(t *testing.T) {
	forEachGolden(t, "credentials_errors", func() Backend { return &fakeBackend{} },
		func(t *testing.T, u *UI) {
			u.startWizard()
			u.ShowCredentials()
			s := u.Credentials
			// SetText runs OnChanged as typing does, without a caret that
			// would make the image depend on focus.
			s.Org.SetText("https://")
			s.Key.SetText("3MVG9 abc")
			s.Secret.SetText("x")
			s.Secret.SetText("")
			s.Callback.SetText("https://example.com/callback")
			u.Win.Canvas().Unfocus()
			if !s.Next.Disabled() {
				t.Fatal("Next is enabled with invalid fields")
			}
		})
}

func goldenConnection() *app.Connection {
	at := time.Date(2025, 6, 12, 9, 30, 0, 0, time.UTC)
	return &app.Connection{
		Profile: profile.Profile{Namespace: "acme", Kind: "production", ClientID: "3MVG9acme",
			CallbackURL: "http://localhost/", InstanceURL: "https://acme.my.salesforce.com",
			OrgID: "00D5g000001AbCdEAK", Username: "admin@acme.example",
			Scopes: []string{"api", "refresh_token", "offline_access"}, AuthorizedAt: at, VerifiedAt: at},
		Report: app.Report{
			Identity: salesforce.Identity{Username: "admin@acme.example", OrgID: "00D5g000001AbCdEAK"},
			Checks: []app.Check{
				{ID: "identity", Status: app.Pass, Key: "app.check.identity.ok",
					Args: map[string]any{"Username": "admin@acme.example", "OrgID": "00D5g000001AbCdEAK"}},
				{ID: "scopes", Status: app.Pass, Key: "app.check.scopes.ok",
					Args: map[string]any{"Granted": "api refresh_token offline_access"}},
				{ID: "instance", Status: app.Pass, Key: "app.check.instance.ok",
					Args: map[string]any{"Instance": "https://acme.my.salesforce.com"}},
				{ID: "manage_users", Status: app.Fail, Key: "app.check.manage_users.missing"},
				{ID: "refresh", Status: app.Warn, Key: "app.check.refresh.rotation"},
			},
		},
	}
}

func TestGoldenResult(t *testing.T) {
	forEachGolden(t, "result", func() Backend { return &fakeBackend{} },
		func(t *testing.T, u *UI) {
			u.wiz = wizard{conn: goldenConnection()}
			u.showResult()
			r := u.Result
			if len(r.Checks) != 5 || r.Checks[3].Status != app.Fail || r.Checks[4].Status != app.Warn {
				t.Fatalf("checks = %+v", r.Checks)
			}
			if !r.Next.Disabled() {
				t.Error("Next is enabled although a check failed (the core would refuse to save)")
			}
		})
}

// A Verify whose question Salesforce did not answer: the state is unknown,
// the reason is shown, and the deep check is offered.
func TestGoldenVerifyUnknown(t *testing.T) {
	forEachGolden(t, "verify_unknown", func() Backend { return &fakeBackend{profiles: goldenProfiles()} },
		func(t *testing.T, u *UI) {
			profiles := goldenProfiles()
			rep := &app.Report{Checks: []app.Check{{ID: "token", Status: app.Warn, Key: "app.check.token.unknown",
				Detail: &app.IntrospectionError{Err: &salesforce.HTTPError{Status: 403}}}}}
			u.wiz = wizard{saved: &profiles[1], report: rep}
			u.showResult()
			if !u.Result.Deep.Visible() || u.Result.Deep.Disabled() {
				t.Fatal("the deep check is not offered")
			}
		})
}

// A saved re-authorization: the notice to replace the console's token, with
// its copy and export buttons, tops the console fields.
func TestGoldenReauthorizedNotice(t *testing.T) {
	forEachGolden(t, "fields_reauth", func() Backend { return &fakeBackend{profiles: goldenProfiles()} },
		func(t *testing.T, u *UI) {
			profiles := goldenProfiles()
			u.wiz = wizard{saved: &profiles[1]}
			u.showFields()
			u.Fields.showRenewal(&app.Renewal{Revoked: true})
			n := u.Fields.Notice
			if n == nil || !n.Copy.Visible() || !n.Export.Visible() {
				t.Fatal("no notice with copy and export")
			}
		})
}
