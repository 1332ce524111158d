package oauthflow

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// seen is one request the fake Salesforce received.
type seen struct {
	Method, Path, RawQuery, ContentType, Authorization, Body string
	Form                                                     url.Values
}

// fakeSF answers every request with one canned reply and records requests.
type fakeSF struct {
	srv         *httptest.Server
	status      int
	contentType string
	body        string
	location    string

	mu   sync.Mutex
	reqs []seen
}

func newFakeSF(t *testing.T, status int, body string) *fakeSF {
	t.Helper()
	f := &fakeSF{status: status, body: body, contentType: "application/json;charset=UTF-8"}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(raw))
		f.mu.Lock()
		f.reqs = append(f.reqs, seen{
			Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Body: string(raw), Form: form,
			ContentType: r.Header.Get("Content-Type"), Authorization: r.Header.Get("Authorization"),
		})
		f.mu.Unlock()
		if f.location != "" {
			w.Header().Set("Location", f.location)
		}
		w.Header().Set("Content-Type", f.contentType)
		w.WriteHeader(f.status)
		_, _ = io.WriteString(w, f.body)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSF) cfg() Config {
	return Config{LoginURL: f.srv.URL, ClientID: testClientID, ClientSecret: testSecret, RedirectURL: testRedirect}
}

func (f *fakeSF) only(t *testing.T) seen {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.reqs) != 1 {
		t.Fatalf("got %d requests, want 1", len(f.reqs))
	}
	return f.reqs[0]
}

const fullReply = `{"access_token":"00Dxx!AQ.access","refresh_token":"5Aep.refresh","signature":"c2ln",
"scope":"refresh_token api","instance_url":"https://acme.my.salesforce.com",
"id":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
"token_type":"Bearer","issued_at":"1700000000123"}`

func TestExchangeSendsFormBody(t *testing.T) {
	f := newFakeSF(t, 200, fullReply)
	tok, err := Exchange(context.Background(), f.cfg(), "aPrx+/==", "verifier-abc")
	if err != nil {
		t.Fatal(err)
	}
	r := f.only(t)
	if r.Method != "POST" || r.Path != "/services/oauth2/token" || r.RawQuery != "" {
		t.Fatalf("request %s %s?%s: want POST to the token path with no query", r.Method, r.Path, r.RawQuery)
	}
	if r.ContentType != "application/x-www-form-urlencoded" || r.Authorization != "" {
		t.Errorf("Content-Type %q, Authorization %q", r.ContentType, r.Authorization)
	}
	want := url.Values{
		"grant_type": {"authorization_code"}, "code": {"aPrx+/=="}, "client_id": {testClientID},
		"client_secret": {testSecret}, "redirect_uri": {testRedirect}, "code_verifier": {"verifier-abc"},
	}
	if r.Form.Encode() != want.Encode() {
		t.Errorf("form\n got %s\nwant %s", r.Form.Encode(), want.Encode())
	}
	if !strings.Contains(r.Body, "code=aPrx%2B%2F%3D%3D") {
		t.Errorf("code not encoded exactly once in %q", r.Body)
	}
	wantTok := Token{
		AccessToken: "00Dxx!AQ.access", RefreshToken: "5Aep.refresh", Signature: "c2ln",
		Scope: "refresh_token api", InstanceURL: "https://acme.my.salesforce.com",
		ID:        "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
		TokenType: "Bearer", IssuedAt: time.UnixMilli(1700000000123).UTC(),
	}
	if *tok != wantTok {
		t.Errorf("token\n got %+v\nwant %+v", *tok, wantTok)
	}
}

func TestExchangeErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		ctype  string
		body   string
		check  func(t *testing.T, err error)
	}{
		{"expired code", 400, "", `{"error":"invalid_grant","error_description":"expired authorization code"}`, wantOAuth("invalid_grant", 400)},
		{"bad verifier", 400, "", `{"error":"invalid_grant","error_description":"invalid code verifier"}`, wantOAuth("invalid_grant", 400)},
		{"wrong secret", 400, "", `{"error":"invalid_client","error_description":"invalid client credentials"}`, wantOAuth("invalid_client", 400)},
		{"error with status 200", 200, "", `{"error":"invalid_client_id","error_description":"client identifier invalid"}`, wantOAuth("invalid_client_id", 200)},
		{"outage", 503, "text/html", `<html>Service Unavailable</html>`, wantHTTP(503)},
		{"server error", 500, "", `{"error":"server_error"}`, wantHTTP(500)},
		{"redirect not followed", 302, "text/html", ``, wantHTTP(302)},
		{"not JSON", 200, "text/html", `<html>captive portal</html>`, wantIs(salesforce.ErrBadResponse)},
		{"no access token", 200, "", `{"instance_url":"https://acme.my.salesforce.com"}`, wantIs(salesforce.ErrBadResponse)},
		{"no instance_url", 200, "", `{"access_token":"a","refresh_token":"r"}`, wantIs(salesforce.ErrBadResponse)},
		{"issued_at not ms", 200, "", `{"access_token":"a","refresh_token":"r","instance_url":"https://x","issued_at":"yesterday"}`, wantIs(salesforce.ErrBadResponse)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSF(t, tt.status, tt.body)
			if tt.ctype != "" {
				f.contentType = tt.ctype
			}
			if tt.status == 302 {
				f.location = f.srv.URL + "/elsewhere"
			}
			tok, err := Exchange(context.Background(), f.cfg(), "aPrxCODE==", "VERIFIER")
			if tok != nil {
				t.Errorf("token returned with error %v", err)
			}
			tt.check(t, err)
			noSecrets(t, err, "aPrxCODE", "VERIFIER", testSecret)
			f.only(t) // exactly one request: no retry, no redirect followed
		})
	}
}

