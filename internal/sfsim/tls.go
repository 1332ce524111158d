package sfsim

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// StartTLS serves a simulator over HTTPS on 127.0.0.1 under the org's real
// login host, https://<Org.MyDomain>.my.salesforce.com, so that a client runs
// exactly as against Salesforce: no login URL override, instance_url on the
// same host. Running.Client reaches it; its resolver knows only the hosts this
// org answers on (a host Salesforce no longer serves, such as a sandbox's
// pre-enhanced-domains "acme--dev.my.salesforce.com", does not resolve) and
// trusts only the simulator's own, freshly made certificate. An
// Org.InstanceURL still overrides instance_url (a token of another org), but
// is not served.
func StartTLS(ctx context.Context, opts Options) (*Running, error) {
	if opts.Org.MyDomain == "" {
		return nil, errors.New("sfsim: StartTLS needs Org.MyDomain")
	}
	host := strings.ToLower(opts.Org.MyDomain) + ".my.salesforce.com"
	cert, pool, err := selfSigned(host)
	if err != nil {
		return nil, fmt.Errorf("sfsim: certificate: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sfsim: listen: %w", err)
	}
	addr := ln.Addr().String()
	ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	run := serve(ctx, ln, opts)
	run.URL = "https://" + host
	run.Sim.SetBaseURL(run.URL)
	run.Sim.mu.Lock()
	run.Sim.hosts = []string{host}
	run.Sim.mu.Unlock()
	run.client = tlsClient(run.Sim, addr, pool)
	return run, nil
}

// Client returns an HTTP client for the simulator: for StartTLS, one that
// resolves the org's hosts to it and trusts its certificate (loopback hosts,
// such as the callback, resolve as usual); otherwise a plain client.
func (r *Running) Client() *http.Client {
	if r.client != nil {
		return r.client
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// Serves reports whether the org answers on host (always true for a simulator
// on plain loopback, which has no host names).
func (s *Sim) Serves(host string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.serves(host)
}

func (s *Sim) serves(host string) bool {
	if s.hosts == nil {
		return true
	}
	for _, h := range s.hosts {
		if strings.EqualFold(strings.TrimSuffix(host, "."), h) {
			return true
		}
	}
	return false
}

// servesRequest checks the Host of a request. Callers do not hold s.mu.
func (s *Sim) servesRequest(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return s.Serves(host)
}

func tlsClient(sim *Sim, addr string, pool *x509.CertPool) *http.Client {
	var d net.Dialer
	dial := func(ctx context.Context, network, target string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(target)
		if err != nil {
			return nil, err
		}
		switch {
		case sim.Serves(host) && port == "443":
			return d.DialContext(ctx, network, addr)
		case hosts.IsLoopbackHostPort(target):
			return d.DialContext(ctx, network, target)
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		DialContext:     dial,
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
	}}
}

// selfSigned makes a one-day ECDSA certificate for host and a pool that
// trusts only it.
func selfSigned(host string) (tls.Certificate, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: host, Organization: []string{"sfsim (not Salesforce)"}},
		DNSNames:              []string{host},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool, nil
}

// StartOrg starts the simulator as StartTLS does when opts names a My Domain,
// and on plain loopback (Start) otherwise: tests that cover both kinds of
// setup pick one with the options alone.
func StartOrg(ctx context.Context, opts Options) (*Running, error) {
	if opts.Org.MyDomain != "" {
		return StartTLS(ctx, opts)
	}
	return Start(ctx, opts)
}
