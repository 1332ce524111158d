package sfsim

import "time"

// Events returns a copy of everything the simulator recorded, oldest first.
func (s *Sim) Events() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.events...)
}

// EventsOf returns the recorded events of one kind, oldest first.
func (s *Sim) EventsOf(kind string) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Event
	for _, e := range s.events {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// Revoked reports whether token is an access or refresh token the simulator
// issued and has since revoked. Unknown tokens are not "revoked".
func (s *Sim) Revoked(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.access[token]; ok {
		return a.revoked
	}
	if rt, ok := s.refresh[token]; ok {
		return rt.revoked
	}
	return false
}

// IssuedRefreshTokens returns every refresh token issued so far, oldest first.
func (s *Sim) IssuedRefreshTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.refOrder...)
}

// OrgID returns the simulated org's 18-char ID.
func (s *Sim) OrgID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.Org.OrgID
}

// User returns the simulated user, with its generated ID if none was given.
func (s *Sim) User() User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.User
}

// SetConsent changes what the user does at the next authorize request.
func (s *Sim) SetConsent(m ConsentMode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Consent = m
}

// SetFail5xx makes the next n token-endpoint requests answer 503.
func (s *Sim) SetFail5xx(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Fail5xx = n
}

// SetRotation turns refresh-token rotation on or off.
func (s *Sim) SetRotation(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Rotation = on
}

// SetNoRefreshToken makes later grants lack refresh_token/offline_access.
func (s *Sim) SetNoRefreshToken(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.NoRefreshToken = on
}

// SetLatency changes the delay added to every later request.
func (s *Sim) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Latency = d
}

// SetManageUsers grants or removes the user's "Manage Users" permission.
func (s *Sim) SetManageUsers(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.User.ManageUsers = on
}

// SetUserActive activates or deactivates the user (inactive_user on tokens).
func (s *Sim) SetUserActive(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.User.Active = on
}

// SetNow replaces the clock (nil restores time.Now).
func (s *Sim) SetNow(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now == nil {
		now = time.Now
	}
	s.opts.Now = now
}

// ExpireSessions ends every access token issued so far, as a session timeout
// would; refresh tokens stay valid. Lets a test exercise "401, refresh, retry".
func (s *Sim) ExpireSessions() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.access {
		a.expired = true
	}
	s.record("session", "all sessions expired")
}

// SetIntrospectionRefused makes the introspection endpoint refuse (403) or
// answer again.
func (s *Sim) SetIntrospectionRefused(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.IntrospectionRefused = on
}
