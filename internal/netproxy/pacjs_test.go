//go:build !windows

package netproxy

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
)

// The tests of goja's path: the helper functions a script calls, and what
// only this path does (Windows runs PAC files with WinHTTP, pac_windows.go).

// corpPAC is shaped like the PAC files of Japanese enterprises: internal
// names and networks direct, Microsoft 365 and Salesforce through a
// dedicated proxy, everything else through the main one.
const corpPAC = `
var PROXY_MAIN = "PROXY proxy.corp.example:8080; DIRECT";
function FindProxyForURL(url, host) {
	host = host.toLowerCase();
	if (isPlainHostName(host) || dnsDomainIs(host, ".corp.example") ||
	    localHostOrDomainIs(host, "portal.corp.example")) return "DIRECT";
	if (shExpMatch(host, "*.salesforce.com") || shExpMatch(host, "*.force.com"))
		return "PROXY sfproxy.corp.example:3128";
	var ip = dnsResolve(host);
	if (ip && isInNet(ip, "10.0.0.0", "255.0.0.0")) return "DIRECT";
	if (url.substring(0, 6) === "https:" && dnsDomainLevels(host) > 5) return "HTTPS tls-proxy.corp.example:443";
	return PROXY_MAIN;
}`

func runScript(t *testing.T, src, target string, hosts proxytest.Hosts) (string, error) {
	t.Helper()
	s, err := compilePAC(src, hosts.LookupHost)
	if err != nil {
		return "", err
	}
	u, _ := url.Parse(target)
	return s.FindProxyForURL(context.Background(), pacTarget(u), u.Hostname())
}

func TestAPACScriptRunsWithTheHelperFunctions(t *testing.T) {
	hosts := proxytest.Hosts{"files.partner.example": "10.20.30.40", "www.example.org": "93.184.215.14"}
	tests := []struct{ target, want string }{
		{"https://acme.my.salesforce.com/services/data/", "PROXY sfproxy.corp.example:3128"},
		{"https://acme.lightning.force.com/", "PROXY sfproxy.corp.example:3128"},
		{"http://intranet/", "DIRECT"},
		{"https://wiki.corp.example/", "DIRECT"},
		{"https://files.partner.example/", "DIRECT"},
		{"https://www.example.org/", "PROXY proxy.corp.example:8080; DIRECT"},
		{"https://a.b.c.d.e.example.org/", "HTTPS tls-proxy.corp.example:443"},
	}
	for _, tt := range tests {
		got, err := runScript(t, corpPAC, tt.target, hosts)
		if err != nil || got != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.target, got, err, tt.want)
		}
	}
}

func TestFindProxyForURLExIsPreferredAsWindowsDoes(t *testing.T) {
	got, err := runScript(t, `function FindProxyForURL(u, h) { return "PROXY old:1"; }
		function FindProxyForURLEx(u, h) { return isResolvableEx(h) ? "PROXY ex:2" : "DIRECT"; }`,
		"https://acme.my.salesforce.com/", proxytest.Hosts{"*.salesforce.com": "::1"})
	if err != nil || got != "PROXY ex:2" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestBrokenPACScriptsAreErrors(t *testing.T) {
	old := pacRunTimeout
	pacRunTimeout = 200 * time.Millisecond
	t.Cleanup(func() { pacRunTimeout = old })
	for name, src := range map[string]string{
		"syntax":      `function FindProxyForURL(url, host) { return "DIRECT" `,
		"no function": `var x = 1;`,
		"throws":      `function FindProxyForURL(url, host) { return undefinedThing.x; }`,
		"loops":       `function FindProxyForURL(url, host) { while (true) {} }`,
	} {
		start := time.Now()
		if _, err := runScript(t, src, sfURL, nil); err == nil {
			t.Errorf("%s: no error", name)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("%s: took %v", name, time.Since(start))
		}
	}
}

func TestGojaFetchesAPACFileOnceAndReadsItsAnswer(t *testing.T) {
	pac := proxytest.ServePAC(t, `function FindProxyForURL(u, h) { return "PROXY p:1"; }`)
	n, _ := New(Settings{PAC: pac.URL}, "", Options{Getenv: env(nil)})
	target, _ := url.Parse(sfURL)
	for range 3 {
		if c, err := n.Choose(context.Background(), target); err != nil || c.Display() != "p:1" {
			t.Fatalf("Choose = %+v, %v", c, err)
		}
	}
	if pac.Hits() != 1 {
		t.Errorf("PAC fetched %d times, want once", pac.Hits())
	}
	// WinHTTP reads an answer it cannot use as DIRECT (Wine) or fails;
	// goja's path hands the answer itself to parsePACResult.
	bad := proxytest.ServePAC(t, `function FindProxyForURL(u,h){return "WHAT?";}`).URL
	n, _ = New(Settings{PAC: bad}, "", Options{Getenv: env(nil)})
	_, err := n.Choose(context.Background(), target)
	var pe *PACError
	if !errors.As(err, &pe) || pe.Reason != PACReasonResult || pe.Result != "WHAT?" {
		t.Errorf("err = %v, want PACError %s", err, PACReasonResult)
	}
}
