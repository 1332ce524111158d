// Package nettest gives tests the app's network options for the simulated
// Salesforce of proxytest.StartSalesforce (tests only). It is a package of
// its own because netproxy's own tests use proxytest: proxytest cannot
// import netproxy.
package nettest

import (
	"crypto/x509"

	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
)

// Direct is a computer with no proxy set anywhere (environment, system)
// whose OS trusts sf's public root and resolves Salesforce's names to sf,
// port 443 included: with it as app.Deps.Net (or the CLI's network), the
// app reaches https://acme.my.salesforce.com directly. A test changes the
// fields its network differs in (Getenv, System, the resolver).
func Direct(sf *proxytest.Salesforce) netproxy.Options {
	return netproxy.Options{
		Getenv:      func(string) string { return "" },
		System:      func() netproxy.System { return netproxy.System{} },
		Roots:       func() (*x509.CertPool, error) { return sf.Root.Pool(), nil },
		DialContext: sf.DialContext,
		LookupHost:  sf.Hosts.LookupHost,
	}
}
