package callback

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestBindPlan(t *testing.T) {
	both := func(p string) []bindAddr {
		return []bindAddr{
			{network: "tcp4", address: "127.0.0.1:" + p},
			{network: "tcp6", address: "[::1]:" + p, optional: true},
		}
	}
	tests := []struct {
		goos string
		port int
		want []bindAddr
	}{
		{"linux", 80, both("80")},
		{"windows", 80, both("80")},
		{"windows", 8765, both("8765")},
		{"darwin", 8765, both("8765")},
		{"darwin", 1024, both("1024")},
		// macOS lets a normal user bind a low port only on the wildcard.
		{"darwin", 80, []bindAddr{{network: "tcp", address: ":80"}}},
		{"darwin", 1023, []bindAddr{{network: "tcp", address: ":1023"}}},
	}
	for _, tt := range tests {
		if got := bindPlan(tt.goos, tt.port); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("bindPlan(%s, %d) = %+v, want %+v", tt.goos, tt.port, got, tt.want)
		}
	}
}

// bindErr wraps errno the way net.Listen does.
func bindErr(errno error) error {
	return &net.OpError{Op: "listen", Net: "tcp4", Err: os.NewSyscallError("bind", errno)}
}

func TestPortReason(t *testing.T) {
	tests := []struct {
		name string
		port int
		err  error
		want string
	}{
		{"in use", 8765, bindErr(syscall.EADDRINUSE), "in_use"},
		{"low port needs privileges", 80, bindErr(syscall.EACCES), "privileged"},
		{"access denied on a high port", 8765, bindErr(syscall.EACCES), "forbidden"},
		{"anything else", 8765, bindErr(syscall.EADDRNOTAVAIL), "unavailable"},
		{"not an errno", 8765, errors.New("boom"), "unavailable"},
	}
	for _, tt := range tests {
		if got := portReason(tt.port, tt.err); got != tt.want {
			t.Errorf("%s: portReason = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPortErrorMessage(t *testing.T) {
	keys := map[string]string{
		"in_use": "callback.err.port_in_use", "privileged": "callback.err.port_privileged",
		"forbidden": "callback.err.port_forbidden", "unavailable": "callback.err.port_unavailable",
	}
	for reason, key := range keys {
		e := &PortError{Port: 80, Reason: reason, Err: bindErr(syscall.EACCES)}
		if e.MessageKey() != key {
			t.Errorf("%s: key %q, want %q", reason, e.MessageKey(), key)
		}
		args := e.MessageArgs()
		if args["Port"] != 80 || args["SuggestedURL"] != "http://localhost:8765/callback" {
			t.Errorf("%s: args %v", reason, args)
		}
		if !strings.Contains(e.Error(), "port 80") {
			t.Errorf("Error() %q does not name the port", e.Error())
		}
	}
}

func ipv6Available(t *testing.T) {
	t.Helper()
	l, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Skipf("no IPv6 loopback here: %v", err)
	}
	l.Close()
}

// A browser resolving localhost to ::1 must not reach another program.
func TestListenIPv6PortTaken(t *testing.T) {
	ipv6Available(t)
	for range 5 {
		port, err := FreePort()
		if err != nil {
			t.Fatal(err)
		}
		held, err := net.Listen("tcp6", net.JoinHostPort("::1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		defer held.Close()
		_, err = Listen(context.Background(), Config{RedirectURL: fmt.Sprintf("http://localhost:%d/", port), State: "s"})
		var pe *PortError
		if !errors.As(err, &pe) || pe.Reason != "in_use" {
			t.Fatalf("err = %v, want PortError in_use", err)
		}
		// The IPv4 socket opened first must have been released.
		l, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			t.Fatalf("127.0.0.1:%d leaked: %v", port, err)
		}
		l.Close()
		return
	}
	t.Skip("could not hold a matching ::1 port")
}

func TestPortErrorNeverSuggestsTheFailedPort(t *testing.T) {
	for _, port := range []int{80, SuggestedPort, 9000} {
		args := (&PortError{Port: port, Reason: "in_use"}).MessageArgs()
		if url := args["SuggestedURL"].(string); strings.Contains(url, ":"+strconv.Itoa(port)+"/") {
			t.Errorf("port %d busy: suggested %s", port, url)
		}
	}
}
