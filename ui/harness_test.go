package ui

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/seal"
)

func TestMain(m *testing.M) {
	// Times on screen are local; goldens must not depend on the machine's zone.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// uiLoop stands in for Fyne's event loop: background work queues its widget
// updates and the test runs them on its own goroutine, so widgets are only
// touched by one goroutine, as in the real app.
type uiLoop struct{ q chan func() }

func newLoop() *uiLoop { return &uiLoop{q: make(chan func(), 1024)} }

func (l *uiLoop) do(f func()) { l.q <- f }

// waitFor runs queued updates until cond holds. The limit only stops a
// hung test; nothing asserts on how fast the flow is.
func (l *uiLoop) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	limit := time.After(60 * time.Second)
	for !cond() {
		select {
		case f := <-l.q:
			f()
		case <-limit:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// drain runs what is queued right now.
func (l *uiLoop) drain() {
	for {
		select {
		case f := <-l.q:
			f()
		default:
			return
		}
	}
}

// newTestUI builds the window in lang over b, sized like the real one.
func newTestUI(t testing.TB, b Backend, lang string, demo DemoStarter) (*UI, *uiLoop) {
	t.Helper()
	return newWindow(t, Options{Backend: b, StartDemo: demo}, map[string]string{prefLanguage: lang})
}

// newWindow builds the window with o over saved preferences prefs (the
// language, say), sized like the real one; the test's loop runs the UI
// updates and a test clipboard takes the copies.
func newWindow(t testing.TB, o Options, prefs map[string]string) (*UI, *uiLoop) {
	t.Helper()
	a := test.NewTempApp(t)
	for k, v := range prefs {
		a.Preferences().SetString(k, v)
	}
	w := test.NewTempWindow(t, nil)
	loop := newLoop()
	o.Do, o.Clipboard = loop.do, test.NewClipboard()
	u := New(a, w, o)
	w.Resize(MinWindowSize)
	t.Cleanup(func() {
		u.Close()
		loop.drain()
	})
	return u, loop
}

// fakeBackend serves fixed data for the golden images.
type fakeBackend struct {
	profiles []profile.Profile
	// health answers CheckOne by profile name; a missing name is alive.
	health map[string]app.TokenHealth
	// checked hears each CheckOne that returned, before its result reaches
	// the widgets; nil = nobody listens.
	checked chan string
}

func (f *fakeBackend) Begin(context.Context, app.ConnectInput) (*app.Session, error) {
	return nil, context.Canceled
}
func (f *fakeBackend) Reauthorize(context.Context, string, bool, time.Duration) (*app.Session, error) {
	return nil, context.Canceled
}
func (f *fakeBackend) Save(_ context.Context, name string, c *app.Connection, fl app.ConsoleFields) error {
	p := c.Profile
	p.Name = name
	f.profiles = append(f.profiles, p)
	return nil
}
func (f *fakeBackend) Discard(context.Context, *app.Connection) error { return nil }
func (f *fakeBackend) Verify(context.Context, string, app.Progress) (*app.Report, error) {
	return &app.Report{}, nil
}
func (f *fakeBackend) VerifyDeep(context.Context, string, app.Progress) (*app.Report, error) {
	return &app.Report{Deep: true}, nil
}
func (f *fakeBackend) Import(context.Context, io.Reader, string) (profile.Profile, error) {
	return profile.Profile{}, nil
}
func (f *fakeBackend) ImportSealedWith(context.Context, io.Reader, app.ImportOptions, seal.Key) (profile.Profile, error) {
	return profile.Profile{}, nil
}
func (f *fakeBackend) Orphans(context.Context) ([]app.Orphan, error)             { return nil, nil }
func (f *fakeBackend) RemoveOrphans(context.Context, []string) ([]string, error) { return nil, nil }
func (f *fakeBackend) List(context.Context) ([]profile.Profile, error)           { return f.profiles, nil }
func (f *fakeBackend) Load(_ context.Context, name string) (profile.Profile, error) {
	for _, p := range f.profiles {
		if p.Name == name {
			return p, nil
		}
	}
	return profile.Profile{}, profile.ErrNotFound
}
func (f *fakeBackend) UpdateFields(context.Context, string, app.ConsoleFields) error { return nil }
func (f *fakeBackend) Secrets(context.Context, string) (profile.Secrets, error) {
	return profile.Secrets{ClientSecret: "cs", RefreshToken: "rt"}, nil
}
func (f *fakeBackend) Remove(context.Context, string, bool, app.Progress) (app.Deletion, error) {
	return app.Deletion{Revoked: true}, nil
}
func (f *fakeBackend) SetLang(string) {}
func (f *fakeBackend) CheckOne(_ context.Context, p profile.Profile) app.ConnectionHealth {
	h, ok := f.health[p.Name]
	if !ok {
		h = app.TokenHealth{State: app.TokenAlive, CheckedAt: time.Date(2025, 6, 13, 10, 0, 0, 0, time.UTC)}
	}
	if f.checked != nil {
		defer func() { f.checked <- p.Name }()
	}
	return app.ConnectionHealth{Profile: p, TokenHealth: h}
}
func (f *fakeBackend) ExportHandover(context.Context, string, bool, *seal.Lock, string) (app.Handover, error) {
	return app.Handover{}, nil
}
func (f *fakeBackend) ImportSealed(context.Context, io.Reader, string, seal.Key) (profile.Profile, error) {
	return profile.Profile{}, nil
}
