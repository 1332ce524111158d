package testkit

import (
	"fmt"
	"net"
	"testing"

	"github.com/sfconnect/sfconnect/internal/callback"
)

// FreePort returns a TCP port free on 127.0.0.1 right now. Another process
// may take it before the test binds it: tests that bind it themselves retry
// (or fail with a clear "in use"), never assume.
func FreePort(t testing.TB) int {
	t.Helper()
	port, err := callback.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// CallbackURL is a callback URL as an admin registers it,
// http://localhost:PORT/callback (callback.PortURL), on a port free right now.
func CallbackURL(t testing.TB) string {
	t.Helper()
	return callback.PortURL(FreePort(t))
}

// ClosedURL is a loopback address where nothing listens: a server that is
// down (connection refused).
func ClosedURL(t testing.TB) string {
	t.Helper()
	return fmt.Sprintf("http://127.0.0.1:%d", FreePort(t))
}

// Occupy holds a port on 127.0.0.1, as another program would, until release
// is called or the test ends.
func Occupy(t testing.TB) (port int, release func()) {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release = func() { _ = l.Close() }
	t.Cleanup(release)
	return l.Addr().(*net.TCPAddr).Port, release
}

// Silent is the address (host:port) of a server on 127.0.0.1 that accepts
// connections and never answers, as a hung endpoint does, until the test
// ends.
func Silent(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				_ = c.Close()
			}
		}()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			held = append(held, c) // open, never answered
		}
	}()
	return l.Addr().String()
}
