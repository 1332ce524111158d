package netproxy

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// PAC files are fetched directly (a proxy cannot be asked where the proxy
// is), within pacFetchTimeout, and at most pacMaxSize bytes are read: real
// ones are a few KB, a megabyte means the URL is wrong.
const (
	pacFetchTimeout = 10 * time.Second
	pacMaxSize      = 1 << 20
)

// pacCache keeps the compiled PAC scripts of one Network by URL. Failures
// are not kept: "Check again" fetches again.
type pacCache struct {
	mu      sync.Mutex
	scripts map[string]*pacScript
}

// fromPAC runs the PAC file at pacURL for target.
func (n *Network) fromPAC(ctx context.Context, pacURL string, src Source, target *url.URL) (Choice, error) {
	script, err := n.pacScript(ctx, pacURL)
	if err != nil {
		return Choice{}, err
	}
	result, err := script.FindProxyForURL(ctx, pacTarget(target), target.Hostname())
	if err != nil {
		return Choice{}, &PACError{URL: pacURL, Reason: PACReasonScript, Err: err}
	}
	p, err := parsePACResult(result)
	if err != nil {
		return Choice{}, &PACError{URL: pacURL, Reason: PACReasonResult, Result: result, Err: err}
	}
	return Choice{Proxy: p, Source: src, PAC: pacURL, PACResult: result}, nil
}

// pacTarget is the URL handed to FindProxyForURL: scheme, host and port
// only. Browsers strip the path and query of https URLs for privacy
// (Chrome since version 52), and sfconnect never needs them to decide.
func pacTarget(u *url.URL) string {
	return u.Scheme + "://" + u.Host + "/"
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

// checkPACURL accepts http, https and file URLs.
func checkPACURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return &SettingError{Field: "pac", Value: redact(raw)}
	}
	switch {
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
	case u.Scheme == "file" && u.Path != "":
	default:
		return &SettingError{Field: "pac", Value: redact(raw)}
	}
	return nil
}

// fetchPAC reads the script at raw, directly, never through a proxy.
func (n *Network) fetchPAC(ctx context.Context, raw string) (string, error) {
	if err := checkPACURL(raw); err != nil {
		return "", err
	}
	u, _ := url.Parse(raw)
	var body io.Reader
	if u.Scheme == "file" {
		f, err := os.Open(filePath(u))
		if err != nil {
			return "", err
		}
		defer f.Close()
		body = f
	} else {
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
		body = resp.Body
	}
	b, err := io.ReadAll(io.LimitReader(body, pacMaxSize+1))
	if err != nil {
		return "", err
	}
	if len(b) > pacMaxSize {
		return "", fmt.Errorf("larger than %d bytes", pacMaxSize)
	}
	return string(b), nil
}

// filePath turns a file URL into a path: file:///C:/x.pac is C:/x.pac on
// Windows, file:///etc/x.pac is /etc/x.pac elsewhere.
func filePath(u *url.URL) string {
	p := u.Path
	if len(p) > 2 && p[0] == '/' && p[2] == ':' {
		return p[1:]
	}
	return p
}

// parsePACResult reads FindProxyForURL's answer ("PROXY a:1; DIRECT") and
// returns the first entry Go can use: nil for DIRECT. An empty answer is
// DIRECT (Mozilla's reference: null means no proxy). Later entries are the
// browser's fail-over list; sfconnect reports the first instead of trying
// the others, so a dead proxy shows up in the diagnosis.
func parsePACResult(result string) (*url.URL, error) {
	entries := strings.Split(result, ";")
	for _, e := range entries {
		fields := strings.Fields(e)
		if len(fields) == 0 {
			continue
		}
		kind := strings.ToUpper(fields[0])
		if kind == "DIRECT" {
			return nil, nil
		}
		if len(fields) != 2 {
			return nil, fmt.Errorf("malformed entry %q", strings.TrimSpace(e))
		}
		// Browsers read a bare "SOCKS" as SOCKS4, which Go cannot speak:
		// like SOCKS4 and unknown kinds, it is skipped for the next entry.
		scheme := map[string]string{"PROXY": "http", "HTTP": "http", "HTTPS": "https", "SOCKS5": "socks5"}[kind]
		if scheme == "" {
			continue
		}
		return ParseProxyURL(scheme + "://" + fields[1])
	}
	if strings.TrimSpace(result) == "" {
		return nil, nil
	}
	return nil, fmt.Errorf("no usable entry in %q", result)
}
