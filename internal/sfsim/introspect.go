package sfsim

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// handleIntrospect serves RFC 7662 token introspection,
// POST /services/oauth2/introspect (Salesforce Help, "OpenID Connect Token
// Introspection"). The app authenticates with its consumer key and secret,
// in the form body or HTTP Basic; it may introspect its own access and refresh
// tokens. An active token gives {"active": true, "scope", "client_id",
// "username", "sub", "token_type", "iat", "nbf"} (and "exp" for an access
// token); anything else, including another app's token, {"active": false}.
// Looking a token up never uses it: a rotating refresh token stays as it is,
// and one that rotation retired answers active:false without counting as a
// reuse (reuse detection is about presenting it for a new access token: Help
// article 005316711, "Force one-time-use Refresh Tokens").
func (s *Sim) handleIntrospect(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Method != http.MethodPost {
		s.tokenFail(w, "introspect", errMustPost)
		return
	}
	if s.opts.IntrospectionRefused {
		s.record("introspect", "refused")
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "access_denied",
			"error_description": "token introspection is not allowed for this client"})
		return
	}
	if err := r.ParseForm(); err != nil {
		s.tokenFail(w, "introspect", errUnparsableForm)
		return
	}
	creds, ok := readClientCreds(r)
	c, known := s.client(creds.id)
	if !ok || !known || !creds.secretGiven || subtle.ConstantTimeCompare([]byte(creds.secret), []byte(c.Secret)) != 1 {
		s.record("introspect", "invalid_client")
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client",
			"error_description": "invalid client credentials"})
		return
	}
	token := r.Form.Get("token")
	base := s.base(r)
	sub := base + "/id/" + s.opts.Org.OrgID + "/" + s.opts.User.UserID
	if rt, ok := s.refresh[token]; ok && !rt.revoked && rt.clientID == c.ID && s.opts.User.Active {
		s.record("introspect", "active refresh token")
		writeJSON(w, http.StatusOK, map[string]any{"active": true, "scope": strings.Join(rt.scopes, " "),
			"client_id": c.ID, "username": s.opts.User.Username, "sub": sub, "token_type": "refresh_token",
			"iat": rt.issued.Unix(), "nbf": rt.issued.Unix()})
		return
	}
	if a, ok := s.access[token]; ok && a.clientID == c.ID && s.session(token) {
		s.record("introspect", "active access token")
		writeJSON(w, http.StatusOK, map[string]any{"active": true, "client_id": c.ID,
			"username": s.opts.User.Username, "sub": sub, "token_type": "access_token",
			"iat": a.issued.Unix(), "nbf": a.issued.Unix(), "exp": a.issued.Add(s.opts.SessionTTL).Unix()})
		return
	}
	s.record("introspect", "inactive token")
	writeJSON(w, http.StatusOK, map[string]bool{"active": false})
}
