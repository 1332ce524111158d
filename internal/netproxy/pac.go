package netproxy

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"
)

// PAC files are fetched directly (a proxy cannot be asked where the proxy
// is), within pacFetchTimeout, and at most pacMaxSize bytes are read: real
// ones are a few KB, a megabyte means the URL is wrong.
const (
	pacFetchTimeout = 10 * time.Second
	pacMaxSize      = 1 << 20
)

// A script that loops is given up on after pacRunTimeout (a variable for
// the tests that prove it).
var pacRunTimeout = 5 * time.Second

// fromPAC runs the PAC file at pacURL for target and reads its answer:
// runPAC is goja on Linux and macOS (pac_goja.go) and WinHTTP on Windows
// (pac_windows.go), which fail with the same *PACError reasons.
func (n *Network) fromPAC(ctx context.Context, pacURL string, src Source, target *url.URL) (Choice, error) {
	result, err := n.runPAC(ctx, pacURL, target)
	if err != nil {
		return Choice{}, err
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

// readPACFile reads the script of a file URL.
func readPACFile(u *url.URL) (string, error) {
	f, err := os.Open(filePath(u))
	if err != nil {
		return "", err
	}
	defer f.Close()
	return readPAC(f)
}

// readPAC reads a script of at most pacMaxSize bytes.
func readPAC(body io.Reader) (string, error) {
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
