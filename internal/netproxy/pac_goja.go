//go:build !windows

package netproxy

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"net/url"
	"sync"
)

// On Linux and macOS a PAC file is fetched here and run by goja
// (pacjs.go). Windows runs it with WinHTTP instead (pac_windows.go), so no
// Windows binary carries a JavaScript engine (docs/NETWORK.md).

// pacCache keeps the compiled PAC scripts of one Network by URL. Failures
// are not kept: "Check again" fetches again.
type pacCache struct {
	mu      sync.Mutex
	scripts map[string]*pacScript
}

// runPAC runs the PAC file at pacURL for target and returns its answer.
func (n *Network) runPAC(ctx context.Context, pacURL string, target *url.URL) (string, error) {
	script, err := n.pacScript(ctx, pacURL)
	if err != nil {
		return "", err
	}
	result, err := script.FindProxyForURL(ctx, pacTarget(target), target.Hostname())
	if err != nil {
		return "", &PACError{URL: pacURL, Reason: PACReasonScript, Err: err}
	}
	return result, nil
}

// pacScript returns the compiled script at pacURL, fetching it once.
func (n *Network) pacScript(ctx context.Context, pacURL string) (*pacScript, error) {
	n.pacs.mu.Lock()
	defer n.pacs.mu.Unlock()
	if s := n.pacs.scripts[pacURL]; s != nil {
		return s, nil
	}
	src, err := n.fetchPAC(ctx, pacURL)
	if err != nil {
		return nil, &PACError{URL: pacURL, Reason: PACReasonFetch, Err: err}
	}
	s, err := compilePAC(src, n.opts.LookupHost)
	if err != nil {
		return nil, &PACError{URL: pacURL, Reason: PACReasonScript, Err: err}
	}
	if n.pacs.scripts == nil {
		n.pacs.scripts = map[string]*pacScript{}
	}
	n.pacs.scripts[pacURL] = s
	return s, nil
}

// fetchPAC reads the script at raw, directly, never through a proxy.
func (n *Network) fetchPAC(ctx context.Context, raw string) (string, error) {
	if err := checkPACURL(raw); err != nil {
		return "", err
	}
	u, _ := url.Parse(raw)
	if u.Scheme == "file" {
		return readPACFile(u)
	}
	ctx, cancel := context.WithTimeout(ctx, pacFetchTimeout)
	defer cancel()
	t := &http.Transport{
		DialContext:     n.opts.DialContext,
		TLSClientConfig: &tls.Config{RootCAs: n.roots, MinVersion: tls.VersionTLS12},
	}
	defer t.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return "", err
	}
	resp, err := (&http.Client{Transport: t}).Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return readPAC(resp.Body)
}
