package sfsim

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// redirectError is an authorize error that may be sent back to a trusted
// callback, as opposed to one shown on Salesforce's own page.
type redirectError struct{ code, description string }

// handleAuthorize serves the authorization endpoint: GET (or POST without a
// form token) starts an authorization; POST with a form token is the consent
// page's Allow or Deny.
func (s *Sim) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.mu.Lock()
		s.record("authorize", "invalid_request: unparsable parameters")
		s.mu.Unlock()
		writeErrorPage(w, "invalid_request", "unparsable parameters")
		return
	}
	if r.Method == http.MethodPost && r.PostForm.Has("form_token") {
		s.handleConsent(w, r)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	req, pageCode, redirErr := s.validateAuthorize(r.Form)
	switch {
	case pageCode != "":
		desc := "client identifier invalid"
		if pageCode == "redirect_uri_mismatch" {
			desc = "redirect_uri must match configuration"
		}
		s.record("authorize", pageCode+": shown on error page, not redirected")
		writeErrorPage(w, pageCode, desc)
		return
	case redirErr != nil:
		s.record("authorize", redirErr.code+": "+redirErr.description)
		s.redirect(w, r, req, url.Values{"error": {redirErr.code}, "error_description": {redirErr.description}})
		return
	}
	switch s.opts.Consent {
	case ConsentDeny:
		s.record("authorize", "access_denied: user denied client="+req.clientID)
		s.redirect(w, r, req, deniedParams())
	case ConsentPage:
		if slices.Contains(strings.Fields(r.Form.Get("prompt")), "none") {
			s.record("authorize", "login_required: prompt=none needs an interactive login")
			s.redirect(w, r, req, url.Values{"error": {"login_required"}, "error_description": {"user must log in"}})
			return
		}
		token := newFormToken()
		s.forms[token] = &formGrant{req: req, issued: s.opts.Now()}
		c, _ := s.client(req.clientID)
		s.record("authorize", "consent page shown client="+req.clientID)
		writeConsentPage(w, c.Name, s.opts.User.Username, token, req.scopes)
	default:
		s.issueCode(w, r, req)
	}
}

// validateAuthorize checks an authorization request in Salesforce's order:
// errors about the client or callback go on the error page (pageCode), later
// errors are redirected to the now-trusted callback. Callers hold s.mu.
func (s *Sim) validateAuthorize(p url.Values) (authRequest, string, *redirectError) {
	req := authRequest{
		clientID:    p.Get("client_id"),
		redirectURI: p.Get("redirect_uri"),
		state:       p.Get("state"),
	}
	c, ok := s.client(req.clientID)
	if !ok {
		return req, "invalid_client_id", nil
	}
	// Exact, byte-for-byte comparison: no normalisation of trailing slash,
	// case, default port or localhost/127.0.0.1 (Salesforce callback matching).
	if !slices.Contains(c.RedirectURIs, req.redirectURI) || req.redirectURI == "" {
		return req, "redirect_uri_mismatch", nil
	}
	if p.Get("response_type") != "code" {
		return req, "", &redirectError{"unsupported_response_type", "response type not supported"}
	}
	req.challenge = p.Get("code_challenge")
	method := p.Get("code_challenge_method")
	switch {
	case method != "" && method != "S256":
		return req, "", &redirectError{"invalid_request", "invalid code challenge method"}
	case method != "" && req.challenge == "":
		return req, "", &redirectError{"invalid_request", "missing required code challenge"}
	case c.RequirePKCE && req.challenge == "":
		return req, "", &redirectError{"invalid_request", "missing required code challenge"}
	}
	scopes, ok := grantScopes(c.Scopes, p.Get("scope"))
	if !ok {
		return req, "", &redirectError{"invalid_scope", "the requested scope is not allowed"}
	}
	if s.opts.NoRefreshToken {
		scopes = slices.DeleteFunc(scopes, func(sc string) bool { return sc == "refresh_token" })
	}
	req.scopes = scopes
	if !validPrompt(p.Get("prompt")) {
		return req, "", &redirectError{"invalid_request", "invalid prompt"}
	}
	// The app's policies are checked for the signed-in user and sent back to
	// the (trusted) callback, as Salesforce does ("Failure passed to redirect
	// url. error=OAUTH_APP_BLOCKED": MicrosoftDocs SupportArticles-docs,
	// Copilot for Sales sign-in articles).
	switch {
	case c.Blocked:
		return req, "", &redirectError{"OAUTH_APP_BLOCKED", "this app is blocked by admin"}
	case c.AdminApproved && !s.opts.User.PreAuthorized:
		return req, "", &redirectError{"OAUTH_APP_ACCESS_DENIED", "user is not admin approved to access this app"}
	}
	return req, "", nil
}

// grantScopes returns the scopes granted for a request: all the app's scopes
// when none are requested, else the requested ones if the app allows each.
// offline_access is Salesforce's synonym of refresh_token.
func grantScopes(allowed []string, requested string) ([]string, bool) {
	norm := func(sc string) string {
		if sc == "offline_access" {
			return "refresh_token"
		}
		return sc
	}
	var allow []string
	for _, sc := range allowed {
		if n := norm(sc); !slices.Contains(allow, n) {
			allow = append(allow, n)
		}
	}
	fields := strings.Fields(requested)
	if len(fields) == 0 {
		return allow, true
	}
	var out []string
	for _, sc := range allow { // keep the app's order for a stable reply
		for _, f := range fields {
			if norm(f) == sc && !slices.Contains(out, sc) {
				out = append(out, sc)
			}
		}
	}
	for _, f := range fields {
		if !slices.Contains(allow, norm(f)) {
			return nil, false
		}
	}
	return out, true
}

// validPrompt accepts the prompt values Salesforce documents; "none" only alone.
func validPrompt(prompt string) bool {
	fields := strings.Fields(prompt)
	for _, f := range fields {
		switch f {
		case "login", "consent", "select_account":
		case "none":
			if len(fields) > 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// deniedParams is the callback query for a user who clicked Deny.
func deniedParams() url.Values {
	return url.Values{"error": {"access_denied"}, "error_description": {"end-user denied authorization"}}
}

// issueCode stores a new authorization code for req and redirects to the
// callback with it. Callers hold s.mu.
func (s *Sim) issueCode(w http.ResponseWriter, r *http.Request, req authRequest) {
	code := newAuthCode()
	s.codes[code] = &codeGrant{req: req, issued: s.opts.Now()}
	s.record("authorize", fmt.Sprintf("code issued client=%s pkce=%t scope=%q",
		req.clientID, req.challenge != "", strings.Join(req.scopes, " ")))
	s.redirect(w, r, req, url.Values{"code": {code}})
}

// redirect sends the browser back to the registered callback with params
// (plus state when the request had one), query-escaped exactly once.
func (s *Sim) redirect(w http.ResponseWriter, r *http.Request, req authRequest, params url.Values) {
	u, err := url.Parse(req.redirectURI)
	if err != nil { // registered URIs are trusted; keep the failure visible anyway
		writeErrorPage(w, "redirect_uri_mismatch", "redirect_uri must match configuration")
		return
	}
	q := u.Query()
	for k, v := range params {
		q[k] = v
	}
	if req.state != "" {
		q.Set("state", req.state)
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}
