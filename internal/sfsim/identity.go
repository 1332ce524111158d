package sfsim

import (
	"net/http"
	"strings"
	"unicode"
)

// bearer returns the access token of r: "Authorization: Bearer <t>" (or the
// older "OAuth <t>" that Salesforce still accepts). A value with inner
// whitespace ("Bearer Bearer x") is no token at all: Salesforce access
// tokens ("00D...!AQ...") never contain one. Found by FuzzBearer.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	for _, scheme := range []string{"Bearer ", "OAuth "} {
		if len(h) > len(scheme) && strings.EqualFold(h[:len(scheme)], scheme) {
			t := strings.TrimSpace(h[len(scheme):])
			if strings.ContainsFunc(t, unicode.IsSpace) {
				return ""
			}
			return t
		}
	}
	return ""
}

// session reports whether token is a live session: issued here, not revoked,
// not ended, within the session timeout, for an active user. Callers hold s.mu.
func (s *Sim) session(token string) bool {
	a, ok := s.access[token]
	if !ok || a.revoked || a.expired || !s.opts.User.Active {
		return false
	}
	return s.opts.Now().Sub(a.issued) < s.opts.SessionTTL
}

// badOAuthToken is the identity service's answer to a missing or dead token:
// 403 with a plain-text body, unlike the REST API's 401 JSON.
func badOAuthToken(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
	w.WriteHeader(http.StatusForbidden)
	_, _ = w.Write([]byte("Bad_OAuth_Token"))
}

// identityAllowed answers for the identity service when the method or the
// bearer token is wrong, and reports whether the request may go on. The
// caller holds s.mu.
func (s *Sim) identityAllowed(w http.ResponseWriter, r *http.Request, kind string) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return false
	}
	if !s.session(bearer(r)) {
		s.record(kind, "Bad_OAuth_Token")
		badOAuthToken(w)
		return false
	}
	return true
}

// handleIdentity serves the identity URL /id/<orgId>/<userId>.
func (s *Sim) handleIdentity(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.identityAllowed(w, r, "identity") {
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/id/"), "/")
	if len(parts) != 2 || !sameID(parts[0], s.opts.Org.OrgID) {
		s.record("identity", "Wrong_Org")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte("Wrong_Org"))
		return
	}
	if !sameID(parts[1], s.opts.User.UserID) {
		s.record("identity", "Bad_Id")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte("Bad_Id"))
		return
	}
	s.record("identity", "ok user="+s.opts.User.UserID)
	u := s.opts.User
	first, last := splitName(u.DisplayName)
	writeJSON(w, http.StatusOK, map[string]any{
		"id":               s.base(r) + "/id/" + s.opts.Org.OrgID + "/" + u.UserID,
		"asserted_user":    true,
		"user_id":          u.UserID,
		"organization_id":  s.opts.Org.OrgID,
		"username":         u.Username,
		"nick_name":        nickname(u.Username),
		"display_name":     u.DisplayName,
		"email":            u.Email,
		"email_verified":   true,
		"first_name":       first,
		"last_name":        last,
		"timezone":         "Asia/Tokyo",
		"active":           u.Active,
		"user_type":        "STANDARD",
		"language":         "ja",
		"locale":           "ja_JP",
		"utcOffset":        32400000,
		"is_app_installed": true,
		"urls":             s.identityURLs(r),
	})
}

// handleUserinfo serves the OpenID Connect style /services/oauth2/userinfo.
func (s *Sim) handleUserinfo(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.identityAllowed(w, r, "userinfo") {
		return
	}
	s.record("userinfo", "ok user="+s.opts.User.UserID)
	u := s.opts.User
	first, last := splitName(u.DisplayName)
	writeJSON(w, http.StatusOK, map[string]any{
		"sub":                s.base(r) + "/id/" + s.opts.Org.OrgID + "/" + u.UserID,
		"user_id":            u.UserID,
		"organization_id":    s.opts.Org.OrgID,
		"preferred_username": u.Username,
		"nickname":           nickname(u.Username),
		"name":               u.DisplayName,
		"email":              u.Email,
		"email_verified":     true,
		"given_name":         first,
		"family_name":        last,
		"zoneinfo":           "Asia/Tokyo",
		"active":             u.Active,
		"user_type":          "STANDARD",
		"language":           "ja",
		"locale":             "ja_JP",
		"utcOffset":          32400000,
		"urls":               s.identityURLs(r),
	})
}

// identityURLs lists the org's API endpoints; "{version}" is literal, as in
// Salesforce's reply. Callers hold s.mu.
func (s *Sim) identityURLs(r *http.Request) map[string]string {
	inst := s.instanceURL(r)
	urls := map[string]string{
		"rest":     inst + "/services/data/v{version}/",
		"sobjects": inst + "/services/data/v{version}/sobjects/",
		"query":    inst + "/services/data/v{version}/query/",
		"profile":  inst + "/" + s.opts.User.UserID,
	}
	if s.opts.Org.MyDomain != "" || s.opts.Org.InstanceURL != "" {
		urls["custom_domain"] = inst
	}
	return urls
}

// sameID compares Salesforce IDs: 15-char forms are case-sensitive, the
// 18-char form is accepted too.
func sameID(got, want string) bool {
	return got == want || (len(got) == 15 && got == shortID(want))
}

// nickname is Salesforce's default nickname: the username's local part.
func nickname(username string) string {
	local, _, _ := strings.Cut(username, "@")
	return local
}

// splitName splits a display name into first and last name at the last space.
func splitName(name string) (string, string) {
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		return name[:i], name[i+1:]
	}
	return "", name
}
