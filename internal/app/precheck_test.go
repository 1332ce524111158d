package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// Everything a new connection is saved with is checked before a listener
// binds or a browser opens: a value refused after the sign-in would cost
// the admin the sign-in.
func TestConnectChecksEveryInputBeforeTheBrowser(t *testing.T) {
	h := newHarness(t, nil)
	tests := []struct {
		name, profile, key string
		edit               func(in *app.ConnectInput, f *app.ConsoleFields)
	}{
		{"path in the name", "../x", "profile.err.name_separator", nil},
		{"control character in the name", "prod\x1b[2J", "profile.err.name_invalid_char", nil},
		{"name too long", strings.Repeat("n", 65), "profile.err.name_too_long", nil},
		{"domain with @", "prod", "profile.err.domain_has_at", func(_ *app.ConnectInput, f *app.ConsoleFields) { f.Domain = "admin@example.com" }},
		{"matching attribute", "prod", "profile.err.matching_attribute_invalid", func(_ *app.ConnectInput, f *app.ConsoleFields) { f.MatchingAttribute = "E-mail" }},
		{"asset id", "prod", "profile.err.asset_id_invalid", func(_ *app.ConnectInput, f *app.ConsoleFields) { f.AssetID = "sf prod" }},
		{"memo with escape", "prod", "profile.err.memo_invalid", func(_ *app.ConnectInput, f *app.ConsoleFields) { f.Memo = "a\x07b" }},
		{"client id with space", "prod", "profile.err.client_id_invalid", func(in *app.ConnectInput, _ *app.ConsoleFields) { in.ClientID = "3MVG9 abc" }},
		{"callback on 127.0.0.1", "prod", "callback.err.redirect_host", func(in *app.ConnectInput, _ *app.ConsoleFields) { in.CallbackURL = "http://127.0.0.1/" }},
		{"login URL elsewhere", "prod", "sf.url.not_allowed", func(in *app.ConnectInput, _ *app.ConsoleFields) { in.LoginURL = "https://sso.evil.example" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, f := h.input(), h.fields()
			if tt.edit != nil {
				tt.edit(&in, &f)
			}
			_, err := h.svc.Connect(context.Background(), tt.profile, in, f, nil)
			var k interface{ MessageKey() string }
			if !errors.As(err, &k) || k.MessageKey() != tt.key {
				t.Fatalf("err = %v, want key %s", err, tt.key)
			}
		})
	}
	if len(h.browser.Opened()) != 0 || len(h.sim.IssuedRefreshTokens()) != 0 {
		t.Errorf("a sign-in started: opened %v", h.browser.Opened())
	}
	h.assertNothingSaved()
}

// A saved profile whose file was edited into something Save refuses is
// refused before the browser opens on re-authorization.
func TestReauthorizeChecksTheSavedProfileFirst(t *testing.T) {
	h := connected(t, nil)
	tamper(t, h.dir, "prod", "asset_id", "not valid!")
	opened := len(h.browser.Opened())
	_, err := h.svc.Reauthorize(context.Background(), "prod", false, 0)
	var v profile.ValidationErrors
	if !errors.As(err, &v) || v.Field("asset_id") == nil {
		t.Fatalf("Reauthorize = %v, want the asset ID refused", err)
	}
	if len(h.browser.Opened()) != opened {
		t.Error("the browser opened")
	}
}
