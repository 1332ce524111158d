package netproxy

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
)

const sfURL = "https://acme.my.salesforce.com/services/data/"

// env returns a Getenv over vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestTheProxyIsChosenInOrderEnvSettingSystem(t *testing.T) {
	pac := proxytest.ServePAC(t, `function FindProxyForURL(url, host) {
		if (dnsDomainIs(host, ".salesforce.com")) return "PROXY pac-proxy.corp:8080; DIRECT";
		return "DIRECT";
	}`)
	sysStatic := System{Servers: map[string]string{"": "sys-proxy.corp:3128"}, Bypass: []string{"<local>", "*.intra.example"}}
	tests := []struct {
		name    string
		vars    map[string]string
		set     Settings
		sys     System
		target  string
		want    string // proxy host:port, "" = direct
		source  Source
		wantPAC string
	}{
		{"nothing anywhere", nil, Settings{}, System{}, sfURL, "", SourceNone, ""},
		{"env first", map[string]string{"HTTPS_PROXY": "http://env-proxy:3128"}, Settings{Proxy: "set-proxy:1"}, sysStatic, sfURL, "env-proxy:3128", SourceEnv, ""},
		{"lower-case env", map[string]string{"https_proxy": "env-proxy:3128"}, Settings{}, sysStatic, sfURL, "env-proxy:3128", SourceEnv, ""},
		{"env NO_PROXY means direct", map[string]string{"HTTPS_PROXY": "env-proxy:3128", "NO_PROXY": ".salesforce.com"}, Settings{Proxy: "set-proxy:1"}, sysStatic, sfURL, "", SourceEnv, ""},
		{"HTTP_PROXY alone does not cover https", map[string]string{"HTTP_PROXY": "env-proxy:3128"}, Settings{Proxy: "set-proxy:1"}, System{}, sfURL, "set-proxy:1", SourceSetting, ""},
		{"setting before system", nil, Settings{Proxy: "http://set-proxy:8080"}, sysStatic, sfURL, "set-proxy:8080", SourceSetting, ""},
		{"setting direct turns the system off", nil, Settings{Proxy: "DIRECT"}, sysStatic, sfURL, "", SourceSetting, ""},
		{"setting PAC", nil, Settings{PAC: pac.URL}, sysStatic, sfURL, "pac-proxy.corp:8080", SourceSettingPAC, pac.URL},
		{"system fixed proxy", nil, Settings{}, sysStatic, sfURL, "sys-proxy.corp:3128", SourceSystem, ""},
		{"system bypass by pattern", nil, Settings{}, sysStatic, "https://x.intra.example/", "", SourceNone, ""},
		{"system bypass of plain names", nil, Settings{}, sysStatic, "https://intranet/", "", SourceNone, ""},
		{"system PAC before its fixed proxy", nil, Settings{}, System{Servers: sysStatic.Servers, PAC: pac.URL}, sfURL, "pac-proxy.corp:8080", SourceSystemPAC, pac.URL},
		{"system PAC says DIRECT", nil, Settings{}, System{PAC: pac.URL}, "https://example.org/", "", SourceSystemPAC, pac.URL},
		{"WPAD", nil, Settings{}, System{AutoDetect: true, WPAD: func(string) string { return "wpad-proxy:80" }}, sfURL, "wpad-proxy:80", SourceWPAD, ""},
		{"WPAD finds nothing: fixed proxy", nil, Settings{}, System{AutoDetect: true, WPAD: func(string) string { return "" }, Servers: sysStatic.Servers}, sfURL, "sys-proxy.corp:3128", SourceSystem, ""},
		{"loopback never proxied", map[string]string{"HTTPS_PROXY": "env-proxy:3128"}, Settings{Proxy: "p:1"}, sysStatic, "http://127.0.0.1:8800/services/oauth2/token", "", SourceLoopback, ""},
		{"localhost never proxied", nil, Settings{Proxy: "p:1"}, sysStatic, "http://localhost:8765/callback", "", SourceLoopback, ""},
		{"::1 never proxied", nil, Settings{PAC: pac.URL}, sysStatic, "http://[::1]:8765/callback", "", SourceLoopback, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sys := tt.sys
			n, err := New(tt.set, "", Options{Getenv: env(tt.vars), System: func() System { return sys }})
			if err != nil {
				t.Fatal(err)
			}
			target, _ := url.Parse(tt.target)
			c, err := n.Choose(context.Background(), target)
			if err != nil {
				t.Fatal(err)
			}
			if c.Display() != tt.want || c.Source != tt.source || c.PAC != tt.wantPAC {
				t.Errorf("choice = %q from %s (PAC %q), want %q from %s (PAC %q)",
					c.Display(), c.Source, c.PAC, tt.want, tt.source, tt.wantPAC)
			}
		})
	}
}

