package oauthflow

import (
	"context"
	"net/url"
	"testing"
)

func TestRefresh(t *testing.T) {
	const base = `"access_token":"00D!new","signature":"s","scope":"refresh_token api",` +
		`"instance_url":"https://acme.my.salesforce.com","id":"https://login.salesforce.com/id/00D/005",` +
		`"token_type":"Bearer","issued_at":"1700000000999"`
	tests := []struct {
		name        string
		reply       string
		wantRefresh string
	}{
		// Without rotation Salesforce sends no refresh_token; x/oauth2 would
		// copy the old one in, which must not happen here.
		{"no rotation", "{" + base + "}", ""},
		{"rotation", `{"refresh_token":"5Aep.rotated",` + base + "}", "5Aep.rotated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSF(t, 200, tt.reply)
			tok, err := Refresh(context.Background(), f.cfg(), "5Aep.old")
			if err != nil {
				t.Fatal(err)
			}
			if tok.AccessToken != "00D!new" || tok.RefreshToken != tt.wantRefresh || tok.IssuedAt.UnixMilli() != 1700000000999 {
				t.Errorf("token %+v", tok)
			}
			r := f.only(t)
			want := url.Values{
				"grant_type": {"refresh_token"}, "refresh_token": {"5Aep.old"},
				"client_id": {testClientID}, "client_secret": {testSecret},
			}
			if r.Method != "POST" || r.Path != "/services/oauth2/token" || r.RawQuery != "" || r.Form.Encode() != want.Encode() {
				t.Errorf("request %s %s?%s form %s", r.Method, r.Path, r.RawQuery, r.Form.Encode())
			}
		})
	}
}

func TestRefreshErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		check  func(*testing.T, error)
	}{
		{"revoked", 400, `{"error":"invalid_grant","error_description":"expired access/refresh token"}`, wantOAuth("invalid_grant", 400)},
		{"inactive user", 400, `{"error":"inactive_user","error_description":"user is inactive"}`, wantOAuth("inactive_user", 400)},
		{"outage", 503, `<html></html>`, wantHTTP(503)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSF(t, tt.status, tt.body)
			_, err := Refresh(context.Background(), f.cfg(), "5Aep.old")
			tt.check(t, err)
			noSecrets(t, err, "5Aep.old", testSecret)
		})
	}
	if _, err := Refresh(context.Background(), Config{LoginURL: "https://x", ClientID: "c", RedirectURL: testRedirect}, ""); err == nil {
		t.Error("empty refresh token accepted")
	}
}

func TestRevoke(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		check  func(*testing.T, error)
	}{
		{"ok", 200, ``, func(t *testing.T, err error) {
			if err != nil {
				t.Fatal(err)
			}
		}},
		{"unknown token, form-encoded as Salesforce sends it", 400,
			"error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported",
			wantOAuth("unsupported_token_type", 400)},
		{"revoked token, form-encoded", 400, "error=invalid_token&error_description=invalid%20token", wantOAuth("invalid_token", 400)},
		{"unknown token, JSON", 400, `{"error":"invalid_token","error_description":"invalid token"}`, wantOAuth("invalid_token", 400)},
		{"outage", 503, `<html></html>`, wantHTTP(503)},
		{"redirect not followed", 302, ``, wantHTTP(302)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSF(t, tt.status, tt.body)
			if tt.status == 302 {
				f.location = f.srv.URL + "/elsewhere"
			}
			err := Revoke(context.Background(), f.cfg(), "5Aep.tok+en=")
			tt.check(t, err)
			noSecrets(t, err, "5Aep.tok", testSecret)
			r := f.only(t)
			if r.Method != "POST" || r.Path != "/services/oauth2/revoke" || r.RawQuery != "" ||
				r.ContentType != "application/x-www-form-urlencoded" || r.Form.Encode() != (url.Values{"token": {"5Aep.tok+en="}}).Encode() {
				t.Errorf("request %+v", r)
			}
		})
	}
}
