package sfsim

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// GET /services/data/ needs no authentication and lists versions oldest first.
func TestVersions(t *testing.T) {
	h := newHarness(t, nil)
	resp, body := h.get("/services/data/", nil)
	var got []apiVersion
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v: %s", resp.StatusCode, err, body)
	}
	last := got[len(got)-1]
	if len(got) != len(APIVersions) || last != (apiVersion{"Summer '25", "/services/data/v64.0", "64.0"}) {
		t.Errorf("versions = %+v", got)
	}
}

// restError decodes Salesforce's REST error array.
func restErrorOf(t *testing.T, body string) string {
	t.Helper()
	var errs []struct{ Message, ErrorCode string }
	if err := json.Unmarshal([]byte(body), &errs); err != nil || len(errs) != 1 {
		t.Fatalf("error body %q is not a one-element JSON array: %v", body, err)
	}
	return errs[0].ErrorCode
}

func TestQuery(t *testing.T) {
	tests := []struct {
		name        string
		manageUsers bool
		q           string
		status      int
		wantCode    string // REST errorCode on failure
		wantManage  any    // PermissionsManageUsers on success
	}{
		{"can manage users", true, "SELECT PermissionsManageUsers FROM UserPermissionAccess", 200, "", true},
		{"cannot manage users", false, "SELECT PermissionsManageUsers FROM UserPermissionAccess", 200, "", false},
		{"keywords in any case", true, "select permissionsmanageusers from userpermissionaccess limit 1", 200, "", true},
		{"two fields", false, "SELECT PermissionsApiEnabled, PermissionsManageUsers FROM UserPermissionAccess", 200, "", false},
		{"empty", true, "", 400, "MALFORMED_QUERY", nil},
		{"no fields", true, "SELECT FROM UserPermissionAccess", 400, "MALFORMED_QUERY", nil},
		{"trailing junk", true, "SELECT PermissionsManageUsers FROM UserPermissionAccess WHERE x", 400, "MALFORMED_QUERY", nil},
		{"not a select", true, "DELETE FROM User", 400, "MALFORMED_QUERY", nil},
		{"other object", true, "SELECT Id FROM Account", 400, "INVALID_TYPE", nil},
		{"unknown field", true, "SELECT PermissionsFly FROM UserPermissionAccess", 400, "INVALID_FIELD", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.User.ManageUsers = tt.manageUsers })
			at := h.tokens()["access_token"].(string)
			resp, body := h.withBearer("/services/data/v64.0/query?"+url.Values{"q": {tt.q}}.Encode(), at)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status != 200 {
				if code := restErrorOf(t, body); code != tt.wantCode {
					t.Errorf("errorCode = %q, want %q", code, tt.wantCode)
				}
				return
			}
			var got struct {
				TotalSize int              `json:"totalSize"`
				Done      bool             `json:"done"`
				Records   []map[string]any `json:"records"`
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if got.TotalSize != 1 || !got.Done || len(got.Records) != 1 || got.Records[0]["PermissionsManageUsers"] != tt.wantManage {
				t.Errorf("reply %s", body)
			}
			if attrs, _ := got.Records[0]["attributes"].(map[string]any); attrs["type"] != "UserPermissionAccess" {
				t.Errorf("attributes = %v", got.Records[0]["attributes"])
			}
		})
	}
}

// Authenticated REST resources answer 401 INVALID_SESSION_ID without a live
// session, and 404 NOT_FOUND for unknown versions or resources.
func TestRESTAuthAndPaths(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.User.ManageUsers = false })
	at := h.tokens()["access_token"].(string)
	rt := h.sim.IssuedRefreshTokens()[0]
	q := "?q=" + url.QueryEscape("SELECT PermissionsManageUsers FROM UserPermissionAccess")
	tests := []struct {
		name, path, token string
		status            int
		wantCode          string
	}{
		{"no token", "/services/data/v64.0/query" + q, "", 401, "INVALID_SESSION_ID"},
		{"refresh token used as bearer", "/services/data/v64.0/query" + q, rt, 401, "INVALID_SESSION_ID"},
		{"unknown version", "/services/data/v12.0/query" + q, at, 404, "NOT_FOUND"},
		{"not a version", "/services/data/latest/query" + q, at, 404, "NOT_FOUND"},
		{"unknown resource", "/services/data/v64.0/limits", at, 404, "NOT_FOUND"},
		{"unknown path", "/services/apexrest/x", at, 404, "NOT_FOUND"},
		{"version index", "/services/data/v64.0/", at, 200, ""},
		{"user describe", "/services/data/v62.0/sobjects/User/describe", at, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := h.withBearer(tt.path, tt.token)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.wantCode != "" {
				if code := restErrorOf(t, body); code != tt.wantCode {
					t.Errorf("errorCode = %q, want %q", code, tt.wantCode)
				}
			}
			if tt.status == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	t.Run("describe reflects Manage Users", func(t *testing.T) {
		_, body := h.withBearer("/services/data/v64.0/sobjects/User/describe", at)
		var d map[string]any
		if err := json.Unmarshal([]byte(body), &d); err != nil || d["createable"] != false || d["updateable"] != false {
			t.Errorf("describe = %s (%v)", body, err)
		}
	})
}
