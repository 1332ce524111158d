package netproxy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// Errors as Go's transport returns them, for the cases loopback cannot
// produce (a dropped SYN) and to pin the order of the rules.
func TestDiagnoseTellsTheFailuresApart(t *testing.T) {
	dialTimeout := &net.OpError{Op: "dial", Net: "tcp", Err: os.ErrDeadlineExceeded}
	proxyAddr := &net.TCPAddr{IP: net.IPv4(10, 0, 0, 5), Port: 8080}
	tests := []struct {
		name   string
		err    error
		reason string
		key    string
		proxy  string
	}{
		{"407 without credentials", &url.Error{Op: "Post", Err: &ProxyError{Proxy: "proxy.corp:8080", Status: 407, Schemes: []string{"Basic"}}},
			ReachProxy, "app.net.err.proxy_auth_required", "proxy.corp:8080"},
		{"403 by policy", &ProxyError{Proxy: "p:1", Status: 403}, ReachProxy, "app.net.err.proxy_refused", "p:1"},
		{"504 upstream", &ProxyError{Proxy: "p:1", Status: 504}, ReachProxy, "app.net.err.proxy_upstream", "p:1"},
		{"Negotiate only", &ProxyError{Proxy: "p:1", Status: 407, Schemes: []string{"Negotiate", "NTLM"}}, ReachProxy, "app.net.err.proxy_auth_unsupported", "p:1"},
		{"proxy refuses TCP", &net.OpError{Op: "proxyconnect", Net: "tcp",
			Err: &net.OpError{Op: "dial", Net: "tcp", Addr: proxyAddr, Err: errors.New("connection refused")}},
			ReachProxyDown, "app.net.err.proxy_unreachable", "10.0.0.5:8080"},
		{"proxy name unknown", &net.OpError{Op: "proxyconnect", Net: "tcp",
			Err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Name: "proxy.corp", IsNotFound: true}}},
			ReachProxyDown, "app.net.err.proxy_unreachable", "proxy.corp"},
		{"proxy connect times out", &net.OpError{Op: "proxyconnect", Net: "tcp", Err: dialTimeout},
			ReachProxyDown, "app.net.err.proxy_unreachable", ""},
		{"DNS", &url.Error{Op: "Get", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Name: "acme.my.salesforce.com", IsNotFound: true}}},
			ReachDNS, "app.net.err.dns", ""},
		{"no connection in time", &url.Error{Op: "Post", Err: dialTimeout}, ReachTimeout, "app.net.err.timeout", ""},
		{"no answer in time", context.DeadlineExceeded, ReachSlow, "app.net.err.slow", ""},
		{"reset", &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}, ReachUnreachable, "app.net.err.unreachable", ""},
		{"cut off", io.ErrUnexpectedEOF, ReachUnreachable, "app.net.err.unreachable", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diagnose("acme.my.salesforce.com", fmt.Errorf("oauthflow: exchange code: %w", tt.err))
			if d.Reason != tt.reason || d.MessageKey() != tt.key || d.Proxy != tt.proxy {
				t.Errorf("reason %s, key %s, proxy %q; want %s, %s, %q", d.Reason, d.MessageKey(), d.Proxy, tt.reason, tt.key, tt.proxy)
			}
			if args := d.MessageArgs(); args["Host"] != "acme.my.salesforce.com" {
				t.Errorf("args %v lack the host", args)
			}
			if !errors.Is(d, tt.err) {
				t.Error("the transport error is not kept for the log")
			}
			if again := Diagnose("other", d); again != d {
				t.Error("a diagnosis diagnosed again changed")
			}
		})
	}
	if Diagnose("h", nil) != nil {
		t.Error("no error has a diagnosis")
	}
}

// The same failures, produced by real parts on loopback: the simulator over
// TLS, the counting proxy and Go's own transport.
func TestDiagnoseRealFailures(t *testing.T) {
	r := newRealNet(t)
	authed := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts, User: "taro", Password: "right"})
	cutOff := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: proxytest.Hosts{}}) // resolves nothing: 502
	inspecting := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: r.sf.Hosts,
		Inspect: proxytest.NewCA(t, "Corp SSL Inspection CA"), UpstreamRoots: r.sf.Root.Pool()})
	down := fmt.Sprintf("127.0.0.1:%d", testkit.FreePort(t))
	tests := []struct {
		name   string
		set    Settings
		key    string
		expect map[string]any
	}{
		{"407 from a proxy that wants a password", Settings{Proxy: authed.URL}, "app.net.err.proxy_auth_required",
			map[string]any{"Proxy": authed.Addr, "Status": 407}},
		{"502 from a proxy that cannot reach Salesforce", Settings{Proxy: cutOff.URL}, "app.net.err.proxy_upstream",
			map[string]any{"Proxy": cutOff.Addr, "Status": 502}},
		{"a TLS-inspecting proxy", Settings{Proxy: inspecting.URL}, "app.net.err.tls_untrusted",
			map[string]any{"Issuer": "Corp SSL Inspection CA"}},
		{"a proxy that is down", Settings{Proxy: "http://" + down}, "app.net.err.proxy_unreachable",
			map[string]any{"Proxy": down}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := r.get(t, tt.set, "")
			d := Diagnose("acme.my.salesforce.com", err)
			if d == nil || d.MessageKey() != tt.key {
				t.Fatalf("err = %v: diagnosis %+v, want %s", err, d, tt.key)
			}
			args := d.MessageArgs()
			for k, v := range tt.expect {
				if args[k] != v {
					t.Errorf("%s = %v, want %v (args %v)", k, args[k], v, args)
				}
			}
		})
	}
}

func TestDiagnoseRealSlowAnswerAndRefusedConnection(t *testing.T) {
	closed := fmt.Sprintf("127.0.0.1:%d", testkit.FreePort(t))
	for addr, key := range map[string]string{testkit.Silent(t): "app.net.err.slow", closed: "app.net.err.unreachable"} {
		n, err := New(Settings{}, "", Options{Getenv: env(nil), System: func() System { return System{} }})
		if err != nil {
			t.Fatal(err)
		}
		c := n.Client(200 * time.Millisecond)
		resp, err := c.Get("http://" + addr + "/services/data/")
		if err == nil {
			resp.Body.Close()
			t.Fatalf("%s answered", addr)
		}
		if d := Diagnose("127.0.0.1", err); d.MessageKey() != key {
			t.Errorf("%s: %v is %s, want %s", addr, err, d.MessageKey(), key)
		}
	}
}
