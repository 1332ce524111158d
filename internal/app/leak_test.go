package app_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// leakFlows is how many sign-ins the leak test runs: enough that one
// goroutine or descriptor left behind per flow stands out from any noise.
const leakFlows = 200

// TestConnectLeaksNothing runs whole sign-ins in a loop against the
// simulator and checks that goroutines and open file descriptors come back
// to where they were: a listener, connection or timer left behind per flow
// would pile up in the GUI, which runs for hours.
func TestConnectLeaksNothing(t *testing.T) {
	h := newHarness(t, nil)
	client := netproxy.NewClient(60 * time.Second)
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: h.store, HTTP: client,
		OpenBrowser: h.browser.Open, Lang: "ja"})
	ctx := context.Background()
	flow := func(i int) {
		t.Helper()
		name := fmt.Sprintf("leak-%d", i)
		if _, err := svc.Connect(ctx, name, h.input(), h.fields(), nil); err != nil {
			t.Fatalf("flow %d: Connect: %v", i, err)
		}
		if v := h.browser.Wait(t); v.Err != nil || v.Status != http.StatusOK {
			t.Fatalf("flow %d: the browser ended on %d %v", i, v.Status, v.Err)
		}
		if err := svc.Delete(ctx, name, false, nil); err != nil {
			t.Fatalf("flow %d: Delete: %v", i, err)
		}
	}
	idle := func() {
		// Idle keep-alive connections are a bounded pool, not a leak: close
		// them before counting, on both sides of the loop.
		client.CloseIdleConnections()
		http.DefaultTransport.(*http.Transport).CloseIdleConnections()
	}
	flow(0) // first use starts the runtime's and net/http's lazy goroutines
	idle()
	baseG, baseFD := settle(t, -1, -1)
	for i := 1; i <= leakFlows; i++ {
		flow(i)
	}
	idle()
	g, fd := settle(t, baseG, baseFD)
	t.Logf("%d sign-ins: goroutines %d before, %d after; open fds %d before, %d after", leakFlows, baseG, g, baseFD, fd)
	if g > baseG {
		var dump strings.Builder
		_ = pprof.Lookup("goroutine").WriteTo(&dump, 1)
		t.Errorf("goroutines: %d after %d sign-ins, %d before; still running:\n%s", g, leakFlows, baseG, dump.String())
	}
	if fd > baseFD {
		t.Errorf("open file descriptors: %d after %d sign-ins, %d before: %v", fd, leakFlows, baseFD, openFDs(t))
	}
}

// settle waits (at most 5 s) until goroutines and descriptors are no more
// than the given baseline (-1: until they stop changing) and returns them.
// Goroutines that are ending and sockets being closed need a moment.
func settle(t *testing.T, wantG, wantFD int) (g, fd int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	prevG, prevFD := -1, -1
	for {
		g, fd = runtime.NumGoroutine(), len(openFDs(t))
		done := g <= wantG && fd <= wantFD
		if wantG < 0 {
			done = g == prevG && fd == prevFD
		}
		if done || time.Now().After(deadline) {
			return g, fd
		}
		prevG, prevFD = g, fd
		time.Sleep(50 * time.Millisecond)
	}
}

// openFDs lists this process's open descriptors and what they point at.
// Only Linux lists them (/proc/self/fd); elsewhere (the Windows tests run
// under Wine) the list is empty and only goroutines are compared.
func openFDs(t *testing.T) []string {
	t.Helper()
	if runtime.GOOS != "linux" {
		return nil
	}
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatalf("count open files: %v", err)
	}
	var out []string
	for _, e := range entries {
		target, _ := os.Readlink("/proc/self/fd/" + e.Name())
		out = append(out, e.Name()+"->"+target)
	}
	return out
}
