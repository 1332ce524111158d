package netproxy

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"strings"
)

// loadRoots returns the pool that verifies Salesforce: the OS trust store
// plus the certificates of caFile. On Windows and macOS, Go marks a pool
// from x509.SystemCertPool so that verification asks the platform verifier
// and then the added certificates (crypto/x509, CertPool.systemPool): the
// corporate root can come from either place.
func loadRoots(caFile string, roots func() (*x509.CertPool, error)) (*x509.CertPool, []*x509.Certificate, error) {
	pool, err := roots()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if caFile == "" {
		return pool, nil, nil
	}
	data, err := os.ReadFile(caFile)
	if err != nil {
		return nil, nil, &CAFileError{Path: caFile, Reason: "read", Err: err}
	}
	certs, err := parseCerts(data)
	if err != nil {
		return nil, nil, &CAFileError{Path: caFile, Reason: "invalid", Err: err}
	}
	if len(certs) == 0 {
		return nil, nil, &CAFileError{Path: caFile, Reason: "no_certs"}
	}
	for _, c := range certs {
		pool.AddCert(c)
	}
	return pool, certs, nil
}

// parseCerts reads PEM "CERTIFICATE" blocks; a file without PEM is tried as
// DER, the default of Windows' certificate export (.cer).
func parseCerts(data []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(out) == 0 && !strings.Contains(string(data), "-----BEGIN") {
		if certs, err := x509.ParseCertificates(data); err == nil {
			return certs, nil
		}
	}
	return out, nil
}

// ExtraRoots returns the certificates loaded from the CA file.
func (n *Network) ExtraRoots() []*x509.Certificate { return n.extra }

// FromExtraRoots reports whether a verified chain ends in a certificate of
// the CA file: then a TLS-inspecting proxy signed what the server sent.
func (n *Network) FromExtraRoots(state *tls.ConnectionState) bool {
	if state == nil {
		return false
	}
	for _, chain := range state.VerifiedChains {
		if len(chain) == 0 {
			continue
		}
		root := chain[len(chain)-1]
		for _, c := range n.extra {
			if root.Equal(c) {
				return true
			}
		}
	}
	return false
}

// Reasons a certificate was refused (TLSError.Reason).
const (
	TLSUntrusted = "untrusted" // no trusted root: typically a TLS-inspecting proxy
	TLSName      = "name"      // the certificate is for other names: something else answered
	TLSExpired   = "expired"   // expired or not yet valid: often a wrong clock
	TLSOther     = "other"
)

// ClassifyTLS explains a certificate verification failure, or returns nil
// when err is not one. host is the server that was asked for.
func ClassifyTLS(host string, err error) *TLSError {
	var ve *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	e := &TLSError{Host: host, Reason: TLSOther, Err: err}
	switch {
	case errors.As(err, &ua):
		e.Reason = TLSUntrusted
		e.setCert(ua.Cert)
	case errors.As(err, &hn):
		e.Reason = TLSName
		e.setCert(hn.Certificate)
	case errors.As(err, &ci):
		if ci.Reason == x509.Expired {
			e.Reason = TLSExpired
		}
		e.setCert(ci.Cert)
	case errors.As(err, &ve):
		// The platform verifiers of Windows and macOS do not always say
		// why; an unknown root is by far the most common cause.
		e.Reason = TLSUntrusted
	default:
		return nil
	}
	if errors.As(err, &ve) && len(ve.UnverifiedCertificates) > 0 {
		e.setCert(ve.UnverifiedCertificates[0])
	}
	return e
}

// setCert records who the presented (leaf) certificate names and was
// issued by.
func (e *TLSError) setCert(c *x509.Certificate) {
	if c == nil {
		return
	}
	e.Issuer = certName(c.Issuer.CommonName, c.Issuer.Organization)
	e.Subject = certName(c.Subject.CommonName, c.Subject.Organization)
}

func certName(cn string, org []string) string {
	if cn != "" {
		return cn
	}
	return strings.Join(org, ", ")
}
