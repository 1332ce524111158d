package callback

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"syscall"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// SuggestedPort is the free high port that port errors recommend registering
// instead (as http://localhost:8765/callback).
const SuggestedPort = 8765

// PortURL is the callback URL sfconnect suggests registering for a port:
// http://localhost:<port>/callback (a path of its own, so that it is
// plainly sfconnect's; any path works).
func PortURL(port int) string {
	return "http://localhost:" + strconv.Itoa(port) + "/callback"
}

// FreePort asks the OS for a TCP port free on 127.0.0.1 right now, for a
// callback URL that no registered app holds yet (the demo's, a test's).
// Another program may take it before it is bound: Listen then reports the
// port in use, as for any port.
func FreePort() (int, error) {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// PortError reports that the callback port could not be bound.
// Reason is "in_use" (another program listens there), "privileged" (ports
// below 1024 need administrator rights on Linux), "forbidden" (Windows
// refused with WSAEACCES: the port is in an excluded range or held by
// HTTP.sys/IIS) or "unavailable" (any other bind failure).
type PortError struct {
	Port   int
	Reason string
	Err    error // the underlying bind error, for logs
}

func (e *PortError) Error() string {
	return fmt.Sprintf("callback: cannot listen on port %d (%s): %v", e.Port, e.Reason, e.Err)
}

// Unwrap returns the bind error, so errors.Is(err, syscall.EADDRINUSE) works.
func (e *PortError) Unwrap() error { return e.Err }

// MessageKey returns the translation key for the reason.
func (e *PortError) MessageKey() string {
	switch e.Reason {
	case "in_use":
		return "callback.err.port_in_use"
	case "privileged":
		return "callback.err.port_privileged"
	case "forbidden":
		return "callback.err.port_forbidden"
	default:
		return "callback.err.port_unavailable"
	}
}

// MessageArgs names the port and the callback URL to register instead.
func (e *PortError) MessageArgs() map[string]any {
	suggested := SuggestedPort
	if e.Port == SuggestedPort {
		suggested++ // never suggest the port that just failed
	}
	return map[string]any{
		"Port":         e.Port,
		"SuggestedURL": PortURL(suggested),
	}
}

// portReason classifies a bind error. The errno checks that differ by OS
// live in errno_*.go.
func portReason(port int, err error) string {
	switch {
	case isAddrInUse(err):
		return "in_use"
	case isForbidden(err):
		return "forbidden"
	case errors.Is(err, syscall.EACCES) && port < 1024:
		return "privileged"
	case errors.Is(err, syscall.EACCES):
		return "forbidden"
	default:
		return "unavailable"
	}
}

// bindAddr is one socket to open. Optional sockets may fail for reasons
// other than a port conflict (no IPv6 on the machine) without failing Listen.
type bindAddr struct {
	network, address string
	optional         bool
}

// bindPlan decides where to listen for the given OS and port.
//
// Browsers resolve "localhost" to 127.0.0.1 or ::1, so both are served.
// macOS (since 10.14) lets an unprivileged user bind a port below 1024 only
// on the wildcard address, not on 127.0.0.1; there the wildcard is bound and
// every non-loopback peer is refused (loopbackOnly and the handler's check).
func bindPlan(goos string, port int) []bindAddr {
	p := strconv.Itoa(port)
	if goos == "darwin" && port < 1024 {
		return []bindAddr{{network: "tcp", address: ":" + p}}
	}
	return []bindAddr{
		{network: "tcp4", address: "127.0.0.1:" + p},
		{network: "tcp6", address: "[::1]:" + p, optional: true},
	}
}

// listenAll opens every socket of the plan. A required socket that fails is
// a *PortError. An optional one that fails because the port is taken is also
// a *PortError: a browser resolving localhost to ::1 would otherwise hand the
// code to whatever holds that port. Any other optional failure is skipped.
func listenAll(ctx context.Context, plan []bindAddr, port int, log *slog.Logger) ([]net.Listener, error) {
	var lc net.ListenConfig
	var out []net.Listener
	for _, b := range plan {
		l, err := lc.Listen(ctx, b.network, b.address)
		if err == nil {
			out = append(out, loopbackOnly{l})
			continue
		}
		if ctx.Err() != nil {
			closeAll(out)
			return nil, fmt.Errorf("callback: listen: %w", ctx.Err())
		}
		reason := portReason(port, err)
		if b.optional && reason == "unavailable" {
			log.Debug("callback: optional address not available", "address", b.address, "error", err)
			continue
		}
		closeAll(out)
		return nil, &PortError{Port: port, Reason: reason, Err: err}
	}
	return out, nil
}

func closeAll(ls []net.Listener) {
	for _, l := range ls {
		_ = l.Close()
	}
}

// loopbackOnly drops every accepted connection whose peer is not loopback,
// before any byte is read. It matters on the macOS wildcard bind and is
// harmless elsewhere.
type loopbackOnly struct{ net.Listener }

func (l loopbackOnly) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if hosts.IsLoopbackPeer(c.RemoteAddr().String()) {
			return c, nil
		}
		_ = c.Close()
	}
}
