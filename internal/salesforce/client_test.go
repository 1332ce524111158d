package salesforce

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

const testToken = "00Dxx!test-access-token"

// fakeOrg is a scripted Salesforce instance. Each route answers with a status and
// body; every request is recorded so a test can assert how it was called.
type fakeOrg struct {
	t      *testing.T
	routes map[string]route // key: path (query ignored)
	calls  atomic.Int32
	last   atomic.Pointer[http.Request]
}

type route struct {
	status int
	body   string
	auth   bool // require the bearer token; answer 401 otherwise
}

func newFakeOrg(t *testing.T, routes map[string]route) (*fakeOrg, *httptest.Server) {
	f := &fakeOrg{t: t, routes: routes}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.calls.Add(1)
		f.last.Store(r)
		rt, ok := f.routes[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if rt.auth && r.Header.Get("Authorization") != "Bearer "+testToken {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rt.status)
		_, _ = w.Write([]byte(rt.body))
	}))
	t.Cleanup(srv.Close)
	return f, srv
}

func clientFor(srv *httptest.Server) *Client {
	return &Client{HTTP: srv.Client(), InstanceURL: srv.URL, AccessToken: testToken}
}

func TestIdentityFromIdentityURL(t *testing.T) {
	f, srv := newFakeOrg(t, map[string]route{
		"/id/00Dxx0000001gPLEAY/005xx000001Sv6AAAS": {200, `{"id":"x","username":"admin@acme.com","user_id":"005xx000001Sv6AAAS",
			"organization_id":"00Dxx0000001gPLEAY","email":"admin@acme.com","display_name":"Ada Admin","nick_name":"ada"}`, true},
	})
	c := clientFor(srv)
	got, err := c.Identity(context.Background(), srv.URL+"/id/00Dxx0000001gPLEAY/005xx000001Sv6AAAS")
	if err != nil {
		t.Fatal(err)
	}
	want := Identity{Username: "admin@acme.com", UserID: "005xx000001Sv6AAAS", OrgID: "00Dxx0000001gPLEAY", Email: "admin@acme.com", DisplayName: "Ada Admin"}
	if got != want {
		t.Fatalf("Identity = %+v, want %+v", got, want)
	}
	if accept := f.last.Load().Header.Get("Accept"); accept != "application/json" {
		t.Errorf("Accept = %q", accept)
	}
}

