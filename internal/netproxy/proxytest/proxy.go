package proxytest

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// ProxyOptions configure a test proxy.
type ProxyOptions struct {
	// User and Password, when User is set, are the only Basic credentials
	// accepted; anything else is answered 407.
	User, Password string
	// Challenges are the Proxy-Authenticate values of a 407; default
	// `Basic realm="corp"`. Give only "Negotiate" and "NTLM" for a proxy
	// that speaks Windows authentication only.
	Challenges []string
	// Hosts is how the proxy resolves the targets of CONNECT.
	Hosts Hosts
	// Dial, when set, reaches the targets of CONNECT instead of Hosts
	// (Salesforce.DialContext, for targets on port 443).
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// Inspect, when set, makes the proxy a TLS-inspecting gateway: it
	// answers the client's TLS with certificates from this CA and opens
	// its own TLS connection upstream, trusting UpstreamRoots.
	Inspect       *CA
	UpstreamRoots *x509.CertPool
}

// Proxy is a CONNECT forward proxy on loopback.
type Proxy struct {
	URL  string // http://127.0.0.1:port
	Addr string
	o    ProxyOptions
	t    testing.TB

	mu       sync.Mutex
	connects int
	denied   int
	targets  []string
	certs    map[string]*tls.Certificate
}

// StartProxy serves a proxy until the test ends.
func StartProxy(t testing.TB, o ProxyOptions) *Proxy {
	t.Helper()
	if len(o.Challenges) == 0 {
		o.Challenges = []string{`Basic realm="corp"`}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{URL: "http://" + l.Addr().String(), Addr: l.Addr().String(), o: o, t: t,
		certs: map[string]*tls.Certificate{}}
	srv := &http.Server{Handler: p}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return p
}

// Connects is the number of tunnels opened.
func (p *Proxy) Connects() int { p.mu.Lock(); defer p.mu.Unlock(); return p.connects }

// Denied is the number of 407 answers.
func (p *Proxy) Denied() int { p.mu.Lock(); defer p.mu.Unlock(); return p.denied }

// Targets lists the host:port of every CONNECT, allowed or not.
func (p *Proxy) Targets() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.targets...)
}

// ServeHTTP handles CONNECT only: sfconnect talks HTTPS to Salesforce.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.targets = append(p.targets, r.Host)
	p.mu.Unlock()
	if r.Method != http.MethodConnect {
		http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
		return
	}
	if !p.authorized(r) {
		p.mu.Lock()
		p.denied++
		p.mu.Unlock()
		for _, c := range p.o.Challenges {
			w.Header().Add("Proxy-Authenticate", c)
		}
		w.WriteHeader(http.StatusProxyAuthRequired)
		return
	}
	dial := p.o.Hosts.DialContext
	if p.o.Dial != nil {
		dial = p.o.Dial
	}
	upstream, err := dial(r.Context(), "tcp", r.Host)
	if err != nil {
		http.Error(w, "cannot reach "+r.Host, http.StatusBadGateway)
		return
	}
	defer upstream.Close()
	client, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	defer client.Close()
	if _, err := client.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n")); err != nil {
		return
	}
	p.mu.Lock()
	p.connects++
	p.mu.Unlock()
	if p.o.Inspect != nil {
		p.inspect(client, buf, upstream, r.Host)
		return
	}
	pipe(struct {
		io.Reader
		io.Writer
	}{buf, client}, upstream)
}

// authorized checks the Basic credentials when the proxy requires some.
func (p *Proxy) authorized(r *http.Request) bool {
	if p.o.User == "" {
		return true
	}
	if !slices.ContainsFunc(p.o.Challenges, func(c string) bool { return strings.HasPrefix(c, "Basic") }) {
		return false // a Windows-authentication-only proxy takes no Basic
	}
	scheme, value, _ := strings.Cut(r.Header.Get("Proxy-Authorization"), " ")
	if !strings.EqualFold(scheme, "Basic") {
		return false
	}
	raw, err := base64.StdEncoding.DecodeString(value)
	return err == nil && string(raw) == p.o.User+":"+p.o.Password
}

// inspect plays a TLS-inspecting gateway: TLS with the client under a
// certificate of its own CA for the requested name, TLS upstream.
func (p *Proxy) inspect(client net.Conn, buf *bufio.ReadWriter, upstream net.Conn, target string) {
	host, _, _ := net.SplitHostPort(target)
	down := tls.Server(&bufferedConn{Conn: client, r: buf.Reader}, &tls.Config{
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return p.certFor(host), nil },
	})
	if err := down.Handshake(); err != nil {
		return // the client refused our certificate: what the test wants to see
	}
	defer down.Close()
	up := tls.Client(upstream, &tls.Config{ServerName: host, RootCAs: p.o.UpstreamRoots})
	if err := up.Handshake(); err != nil {
		return
	}
	pipe(down, up)
}

func (p *Proxy) certFor(host string) *tls.Certificate {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.certs[host]; c != nil {
		return c
	}
	c := p.o.Inspect.Issue(p.t, host)
	p.certs[host] = &c
	return &c
}

// pipe copies both ways until either side ends.
func pipe(a io.ReadWriter, b io.ReadWriter) {
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(a, b); done <- struct{}{} }()
	go func() { _, _ = io.Copy(b, a); done <- struct{}{} }()
	<-done
}

// bufferedConn reads first what the HTTP server already buffered.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(b []byte) (int, error) { return c.r.Read(b) }

// Hosts maps host names to loopback addresses, as a hosts file would:
// "acme.my.salesforce.com" or a wildcard "*.my.salesforce.com" to
// "127.0.0.1". Names it does not know do not resolve; nothing ever asks the
// real DNS or leaves the machine.
type Hosts map[string]string

// Lookup returns the address for host.
func (h Hosts) Lookup(host string) (string, bool) {
	host = strings.ToLower(host)
	if net.ParseIP(host) != nil {
		return host, hosts.IsLoopback(host)
	}
	if a, ok := h[host]; ok {
		return a, true
	}
	for name, a := range h {
		if suffix, ok := strings.CutPrefix(name, "*"); ok && strings.HasSuffix(host, suffix) {
			return a, true
		}
	}
	return "", false
}

// LookupHost resolves like a resolver whose DNS knows only h.
func (h Hosts) LookupHost(_ context.Context, host string) ([]string, error) {
	if a, ok := h.Lookup(host); ok {
		return []string{a}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// DialContext dials addr after mapping its host through h.
func (h Hosts) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	ip, ok := h.Lookup(host)
	if !ok {
		return nil, &net.OpError{Op: "dial", Net: network,
			Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
	}
	var d net.Dialer
	return d.DialContext(ctx, network, net.JoinHostPort(ip, port))
}
