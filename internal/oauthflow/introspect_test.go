package oauthflow

import (
	"context"
	"errors"
	"net/url"
	"reflect"
	"testing"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

func TestIntrospect(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   *Introspection
		check  func(*testing.T, error)
	}{
		{"active refresh token", 200, `{"active":true,"scope":"api refresh_token","client_id":"3MVG9k",
"username":"admin@acme.example","sub":"https://login.salesforce.com/id/00D/005","token_type":"refresh_token","iat":1,"nbf":1}`,
			&Introspection{Active: true, Username: "admin@acme.example", Scopes: []string{"api", "refresh_token"},
				ClientID: "3MVG9k", TokenType: "refresh_token"}, nil},
		{"inactive", 200, `{"active":false}`, &Introspection{Active: false, Scopes: []string{}}, nil},
		{"hostile username is cleaned", 200, `{"active":true,"username":"a\u001b[31m\u202eb"}`,
			&Introspection{Active: true, Username: "a [31m b", Scopes: []string{}}, nil},
		{"no active field", 200, `{"username":"x"}`, nil, func(t *testing.T, err error) {
			if !errors.Is(err, salesforce.ErrBadResponse) {
				t.Fatalf("err = %v, want ErrBadResponse", err)
			}
		}},
		{"not JSON", 200, `<html>login</html>`, nil, func(t *testing.T, err error) {
			if !errors.Is(err, salesforce.ErrBadResponse) {
				t.Fatalf("err = %v, want ErrBadResponse", err)
			}
		}},
		{"client refused", 401, `{"error":"invalid_client","error_description":"invalid client credentials"}`, nil, wantOAuth("invalid_client", 401)},
		{"refused by a proxy", 403, `<html>denied</html>`, nil, wantHTTP(403)},
		{"outage", 503, ``, nil, wantHTTP(503)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSF(t, tt.status, tt.body)
			got, err := Introspect(context.Background(), f.cfg(), "5Aep.tok+en=", HintRefreshToken)
			if tt.check != nil {
				tt.check(t, err)
				noSecrets(t, err, "5Aep.tok", testSecret)
			} else if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Introspect = %+v, %v; want %+v", got, err, tt.want)
			}
			r := f.only(t)
			want := url.Values{"token": {"5Aep.tok+en="}, "token_type_hint": {"refresh_token"},
				"client_id": {testClientID}, "client_secret": {testSecret}}
			if r.Method != "POST" || r.Path != "/services/oauth2/introspect" || r.RawQuery != "" ||
				r.ContentType != "application/x-www-form-urlencoded" || r.Form.Encode() != want.Encode() {
				t.Errorf("request %s %s?%s %s form %s", r.Method, r.Path, r.RawQuery, r.ContentType, r.Form.Encode())
			}
		})
	}
	cfg := Config{LoginURL: "https://x.example", ClientID: "c", RedirectURL: testRedirect}
	if _, err := Introspect(context.Background(), cfg, "t", ""); err == nil {
		t.Error("introspection without the consumer secret was attempted")
	}
}
