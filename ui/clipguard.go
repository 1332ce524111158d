package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// SecretClipboardTTL is how long a copied secret stays on the clipboard.
const SecretClipboardTTL = 30 * time.Second

// Timer is the part of *time.Timer the clipboard guard uses.
type Timer interface{ Stop() bool }

// ClipGuard copies text to the clipboard and, for secrets, clears the
// clipboard again after a while unless the user copied something else in the
// meantime: a consumer secret or refresh token must not linger where any
// later paste (chat, e-mail) picks it up.
type ClipGuard struct {
	// Clipboard is the system clipboard.
	Clipboard fyne.Clipboard
	// TTL is how long a secret stays; SecretClipboardTTL when zero.
	TTL time.Duration
	// AfterFunc schedules f; time.AfterFunc when nil (tests inject a fake clock).
	AfterFunc func(d time.Duration, f func()) Timer
	// Do runs f where the clipboard may be touched; fyne.Do when nil.
	Do func(f func())

	mu      sync.Mutex
	pending Timer
	secret  string
	gen     int
}

// Copy puts a non-secret value on the clipboard and forgets any pending clear.
func (g *ClipGuard) Copy(text string) {
	g.mu.Lock()
	g.cancelLocked()
	g.mu.Unlock()
	g.Clipboard.SetContent(text)
}

// CopySecret puts a secret on the clipboard and schedules the clear.
func (g *ClipGuard) CopySecret(text string) {
	g.mu.Lock()
	g.cancelLocked()
	g.secret = text
	g.gen++
	gen := g.gen
	ttl := g.TTL
	if ttl <= 0 {
		ttl = SecretClipboardTTL
	}
	after := g.AfterFunc
	if after == nil {
		after = func(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
	}
	g.pending = after(ttl, func() { g.do(func() { g.expire(gen) }) })
	g.mu.Unlock()
	g.Clipboard.SetContent(text)
}

// Pending reports whether a secret is waiting to be cleared.
func (g *ClipGuard) Pending() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.pending != nil
}

// Stop cancels a pending clear and clears the clipboard now if it still
// holds the secret; the app calls it when it quits.
func (g *ClipGuard) Stop() {
	g.mu.Lock()
	secret := g.secret
	had := g.pending != nil
	g.cancelLocked()
	g.mu.Unlock()
	if had && g.Clipboard.Content() == secret {
		g.Clipboard.SetContent("")
	}
}

func (g *ClipGuard) expire(gen int) {
	g.mu.Lock()
	if gen != g.gen || g.pending == nil {
		g.mu.Unlock()
		return
	}
	secret := g.secret
	g.pending = nil
	g.secret = ""
	g.mu.Unlock()
	// Only clear what we put there: if the user copied something else since,
	// that is theirs.
	if g.Clipboard.Content() == secret {
		g.Clipboard.SetContent("")
	}
}

func (g *ClipGuard) cancelLocked() {
	if g.pending != nil {
		g.pending.Stop()
		g.pending = nil
	}
	g.secret = ""
	g.gen++
}

func (g *ClipGuard) do(f func()) {
	if g.Do != nil {
		g.Do(f)
		return
	}
	fyne.Do(f)
}
