package sfsim

import (
	"net/http"
	"strconv"
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
		rt.revoked = true
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
// success; 400 invalid_token for an unknown or already revoked token.
func (s *Sim) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := r.ParseForm(); err != nil {
		s.tokenFail(w, "revoke", errUnparsableForm)
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
	s.tokenFail(w, "revoke", &oauthError{"invalid_token", "invalid token"})
}
