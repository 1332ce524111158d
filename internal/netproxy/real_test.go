package netproxy

import (
	"context"
	"crypto/x509"
	"errors"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// These tests run real parts on loopback: the Salesforce simulator over
// TLS under its real names, a CONNECT proxy, a PAC file server.
//
// Loopback is never proxied, so the client asks for
// https://acme.my.salesforce.com:PORT. Direct, the client's dialer maps that
// name to 127.0.0.1 (proxytest.Hosts, as a hosts file would); through a
// proxy, the client never resolves it: the proxy does, with the same map.
// Nothing leaves the machine and no real DNS is asked.

type realNet struct {
	sf    *proxytest.Salesforce
	vars  map[string]string
	roots *x509.CertPool // "the OS trust store": the simulator's public root
}

func newRealNet(t *testing.T) *realNet {
	sf := proxytest.StartSalesforce(t, sfsim.DemoOptions("http://localhost/"))
	return &realNet{sf: sf, vars: map[string]string{}, roots: sf.Root.Pool()}
}

// get asks the simulator for /services/data/ (no authentication needed, as
// at Salesforce) over a Network built from s.
func (r *realNet) get(t *testing.T, s Settings, password string) (*http.Response, *Network, error) {
	t.Helper()
	n, err := New(s, password, Options{
		Getenv:      env(r.vars),
		System:      func() System { return System{} },
		Roots:       func() (*x509.CertPool, error) { return r.roots.Clone(), nil },
		DialContext: r.sf.Hosts.DialContext,
		LookupHost:  r.sf.Hosts.LookupHost,
	})
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.sf.URL("acme.my.salesforce.com")+"/services/data/", nil)
	c := n.Client(10 * time.Second)
	defer c.CloseIdleConnections()
	resp, err := c.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return resp, n, err
}

func TestRealDirectAndThroughAProxyFromTheEnvironment(t *testing.T) {
	r := newRealNet(t)
	proxy := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts})
	if resp, _, err := r.get(t, Settings{}, ""); err != nil || resp.StatusCode != 200 {
		t.Fatalf("direct: %v", err)
	}
	if proxy.Connects() != 0 {
		t.Fatalf("direct went through the proxy")
	}
	r.vars["HTTPS_PROXY"] = proxy.URL
	if resp, _, err := r.get(t, Settings{}, ""); err != nil || resp.StatusCode != 200 {
		t.Fatalf("via HTTPS_PROXY: %v", err)
	}
	if got := proxy.Targets(); proxy.Connects() != 1 || got[0] != "acme.my.salesforce.com:"+r.sf.Port {
		t.Errorf("proxy saw %v, %d tunnels", got, proxy.Connects())
	}
}

func TestRealThroughTheProxyAPACFileNames(t *testing.T) {
	r := newRealNet(t)
	proxy := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts})
	pac := proxytest.ServePAC(t, `function FindProxyForURL(url, host) {
		return shExpMatch(host, "*.salesforce.com") ? "PROXY `+proxy.Addr+`" : "DIRECT"; }`)
	if resp, _, err := r.get(t, Settings{PAC: pac.URL}, ""); err != nil || resp.StatusCode != 200 {
		t.Fatalf("via PAC: %v", err)
	}
	if proxy.Connects() != 1 || pac.Hits() != 1 {
		t.Errorf("tunnels %d, PAC fetches %d; want 1 and 1", proxy.Connects(), pac.Hits())
	}
}

func TestRealProxyAuthentication(t *testing.T) {
	r := newRealNet(t)
	proxy := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts, User: "taro", Password: "pässword"})
	windowsOnly := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts, User: "taro", Password: "x",
		Challenges: []string{"Negotiate", "NTLM"}})
	tests := []struct {
		name     string
		set      Settings
		password string
		key      string // "" = success
	}{
		{"no credentials", Settings{Proxy: proxy.URL}, "", "app.net.err.proxy_auth_required"},
		{"wrong password", Settings{Proxy: proxy.URL, ProxyUser: "taro"}, "wrong", "app.net.err.proxy_auth_rejected"},
		{"right password", Settings{Proxy: proxy.URL, ProxyUser: "taro"}, "pässword", ""},
		{"Negotiate/NTLM only", Settings{Proxy: windowsOnly.URL, ProxyUser: "taro"}, "x", "app.net.err.proxy_auth_unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := r.get(t, tt.set, tt.password)
			if tt.key == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var pe *ProxyError
			if !errors.As(err, &pe) || pe.MessageKey() != tt.key {
				t.Fatalf("err = %v, want %s", err, tt.key)
			}
			if pe.Status != 407 || pe.Proxy == "" {
				t.Errorf("ProxyError = %+v", pe)
			}
		})
	}
	if proxy.Denied() != 2 || proxy.Connects() != 1 {
		t.Errorf("proxy denied %d, tunneled %d; want 2 and 1", proxy.Denied(), proxy.Connects())
	}
}

func TestRealTLSInspectionNeedsTheCorporateRoot(t *testing.T) {
	r := newRealNet(t)
	corp := proxytest.NewCA(t, "Corp SSL Inspection CA")
	proxy := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts, Inspect: corp, UpstreamRoots: r.sf.Root.Pool()})
	r.vars["HTTPS_PROXY"] = proxy.URL

	_, _, err := r.get(t, Settings{}, "")
	te := ClassifyTLS("acme.my.salesforce.com", err)
	if te == nil || te.Reason != TLSUntrusted || te.Issuer != "Corp SSL Inspection CA" {
		t.Fatalf("without the CA file: %v (%+v)", err, te)
	}
	if te.MessageKey() != "app.net.err.tls_untrusted" {
		t.Errorf("key %s", te.MessageKey())
	}

	resp, n, err := r.get(t, Settings{CAFile: corp.WriteFile(t, t.TempDir())}, "")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("with the CA file: %v", err)
	}
	if !n.FromExtraRoots(resp.TLS) {
		t.Error("the chain was not reported as verified by the CA file")
	}
	if resp, n, err := r.get(t, Settings{}, ""); err == nil || n.FromExtraRoots(nil) {
		t.Errorf("a later Network without the file still trusts it: %v %v", resp, err)
	}
}

func TestCAFilesInPEMAndDER(t *testing.T) {
	corp := proxytest.NewCA(t, "Corp Root")
	dir := t.TempDir()
	pemFile := corp.WriteFile(t, dir)
	der := dir + "/corp.cer"
	garbage := dir + "/garbage.pem"
	empty := dir + "/key.pem"
	writeFile(t, der, corp.Cert.Raw)
	writeFile(t, garbage, []byte("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"))
	writeFile(t, empty, []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
	for path, want := range map[string]string{pemFile: "", der: "", garbage: "app.net.err.ca_file_invalid", empty: "app.net.err.ca_file_invalid"} {
		n, err := New(Settings{CAFile: path}, "", Options{})
		switch {
		case want == "" && (err != nil || len(n.ExtraRoots()) != 1):
			t.Errorf("%s: %v", path, err)
		case want != "":
			var ce *CAFileError
			if !errors.As(err, &ce) || ce.MessageKey() != want || ce.Path != path {
				t.Errorf("%s: err = %v, want %s", path, err, want)
			}
		}
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
