package sfsim

import "net/http"

// handleConsent handles the consent page's Allow and Deny forms. The form
// token is one-time and expires with the code lifetime; the authorization
// parameters it stands for never travel through the browser again.
func (s *Sim) handleConsent(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	token := r.PostForm.Get("form_token")
	f, ok := s.forms[token]
	if ok {
		delete(s.forms, token)
	}
	if !ok || s.opts.Now().Sub(f.issued) > s.opts.CodeTTL {
		s.record("consent", "invalid_request: unknown, used or expired form token")
		writeErrorPage(w, "invalid_request", "invalid form token")
		return
	}
	switch r.PostForm.Get("action") {
	case "allow":
		s.record("consent", "allowed client="+f.req.clientID)
		s.issueCode(w, r, f.req)
	case "deny":
		s.record("consent", "access_denied: user denied client="+f.req.clientID)
		s.redirect(w, r, f.req, deniedParams())
	default:
		s.record("consent", "invalid_request: unknown action")
		writeErrorPage(w, "invalid_request", "unknown action")
	}
}