func TestIdentityFallsBackToUserinfo(t *testing.T) {
	f, srv := newFakeOrg(t, map[string]route{
		"/services/oauth2/userinfo": {200, `{"sub":"https://login.salesforce.com/id/00D/005","preferred_username":"admin@acme.com",
			"user_id":"005A","organization_id":"00DA","email":"ada@acme.com","name":"Ada Admin"}`, true},
	})
	got, err := clientFor(srv).Identity(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	want := Identity{Username: "admin@acme.com", UserID: "005A", OrgID: "00DA", Email: "ada@acme.com", DisplayName: "Ada Admin"}
	if got != want || f.calls.Load() != 1 {
		t.Fatalf("Identity = %+v after %d calls, want %+v after 1", got, f.calls.Load(), want)
	}
}

func TestIdentityErrors(t *testing.T) {
	tests := []struct {
		name  string
		route route
		check func(error) bool
	}{
		{"expired token 401", route{401, `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`, false},
			func(err error) bool { return errors.Is(err, ErrUnauthorized) }},
		{"identity service 403 Bad_OAuth_Token", route{403, `Bad_OAuth_Token`, false},
			func(err error) bool { return errors.Is(err, ErrUnauthorized) }},
		{"403 other", route{403, `Wrong_Org`, false},
			func(err error) bool { var ae *APIError; return errors.As(err, &ae) && ae.Status == 403 }},
		{"fields missing", route{200, `{"email":"a@b.c"}`, false},
			func(err error) bool { return errors.Is(err, ErrBadResponse) }},
		{"not JSON", route{200, `<html>`, false},
			func(err error) bool { return errors.Is(err, ErrBadResponse) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, srv := newFakeOrg(t, map[string]route{"/id/x": tt.route})
			_, err := clientFor(srv).Identity(context.Background(), srv.URL+"/id/x")
			if err == nil || !tt.check(err) {
				t.Fatalf("Identity error = %v", err)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Fatalf("token in error: %v", err)
			}
		})
	}
}

func TestIdentityRefusesToSendTokenInClear(t *testing.T) {
	c := &Client{InstanceURL: "https://acme.my.salesforce.com", AccessToken: testToken}
	_, err := c.Identity(context.Background(), "http://login.salesforce.com/id/00D/005")
	var ue *URLError
	if !errors.As(err, &ue) || ue.Reason != URLReasonInsecure {
		t.Fatalf("Identity over http = %v, want insecure URLError", err)
	}
	c.InstanceURL = "http://acme.my.salesforce.com"
	if _, err := c.Identity(context.Background(), ""); !errors.As(err, &ue) {
		t.Fatalf("userinfo over http = %v, want URLError", err)
	}
}

func TestLatestAPIVersion(t *testing.T) {
	f, srv := newFakeOrg(t, map[string]route{
		"/services/data/": {200, `[{"label":"Winter '11","url":"/services/data/v20.0","version":"20.0"},
			{"label":"Winter '25","url":"/services/data/v62.0","version":"62.0"},
			{"label":"bogus","url":"/x","version":"latest"},
			{"label":"Spring '09","url":"/services/data/v9.0","version":"9.0"},
			{"label":"Summer '24","url":"/services/data/v61.0","version":"61.0"}]`, false},
	})
	c := clientFor(srv)
	c.AccessToken = ""
	got, err := c.LatestAPIVersion(context.Background())
	if err != nil || got != "62.0" {
		t.Fatalf("LatestAPIVersion = %q, %v; want 62.0", got, err)
	}
	if h := f.last.Load().Header.Get("Authorization"); h != "" {
		t.Errorf("versions call sent Authorization %q", h)
	}
}

func TestLatestAPIVersionEmpty(t *testing.T) {
	_, srv := newFakeOrg(t, map[string]route{"/services/data/": {200, `[]`, false}})
	if _, err := clientFor(srv).LatestAPIVersion(context.Background()); !errors.Is(err, ErrBadResponse) {
		t.Fatalf("err = %v, want ErrBadResponse", err)
	}
}

func TestCanManageUsers(t *testing.T) {
	answer := func(v string) string {
		return `{"totalSize":1,"done":true,"records":[{"attributes":{"type":"UserPermissionAccess","url":"/x"},"PermissionsManageUsers":` + v + `}]}`
	}
	for _, tt := range []struct {
		name, version, body string
		want                bool
	}{
		{"allowed", "62.0", answer("true"), true},
		{"denied", "v62.0", answer("false"), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, srv := newFakeOrg(t, map[string]route{"/services/data/v62.0/query": {200, tt.body, true}})
			c := clientFor(srv)
			c.APIVersion = tt.version
			got, err := c.CanManageUsers(context.Background())
			if err != nil || got != tt.want {
				t.Fatalf("CanManageUsers = %v, %v; want %v", got, err, tt.want)
			}
			if q := f.last.Load().URL.Query().Get("q"); q != "SELECT PermissionsManageUsers FROM UserPermissionAccess" {
				t.Errorf("query q = %q", q)
			}
		})
	}
}

func TestCanManageUsersDiscoversVersion(t *testing.T) {
	f, srv := newFakeOrg(t, map[string]route{
		"/services/data/":            {200, `[{"version":"61.0","url":"/services/data/v61.0"}]`, false},
		"/services/data/v61.0/query": {200, `{"totalSize":1,"done":true,"records":[{"PermissionsManageUsers":true}]}`, true},
	})
	got, err := clientFor(srv).CanManageUsers(context.Background())
	if err != nil || !got || f.calls.Load() != 2 {
		t.Fatalf("CanManageUsers = %v, %v after %d calls", got, err, f.calls.Load())
	}
}

