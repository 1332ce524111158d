package netproxy

import (
	"context"
	"errors"
	"fmt"
	"net"
)

// Reasons a call got no answer from Salesforce (ReachError.Reason), in the
// order Diagnose tells them apart.
const (
	ReachProxy       = "proxy"             // the proxy refused the tunnel (407, 403, 502-504): see Refusal
	ReachTLS         = "tls"               // the certificate was refused, often a TLS-inspecting proxy: see TLS
	ReachProxyDown   = "proxy_unreachable" // the proxy itself could not be reached
	ReachDNS         = "dns"               // the host name does not resolve here
	ReachTimeout     = "timeout"           // no connection within the time limit: blocked, or a proxy is needed
	ReachSlow        = "slow"              // connected, but no answer within the time limit
	ReachUnreachable = "unreachable"       // refused, reset or cut off
)

// ReachError explains why a call to Salesforce got no answer: the one
// diagnosis of a failed call, which the preflight shows before the browser
// opens and every later call (token exchange, refresh, identity and REST
// calls, introspection, revoke) shows when it fails the same way. Its
// message names the cause and the fix.
type ReachError struct {
	Host    string      // the server that was called
	Reason  string      // one of the Reach* constants
	Proxy   string      // the proxy the failure happened at, when known (host:port)
	Refusal *ProxyError // ReachProxy: the proxy's answer to CONNECT
	TLS     *TLSError   // ReachTLS: why the certificate was refused
	Err     error       // the transport error, for logs
}

func (e *ReachError) Error() string {
	return fmt.Sprintf("cannot reach %s (%s): %v", e.Host, e.Reason, e.Err)
}

// Unwrap returns the transport error.
func (e *ReachError) Unwrap() error { return e.Err }

// MessageKey names the cause; the proxy's refusal and the certificate
// problem keep their own keys.
func (e *ReachError) MessageKey() string {
	switch e.Reason {
	case ReachProxy:
		return e.Refusal.MessageKey()
	case ReachTLS:
		return e.TLS.MessageKey()
	case ReachProxyDown:
		return "app.net.err.proxy_unreachable"
	case ReachDNS:
		return "app.net.err.dns"
	case ReachTimeout:
		return "app.net.err.timeout"
	case ReachSlow:
		return "app.net.err.slow"
	}
	return "app.net.err.unreachable"
}

// MessageArgs returns the host and the proxy, with the refusal's or the
// certificate's details.
func (e *ReachError) MessageArgs() map[string]any {
	args := map[string]any{}
	switch e.Reason {
	case ReachProxy:
		args = e.Refusal.MessageArgs()
	case ReachTLS:
		args = e.TLS.MessageArgs()
	}
	args["Host"] = e.Host
	if _, ok := args["Proxy"]; !ok {
		args["Proxy"] = e.Proxy
	}
	return args
}

// Diagnose explains err, the failure of a call to host that got no answer
// (what Go's HTTP client returns, or a failed name lookup). It returns nil
// for a nil err. Every failure gets a reason: one it does not know is
// ReachUnreachable.
func Diagnose(host string, err error) *ReachError {
	if err == nil {
		return nil
	}
	var done *ReachError
	if errors.As(err, &done) {
		return done
	}
	e := &ReachError{Host: host, Reason: ReachUnreachable, Err: err}
	var pe *ProxyError
	var op *net.OpError
	var dns *net.DNSError
	switch te := ClassifyTLS(host, err); {
	case errors.As(err, &pe):
		e.Reason, e.Refusal, e.Proxy = ReachProxy, pe, pe.Proxy
	case te != nil:
		e.Reason, e.TLS = ReachTLS, te
	case errors.As(err, &op) && op.Op == "proxyconnect":
		// Go's transport wraps a failed dial of the proxy (net/http,
		// Transport.dialConn: "proxyconnect"); the dial names it.
		e.Reason, e.Proxy = ReachProxyDown, dialTarget(op.Err)
	case errors.As(err, &dns):
		e.Reason = ReachDNS
	case errors.As(err, &op) && op.Op == "dial" && op.Timeout():
		e.Reason = ReachTimeout
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		e.Reason = ReachSlow
	}
	return e
}

// dialTarget names what a failed dial tried to reach: its address, or the
// name that did not resolve.
func dialTarget(err error) string {
	var op *net.OpError
	var dns *net.DNSError
	switch {
	case errors.As(err, &op) && op.Addr != nil:
		return op.Addr.String()
	case errors.As(err, &dns):
		return dns.Name
	}
	return ""
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
