package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/testkit"
)

// TestAuthorizeSaysWhenTheBrowserCannotBeOpened: when no browser opens
// (no default browser, ShellExecute or xdg-open fails), the screen says so
// and points at the copy-URL button instead of waiting silently; the URL
// copied from there, opened by hand, completes the sign-in.
func TestAuthorizeSaysWhenTheBrowserCannotBeOpened(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			e := newSimEnv(t, testkit.Fail, nil)
			u, loop := newSimUI(t, e, lang, nil)
			toAuthorize(t, u, e)
			s := u.Authorize
			test.Tap(s.Authorize)
			loop.waitFor(t, "the message that no browser opened", func() bool { return s.Error.Visible() })
			if want := u.L.T("ui.auth.nobrowser"); s.Error.Text != want {
				t.Errorf("error line = %q, want %q", s.Error.Text, want)
			}
			if lang == "ja" && !hasJapanese(s.Error.Text) {
				t.Errorf("the ja screen says %q", s.Error.Text)
			}
			if s.CopyURL.Disabled() || s.CopyURL.Importance != widget.HighImportance {
				t.Errorf("the copy-URL button is not the highlighted way on (disabled %v, importance %v)",
					s.CopyURL.Disabled(), s.CopyURL.Importance)
			}
			if !s.Waiting() {
				t.Fatal("the screen stopped waiting; the URL opened by hand could not finish the sign-in")
			}

			test.Tap(s.CopyURL)
			copied := u.Clip.Clipboard.Content()
			if opened := e.browser.Opened(); len(opened) != 1 || copied != opened[0] {
				t.Fatalf("copied %q, want the sign-in URL the browser was asked to open", copied)
			}
			go e.browser.Navigate(copied) // the admin opens the copied URL in a browser by hand
			loop.waitFor(t, "the result screen", func() bool { return u.Screen() == ScreenResult })
		})
	}
}