func TestRESTErrors(t *testing.T) {
	tests := []struct {
		name  string
		route route
		token string
		key   string
		code  string
	}{
		{"401 expired session", route{200, `{}`, true}, "stale", "sf.err.unauthorized", ""},
		{"500 with error array", route{500, `[{"message":"An unexpected error occurred","errorCode":"UNKNOWN_EXCEPTION"}]`, false}, testToken, "sf.err.http.server", "UNKNOWN_EXCEPTION"},
		{"API disabled for org", route{403, `[{"message":"The REST API is not enabled for this Organization.","errorCode":"API_DISABLED_FOR_ORG"}]`, false}, testToken, "sf.err.api.disabled_org", "API_DISABLED_FOR_ORG"},
		{"API disabled for user", route{403, `[{"message":"API is disabled for this User","errorCode":"API_CURRENTLY_DISABLED"}]`, false}, testToken, "sf.err.api.disabled_user", "API_CURRENTLY_DISABLED"},
		{"limit", route{403, `[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]`, false}, testToken, "sf.err.api.limit", "REQUEST_LIMIT_EXCEEDED"},
		{"400 malformed query", route{400, `[{"message":"sObject type 'UserPermissionAccess' is not supported.","errorCode":"INVALID_TYPE"}]`, false}, testToken, "sf.err.api", "INVALID_TYPE"},
		{"non-array body", route{502, `<html>gateway</html>`, false}, testToken, "sf.err.http.server", ""},
		{"oversized 200", route{200, `{"records":[` + strings.Repeat(" ", maxBody) + `]}`, false}, testToken, "sf.err.bad_response", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, srv := newFakeOrg(t, map[string]route{"/services/data/v62.0/query": tt.route})
			c := clientFor(srv)
			c.APIVersion, c.AccessToken = "62.0", tt.token
			_, err := c.CanManageUsers(context.Background())
			var keyed interface{ MessageKey() string }
			if !errors.As(err, &keyed) || keyed.MessageKey() != tt.key {
				t.Fatalf("err = %v, want key %q", err, tt.key)
			}
			var ae *APIError
			if tt.code != "" && (!errors.As(err, &ae) || ae.ErrorCode != tt.code || ae.Message == "") {
				t.Fatalf("err = %#v, want APIError with code %s", err, tt.code)
			}
		})
	}
}

func TestClientHonoursContext(t *testing.T) {
	_, srv := newFakeOrg(t, map[string]route{"/services/data/": {200, `[]`, false}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := clientFor(srv).LatestAPIVersion(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestClientRejectsBadAPIVersion(t *testing.T) {
	_, srv := newFakeOrg(t, nil)
	c := clientFor(srv)
	c.APIVersion = "../../evil"
	if _, err := c.CanManageUsers(context.Background()); err == nil {
		t.Fatal("path-like API version accepted")
	}
}

func TestClientRefusesRedirectToPlainHTTP(t *testing.T) {
	// The target is neither https nor loopback: the client must refuse the
	// redirect before dialling, so the bearer token is never sent in clear.
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://insecure.example/id", http.StatusFound)
	}))
	t.Cleanup(tlsSrv.Close)
	c := &Client{HTTP: tlsSrv.Client(), InstanceURL: tlsSrv.URL, AccessToken: testToken}
	_, err := c.Identity(context.Background(), tlsSrv.URL+"/id/x")
	var ue *URLError
	if !errors.As(err, &ue) || ue.Reason != URLReasonInsecure {
		t.Fatalf("err = %v, want redirect refused as insecure", err)
	}
	if c.HTTP.CheckRedirect != nil {
		t.Error("caller's http.Client was modified")
	}
}
