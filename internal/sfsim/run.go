package sfsim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// ErrNotLoopback is returned by Run for an address that is not on loopback:
// the simulator hands out credentials and must never be reachable from the
// network.
var ErrNotLoopback = errors.New("sfsim: listen address must be a loopback address")

// Running is a simulator served on a loopback port.
type Running struct {
	URL    string // base URL, e.g. http://127.0.0.1:54321 (the login URL to use)
	Sim    *Sim
	client *http.Client // StartTLS's resolver and trust; nil for plain loopback
	srv    *http.Server
	cancel context.CancelFunc
	done   chan struct{}
}

// Start serves a new simulator on 127.0.0.1 on a free port until ctx is done
// or Close is called.
func Start(ctx context.Context, opts Options) (*Running, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sfsim: listen: %w", err)
	}
	return serve(ctx, ln, opts), nil
}

// serve runs a simulator on ln until ctx is done or Close is called.
func serve(ctx context.Context, ln net.Listener, opts Options) *Running {
	ctx, cancel := context.WithCancel(ctx)
	sim := New(opts)
	run := &Running{
		URL:    "http://" + ln.Addr().String(),
		Sim:    sim,
		srv:    &http.Server{Handler: sim, ReadHeaderTimeout: 10 * time.Second},
		cancel: cancel,
		done:   make(chan struct{}),
	}
	sim.SetBaseURL(run.URL)
	go func() { _ = run.srv.Serve(ln) }()
	go func() {
		defer close(run.done)
		<-ctx.Done()
		// Close, not Shutdown: requests held by Latency end with their
		// connections instead of keeping the test waiting.
		_ = run.srv.Close()
	}()
	return run
}

// Close stops the server and waits until it has stopped.
func (r *Running) Close() {
	r.cancel()
	<-r.done
}

// Run serves a simulator on addr (which must be a loopback address, e.g.
// "127.0.0.1:8080" or "localhost:0"), prints its URL and client credentials to
// out, and returns nil once ctx is done. The CLI's "simulate" command wraps it.
func Run(ctx context.Context, addr string, opts Options, out io.Writer) error {
	if !hosts.IsLoopbackHostPort(addr) {
		return fmt.Errorf("listen on %q: %w", addr, ErrNotLoopback)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("sfsim: listen: %w", err)
	}
	run := serve(ctx, ln, opts)
	defer run.Close()
	printBanner(out, run)
	<-ctx.Done()
	return nil
}

// printBanner tells the person running the simulator how to use it. The
// credentials printed are the simulator's own demo values, not real secrets.
func printBanner(out io.Writer, run *Running) {
	s := run.Sim
	s.mu.Lock()
	opts := s.opts
	s.mu.Unlock()
	p := func(format string, a ...any) { _, _ = fmt.Fprintf(out, format, a...) }
	p("Salesforce simulator (sfsim): demo data only, not a real Salesforce org\n")
	p("Salesforce シミュレーター (sfsim): デモ用データのみ（実際の Salesforce 組織ではありません）\n\n")
	p("  Login URL:        %s\n", run.URL)
	p("  Org ID:           %s\n", opts.Org.OrgID)
	p("  User:             %s\n", opts.User.Username)
	p("  Consent:          %s\n", opts.Consent)
	for _, c := range opts.Clients {
		p("\n  App:              %s\n", c.Name)
		p("  Consumer key:     %s\n", c.ID)
		p("  Consumer secret:  %s  (simulator credential, not a real secret)\n", c.Secret)
		for _, cb := range c.RedirectURIs {
			q := url.Values{"response_type": {"code"}, "client_id": {c.ID}, "redirect_uri": {cb}}
			p("  Callback URL:     %s\n", cb)
			p("  Authorize:        %s/services/oauth2/authorize?%s\n", run.URL, q.Encode())
		}
	}
	p("\nStop with Ctrl+C.\n")
}
