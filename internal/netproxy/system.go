package netproxy

import (
	"context"
	"net"
	"net/url"
	"path"
	"strings"

	"github.com/mattn/go-ieproxy"
)

// System is the operating system's proxy setting, as go-ieproxy reads it:
// on Windows from WinHTTP's view of Internet Options (falling back to the
// registry), on macOS from CFNetwork (builds with cgo: the GUI). Elsewhere,
// and in the cgo-free macOS CLI, it is empty.
type System struct {
	// Servers maps a scheme ("http", "https") to "host:port"; the key ""
	// is the proxy for every scheme ("Use the same proxy for all").
	Servers map[string]string
	// Bypass lists the hosts that go direct: Windows "ProxyOverride"
	// entries ("<local>", "*.corp.example", "10.*") or macOS exceptions.
	Bypass []string
	// PAC is the automatic configuration script's URL; "" for none.
	PAC string
	// AutoDetect is WPAD ("Automatically detect settings") without a URL.
	AutoDetect bool
	// WPAD asks the OS to discover and run the WPAD script for a target
	// URL; it returns "host:port" or "" (direct, or nothing found).
	WPAD func(target string) string
}

// ReadSystem reads the current user's system proxy setting.
func ReadSystem() System { return systemFrom(ieproxy.GetConf()) }

// systemFrom maps go-ieproxy's view of the setting onto System.
func systemFrom(conf ieproxy.ProxyConf) System {
	s := System{Servers: conf.Static.Protocols}
	if !conf.Static.Active {
		s.Servers = nil
	}
	for _, b := range strings.FieldsFunc(conf.Static.NoProxy, func(r rune) bool { return r == ',' || r == ';' }) {
		s.Bypass = append(s.Bypass, strings.TrimSpace(b))
	}
	if conf.Automatic.Active {
		s.PAC = conf.Automatic.PreConfiguredURL
		s.AutoDetect = s.PAC == ""
		s.WPAD = wpad(conf.Automatic)
	}
	return s
}

// fromSystem applies the system setting. As in Windows, an automatic
// configuration (a script, or WPAD) comes before the fixed proxy, and the
// fixed proxy serves only when the script gives no answer.
func (n *Network) fromSystem(ctx context.Context, target *url.URL) (Choice, error) {
	sys := n.system()
	switch {
	case sys.PAC != "":
		return n.fromPAC(ctx, sys.PAC, SourceSystemPAC, target)
	case sys.AutoDetect && sys.WPAD != nil:
		if hp := strings.TrimSpace(sys.WPAD(pacTarget(target))); hp != "" {
			p, err := ParseProxyURL(hp)
			if err != nil {
				return Choice{}, &SystemError{Server: hp}
			}
			return Choice{Proxy: p, Source: SourceWPAD, PACResult: "PROXY " + hp}, nil
		}
	}
	server := sys.server(target.Scheme)
	if server == "" || sys.bypassed(target.Hostname()) {
		return Choice{Source: SourceNone}, nil
	}
	p, err := ParseProxyURL(server)
	if err != nil || p == nil {
		return Choice{}, &SystemError{Server: server}
	}
	return Choice{Proxy: p, Source: SourceSystem}, nil
}

// server picks the fixed proxy for scheme: its own entry, the one for all
// schemes, else the http entry, as Internet Explorer did.
func (s System) server(scheme string) string {
	for _, k := range []string{strings.ToLower(scheme), "", "http"} {
		if v := strings.TrimSpace(s.Servers[k]); v != "" {
			return v
		}
	}
	return ""
}

// bypassed reports whether host is excluded from the fixed proxy:
// "<local>" means a name without a dot; "10.0.0.0/8" (or macOS's short
// "169.254/16") a network; anything else a wildcard pattern.
func (s System) bypassed(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, e := range s.Bypass {
		e = strings.ToLower(strings.TrimSpace(e))
		switch {
		case e == "":
		case e == "<local>":
			if !strings.Contains(host, ".") {
				return true
			}
		case strings.Contains(e, "/"):
			if inCIDR(host, e) {
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

// inCIDR matches an IP host against "a.b.c.d/n", padding the short form
// macOS writes ("169.254/16").
func inCIDR(host, cidr string) bool {
	ip := net.ParseIP(host)
	addr, bits, ok := strings.Cut(cidr, "/")
	if ip == nil || !ok {
		return false
	}
	if !strings.Contains(addr, ":") {
		for strings.Count(addr, ".") < 3 {
			addr += ".0"
		}
	}
	_, network, err := net.ParseCIDR(addr + "/" + bits)
	return err == nil && network.Contains(ip)
}
