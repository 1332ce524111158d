package ui

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// browserMode says what the test browser does with the authorize URL.
type browserMode int

const (
	browserFollow browserMode = iota // GET and follow every redirect, like a real browser
	browserStop                      // stop before the callback and keep its address (manual paste path)
	browserIdle                      // open nothing (cancel path)
	browserFail                      // no browser: Open reports an error, as ShellExecute or xdg-open would
)

// testBrowser plays the system browser: a real HTTP GET of the authorize
// URL on loopback, following the simulator's redirect to the callback.
type testBrowser struct {
	mode   browserMode
	mu     sync.Mutex
	opened []string
	landed string // callback address when mode is browserStop
	done   chan struct{}
	client *http.Client // a TLS simulator's resolver and trust; nil = defaults
}

func newTestBrowser(mode browserMode) *testBrowser {
	return &testBrowser{mode: mode, done: make(chan struct{}, 8)}
}

func (b *testBrowser) Open(u *url.URL) error {
	b.mu.Lock()
	b.opened = append(b.opened, u.String())
	b.mu.Unlock()
	switch b.mode {
	case browserIdle:
		return nil
	case browserFail:
		return errors.New("no browser registered for https")
	}
	go func() {
		defer func() { b.done <- struct{}{} }()
		c := &http.Client{Transport: b.transport(), CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if b.mode == browserStop && req.URL.Hostname() == "localhost" {
				b.mu.Lock()
				b.landed = req.URL.String()
				b.mu.Unlock()
				return http.ErrUseLastResponse
			}
			return nil
		}}
		resp, err := c.Get(u.String())
		if err == nil {
			resp.Body.Close()
		}
	}()
	return nil
}

func (b *testBrowser) transport() http.RoundTripper {
	if b.client == nil {
		return nil
	}
	return b.client.Transport
}

func (b *testBrowser) Landed() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.landed
}

// simEnv is a simulator on loopback and a Service over temporary stores.
type simEnv struct {
	run      *sfsim.Running
	svc      *app.Service
	store    *profile.Store
	secrets  *secrets.Memory
	browser  *testBrowser
	callback string
	client   sfsim.Client
	tls      bool // the org is served under its real host: no Login URL override
}

// freeCallback returns a callback URL on a port free right now.
func freeCallback(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return fmt.Sprintf("http://localhost:%d/callback", port)
}

func newSimEnv(t *testing.T, mode browserMode, tweak func(*sfsim.Options)) *simEnv {
	t.Helper()
	return newOrgSimEnv(t, mode, "", tweak)
}

// newOrgSimEnv serves the org under its real login host when namespace is
// set (sfsim.StartTLS): the window then needs no Login URL override.
func newOrgSimEnv(t *testing.T, mode browserMode, namespace string, tweak func(*sfsim.Options)) *simEnv {
	t.Helper()
	cb := freeCallback(t)
	opts := sfsim.DemoOptions(cb)
	opts.Consent = sfsim.ConsentAuto
	opts.Org.MyDomain = namespace
	if tweak != nil {
		tweak(&opts)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	run, err := sfsim.StartOrg(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(run.Close)
	e := &simEnv{run: run, store: &profile.Store{Dir: t.TempDir()}, secrets: secrets.NewMemory(),
		browser: newTestBrowser(mode), callback: cb, client: opts.Clients[0], tls: namespace != ""}
	var client *http.Client
	if e.tls {
		client = run.Client()
		e.browser.client = client
	}
	e.svc = app.New(app.Deps{Profiles: e.store, Secrets: e.secrets, HTTP: client, OpenBrowser: e.browser.Open})
	return e
}

// newSimUI is the window over env, with the simulator as Login URL override
// (what --login-url does).
func newSimUI(t *testing.T, e *simEnv, lang string, demo DemoStarter) (*UI, *uiLoop) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, lang)
	w := test.NewTempWindow(t, nil)
	loop := newLoop()
	loginURL := e.run.URL
	if e.tls {
		loginURL = ""
	}
	u := New(a, w, Options{Backend: e.svc, StartDemo: demo, Do: loop.do, Clipboard: test.NewClipboard(), LoginURL: loginURL})
	w.Resize(MinWindowSize)
	t.Cleanup(func() {
		u.Close()
		loop.drain()
	})
	return u, loop
}

// fillCredentials walks Home → Prepare → Credentials and types the values.
func fillCredentials(t *testing.T, u *UI, org, key, secret, callback string) {
	t.Helper()
	test.Tap(u.Home.NewButton)
	if u.Screen() != "prepare" {
		t.Fatalf("after New: screen %q", u.Screen())
	}
	test.Tap(u.Prepare.Next)
	s := u.Credentials
	test.Type(s.Org, org)
	test.Type(s.Key, key)
	test.Type(s.Secret, secret)
	s.Callback.SetText(callback)
}

// findButton finds a visible button labelled text in the window or a dialog.
func findButton(c fyne.Canvas, text string) *widget.Button {
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, r := range roots {
		for _, o := range test.LaidOutObjects(r) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
				return b
			}
		}
	}
	return nil
}

func tapButton(t *testing.T, u *UI, text string) {
	t.Helper()
	b := findButton(u.Win.Canvas(), text)
	if b == nil {
		t.Fatalf("no button %q on screen %q", text, u.Screen())
	}
	test.Tap(b)
}

func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3040 && r <= 0x9fff })
}

// findLabel finds a visible label with exactly text.
func findLabel(c fyne.Canvas, text string) *widget.Label {
	for _, o := range test.LaidOutObjects(c.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Text == text && l.Visible() {
			return l
		}
	}
	return nil
}
