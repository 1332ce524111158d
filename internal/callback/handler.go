package callback

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// contentSecurityPolicy forbids scripts, frames, forms, and any load from
// the network. Inline styles and data: images stay possible for Config.Page.
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// ServeHTTP answers the browser. Only a GET on the exact callback path from a
// loopback peer, addressed to localhost, can count as a callback; everything
// else is answered and ignored.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer") // the URL holds the code
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", contentSecurityPolicy)

	// Defence in depth: loopbackOnly already drops foreign peers, but the
	// macOS wildcard bind makes this check worth repeating on every OS.
	if !hosts.IsLoopbackPeer(r.RemoteAddr) {
		s.log.Warn("callback: refused a non-loopback peer")
		plain(w, http.StatusForbidden)
		return
	}
	// The browser follows a redirect to http://localhost[:PORT]; any other
	// Host header (a DNS-rebinding page, say) is not the redirect.
	if !s.hostAllowed(r.Host) {
		s.log.Debug("callback: refused a request for another host")
		plain(w, http.StatusMisdirectedRequest)
		return
	}
	if r.URL.Path != s.path {
		s.log.Debug("callback: ignored request", "method", r.Method, "path", r.URL.Path)
		plain(w, http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet {
		h.Set("Allow", http.MethodGet)
		plain(w, http.StatusMethodNotAllowed)
		return
	}

	res, err := parseCallbackQuery(r.URL.RawQuery, s.state)
	switch {
	case errors.Is(err, ErrNotCallback):
		s.log.Debug("callback: ignored a request without a sign-in response")
		s.writePage(w, Result{}, err)
		return
	case errors.Is(err, ErrStateMismatch):
		// Any web page or local program can send this request; only the
		// real redirect knows the state. So a wrong or missing state is
		// answered and logged (never with either state value), and the
		// wait goes on for the real one.
		n := s.ignored.Add(1)
		s.log.Warn("callback: ignored a response with a missing or wrong state; still waiting",
			"state_given", r.URL.Query().Has("state"), "ignored_so_far", n)
		s.writePage(w, Result{}, err)
		return
	}
	if !s.deliver(res, nil) {
		s.log.Info("callback: ignored a response after the sign-in completed")
		s.writePage(w, Result{}, ErrAlreadyCompleted)
		return
	}
	if res.Error != "" {
		s.log.Info("callback: authorization error received", "error", res.Error)
	} else {
		s.log.Info("callback: authorization code received")
	}
	s.writePage(w, res, nil)
}

// parseCallbackQuery interprets the raw query of a GET on the callback path.
// It decodes exactly once (url.ParseQuery) and never unescapes again. It
// returns ErrNotCallback for a query that holds neither a code nor an error
// (or holds one of them twice, or does not parse), ErrStateMismatch for a
// response whose state is missing or wrong, and otherwise the Result.
func parseCallbackQuery(rawQuery, wantState string) (Result, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return Result{}, ErrNotCallback
	}
	for _, k := range []string{"code", "state", "error", "error_description"} {
		if len(q[k]) > 1 {
			return Result{}, ErrNotCallback
		}
	}
	code, errCode := q.Get("code"), q.Get("error")
	if code == "" && errCode == "" {
		return Result{}, ErrNotCallback
	}
	if !stateMatches(q.Get("state"), wantState) {
		return Result{}, ErrStateMismatch
	}
	if errCode != "" {
		return Result{Error: errCode, ErrorDescription: q.Get("error_description")}, nil
	}
	return Result{Code: code}, nil
}

// stateMatches compares in constant time (for equal lengths); an empty
// expected state never matches.
func stateMatches(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// hostAllowed accepts "localhost:PORT", and bare "localhost" on port 80
// (browsers omit the default port).
func (s *Server) hostAllowed(host string) bool {
	name, port, found := strings.Cut(host, ":")
	if !strings.EqualFold(name, "localhost") {
		return false
	}
	if !found {
		return s.port == 80
	}
	return port == strconv.Itoa(s.port)
}

func (s *Server) writePage(w http.ResponseWriter, r Result, err error) {
	page := s.page
	if page == nil {
		page = BuiltinPage
	}
	status, body := page(r, err)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func plain(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(http.StatusText(status) + "\n"))
}
