package app_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// syncBuffer is a log sink safe for the listener's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is one simulated org, an app.Service over a temp config dir and an
// in-memory keychain, and a scripted browser that does real HTTP.
type harness struct {
	t        testing.TB
	sim      *sfsim.Sim
	simURL   string
	callback string
	store    *secrets.Memory
	dir      string
	logs     *syncBuffer
	svc      *app.Service
	browser  *browser
	http     *http.Client // the TLS simulator's client; nil for plain loopback
}

func newHarness(t testing.TB, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	return startHarness(t, "", mutate)
}

// newOrgHarness serves the simulated org over TLS under its real login host,
// https://<namespace>.my.salesforce.com: no login URL override, as against
// Salesforce. The service and the browser reach it through its client.
func newOrgHarness(t testing.TB, namespace string, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	return startHarness(t, namespace, mutate)
}

func startHarness(t testing.TB, namespace string, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	h := &harness{t: t, store: secrets.NewMemory(), dir: t.TempDir(), logs: &syncBuffer{}}
	h.callback = fmt.Sprintf("http://localhost:%d/callback", freePort(t))
	opts := sfsim.DemoOptions(h.callback)
	opts.Consent = sfsim.ConsentAuto
	opts.Org.MyDomain = namespace
	if mutate != nil {
		mutate(&opts)
	}
	run, err := sfsim.StartOrg(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(run.Close)
	h.sim, h.simURL = run.Sim, run.URL
	if namespace != "" {
		h.http = run.Client()
	}
	h.browser = &browser{t: t, done: make(chan visit, 4), client: h.http}
	h.svc = h.service("en")
	return h
}

func (h *harness) service(lang string) *app.Service {
	return app.New(app.Deps{
		Profiles:    &profile.Store{Dir: h.dir},
		Secrets:     h.store,
		HTTP:        h.http,
		OpenBrowser: h.browser.open,
		Logger:      slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Lang:        lang,
	})
}

// input is what an admin would type for the simulated org.
func (h *harness) input() app.ConnectInput {
	return app.ConnectInput{Org: "acme", ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		CallbackURL: h.callback, LoginURL: h.simURL, Timeout: 20 * time.Second}
}

func (h *harness) fields() app.ConsoleFields {
	return app.ConsoleFields{MatchingAttribute: "Email", AssetName: "Salesforce 本番", AssetID: "sf-prod", Memo: "test"}
}

// assertNothingSaved checks that a failed flow left no profile and no
// keychain entry behind: nothing half-written.
func (h *harness) assertNothingSaved() {
	h.t.Helper()
	entries, err := os.ReadDir(h.dir)
	if err != nil && !os.IsNotExist(err) {
		h.t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == ".lock" { // the store's lock, not a profile
			continue
		}
		h.t.Errorf("config dir holds %s after a failed flow", e.Name())
	}
	if acc := h.store.Accounts(); len(acc) > 0 {
		h.t.Errorf("keychain holds %v after a failed flow", acc)
	}
}

// visit is what the scripted browser saw at the end of its navigation.
type visit struct {
	status int
	body   string
	final  *url.URL
	err    error
}

// browser plays the admin's browser: a real GET of the authorize URL that
// follows redirects to the loopback callback. edit may rewrite the URL
// first; onRedirect sees each redirect before it is followed.
type browser struct {
	t          testing.TB
	edit       func(u *url.URL)
	onRedirect func(req *http.Request)
	done       chan visit
	opened     []string
	mu         sync.Mutex
	client     *http.Client // resolver and trust of a TLS simulator; nil = defaults
}

func (b *browser) open(u *url.URL) error {
	b.mu.Lock()
	b.opened = append(b.opened, u.String())
	b.mu.Unlock()
	target := *u
	if b.edit != nil {
		b.edit(&target)
	}
	go func() {
		c := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if b.onRedirect != nil {
				b.onRedirect(req)
			}
			return nil
		}}
		if b.client != nil {
			c.Transport = b.client.Transport
		}
		resp, err := c.Get(target.String())
		if err != nil {
			b.done <- visit{err: err}
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		b.done <- visit{status: resp.StatusCode, body: string(body), final: resp.Request.URL}
	}()
	return nil
}

// last waits for the browser's navigation to end.
func (b *browser) last() visit {
	b.t.Helper()
	select {
	case v := <-b.done:
		return v
	case <-time.After(30 * time.Second):
		b.t.Fatal("the browser never finished")
		return visit{}
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// filesContaining lists files under dir whose bytes contain any needle.
func filesContaining(t *testing.T, dir string, needles ...string) []string {
	t.Helper()
	var hits []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, n := range needles {
			if n != "" && strings.Contains(string(b), n) {
				hits = append(hits, p)
			}
		}
		return nil
	})
	return hits
}
