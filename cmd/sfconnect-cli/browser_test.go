package main

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

// TestLoginWhenTheBrowserCannotBeOpened: the CLI says so, prints the URL
// and keeps waiting; the user opens the URL by hand and the sign-in
// completes through the loopback callback.
func TestLoginWhenTheBrowserCannotBeOpened(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en_US.UTF-8", "The browser could not be opened"},
		{"ja_JP.UTF-8", "ブラウザーを起動できませんでした"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			c := newCLI(t)
			c.vars["LANG"] = tt.lang
			var shown *url.URL
			c.browser = func(_ string, u *url.URL) error {
				shown = u
				go c.web.Navigate(u.String()) // the admin, opening the printed URL by hand
				return errors.New("no browser")
			}
			out, errOut := c.mustLogin("manual")
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr does not say the browser could not be opened:\n%s", errOut)
			}
			if shown == nil || !strings.Contains(out, shown.String()) {
				t.Errorf("stdout does not carry the sign-in URL to open by hand:\n%s", out)
			}
			if _, err := c.store.Get(t.Context(), "manual:refresh_token"); err != nil {
				t.Errorf("no refresh token saved after the manual sign-in: %v", err)
			}
		})
	}
}
