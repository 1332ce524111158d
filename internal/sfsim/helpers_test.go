package sfsim

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Test fixtures: one seed-like app with two callbacks and a second app.
const (
	testClientID  = "3MVG9testClientAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	testSecret    = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	otherClientID = "3MVG9otherClientBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
	otherSecret   = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
	testCallback  = "http://localhost/"
	testCallback2 = "http://localhost:8080/callback"
	// RFC 7636 Appendix B example pair.
	testVerifier  = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
	testChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
)

// fakeClock is a settable clock for expiry tests.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// harness is a simulator behind a real loopback HTTP server and a client that
// does not follow redirects, so tests can read Location.
type harness struct {
	t     testing.TB
	sim   *Sim
	srv   *httptest.Server
	clock *fakeClock
	http  *http.Client
}

func testOptions(clock *fakeClock) Options {
	other := NewClient(otherClientID, otherSecret, testCallback)
	return Options{
		Org:     OrgInfo{OrgID: DemoOrgID},
		Clients: []Client{NewClient(testClientID, testSecret, testCallback, testCallback2), other},
		User: User{Username: "admin@example.com", UserID: DemoUserID, Email: "admin@example.com",
			DisplayName: "Hanako Yamada", ManageUsers: true, Active: true},
		Consent: ConsentAuto,
		Now:     clock.Now,
	}
}

// newHarness starts a simulator; mutate may adjust the options first.
func newHarness(t testing.TB, mutate func(*Options)) *harness {
	t.Helper()
	clock := &fakeClock{now: time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)}
	opts := testOptions(clock)
	if mutate != nil {
		mutate(&opts)
	}
	sim := New(opts)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	return &harness{t: t, sim: sim, srv: srv, clock: clock, http: &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}}
}

// authParams are valid authorize parameters for the test app.
func authParams(extra ...string) url.Values {
	v := url.Values{"response_type": {"code"}, "client_id": {testClientID}, "redirect_uri": {testCallback}, "state": {"st-123"}}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			v.Del(extra[i])
		} else {
			v.Set(extra[i], extra[i+1])
		}
	}
	return v
}

// do sends a request and returns status, headers and body.
func (h *harness) do(req *http.Request) (*http.Response, string) {
	h.t.Helper()
	resp, err := h.http.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatalf("read body: %v", err)
	}
	return resp, string(body)
}

func (h *harness) get(path string, q url.Values) (*http.Response, string) {
	h.t.Helper()
	u := h.srv.URL + path
	if q != nil {
		u += "?" + q.Encode()
	}
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return h.do(req)
}

func (h *harness) postForm(path string, form url.Values) (*http.Response, string) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return h.do(req)
}

// withBearer sends GET path with an access token.
func (h *harness) withBearer(path, token string) (*http.Response, string) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, h.srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	return h.do(req)
}

// callback asserts a 302 and returns the Location's query, decoded once.
func (h *harness) callback(resp *http.Response, wantPrefix string) url.Values {
	h.t.Helper()
	if resp.StatusCode != http.StatusFound {
		h.t.Fatalf("status = %d, want 302", resp.StatusCode)
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, wantPrefix+"?") {
		h.t.Fatalf("Location = %q, want prefix %q", loc, wantPrefix+"?")
	}
	u, err := url.Parse(loc)
	if err != nil {
		h.t.Fatalf("parse Location: %v", err)
	}
	return u.Query()
}

// code runs an authorization and returns the code from the callback.
func (h *harness) code(p url.Values) string {
	h.t.Helper()
	resp, _ := h.get("/services/oauth2/authorize", p)
	q := h.callback(resp, p.Get("redirect_uri"))
	if q.Get("code") == "" {
		h.t.Fatalf("no code in callback: error=%q", q.Get("error"))
	}
	return q.Get("code")
}

// exchangeForm is a valid authorization_code token request for code.
func exchangeForm(code string, extra ...string) url.Values {
	v := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "client_id": {testClientID},
		"client_secret": {testSecret}, "redirect_uri": {testCallback}}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			v.Del(extra[i])
		} else {
			v.Set(extra[i], extra[i+1])
		}
	}
	return v
}

// token posts to the token endpoint and decodes the JSON reply.
func (h *harness) token(form url.Values) (int, map[string]any) {
	h.t.Helper()
	resp, body := h.postForm("/services/oauth2/token", form)
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		h.t.Fatalf("token reply (status %d) is not a JSON object: %v: %q", resp.StatusCode, err, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json;charset=UTF-8" {
		h.t.Errorf("Content-Type = %q", ct)
	}
	return resp.StatusCode, m
}

// tokens runs a full successful flow and returns the token reply.
func (h *harness) tokens() map[string]any {
	h.t.Helper()
	status, m := h.token(exchangeForm(h.code(authParams())))
	if status != http.StatusOK {
		h.t.Fatalf("exchange: status %d %v", status, m)
	}
	return m
}

// wantOAuthError asserts a 400 token-endpoint error.
func wantOAuthError(t *testing.T, status int, m map[string]any, code, desc string) {
	t.Helper()
	if status != http.StatusBadRequest || m["error"] != code || m["error_description"] != desc {
		t.Errorf("got %d %v, want 400 error=%q error_description=%q", status, m, code, desc)
	}
}

// formTokenRE extracts the consent page's form token.
var formTokenRE = regexp.MustCompile(`name="form_token" value="([^"]+)"`)

// consentAction is what a click on Allow or Deny posts.
func consentAction(token string, allow bool) url.Values {
	action := "deny"
	if allow {
		action = "allow"
	}
	return url.Values{"form_token": {token}, "action": {action}}
}

// challengeOf computes an S256 challenge independently of the simulator.
func challengeOf(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
