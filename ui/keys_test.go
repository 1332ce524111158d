package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// press delivers a key as the driver does: to the focused widget, else to
// the window's own handler.
func press(u *UI, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	c := u.Win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// passingConnection is goldenConnection with every check passed, so the
// result screen lets the admin go on.
func passingConnection() *app.Connection {
	c := goldenConnection()
	for i := range c.Report.Checks {
		c.Report.Checks[i].Status = app.Pass
	}
	return c
}

// Enter outside any field presses the screen's highlighted button, as on
// Windows and macOS; a disabled button stays pressed-proof.
func TestEnterPressesPrimaryButton(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{}, "ja", nil)
	u.startWizard()
	u.Win.Canvas().Unfocus()
	press(u, fyne.KeyReturn)
	if u.Screen() != ScreenCredentials {
		t.Fatalf("Enter on Prepare: screen %q, want credentials", u.Screen())
	}

	// Nothing typed: Enter stays and shows what is missing.
	u.Win.Canvas().Unfocus()
	press(u, fyne.KeyEnter)
	if u.Screen() != ScreenCredentials || !u.Credentials.OrgError.Visible() {
		t.Fatalf("Enter on empty credentials: screen %q, org error shown %v", u.Screen(), u.Credentials.OrgError.Visible())
	}

	u.wiz = wizard{conn: passingConnection()}
	u.showResult()
	press(u, fyne.KeyReturn)
	if u.Screen() != ScreenFields {
		t.Fatalf("Enter on Result: screen %q, want fields", u.Screen())
	}

	u.wiz = wizard{conn: goldenConnection()} // a failed check: Next is disabled
	u.showResult()
	press(u, fyne.KeyReturn)
	if u.Screen() != ScreenResult {
		t.Fatalf("Enter with Next disabled: screen %q, want result", u.Screen())
	}
}

// A dialog on top answers Enter itself; the screen below must not move.
func TestEnterIgnoredUnderDialog(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{}, "en", nil)
	u.startWizard()
	newConfirm(u, "title", "ok", u.para("body"), func() {}).Show()
	u.Win.Canvas().Unfocus()
	press(u, fyne.KeyReturn)
	if u.Screen() != ScreenPrepare {
		t.Fatalf("Enter under a dialog moved to %q", u.Screen())
	}
}

// Leaving an authorized, unsaved connection asks first: leaving revokes
// its token. Cancel keeps everything; confirming goes home.
func TestLeavingUnsavedConnectionAsks(t *testing.T) {
	for _, lang := range goldenLangs {
		t.Run(lang, func(t *testing.T) {
			l := i18n.New(lang)
			u, _ := newTestUI(t, &fakeBackend{}, lang, nil)
			u.wiz = wizard{conn: passingConnection()}
			u.showFields()
			test.Tap(u.Fields.Done)
			if u.Screen() != ScreenFields || u.wiz.conn == nil {
				t.Fatalf("Done left at once: screen %q, connection kept %v", u.Screen(), u.wiz.conn != nil)
			}
			tapButton(t, u, l.T("ui.action.cancel"))
			if u.Screen() != ScreenFields || u.wiz.conn == nil {
				t.Fatalf("Cancel: screen %q, connection kept %v", u.Screen(), u.wiz.conn != nil)
			}

			test.Tap(findButton(u.Win.Canvas(), l.T("ui.nav.home")))
			tapButton(t, u, l.T("ui.discard.confirm"))
			if u.Screen() != ScreenHome || u.wiz.conn != nil {
				t.Fatalf("confirmed: screen %q, connection kept %v", u.Screen(), u.wiz.conn != nil)
			}

			// Nothing unsaved: Home goes at once.
			u.startWizard()
			test.Tap(findButton(u.Win.Canvas(), l.T("ui.nav.home")))
			if u.Screen() != ScreenHome {
				t.Fatalf("Home from Prepare: screen %q", u.Screen())
			}
		})
	}
}

// Settings says in the button bar whether they were saved: the field
// messages may be scrolled out of sight.
func TestSettingsFeedbackBesideButtons(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{}, "en", nil)
	u.ShowSettings()
	s := u.SettingsTab
	s.LoginURL.SetText("http://example.com")
	test.Tap(s.Save)
	if !s.Status.Visible() || s.Status.Text != u.L.T("ui.settings.invalid") || !s.LoginURLError.Visible() {
		t.Fatalf("invalid: status %q shown %v, field error shown %v", s.Status.Text, s.Status.Visible(), s.LoginURLError.Visible())
	}
	s.LoginURL.SetText("")
	u.Win.Canvas().Unfocus()
	press(u, fyne.KeyReturn)
	if s.Status.Text != u.L.T("ui.settings.saved") {
		t.Fatalf("Enter: status %q, want saved", s.Status.Text)
	}
}

// Escape answers a confirm dialog with Cancel, as on every desktop.
func TestEscapeCancelsConfirm(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{}, "ja", nil)
	u.wiz = wizard{conn: passingConnection()}
	u.showFields()
	test.Tap(u.Fields.Done)
	c := u.Win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("no confirm dialog after Done")
	}
	c.Unfocus()
	press(u, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Escape left the dialog open")
	}
	if u.Screen() != ScreenFields || u.wiz.conn == nil {
		t.Fatalf("Escape: screen %q, connection kept %v", u.Screen(), u.wiz.conn != nil)
	}
}

// The suggested connection name avoids the names already saved, so Save
// does not fail on the app's own proposal.
func TestSuggestedNameIsFree(t *testing.T) {
	taken := goldenProfiles() // acme, acme-dev, demo-sfconnect-demo
	taken = append(taken, profile.Profile{Name: "ACME-2"})
	u, _ := newTestUI(t, &fakeBackend{profiles: taken}, "en", nil)
	u.wiz = wizard{conn: passingConnection()}
	u.showFields()
	if got := u.Fields.Name.Text; got != "acme-3" {
		t.Fatalf("suggested name = %q, want acme-3", got)
	}
}
