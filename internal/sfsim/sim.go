package sfsim

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Event is one observable thing the simulator did, for tests to assert on.
// Detail never holds a secret, code, token or state.
type Event struct {
	Kind   string // "authorize", "consent", "token", "refresh", "revoke", "identity", "userinfo", "versions", "query", "describe", "fail5xx"
	Detail string // e.g. "code issued client=3MVG9... pkce=true" or "invalid_grant: expired authorization code"
}

// authRequest is a validated authorization request, kept until it becomes a
// code (or a consent form token while the page is shown).
type authRequest struct {
	clientID    string
	redirectURI string
	state       string
	challenge   string // S256 challenge, "" when PKCE was not used
	scopes      []string
}

// codeGrant is an issued authorization code and what was issued from it.
type codeGrant struct {
	req     authRequest
	issued  time.Time
	used    bool
	access  []string // tokens issued from this code: revoked on replay
	refresh []string
}

// formGrant is a consent page waiting for Allow or Deny.
type formGrant struct {
	req    authRequest
	issued time.Time
}

// accessToken is a session issued by the token endpoint.
type accessToken struct {
	clientID string
	issued   time.Time
	revoked  bool   // revoked explicitly, via its refresh token or by code replay
	expired  bool   // ended by ExpireSessions
	refresh  string // the refresh token it belongs to, if any
}

// refreshToken is a long-lived grant; it never expires unless revoked.
type refreshToken struct {
	clientID string
	scopes   []string
	issued   time.Time
	family   string // the approval (authorization) it descends from
	revoked  bool
	rotated  bool // retired by rotation: presenting it again is reuse
}

// Sim is the simulator: an http.Handler holding the org's OAuth state.
// All methods are safe for concurrent use.
type Sim struct {
	mu       sync.Mutex
	opts     Options
	baseURL  string
	codes    map[string]*codeGrant
	forms    map[string]*formGrant
	access   map[string]*accessToken
	refresh  map[string]*refreshToken
	refOrder []string
	// approvals lists the approvals (refresh token families) in the order
	// they were made, for the per-user limit (MaxApprovals).
	approvals []approval
	hosts     []string // hosts StartTLS serves the org under; nil for plain loopback
	events    []Event
	mux       *http.ServeMux
}

// approval is one authorization of a client by the user: the family of
// refresh tokens that rotation derives from its first one.
type approval struct {
	clientID, family string
}

// New returns a simulator configured by opts (zero values get defaults).
func New(opts Options) *Sim {
	s := &Sim{
		opts:    opts.withDefaults(),
		codes:   map[string]*codeGrant{},
		forms:   map[string]*formGrant{},
		access:  map[string]*accessToken{},
		refresh: map[string]*refreshToken{},
		mux:     http.NewServeMux(),
	}
	s.mux.HandleFunc("/services/oauth2/authorize", s.handleAuthorize)
	s.mux.HandleFunc("/services/oauth2/token", s.handleToken)
	s.mux.HandleFunc("/services/oauth2/revoke", s.handleRevoke)
	s.mux.HandleFunc("/services/oauth2/introspect", s.handleIntrospect)
	s.mux.HandleFunc("/services/oauth2/userinfo", s.handleUserinfo)
	s.mux.HandleFunc("/id/", s.handleIdentity)
	s.mux.HandleFunc("/services/data/", s.handleData)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeRESTError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource does not exist")
	})
	return s
}

// ServeHTTP waits the configured latency (or until the request's context is
// done, in which case nothing is answered) and then routes the request.
func (s *Sim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	latency := s.opts.Latency
	s.mu.Unlock()
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	w.Header().Set("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private")
	if !s.servesRequest(r) {
		// Under TLS the org answers only on its own hosts; the test client's
		// resolver never sends others here, so this is a second line.
		http.Error(w, "misdirected request", http.StatusMisdirectedRequest)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// SetBaseURL sets the URL the simulator is reachable at, used in instance_url
// (when no My Domain is set) and in identity URLs. Without it the request's
// Host header is used.
func (s *Sim) SetBaseURL(u string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.baseURL = strings.TrimRight(u, "/")
}

// base returns the simulator's own URL for r. Callers hold s.mu.
func (s *Sim) base(r *http.Request) string {
	if s.baseURL != "" {
		return s.baseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// instanceURL returns what the token reply reports as instance_url. Callers hold s.mu.
func (s *Sim) instanceURL(r *http.Request) string {
	switch {
	case s.opts.Org.InstanceURL != "":
		return strings.TrimRight(s.opts.Org.InstanceURL, "/")
	case s.opts.Org.MyDomain != "":
		return "https://" + s.opts.Org.MyDomain + ".my.salesforce.com"
	default:
		return s.base(r)
	}
}

// record appends an event and logs it. Callers hold s.mu.
func (s *Sim) record(kind, detail string) {
	s.events = append(s.events, Event{Kind: kind, Detail: detail})
	s.opts.Logger.Info("sfsim", "kind", kind, "detail", detail)
}

// client returns the registered, already active client with this ID. Callers hold s.mu.
func (s *Sim) client(id string) (Client, bool) {
	for _, c := range s.opts.Clients {
		if c.ID == id && id != "" {
			if !c.NotBefore.IsZero() && s.opts.Now().Before(c.NotBefore) {
				return Client{}, false
			}
			return c, true
		}
	}
	return Client{}, false
}
