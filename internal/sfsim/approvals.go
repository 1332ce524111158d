package sfsim

import "strconv"

// MaxApprovals is how many approvals (refresh tokens from separate
// authorizations) one user may hold for one app. Salesforce Help, "Manage
// OAuth-Enabled Connected Apps Access to Your Data": each connected app allows
// five unique approvals per user; when another is made, the oldest is
// revoked, silently.
const MaxApprovals = 5

// limitApprovals revokes the oldest live approvals of clientID beyond
// MaxApprovals. Callers hold s.mu.
func (s *Sim) limitApprovals(clientID string) {
	var live []string
	for _, a := range s.approvals {
		if a.clientID == clientID && s.familyLive(a.family) {
			live = append(live, a.family)
		}
	}
	for i := 0; i < len(live)-MaxApprovals; i++ {
		s.revokeFamily(live[i])
		s.record("token", "approval limit of "+strconv.Itoa(MaxApprovals)+" reached: the oldest approval was revoked")
	}
}

// familyLive reports whether any refresh token of the family still works.
// Callers hold s.mu.
func (s *Sim) familyLive(family string) bool {
	for _, rt := range s.refresh {
		if rt.family == family && !rt.revoked {
			return true
		}
	}
	return false
}

// revokeFamily revokes every refresh token of an approval and the access
// tokens issued from them. Callers hold s.mu.
func (s *Sim) revokeFamily(family string) {
	for token, rt := range s.refresh {
		if rt.family == family {
			s.revokeRefresh(token)
		}
	}
}

// LiveApprovals returns how many approvals of the app clientID still hold a
// working refresh token.
func (s *Sim) LiveApprovals(clientID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, a := range s.approvals {
		if a.clientID == clientID && s.familyLive(a.family) {
			n++
		}
	}
	return n
}
