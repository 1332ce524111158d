package app

import (
	"errors"

	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// unreached returns why a call got no answer from Salesforce, explained as
// the preflight explains it (netproxy.Diagnose: the proxy's refusal, a
// TLS-inspecting proxy, DNS, a timeout), or nil when err is not such a
// failure (Salesforce answered, or nothing failed).
func unreached(err error) *netproxy.ReachError {
	var ne *oauthflow.NetworkError
	var te *salesforce.TransportError
	switch {
	case errors.As(err, &ne):
		return ne.Diagnosis()
	case errors.As(err, &te):
		return netproxy.Diagnose(te.Host, te.Err)
	}
	return nil
}

// addUnreached adds a check that could not be made because its call got no
// answer: the line says so and its Detail says why and what to do.
func (r *Report) addUnreached(id string, st Status, d *netproxy.ReachError) {
	r.Checks = append(r.Checks, Check{ID: id, Status: st, Key: "app.check.unreached", Detail: d})
}
