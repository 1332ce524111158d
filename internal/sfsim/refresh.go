package sfsim

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// refreshGrant is the refresh_token grant. Callers hold s.mu.
func (s *Sim) refreshGrant(w http.ResponseWriter, r *http.Request, creds clientCreds) {
	c, ok := s.client(creds.id)
	if !ok {
		s.tokenFail(w, "refresh", errBadClientID)
		return
	}
	if e := checkSecret(c, creds, c.RequireSecretForRefresh); e != nil {
		s.tokenFail(w, "refresh", e)
		return
	}
	old := r.Form.Get("refresh_token")
	rt, ok := s.refresh[old]
	if ok && rt.rotated && rt.clientID == c.ID {
		// Reuse of a token that rotation retired: someone holds a copy.
		// Salesforce then revokes the current token of the family and its
		// access tokens (Help, "Force one-time-use Refresh Tokens").
		s.revokeFamily(rt.family)
		s.record("refresh", "reuse of a rotated-out refresh token: its whole family revoked")
		s.tokenFail(w, "refresh", errBadRefresh)
		return
	}
	if !ok || rt.revoked || rt.clientID != c.ID {
		s.tokenFail(w, "refresh", errBadRefresh)
		return
	}
	if !s.opts.User.Active {
		s.tokenFail(w, "refresh", errInactiveUser)
		return
	}
	rotate := s.opts.Rotation
	reply := s.issueTokens(r, c, rt.scopes, old, rotate)
	if rotate {
		// Rotation: the old refresh token dies; access tokens already issued
		// from it live on until their session ends.
		rt.revoked, rt.rotated = true, true
	}
	s.record("refresh", "access token issued client="+c.ID+" rotated="+strconv.FormatBool(rotate))
	writeJSON(w, http.StatusOK, reply)
}

// revokeRefresh revokes a refresh token and every access token issued from
// it, as Salesforce does. Callers hold s.mu.
func (s *Sim) revokeRefresh(token string) {
	rt, ok := s.refresh[token]
	if !ok {
		return
	}
	rt.revoked = true
	for _, a := range s.access {
		if a.refresh == token {
			a.revoked = true
		}
	}
}

// handleRevoke serves the revocation endpoint: POST with form token=... (GET
// with ?token= is also accepted, as by Salesforce). 200 with an empty body on
// success. Errors are HTTP 400 with a form-encoded body, not JSON
// (omniphx/forrest issue #213; jsforce src/oauth2.ts revokeToken parses it
// with querystring.parse), with the codes of the Mobile SDK guide,
// "Revoking OAuth Tokens":
// invalid_token for a token issued here and already revoked,
// unsupported_token_type for one never seen (Salesforce cannot tell its type).
func (s *Sim) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := r.ParseForm(); err != nil {
		s.revokeFail(w, errUnparsableForm)
		return
	}
	token := r.Form.Get("token")
	if rt, ok := s.refresh[token]; ok && !rt.revoked {
		s.revokeRefresh(token)
		s.record("revoke", "refresh token and its access tokens revoked")
		w.WriteHeader(http.StatusOK)
		return
	}
	if a, ok := s.access[token]; ok && !a.revoked {
		a.revoked = true
		s.record("revoke", "access token revoked")
		w.WriteHeader(http.StatusOK)
		return
	}
	if _, known := s.refresh[token]; known {
		s.revokeFail(w, &oauthError{"invalid_token", "invalid token"})
		return
	}
	if _, known := s.access[token]; known {
		s.revokeFail(w, &oauthError{"invalid_token", "invalid token"})
		return
	}
	s.revokeFail(w, &oauthError{"unsupported_token_type", "this token type is not supported"})
}

// revokeFail records and writes a revoke error: HTTP 400, form-encoded, spaces
// as %20 as in the body Salesforce sends. Callers hold s.mu.
func (s *Sim) revokeFail(w http.ResponseWriter, e *oauthError) {
	s.record("revoke", e.code+": "+e.description)
	enc := func(v string) string { return strings.ReplaceAll(url.QueryEscape(v), "+", "%20") }
	w.Header().Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
	w.WriteHeader(http.StatusBadRequest)
	_, _ = w.Write([]byte("error=" + enc(e.code) + "&error_description=" + enc(e.description)))
}