func TestTheProxyUserIsAddedToTheChosenProxyOnly(t *testing.T) {
	n, err := New(Settings{Proxy: "proxy.corp:8080", ProxyUser: "taro"}, "pw", Options{Getenv: env(nil), System: func() System { return System{} }})
	if err != nil {
		t.Fatal(err)
	}
	target, _ := url.Parse(sfURL)
	c, _ := n.Choose(context.Background(), target)
	if pw, _ := c.Proxy.User.Password(); c.Proxy.User.Username() != "taro" || pw != "pw" {
		t.Errorf("proxy user = %v", c.Proxy.User)
	}
	if strings.Contains(c.Display(), "pw") {
		t.Errorf("Display() = %q shows the password", c.Display())
	}
	own, _ := New(Settings{ProxyUser: "taro"}, "pw", Options{Getenv: env(map[string]string{"HTTPS_PROXY": "http://hanako:x@envp:1"}), System: func() System { return System{} }})
	c, _ = own.Choose(context.Background(), target)
	if c.Proxy.User.Username() != "hanako" {
		t.Errorf("credentials in HTTPS_PROXY were replaced: %v", c.Proxy.User)
	}
}

func TestBadSettingsAreTypedErrorsWithoutThePassword(t *testing.T) {
	tests := []struct {
		set  Settings
		key  string
		args string
	}{
		{Settings{Proxy: "ftp://proxy:21"}, "app.net.err.proxy_url", "ftp://proxy:21"},
		{Settings{Proxy: "http://taro:secret@proxy:80/path"}, "app.net.err.proxy_url", "http://taro:xxxxx@proxy:80/path"},
		{Settings{Proxy: "http://%zz"}, "app.net.err.proxy_url", "http://%zz"},
		{Settings{Proxy: "http://taro:secret@proxy:80"}, "app.net.err.proxy_userinfo", "http://taro:xxxxx@proxy:80"},
		{Settings{PAC: "proxy.pac"}, "app.net.err.pac_url", "proxy.pac"},
		{Settings{CAFile: "/nonexistent/corp.pem"}, "app.net.err.ca_file_read", ""},
	}
	for _, tt := range tests {
		_, err := New(tt.set, "", Options{})
		m, ok := err.(interface {
			MessageKey() string
			MessageArgs() map[string]any
		})
		if !ok || m.MessageKey() != tt.key {
			t.Errorf("%+v: err = %v, want key %s", tt.set, err, tt.key)
			continue
		}
		if v, _ := m.MessageArgs()["Value"].(string); v != tt.args || strings.Contains(err.Error(), "secret") {
			t.Errorf("%+v: Value = %q, error %q", tt.set, v, err)
		}
	}
}

func TestAnUnreadableSystemServerIsATypedError(t *testing.T) {
	n, _ := New(Settings{}, "", Options{Getenv: env(nil), System: func() System {
		return System{Servers: map[string]string{"https": "http://%zz"}}
	}})
	target, _ := url.Parse(sfURL)
	_, err := n.Choose(context.Background(), target)
	var se *SystemError
	if !errors.As(err, &se) || se.MessageKey() != "app.err.proxy" {
		t.Fatalf("err = %v, want *SystemError", err)
	}
}

func TestMacOSShortNetworksAndCIDRBypass(t *testing.T) {
	s := System{Bypass: []string{"169.254/16", "10.0.0.0/8", "*.local"}}
	for host, want := range map[string]bool{
		"169.254.3.4": true, "10.1.2.3": true, "printer.local": true,
		"11.0.0.1": false, "acme.my.salesforce.com": false,
	} {
		if got := s.bypassed(host); got != want {
			t.Errorf("bypassed(%q) = %v, want %v", host, got, want)
		}
	}
}

func FuzzProxySetting(f *testing.F) {
	for _, s := range []string{"p:1", "http://a:b@c:1", "https://x:3", "socks5://s:1080", "direct", "http://%zz", "", ":80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseProxyURL(s)
		if err == nil && u != nil && u.Hostname() == "" {
			t.Errorf("proxy %q has no host", u)
		}
		if err != nil && strings.Contains(err.Error(), "secret-pw") {
			t.Error("password in error")
		}
	})
}
