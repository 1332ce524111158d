package oauthflow

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

const (
	testClientID = "3MVG9_client.id"
	testSecret   = "SECRET-consumer-9f8e"
	testRedirect = "http://localhost/"
)

func TestBeginURL(t *testing.T) {
	tests := []struct {
		name       string
		opts       Options
		wantPrompt string
		wantScope  string
	}{
		{name: "defaults"},
		{name: "prompt login", opts: Options{PromptLogin: true}, wantPrompt: "login"},
		{name: "explicit scopes", opts: Options{Scopes: []string{"api", "refresh_token"}}, wantScope: "api refresh_token"},
	}
	cfg := Config{LoginURL: "https://acme.my.salesforce.com", ClientID: testClientID, ClientSecret: testSecret, RedirectURL: testRedirect}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := Begin(cfg, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			u, err := url.Parse(st.URL)
			if err != nil {
				t.Fatal(err)
			}
			if u.Scheme != "https" || u.Host != "acme.my.salesforce.com" || u.Path != "/services/oauth2/authorize" {
				t.Fatalf("endpoint %s", st.URL)
			}
			q := u.Query()
			want := map[string]string{
				"response_type":         "code",
				"client_id":             testClientID,
				"redirect_uri":          testRedirect,
				"state":                 st.State,
				"code_challenge_method": "S256",
				"code_challenge":        oauth2.S256ChallengeFromVerifier(st.Verifier),
				"prompt":                tt.wantPrompt,
				"scope":                 tt.wantScope,
			}
			for k, v := range want {
				if q.Get(k) != v || (v == "" && q.Has(k)) {
					t.Errorf("%s = %q (present %v), want %q", k, q.Get(k), q.Has(k), v)
				}
			}
			if strings.Contains(st.URL, testSecret) || q.Has("client_secret") || strings.Contains(st.URL, st.Verifier) {
				t.Error("authorize URL carries the secret or the verifier")
			}
			raw, err := base64.RawURLEncoding.DecodeString(st.State)
			if err != nil || len(raw) != 32 {
				t.Errorf("state %q is not 32 bytes of base64url (%v)", st.State, err)
			}
			if len(st.Verifier) < 43 {
				t.Errorf("verifier too short: %d", len(st.Verifier))
			}
		})
	}
}

func TestBeginIsFreshEachTime(t *testing.T) {
	cfg := Config{LoginURL: "https://login.salesforce.com", ClientID: testClientID, RedirectURL: testRedirect}
	a, errA := Begin(cfg, Options{})
	b, errB := Begin(cfg, Options{})
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if a.State == b.State || a.Verifier == b.Verifier || a.URL == b.URL {
		t.Fatal("two attempts share state or verifier")
	}
}

func TestLoginURLValidation(t *testing.T) {
	tests := []struct {
		loginURL string
		ok       bool
	}{
		{"https://acme.my.salesforce.com", true},
		{"https://acme--dev.sandbox.my.salesforce.com/", true},
		{"https://login.salesforce.com", true},
		{"http://127.0.0.1:54321", true},
		{"http://localhost:8080/", true},
		{"http://[::1]:9", true},
		{"http://acme.my.salesforce.com", false}, // the secret would travel in clear
		{"http://192.168.0.10:8080", false},
		{"https://acme.my.salesforce.com/services/oauth2", false},
		{"https://acme.my.salesforce.com?x=1", false},
		{"https://acme.my.salesforce.com#x", false},
		{"https://user:hunter2@acme.my.salesforce.com", false},
		{"ftp://acme.my.salesforce.com", false},
		{"acme.my.salesforce.com", false},
		{"", false},
	}
	for _, tt := range tests {
		_, err := Begin(Config{LoginURL: tt.loginURL, ClientID: testClientID, RedirectURL: testRedirect}, Options{})
		var le *LoginURLError
		switch {
		case tt.ok && err != nil:
			t.Errorf("%q: unexpected error %v", tt.loginURL, err)
		case !tt.ok && !errors.As(err, &le):
			t.Errorf("%q: err = %v, want *LoginURLError", tt.loginURL, err)
		case !tt.ok && strings.Contains(le.Error()+le.MessageArgs()["URL"].(string), "hunter2"):
			t.Errorf("%q: error shows the password", tt.loginURL)
		}
	}
}

func TestBeginRequiresClientAndRedirect(t *testing.T) {
	for _, cfg := range []Config{
		{LoginURL: "https://login.salesforce.com", RedirectURL: testRedirect},
		{LoginURL: "https://login.salesforce.com", ClientID: testClientID},
	} {
		if _, err := Begin(cfg, Options{}); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}
