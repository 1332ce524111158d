// Package netproxy picks the HTTP proxy for sfconnect's calls to Salesforce.
// Go's net/http only reads HTTP(S)_PROXY from the environment, but Windows
// admins in companies usually have their proxy set in the system settings
// (Internet Options), which Go ignores: without this package sfconnect could
// not reach Salesforce from such a network.
package netproxy

import (
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// Settings is a system proxy configuration in the form Windows keeps it
// (HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings).
type Settings struct {
	Enabled  bool   // ProxyEnable
	Server   string // ProxyServer: "host:port" or "http=h:p;https=h:p;..."
	Override string // ProxyOverride: "<local>;*.example.com;10.*"
}

// Func returns the proxy function for an http.Transport: the environment
// (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) wins when it names a proxy, then the
// system settings. Loopback hosts (the simulator, the callback) never go
// through a proxy.
//
// The environment is read when Func is called (net/http's own
// ProxyFromEnvironment reads it once per process).
func Func(sys Settings) func(*http.Request) (*url.URL, error) {
	env := httpproxy.FromEnvironment().ProxyFunc()
	return func(r *http.Request) (*url.URL, error) {
		if isLoopback(r.URL.Hostname()) {
			return nil, nil
		}
		if u, err := env(r.URL); u != nil || err != nil {
			return u, err
		}
		return sys.proxyFor(r.URL)
	}
}

// NewClient returns an HTTP client whose transport uses the environment and
// the system proxy settings of this OS.
func NewClient(timeout time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = Func(System())
	return &http.Client{Transport: t, Timeout: timeout}
}

// proxyFor applies the settings to one URL.
func (s Settings) proxyFor(u *url.URL) (*url.URL, error) {
	if !s.Enabled || strings.TrimSpace(s.Server) == "" || s.bypass(u.Hostname()) {
		return nil, nil
	}
	server := pick(s.Server, u.Scheme)
	if server == "" {
		return nil, nil
	}
	if !strings.Contains(server, "://") {
		server = "http://" + server
	}
	p, err := url.Parse(server)
	if err != nil || p.Host == "" {
		return nil, &Error{Server: s.Server}
	}
	return p, nil
}

// pick chooses the proxy for scheme from a ProxyServer value: either one
// proxy for everything, or per-scheme entries ("https=h:p"), falling back to
// the http entry as Internet Explorer did.
func pick(server, scheme string) string {
	if !strings.Contains(server, "=") {
		return strings.TrimSpace(server)
	}
	entries := map[string]string{}
	for _, part := range strings.Split(server, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok {
			entries[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	if v := entries[strings.ToLower(scheme)]; v != "" {
		return v
	}
	return entries["http"]
}

// bypass reports whether host is excluded by ProxyOverride: "<local>"
// means names without a dot; other entries are wildcard patterns.
func (s Settings) bypass(host string) bool {
	host = strings.ToLower(host)
	for _, e := range strings.Split(s.Override, ";") {
		e = strings.ToLower(strings.TrimSpace(e))
		switch {
		case e == "":
		case e == "<local>":
			if !strings.Contains(host, ".") {
				return true
			}
		default:
			// Hostnames hold no '/', '?' or '[': path.Match's * is a wildcard.
			if ok, _ := path.Match(e, host); ok {
				return true
			}
		}
	}
	return false
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Error means the system proxy setting could not be understood.
type Error struct{ Server string }

func (e *Error) Error() string               { return "unreadable system proxy setting " + e.Server }
func (e *Error) MessageKey() string          { return "app.err.proxy" }
func (e *Error) MessageArgs() map[string]any { return map[string]any{"Server": e.Server} }