func TestExchangeWithoutRefreshToken(t *testing.T) {
	f := newFakeSF(t, 200, `{"access_token":"a","scope":"api id","instance_url":"https://acme.my.salesforce.com","token_type":"Bearer","issued_at":"1700000000000"}`)
	tok, err := Exchange(context.Background(), f.cfg(), "c", "v")
	if !errors.Is(err, ErrNoRefreshToken) {
		t.Fatalf("err = %v, want ErrNoRefreshToken", err)
	}
	var nr *NoRefreshTokenError
	if !errors.As(err, &nr) || strings.Join(nr.GrantedScopes, " ") != "api id" {
		t.Fatalf("err = %#v, want granted scopes [api id]", err)
	}
	if nr.MessageKey() != "flow.no_refresh_token" || nr.MessageArgs()["Scopes"] != "api, id" {
		t.Errorf("key %q args %v", nr.MessageKey(), nr.MessageArgs())
	}
	if tok == nil || tok.AccessToken != "a" || tok.RefreshToken != "" {
		t.Fatalf("token %+v: want the access token back for revocation", tok)
	}
}

func TestNetworkErrors(t *testing.T) {
	f := newFakeSF(t, 200, fullReply)
	cfg := f.cfg()
	host := strings.TrimPrefix(f.srv.URL, "http://")
	f.srv.Close()
	calls := map[string]func(context.Context) error{
		"exchange": func(ctx context.Context) error { _, err := Exchange(ctx, cfg, "c", "v"); return err },
		"refresh":  func(ctx context.Context) error { _, err := Refresh(ctx, cfg, "r"); return err },
		"revoke":   func(ctx context.Context) error { return Revoke(ctx, cfg, "t") },
	}
	for name, call := range calls {
		err := call(context.Background())
		var ne *NetworkError
		if !errors.As(err, &ne) || ne.Host != host || ne.MessageArgs()["Host"] != host {
			t.Errorf("%s: err = %v, want NetworkError for %s", name, err, host)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err = call(ctx)
		if !errors.Is(err, context.Canceled) || errors.As(err, &ne) {
			t.Errorf("%s canceled: err = %v, want context.Canceled and no NetworkError", name, err)
		}
	}
}

func wantOAuth(code string, status int) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var oe *salesforce.OAuthError
		if !errors.As(err, &oe) || oe.Code != code || oe.Status != status {
			t.Fatalf("err = %v, want OAuthError %s (HTTP %d)", err, code, status)
		}
	}
}

func wantHTTP(status int) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var he *salesforce.HTTPError
		if !errors.As(err, &he) || he.Status != status {
			t.Fatalf("err = %v, want HTTPError %d", err, status)
		}
	}
}

func wantIs(target error) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		if !errors.Is(err, target) {
			t.Fatalf("err = %v, want %v", err, target)
		}
	}
}

func noSecrets(t *testing.T, err error, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if err != nil && strings.Contains(err.Error(), s) {
			t.Errorf("error %q contains a secret", err)
		}
	}
}

// A Salesforce that accepts the connection but does not answer before the
// client's timeout is "did not answer in time", not "cannot reach".
func TestNetworkErrorTimeoutHasItsOwnMessage(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	cfg := Config{LoginURL: srv.URL, ClientID: "id", ClientSecret: "s", RedirectURL: "http://localhost/",
		HTTPClient: &http.Client{Timeout: 50 * time.Millisecond}}
	_, err := Exchange(context.Background(), cfg, "c", "v")
	var ne *NetworkError
	if !errors.As(err, &ne) || ne.MessageKey() != "app.net.err.slow" {
		t.Fatalf("err = %v, want a NetworkError with app.net.err.slow", err)
	}
	refused := &NetworkError{Host: "h", Err: errors.New("connection refused")}
	if refused.MessageKey() != "app.net.err.unreachable" {
		t.Errorf("a refused connection is %s", refused.MessageKey())
	}
}
