package sfsim

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// tokenReply is Salesforce's token response. There is deliberately no
// expires_in: Salesforce does not send one.
type tokenReply struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Signature    string `json:"signature"`
	Scope        string `json:"scope"`
	InstanceURL  string `json:"instance_url"`
	ID           string `json:"id"`
	TokenType    string `json:"token_type"`
	IssuedAt     string `json:"issued_at"`
}

// oauthError is a token-endpoint failure: HTTP 400 with error and error_description.
type oauthError struct{ code, description string }

// Salesforce's token-endpoint errors, with its exact descriptions.
var (
	errBadClientID    = &oauthError{"invalid_client_id", "client identifier invalid"}
	errBadSecret      = &oauthError{"invalid_client", "invalid client credentials"}
	errBadCode        = &oauthError{"invalid_grant", "invalid authorization code"}
	errExpiredCode    = &oauthError{"invalid_grant", "expired authorization code"}
	errBadVerifier    = &oauthError{"invalid_grant", "invalid code verifier"}
	errBadRefresh     = &oauthError{"invalid_grant", "expired access/refresh token"}
	errRedirect       = &oauthError{"redirect_uri_mismatch", "redirect_uri must match configuration"}
	errInactiveUser   = &oauthError{"inactive_user", "user is inactive"}
	errGrantType      = &oauthError{"unsupported_grant_type", "grant type not supported"}
	errMustPost       = &oauthError{"invalid_request", "must use HTTP POST"}
	errUnparsableForm = &oauthError{"invalid_request", "unparsable request body"}
)

// clientCreds are the client credentials of a token request.
type clientCreds struct {
	id, secret  string
	secretGiven bool
}

// handleToken serves the token endpoint. Like Salesforce it reads parameters
// from the form body and the query string (the seed's curl uses the latter).
func (s *Sim) handleToken(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.Fail5xx > 0 {
		s.opts.Fail5xx--
		s.record("fail5xx", "token endpoint answered 503")
		writeOutage(w)
		return
	}
	if r.Method != http.MethodPost {
		s.tokenFail(w, "token", errMustPost)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.tokenFail(w, "token", errUnparsableForm)
		return
	}
	creds, ok := readClientCreds(r)
	switch grant := r.Form.Get("grant_type"); {
	case !ok:
		s.tokenFail(w, "token", errBadSecret)
	case grant == "authorization_code":
		s.exchangeCode(w, r, creds)
	case grant == "refresh_token":
		s.refreshGrant(w, r, creds)
	default:
		s.tokenFail(w, "token", errGrantType)
	}
}

// readClientCreds takes the client credentials from HTTP Basic (RFC 6749
// section 2.3.1, form-encoded then base64) or from the parameters. It reports
// false when both are present and disagree.
func readClientCreds(r *http.Request) (clientCreds, bool) {
	c := clientCreds{id: r.Form.Get("client_id"), secret: r.Form.Get("client_secret"), secretGiven: r.Form.Has("client_secret")}
	user, pass, ok := r.BasicAuth()
	if !ok {
		return c, true
	}
	id, err1 := url.QueryUnescape(user)
	secret, err2 := url.QueryUnescape(pass)
	if err1 != nil || err2 != nil || (c.id != "" && c.id != id) {
		return c, false
	}
	return clientCreds{id: id, secret: secret, secretGiven: true}, true
}

// checkSecret applies the app's "Require secret" setting: a given secret must
// always be right; a missing one is refused only when required.
func checkSecret(c Client, creds clientCreds, required bool) *oauthError {
	if !creds.secretGiven {
		if required {
			return errBadSecret
		}
		return nil
	}
	if subtle.ConstantTimeCompare([]byte(creds.secret), []byte(c.Secret)) != 1 {
		return errBadSecret
	}
	return nil
}

