//go:build windows

package netproxy

import (
	"context"

	"github.com/mattn/go-ieproxy"
)

// wpad discovers and runs the WPAD script with WinHTTP (DHCP, then DNS),
// through the same call as a PAC URL rather than go-ieproxy's
// ProxyScriptConf.FindProxyForURL, which sets no time limit: WinHTTP's
// defaults let a download wait 60 s to connect and longer to resolve, and
// a preflight or a sign-in would wait with it. Any failure (nothing
// discovered, a broken script, no answer in time) is "nothing found":
// Windows then uses the fixed proxy, as fromSystem does.
func wpad(ieproxy.ProxyScriptConf) func(target string) string {
	return func(target string) string {
		answer, err := winhttpAnswer(context.Background(), "", target)
		if err != nil {
			return ""
		}
		return wpadProxy(answer)
	}
}

// wpadProxy is the proxy System.WPAD reports for a script's answer:
// "host:port" for an HTTP proxy, a URL for another kind, "" for DIRECT or
// an answer that names nothing usable.
func wpadProxy(answer string) string {
	p, err := parsePACResult(answer)
	switch {
	case err != nil || p == nil:
		return ""
	case p.Scheme == "http":
		return p.Host
	}
	return p.String()
}
