package netproxy

import (
	"net/http"
	"net/url"
	"testing"
)

func TestSystemSettingsPickTheProxy(t *testing.T) {
	tests := []struct {
		name string
		s    Settings
		url  string
		want string // "" = direct
	}{
		{"off", Settings{Enabled: false, Server: "proxy:8080"}, "https://acme.my.salesforce.com/x", ""},
		{"one proxy for all", Settings{Enabled: true, Server: "proxy.corp:8080"}, "https://acme.my.salesforce.com/x", "http://proxy.corp:8080"},
		{"per scheme", Settings{Enabled: true, Server: "http=h1:80;https=h2:443"}, "https://login.salesforce.com/", "http://h2:443"},
		{"per scheme, http fallback", Settings{Enabled: true, Server: "http=h1:80;ftp=f:21"}, "https://login.salesforce.com/", "http://h1:80"},
		{"scheme given", Settings{Enabled: true, Server: "https://secure.corp:3128"}, "https://x.salesforce.com/", "https://secure.corp:3128"},
		{"bypassed by pattern", Settings{Enabled: true, Server: "p:1", Override: "*.salesforce.com;<local>"}, "https://acme.my.salesforce.com/", ""},
		{"local names bypassed", Settings{Enabled: true, Server: "p:1", Override: "<local>"}, "http://intranet/", ""},
		{"dotted names not local", Settings{Enabled: true, Server: "p:1", Override: "<local>"}, "https://acme.my.salesforce.com/", "http://p:1"},
		{"override is case-blind", Settings{Enabled: true, Server: "p:1", Override: "*.SALESFORCE.com"}, "https://ACME.my.salesforce.com/", ""},
		{"loopback never proxied", Settings{Enabled: true, Server: "p:1"}, "http://127.0.0.1:8800/services/oauth2/token", ""},
		{"localhost never proxied", Settings{Enabled: true, Server: "p:1"}, "http://localhost:8765/callback", ""},
		{"::1 never proxied", Settings{Enabled: true, Server: "p:1"}, "http://[::1]:8765/callback", ""},
	}
	t.Setenv("HTTPS_PROXY", "")
	t.Setenv("HTTP_PROXY", "")
	t.Setenv("NO_PROXY", "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, tt.url, nil)
			got, err := Func(tt.s)(req)
			if err != nil {
				t.Fatal(err)
			}
			if s := urlString(got); s != tt.want {
				t.Errorf("proxy = %q, want %q", s, tt.want)
			}
		})
	}
}

func TestTheEnvironmentWinsOverTheSystem(t *testing.T) {
	t.Setenv("HTTPS_PROXY", "http://env-proxy:3128")
	t.Setenv("NO_PROXY", "")
	req, _ := http.NewRequest(http.MethodGet, "https://acme.my.salesforce.com/", nil)
	got, err := Func(Settings{Enabled: true, Server: "sys:8080"})(req)
	if err != nil || urlString(got) != "http://env-proxy:3128" {
		t.Errorf("proxy = %v, %v; want the environment's", got, err)
	}
}

func TestAnUnreadableServerIsATypedError(t *testing.T) {
	t.Setenv("HTTPS_PROXY", "")
	req, _ := http.NewRequest(http.MethodGet, "https://acme.my.salesforce.com/", nil)
	_, err := Func(Settings{Enabled: true, Server: "http://%zz"})(req)
	if _, ok := err.(*Error); !ok {
		t.Fatalf("err = %v, want *Error", err)
	}
	if got := err.Error(); got == "" {
		t.Error("empty error text")
	}
}

func FuzzProxyServerSetting(f *testing.F) {
	for _, s := range []string{"p:1", "http=a:1;https=b:2", "https://x:3", "=;=;", "http://%zz", ""} {
		f.Add(s, "*.example.com;<local>")
	}
	f.Fuzz(func(t *testing.T, server, override string) {
		req, _ := http.NewRequest(http.MethodGet, "https://acme.my.salesforce.com/", nil)
		u, err := Settings{Enabled: true, Server: server, Override: override}.proxyFor(req.URL)
		if err == nil && u != nil && u.Host == "" {
			t.Errorf("proxy %q has no host", u)
		}
	})
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}
