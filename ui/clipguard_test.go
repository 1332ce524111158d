package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// fakeClock runs scheduled functions when the test says time has passed.
type fakeClock struct {
	now    time.Duration
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Duration
	f       func()
	stopped bool
	fired   bool
}

func (t *fakeTimer) Stop() bool {
	was := !t.stopped && !t.fired
	t.stopped = true
	return was
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) Timer {
	t := &fakeTimer{at: c.now + d, f: f}
	c.timers = append(c.timers, t)
	return t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.now += d
	for _, t := range c.timers {
		if !t.stopped && !t.fired && t.at <= c.now {
			t.fired = true
			t.f()
		}
	}
}

func TestClipGuard(t *testing.T) {
	const secret = "refresh-token-value"
	tests := []struct {
		name string
		run  func(g *ClipGuard, c *fakeClock)
		want string
	}{
		{"secret stays before the TTL", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret(secret)
			c.Advance(SecretClipboardTTL - time.Second)
		}, secret},
		{"secret is cleared after the TTL", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret(secret)
			c.Advance(SecretClipboardTTL)
		}, ""},
		{"something the user copied since is left alone", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret(secret)
			g.Clipboard.SetContent("user text")
			c.Advance(SecretClipboardTTL)
		}, "user text"},
		{"copying a plain value cancels the clear", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret(secret)
			g.Copy("acme")
			c.Advance(SecretClipboardTTL)
		}, "acme"},
		{"a second secret restarts the TTL", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret("client-secret")
			c.Advance(20 * time.Second)
			g.CopySecret(secret)
			c.Advance(20 * time.Second)
		}, secret},
		{"the second secret is cleared after its own TTL", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret("client-secret")
			c.Advance(20 * time.Second)
			g.CopySecret(secret)
			c.Advance(SecretClipboardTTL)
		}, ""},
		{"Stop clears a pending secret at once", func(g *ClipGuard, c *fakeClock) {
			g.CopySecret(secret)
			g.Stop()
		}, ""},
		{"Stop leaves a plain value", func(g *ClipGuard, c *fakeClock) {
			g.Copy("acme")
			g.Stop()
		}, "acme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &fakeClock{}
			g := &ClipGuard{Clipboard: test.NewClipboard(), AfterFunc: c.AfterFunc, Do: func(f func()) { f() }}
			tt.run(g, c)
			if got := g.Clipboard.Content(); got != tt.want {
				t.Errorf("clipboard = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClipGuardPending(t *testing.T) {
	c := &fakeClock{}
	g := &ClipGuard{Clipboard: test.NewClipboard(), AfterFunc: c.AfterFunc, Do: func(f func()) { f() }, TTL: time.Minute}
	g.CopySecret("s")
	if !g.Pending() {
		t.Fatal("no clear pending after CopySecret")
	}
	c.Advance(30 * time.Second)
	if g.Clipboard.Content() != "s" {
		t.Fatal("custom TTL ignored: cleared after 30s of 60s")
	}
	c.Advance(30 * time.Second)
	if g.Pending() || g.Clipboard.Content() != "" {
		t.Fatalf("after TTL: pending=%v content=%q", g.Pending(), g.Clipboard.Content())
	}
}
