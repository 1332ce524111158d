package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/callback"
)

func TestSettingsLanguageSwitchRebuildsAtOnce(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{profiles: goldenProfiles()}, "ja", nil)
	if u.Home.NewButton.Text != "新しい接続" {
		t.Fatalf("ja home button = %q", u.Home.NewButton.Text)
	}
	u.ShowSettings()
	u.SettingsTab.Language.SetSelected(langNameEn)
	if u.Screen() != ScreenSettings || u.SettingsTab.Save.Text != "Save" {
		t.Fatalf("after switch: screen %q, save button %q", u.Screen(), u.SettingsTab.Save.Text)
	}
	if got := u.App.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("stored language = %q", got)
	}
	test.Tap(u.SettingsTab.Back)
	if u.Screen() != ScreenHome || u.Home.NewButton.Text != "New connection" {
		t.Errorf("back: screen %q, button %q", u.Screen(), u.Home.NewButton.Text)
	}
}

func TestSettingsValidation(t *testing.T) {
	tests := []struct {
		name             string
		timeout, login   string
		wantTimeoutError bool
		wantLoginError   bool
	}{
		{"defaults", "5", "", false, false},
		{"simulator on loopback", "10", "http://127.0.0.1:8443", false, false},
		{"https host", "5", "https://login.salesforce.com", false, false},
		{"plain http to a network host", "5", "http://login.example.com", false, true},
		{"timeout not a number", "five", "", true, false},
		{"timeout zero", "0", "", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newTestUI(t, &fakeBackend{}, "en", nil)
			u.ShowSettings()
			s := u.SettingsTab
			s.Timeout.SetText(tt.timeout)
			s.LoginURL.SetText(tt.login)
			test.Tap(s.Save)
			if got := s.TimeoutError.Text != ""; got != tt.wantTimeoutError {
				t.Errorf("timeout error %q, want error=%v", s.TimeoutError.Text, tt.wantTimeoutError)
			}
			if got := s.LoginURLError.Text != ""; got != tt.wantLoginError {
				t.Errorf("login URL error %q, want error=%v", s.LoginURLError.Text, tt.wantLoginError)
			}
			saved := !tt.wantTimeoutError && !tt.wantLoginError
			if stored := LoadSettings(u.App.Preferences()); saved && stored.LoginURL != tt.login {
				t.Errorf("stored login URL = %q", stored.LoginURL)
			}
		})
	}
}

func TestValidateCallbackURL(t *testing.T) {
	tests := []struct {
		in     string
		reason string // "" = accepted; else the listener's RedirectURLError reason
	}{
		{"http://localhost/", ""},
		{"http://localhost:8080/callback", ""},
		{" http://localhost:8765/callback ", ""},
		{"http://127.0.0.1:1717/", "host"}, // Salesforce would not match it to localhost
		{"https://localhost/", "scheme"},
		{"http://example.com/", "host"},
		{"localhost", "invalid"},
		{"http://localhost/?x=1", "query"},
		{"http://localhost:08080/", "port"},
	}
	for _, tt := range tests {
		err := validateCallbackURL(tt.in)
		var re *callback.RedirectURLError
		switch {
		case tt.reason == "" && err != nil:
			t.Errorf("validateCallbackURL(%q) = %v, want accepted", tt.in, err)
		case tt.reason != "" && (!errors.As(err, &re) || re.Reason != tt.reason):
			t.Errorf("validateCallbackURL(%q) = %v, want reason %s", tt.in, err, tt.reason)
		}
	}
	if validateCallbackURL("") != app.ErrRequired {
		t.Error("empty callback URL not reported as required")
	}
}

func TestCredentialsTabOrderFollowsTheForm(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{}, "en", nil)
	u.startWizard()
	u.ShowCredentials()
	c := u.Win.Canvas()
	order := u.Credentials.focusOrder()
	c.Focus(order[0])
	for i := 1; i < len(order); i++ {
		test.FocusNext(c)
		if c.Focused() != order[i] {
			t.Fatalf("Tab %d focused %T, want field %d", i, c.Focused(), i)
		}
	}
}

func FuzzValidateCallbackURL(f *testing.F) {
	for _, s := range []string{"http://localhost/", "http://[::1]:80/cb", "https://x", "", "http://localhost:99999/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validateCallbackURL(s) == nil {
			if err := validateCallbackURL(" " + s + " "); err != nil {
				t.Errorf("accepted %q but not with surrounding space", s)
			}
		}
	})
}
