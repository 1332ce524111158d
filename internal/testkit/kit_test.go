package testkit_test

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/testkit"
)

// callbackServer answers on the org's callback port, as the app's listener
// would, and counts the requests that reach it.
func callbackServer(t *testing.T, callback string) *atomic.Int32 {
	t.Helper()
	u, err := url.Parse(callback)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp4", "127.0.0.1:"+u.Port())
	if err != nil {
		t.Fatalf("the free callback port was taken: %v", err)
	}
	hits := new(atomic.Int32)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprintf(w, "landed code=%t", r.URL.Query().Get("code") != "")
	})}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return hits
}

// The browser follows the sign-in to the callback, stops before it, opens
// nothing, or fails to start, against an org on plain loopback and one
// under its real host over TLS.
func TestBrowserFollowsStopsIdlesAndFails(t *testing.T) {
	for _, namespace := range []string{"", "acme"} {
		t.Run("org "+namespace, func(t *testing.T) {
			org := testkit.StartOrg(t, namespace, nil)
			if (namespace != "") != (org.HTTP != nil) || org.Client.ID == "" {
				t.Fatalf("org %q: HTTP %v, client %q", namespace, org.HTTP, org.Client.ID)
			}
			hits := callbackServer(t, org.Callback)
			q := url.Values{"response_type": {"code"}, "client_id": {org.Client.ID},
				"redirect_uri": {org.Callback}, "state": {"st-1"}}
			auth, _ := url.Parse(org.URL + "/services/oauth2/authorize?" + q.Encode())

			follow := org.Browser(testkit.Follow)
			if err := follow.Open(auth); err != nil {
				t.Fatal(err)
			}
			v := follow.Wait(t)
			if v.Err != nil || v.Status != http.StatusOK || v.Body != "landed code=true" ||
				v.Final.Hostname() != "localhost" || v.Final.Query().Get("state") != "st-1" {
				t.Fatalf("follow ended on %d %q at %v (%v)", v.Status, v.Body, v.Final, v.Err)
			}

			stop := org.Browser(testkit.Stop)
			v = stop.Navigate(auth.String())
			if v.Err != nil || v.Status != http.StatusFound || !strings.HasPrefix(v.Landed, org.Callback+"?") ||
				!strings.Contains(v.Landed, "code=") || hits.Load() != 1 {
				t.Fatalf("stop ended on %d, landed %q, callback reached %d times (%v)", v.Status, v.Landed, hits.Load(), v.Err)
			}

			authorized := len(org.Sim.EventsOf("authorize"))
			idle := org.Browser(testkit.Idle)
			if err := idle.Open(auth); err != nil || len(idle.Opened()) != 1 {
				t.Fatalf("idle: %v, opened %v", err, idle.Opened())
			}
			failing := org.Browser(testkit.Fail)
			if err := failing.Open(auth); !errors.Is(err, testkit.ErrNoBrowser) || failing.Opened()[0] != auth.String() {
				t.Fatalf("fail: %v, opened %v", err, failing.Opened())
			}
			if n := len(org.Sim.EventsOf("authorize")); n != authorized {
				t.Errorf("an idle or failing browser reached Salesforce (%d authorize events, %d before)", n, authorized)
			}
		})
	}
}

// Edit rewrites the address before the visit; OnRedirect sees each hop.
func TestBrowserEditAndOnRedirect(t *testing.T) {
	org := testkit.StartOrg(t, "", nil)
	callbackServer(t, org.Callback)
	b := org.Browser(testkit.Follow)
	b.Edit(func(u *url.URL) {
		q := u.Query()
		q.Set("state", "edited")
		u.RawQuery = q.Encode()
	})
	var hops []string
	b.OnRedirect(func(r *http.Request) { hops = append(hops, r.URL.Query().Get("state")) })
	q := url.Values{"response_type": {"code"}, "client_id": {org.Client.ID}, "redirect_uri": {org.Callback}, "state": {"orig"}}
	auth, _ := url.Parse(org.URL + "/services/oauth2/authorize?" + q.Encode())
	if err := b.Open(auth); err != nil {
		t.Fatal(err)
	}
	v := b.Wait(t)
	if v.Final.Query().Get("state") != "edited" || strings.Join(hops, ",") != "edited" {
		t.Errorf("final %v, redirects seen %v", v.Final, hops)
	}
	if b.Opened()[0] != auth.String() {
		t.Errorf("Opened records %q, want the address as given", b.Opened()[0])
	}
}

func TestPortsAndCallbackURLs(t *testing.T) {
	port, release := testkit.Occupy(t)
	if _, err := net.Listen("tcp4", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
		t.Fatal("an occupied port could be bound")
	}
	release()
	l, err := net.Listen("tcp4", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatalf("released port: %v", err)
	}
	l.Close()
	cb, err := url.Parse(testkit.CallbackURL(t))
	if err != nil || cb.Scheme != "http" || cb.Hostname() != "localhost" || cb.Path != "/callback" || cb.Port() == "" {
		t.Errorf("callback URL %v (%v)", cb, err)
	}
	if _, err := http.Get(testkit.ClosedURL(t)); err == nil {
		t.Error("something answered on the closed URL")
	}
	silent := &http.Client{Timeout: 200 * time.Millisecond}
	_, err = silent.Get("http://" + testkit.Silent(t))
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Errorf("the silent server: %v, want a timeout", err)
	}
}

// Many writers at once (run with -race), and a reader waiting for a line.
func TestSyncBuffer(t *testing.T) {
	var b testkit.SyncBuffer
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() { fmt.Fprintf(&b, "writer %d\n", i) })
	}
	go fmt.Fprintf(&b, "url: https://example.test/x \n")
	if got := b.WaitLine(t, "url:"); got != "url: https://example.test/x" {
		t.Errorf("WaitLine = %q", got)
	}
	wg.Wait()
	if n := strings.Count(b.String(), "writer "); n != 8 {
		t.Errorf("%d of 8 lines: %q", n, b.String())
	}
}

// The kits of the tests (this one, secretstest, proxytest) hand out
// simulator credentials and fake keychains: no shipped program may link
// them.
func TestNoProgramLinksATestKit(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../../cmd/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list found only %v", deps)
	}
	for _, p := range deps {
		if strings.HasPrefix(p, "github.com/sfconnect/sfconnect/") &&
			(strings.HasSuffix(p, "/testkit") || strings.HasSuffix(p, "test")) {
			t.Errorf("a program links %s", p)
		}
	}
}
