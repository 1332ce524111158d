package sfsim

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// apiVersion is one entry of GET /services/data/.
type apiVersion struct {
	Label   string `json:"label"`
	URL     string `json:"url"`
	Version string `json:"version"`
}

// APIVersions are the versions the simulated org serves, oldest first as in
// Salesforce's reply; the last one is the newest (Summer '25, as in the seed).
var APIVersions = []string{"59.0", "60.0", "61.0", "62.0", "63.0", "64.0"}

// releaseNames maps API versions to their Salesforce release labels.
var releaseNames = map[string]string{
	"59.0": "Winter '24", "60.0": "Spring '24", "61.0": "Summer '24",
	"62.0": "Winter '25", "63.0": "Spring '25", "64.0": "Summer '25",
}

// permissionFields are the UserPermissionAccess fields the simulator knows,
// by lower-case name, with their canonical API spelling.
var permissionFields = map[string]string{
	"permissionsmanageusers": "PermissionsManageUsers",
	"permissionsapienabled":  "PermissionsApiEnabled",
	"permissionsviewsetup":   "PermissionsViewSetup",
}

// writeRESTError writes Salesforce's REST error shape: a JSON array.
func writeRESTError(w http.ResponseWriter, status int, code, message string) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", "Token")
	}
	writeJSON(w, status, []map[string]string{{"message": message, "errorCode": code}})
}

// handleData serves /services/data/...: the version list without auth, and a
// few authenticated resources under /services/data/vNN.N/.
func (s *Sim) handleData(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeRESTError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED",
			fmt.Sprintf("HTTP Method '%s' not allowed. Allowed are GET", r.Method))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rest := strings.TrimPrefix(r.URL.Path, "/services/data/")
	if rest == "" {
		s.record("versions", "listed")
		list := make([]apiVersion, 0, len(APIVersions))
		for _, v := range APIVersions {
			list = append(list, apiVersion{Label: releaseNames[v], URL: "/services/data/v" + v, Version: v})
		}
		writeJSON(w, http.StatusOK, list)
		return
	}
	if !s.session(bearer(r)) {
		s.record("rest", "INVALID_SESSION_ID")
		writeRESTError(w, http.StatusUnauthorized, "INVALID_SESSION_ID", "Session expired or invalid")
		return
	}
	if code, message := s.apiBlocked(); code != "" {
		s.record("rest", code)
		writeRESTError(w, http.StatusForbidden, code, message)
		return
	}
	version, resource, _ := strings.Cut(rest, "/")
	if !strings.HasPrefix(version, "v") || !slices.Contains(APIVersions, version[1:]) {
		s.record("rest", "NOT_FOUND: unknown version")
		writeRESTError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource does not exist")
		return
	}
	switch strings.TrimSuffix(resource, "/") {
	case "":
		base := "/services/data/" + version
		writeJSON(w, http.StatusOK, map[string]string{
			"sobjects": base + "/sobjects", "query": base + "/query", "identity": s.base(r) + "/id/" + s.opts.Org.OrgID + "/" + s.opts.User.UserID,
		})
	case "query":
		s.query(w, r.URL.Query().Get("q"))
	case "sobjects/User/describe":
		s.describeUser(w)
	default:
		s.record("rest", "NOT_FOUND: "+resource)
		writeRESTError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource does not exist")
	}
}

// apiBlocked returns the REST error of an org or user without API access.
// REST answers both with 403 API_DISABLED_FOR_ORG and the same message: an
// edition without the API (REST API Developer Guide, "Supported Editions and
// Required Permissions") and, in an edition that has it, a user without "API
// Enabled" (Sequin's docs, "Enable Salesforce API Access": that body for a
// user without the permission). API_CURRENTLY_DISABLED ("API is disabled for
// this User", SOAP API ExceptionCode list) is what other APIs answer the
// user; REST clients must handle it too, but sfsim's REST does not send it.
// 403 is "request refused", the body the usual error array (REST API,
// "Status Codes and Error Responses"). Callers hold s.mu.
func (s *Sim) apiBlocked() (code, message string) {
	if s.opts.Org.APIDisabled || s.opts.User.APIDisabled {
		return "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization."
	}
	return "", ""
}

// query answers SOQL on UserPermissionAccess (the running user's effective
// permissions); anything else is refused. Callers hold s.mu.
func (s *Sim) query(w http.ResponseWriter, q string) {
	fail := func(e *restError) {
		s.record("query", e.code)
		writeRESTError(w, http.StatusBadRequest, e.code, e.message)
	}
	parsed, perr := parseSOQL(q)
	if perr != nil {
		fail(perr)
		return
	}
	if !strings.EqualFold(parsed.object, "UserPermissionAccess") {
		fail(&restError{"INVALID_TYPE", fmt.Sprintf("sObject type '%s' is not supported.", parsed.object)})
		return
	}
	rec := map[string]any{"attributes": map[string]string{"type": "UserPermissionAccess"}}
	for _, f := range parsed.fields {
		name, ok := permissionFields[strings.ToLower(f)]
		if !ok {
			fail(&restError{"INVALID_FIELD", fmt.Sprintf("No such column '%s' on entity 'UserPermissionAccess'.", f)})
			return
		}
		rec[name] = name != "PermissionsManageUsers" || s.opts.User.ManageUsers
	}
	records := []map[string]any{rec}
	if parsed.limit == 0 {
		records = []map[string]any{}
	}
	s.record("query", fmt.Sprintf("UserPermissionAccess manageUsers=%t", s.opts.User.ManageUsers))
	writeJSON(w, http.StatusOK, map[string]any{"totalSize": len(records), "done": true, "records": records})
}

// describeUser answers the User describe: whether the running user may create
// and update users, and the fields the governance service can match on.
// Callers hold s.mu.
func (s *Sim) describeUser(w http.ResponseWriter) {
	m := s.opts.User.ManageUsers
	field := func(name, typ string, unique bool) map[string]any {
		return map[string]any{"name": name, "type": typ, "unique": unique, "createable": m, "updateable": m}
	}
	s.record("describe", fmt.Sprintf("User createable=%t", m))
	writeJSON(w, http.StatusOK, map[string]any{
		"name": "User", "label": "User", "keyPrefix": "005",
		"createable": m, "updateable": m, "deletable": false, "queryable": true,
		"fields": []map[string]any{
			field("Username", "string", true),
			field("Email", "email", false),
			field("FederationIdentifier", "string", false),
			field("EmployeeNumber", "string", false),
			field("IsActive", "boolean", false),
		},
	})
}