// exchangeCode is the authorization_code grant. Callers hold s.mu.
func (s *Sim) exchangeCode(w http.ResponseWriter, r *http.Request, creds clientCreds) {
	c, ok := s.client(creds.id)
	if !ok {
		s.tokenFail(w, "token", errBadClientID)
		return
	}
	if e := checkSecret(c, creds, c.RequireSecret); e != nil {
		s.tokenFail(w, "token", e)
		return
	}
	g, ok := s.codes[r.Form.Get("code")]
	switch {
	case !ok || g.req.clientID != c.ID:
		s.tokenFail(w, "token", errBadCode)
		return
	case g.used:
		// A replayed code may have been stolen: revoke what it produced
		// (RFC 6749 section 4.1.2).
		for _, t := range g.access {
			s.access[t].revoked = true
		}
		for _, t := range g.refresh {
			s.revokeRefresh(t)
		}
		s.record("token", "code replayed: tokens issued from it revoked")
		s.tokenFail(w, "token", errBadCode)
		return
	case s.opts.Now().Sub(g.issued) > s.opts.CodeTTL:
		s.tokenFail(w, "token", errExpiredCode)
		return
	case r.Form.Get("redirect_uri") != g.req.redirectURI:
		s.tokenFail(w, "token", errRedirect)
		return
	}
	if e := checkVerifier(g.req.challenge, r.Form.Get("code_verifier"), r.Form.Has("code_verifier")); e != nil {
		s.tokenFail(w, "token", e)
		return
	}
	if !s.opts.User.Active {
		s.tokenFail(w, "token", errInactiveUser)
		return
	}
	g.used = true
	reply := s.issueTokens(r, c, g.req.scopes, "", true)
	g.access = append(g.access, reply.AccessToken)
	if reply.RefreshToken != "" {
		g.refresh = append(g.refresh, reply.RefreshToken)
		s.limitApprovals(c.ID)
	}
	s.record("token", "tokens issued client="+c.ID+" refresh_token="+strconv.FormatBool(reply.RefreshToken != ""))
	writeJSON(w, http.StatusOK, reply)
}

// checkVerifier applies PKCE: with a challenge the verifier must be present
// and S256-match; without one, a verifier is refused too.
func checkVerifier(challenge, verifier string, given bool) *oauthError {
	if challenge == "" {
		if given {
			return errBadVerifier
		}
		return nil
	}
	if !validVerifier(verifier) || subtle.ConstantTimeCompare([]byte(s256(verifier)), []byte(challenge)) != 1 {
		return errBadVerifier
	}
	return nil
}

// issueTokens creates an access token (and a refresh token when newRefresh and
// the grant has refresh_token) and builds the reply. parent is the refresh
// token an access token comes from, if any. Callers hold s.mu.
func (s *Sim) issueTokens(r *http.Request, c Client, scopes []string, parent string, newRefresh bool) tokenReply {
	now := s.opts.Now()
	at := newAccessToken(s.opts.Org.OrgID)
	reply := tokenReply{
		AccessToken: at,
		Scope:       strings.Join(scopes, " "),
		InstanceURL: s.instanceURL(r),
		ID:          s.base(r) + "/id/" + s.opts.Org.OrgID + "/" + s.opts.User.UserID,
		TokenType:   "Bearer",
		IssuedAt:    strconv.FormatInt(now.UnixMilli(), 10),
	}
	if newRefresh && slices.Contains(scopes, "refresh_token") {
		rt := newRefreshToken()
		family := rt // a new approval starts a family named after its first token
		if p, ok := s.refresh[parent]; ok {
			family = p.family // a rotation continues it
		} else {
			s.approvals = append(s.approvals, approval{clientID: c.ID, family: family})
		}
		s.refresh[rt] = &refreshToken{clientID: c.ID, scopes: scopes, issued: now, family: family}
		s.refOrder = append(s.refOrder, rt)
		reply.RefreshToken = rt
		parent = rt
	}
	s.access[at] = &accessToken{clientID: c.ID, issued: now, refresh: parent}
	// Salesforce signs id + issued_at with the consumer secret (HMAC-SHA256)
	// so the client can check the identity URL was not altered.
	mac := hmac.New(sha256.New, []byte(c.Secret))
	mac.Write([]byte(reply.ID + reply.IssuedAt))
	reply.Signature = base64.StdEncoding.EncodeToString(mac.Sum(nil))
	return reply
}

// tokenFail records and writes a token-endpoint error. Callers hold s.mu.
func (s *Sim) tokenFail(w http.ResponseWriter, kind string, e *oauthError) {
	s.record(kind, e.code+": "+e.description)
	writeJSON(w, http.StatusBadRequest, map[string]string{"error": e.code, "error_description": e.description})
}

// writeJSON writes v with Salesforce's JSON content type.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
