package proxytest

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// PAC is a PAC file served on loopback.
type PAC struct {
	URL  string
	hits atomic.Int32
}

// ServePAC serves script as a PAC file until the test ends.
func ServePAC(t testing.TB, script string) *PAC {
	t.Helper()
	p := &PAC{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/proxy.pac" {
			http.NotFound(w, r)
			return
		}
		p.hits.Add(1)
		// The MIME type PAC files are served with (Netscape's specification).
		w.Header().Set("Content-Type", "application/x-ns-proxy-autoconfig")
		_, _ = w.Write([]byte(script))
	}))
	t.Cleanup(srv.Close)
	p.URL = srv.URL + "/proxy.pac"
	return p
}

// Hits is how many times the file was fetched.
func (p *PAC) Hits() int { return int(p.hits.Load()) }

// Salesforce is the simulator served over HTTPS with a certificate of a
// test-made public root, under Salesforce's own names: Hosts maps them to
// the loopback listener, so a test reaches https://acme.my.salesforce.com
// without leaving the machine.
type Salesforce struct {
	Sim   *sfsim.Sim
	Root  *CA    // stands for the public root that signs Salesforce's certificates
	Hosts Hosts  // *.salesforce.com -> 127.0.0.1
	Port  string // the listener's port
	// LoopbackURL is https://127.0.0.1:port, for clients without Hosts.
	LoopbackURL string
}

// StartSalesforce serves a simulator over TLS until the test ends.
func StartSalesforce(t testing.TB, opts sfsim.Options) *Salesforce {
	t.Helper()
	sf := &Salesforce{Sim: sfsim.New(opts), Root: NewCA(t, "Test Public Root CA"),
		Hosts: Hosts{"*.salesforce.com": "127.0.0.1"}}
	srv := httptest.NewUnstartedServer(sf.Sim)
	cert := sf.Root.Issue(t, "*.my.salesforce.com", "*.sandbox.my.salesforce.com",
		"login.salesforce.com", "test.salesforce.com", "127.0.0.1")
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	// Handshakes that the tests break on purpose are not news.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	sf.Port, sf.LoopbackURL = u.Port(), srv.URL
	return sf
}

// URL is the simulator's address under host, e.g.
// URL("acme.my.salesforce.com") = https://acme.my.salesforce.com:PORT.
func (sf *Salesforce) URL(host string) string { return "https://" + host + ":" + sf.Port }

// DialContext dials as Hosts does and sends Salesforce's port, 443, to the
// simulator's: a client may then use https://acme.my.salesforce.com with
// no port, as a saved connection does (salesforce.CheckLoginURL refuses a
// port on a Salesforce host).
func (sf *Salesforce) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if host, port, err := net.SplitHostPort(addr); err == nil && port == "443" {
		addr = net.JoinHostPort(host, sf.Port)
	}
	return sf.Hosts.DialContext(ctx, network, addr)
}

// Browser is the admin's browser on this network: it reaches the simulator
// directly at Salesforce's names (its own proxy settings work, whatever the
// app's are), trusts its public root and follows the redirect to the
// callback on localhost.
func (sf *Salesforce) Browser() *http.Client {
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, port, _ := net.SplitHostPort(addr); host == "localhost" {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
		return sf.DialContext(ctx, network, addr)
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DialContext: dial,
		TLSClientConfig: &tls.Config{RootCAs: sf.Root.Pool()}}}
}
