package callback_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// A port another program holds (testkit.Occupy) is reported in use, by
// number. An external test: the kit builds its callback URLs with this
// package, so the package's own tests cannot import it.
func TestListenPortInUse(t *testing.T) {
	port, _ := testkit.Occupy(t)
	_, err := callback.Listen(context.Background(), callback.Config{RedirectURL: callback.PortURL(port), State: "s"})
	var pe *callback.PortError
	if !errors.As(err, &pe) || pe.Reason != "in_use" || pe.Port != port {
		t.Fatalf("err = %v, want PortError in_use on %d", err, port)
	}
	if !errors.Is(err, syscall.EADDRINUSE) || !strings.Contains(err.Error(), strconv.Itoa(port)) {
		t.Fatalf("err = %v: want EADDRINUSE naming the port", err)
	}
	if pe.MessageArgs()["Port"] != port {
		t.Fatalf("MessageArgs = %v", pe.MessageArgs())
	}
}
