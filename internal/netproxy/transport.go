package netproxy

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Transport returns a new HTTP transport that uses this network's proxy
// choice, roots and dialer. Proxy Basic credentials travel in the proxy
// URL, from which Go's transport sends Proxy-Authorization with CONNECT.
func (n *Network) Transport() *http.Transport {
	return &http.Transport{
		Proxy:                  n.ProxyFunc(),
		DialContext:            n.opts.DialContext,
		TLSClientConfig:        &tls.Config{RootCAs: n.roots, MinVersion: tls.VersionTLS12},
		OnProxyConnectResponse: proxyConnectResponse,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           10,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
	}
}

// Client returns an HTTP client over a new Transport.
func (n *Network) Client(timeout time.Duration) *http.Client {
	return &http.Client{Transport: n.Transport(), Timeout: timeout}
}

// proxyConnectResponse turns a proxy's refusal of CONNECT into a
// *ProxyError (Go's own error is only the status text).
func proxyConnectResponse(_ context.Context, proxy *url.URL, req *http.Request, resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	e := &ProxyError{Proxy: proxy.Host, Status: resp.StatusCode, SentBasic: req.Header.Get("Proxy-Authorization") != ""}
	for _, h := range resp.Header.Values("Proxy-Authenticate") {
		if scheme, _, _ := strings.Cut(strings.TrimSpace(h), " "); scheme != "" {
			e.Schemes = append(e.Schemes, scheme)
		}
	}
	return e
}

// NewClient returns an HTTP client that follows the environment and the
// system setting, with no app setting: what a caller without Settings gets.
func NewClient(timeout time.Duration) *http.Client {
	n, err := New(Settings{}, "", Options{})
	if err != nil {
		// Empty settings load no file and parse no URL: unreachable.
		panic(err)
	}
	return n.Client(timeout)
}
