package sfsim

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fuzzSim is a simulator with the test apps and a fixed clock.
func fuzzSim() *Sim {
	clock := &fakeClock{now: time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)}
	return New(testOptions(clock))
}

// Whatever the query, the authorize endpoint never fails with 5xx and never
// redirects anywhere but to a registered callback.
func FuzzAuthorize(f *testing.F) {
	f.Add(authParams().Encode())
	f.Add(authParams("redirect_uri", "http://localhost").Encode())
	f.Add(authParams("redirect_uri", "http://evil.example/").Encode())
	f.Add(authParams("client_id", "x").Encode())
	f.Add(authParams("code_challenge_method", "plain", "code_challenge", "x").Encode())
	f.Add("client_id=" + testClientID + "&redirect_uri=http://localhost/&redirect_uri=http://evil.example/")
	f.Add("%zz&;;===")
	s := fuzzSim()
	f.Fuzz(func(t *testing.T, rawQuery string) {
		req := httptest.NewRequest(http.MethodGet, "/services/oauth2/authorize", nil)
		req.URL.RawQuery = rawQuery
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d", rec.Code)
		}
		if rec.Code == http.StatusFound {
			loc := rec.Header().Get("Location")
			if !strings.HasPrefix(loc, testCallback+"?") && !strings.HasPrefix(loc, testCallback2+"?") {
				t.Fatalf("redirected to unregistered %q", loc)
			}
		}
	})
}

// Whatever the body, the token endpoint answers 400 JSON and never issues a
// token without a code this simulator issued.
func FuzzToken(f *testing.F) {
	f.Add(exchangeForm("aPrxAAAA==").Encode())
	f.Add(refreshForm("5Aep861x").Encode())
	f.Add("grant_type=authorization_code&code=&client_id=")
	f.Add("%zz")
	s := fuzzSim()
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/services/oauth2/token", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest || !strings.HasPrefix(rec.Body.String(), `{"error":`) {
			t.Fatalf("status %d body %q", rec.Code, rec.Body.String())
		}
	})
}

// The SOQL parser never panics, and what it accepts is SELECT ... FROM ...
func FuzzParseSOQL(f *testing.F) {
	for _, q := range []string{
		"SELECT PermissionsManageUsers FROM UserPermissionAccess",
		"select a,b from c limit 3", "SELECT , FROM", "SELECT a FROM b LIMIT -1", "", "SELECT",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got, err := parseSOQL(q)
		if err != nil {
			if err.code != "MALFORMED_QUERY" {
				t.Fatalf("error code %q", err.code)
			}
			return
		}
		if len(got.fields) == 0 || got.object == "" || !strings.EqualFold(strings.Fields(q)[0], "SELECT") {
			t.Fatalf("accepted %q as %+v", q, got)
		}
	})
}

// Bearer extraction never panics and never returns the scheme itself.
func FuzzBearer(f *testing.F) {
	for _, h := range []string{"Bearer abc", "OAuth abc", "bearer ", "Basic x", "Bearer", ""} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, header string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", header)
		if got := bearer(r); strings.HasPrefix(strings.ToLower(got), "bearer ") {
			t.Fatalf("bearer(%q) = %q", header, got)
		}
	})
}
