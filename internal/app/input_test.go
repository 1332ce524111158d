package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
)

// keyOf returns the translation key of err, "" for nil.
func keyOf(err error) string {
	var k interface{ MessageKey() string }
	if errors.As(err, &k) {
		return k.MessageKey()
	}
	if err != nil {
		return "untranslated: " + err.Error()
	}
	return ""
}

// CheckInput is what a form shows under each field as the admin types:
// the reason, in words that fit under the field.
func TestCheckInputReportsEachField(t *testing.T) {
	good := app.ConnectInput{Org: "https://acme.lightning.force.com/", ClientID: " 3MVG9abc ",
		ClientSecret: "E2B4C6", CallbackURL: "http://localhost:8765/callback"}
	tests := []struct {
		name  string
		edit  func(in *app.ConnectInput)
		field string
		key   string
	}{
		{"all fine", func(*app.ConnectInput) {}, "", ""},
		{"org empty", func(in *app.ConnectInput) { in.Org = " " }, app.FieldOrg, "sf.org.empty"},
		{"key empty", func(in *app.ConnectInput) { in.ClientID = "  " }, app.FieldClientID, "app.input.required"},
		{"key with a space", func(in *app.ConnectInput) { in.ClientID = "3MVG9 abc" }, app.FieldClientID, "sf.cred.spaces"},
		{"key in full width", func(in *app.ConnectInput) { in.ClientID = "３MVG9" }, app.FieldClientID, "sf.cred.invalid"},
		{"secret empty", func(in *app.ConnectInput) { in.ClientSecret = "" }, app.FieldClientSecret, "app.input.required"},
		{"secret with a line break", func(in *app.ConnectInput) { in.ClientSecret = "E2B4\nC6" }, app.FieldClientSecret, "sf.cred.spaces"},
		{"callback empty", func(in *app.ConnectInput) { in.CallbackURL = "" }, app.FieldCallbackURL, "app.input.required"},
		{"callback on 127.0.0.1", func(in *app.ConnectInput) { in.CallbackURL = "http://127.0.0.1/" }, app.FieldCallbackURL, "callback.err.redirect_host"},
		{"login URL of another host", func(in *app.ConnectInput) { in.LoginURL = "https://sso.evil.example" }, app.FieldLoginURL, "sf.url.not_allowed"},
		{"login URL in clear text", func(in *app.ConnectInput) { in.Org, in.LoginURL = "", "http://example.com" }, app.FieldLoginURL, "sf.url.insecure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good
			tt.edit(&in)
			c := app.CheckInput(in)
			for _, f := range []string{app.FieldOrg, app.FieldClientID, app.FieldClientSecret, app.FieldCallbackURL, app.FieldLoginURL} {
				want := ""
				if f == tt.field {
					want = tt.key
				}
				if in.Org == "" && f == app.FieldOrg {
					continue // the clear-text case leaves the org out on purpose
				}
				if got := keyOf(c.Err(f)); got != want {
					t.Errorf("%s: key %q, want %q", f, got, want)
				}
			}
			if c.OK() != (tt.field == "") {
				t.Errorf("OK() = %v", c.OK())
			}
		})
	}
	c := app.CheckInput(good)
	if c.Org.Namespace != "acme" || c.SignInURL != "https://acme.my.salesforce.com" {
		t.Errorf("org %q, sign-in URL %q", c.Org.Namespace, c.SignInURL)
	}
}

// The secret's rule holds for the command line too: a secret pasted with a
// space is refused with the field named, before any browser opens.
func TestConnectRefusesASecretOfTheWrongShape(t *testing.T) {
	h := newHarness(t, nil)
	for secret, key := range map[string]string{"E2B4 C6": "app.err.client_secret_invalid", " ": "app.err.client_secret_required"} {
		in := h.input()
		in.ClientSecret = secret
		_, err := h.svc.Connect(context.Background(), "prod", in, h.fields(), nil)
		var ie *app.InputError
		if !errors.As(err, &ie) || ie.Field != app.FieldClientSecret || keyOf(err) != key {
			t.Errorf("secret %q: err = %v (key %q), want %s", secret, err, keyOf(err), key)
		}
	}
	if len(h.browser.Opened()) != 0 {
		t.Errorf("a browser opened: %v", h.browser.Opened())
	}
	h.assertNothingSaved()
}
