// Package secretstest provides a keychain double for tests of code built on
// internal/secrets: an in-memory secrets.Backend whose calls can be held and
// released, to play a keychain that answers after the caller's timeout (an
// unlock prompt on Linux, a slow `security` process on macOS).
package secretstest

import (
	"sync"

	"github.com/zalando/go-keyring"
)

// Backend is an in-memory keychain that records its calls. Use it with
// secrets.NewKeyringOn. It is safe for concurrent use.
type Backend struct {
	mu       sync.Mutex
	items    map[string]string        // service + "/" + user -> secret
	holds    map[string]chan struct{} // op + " " + user -> gate
	calls    []string                 // "set acme:refresh_token", in start order
	running  map[string]int           // user -> calls in progress
	overlaps int                      // calls that started while another on the same user ran
}

// New returns an empty Backend.
func New() *Backend {
	return &Backend{items: map[string]string{}, holds: map[string]chan struct{}{}, running: map[string]int{}}
}

// Hold makes every later op ("get", "set", "delete") on user wait until the
// returned release is called. Release is idempotent.
func (b *Backend) Hold(op, user string) (release func()) {
	gate := make(chan struct{})
	b.mu.Lock()
	b.holds[op+" "+user] = gate
	b.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			delete(b.holds, op+" "+user)
			b.mu.Unlock()
			close(gate)
		})
	}
}

// Calls returns the calls in the order they started, as "op user".
func (b *Backend) Calls() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.calls...)
}

// Overlaps counts calls that started while another call on the same user
// was still running.
func (b *Backend) Overlaps() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.overlaps
}

// Value returns what the keychain holds for service and user.
func (b *Backend) Value(service, user string) (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.items[service+"/"+user]
	return v, ok
}

// Put stores a value without recording a call, to set up a test.
func (b *Backend) Put(service, user, secret string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items[service+"/"+user] = secret
}

// begin records a call, waits while it is held, and returns end.
func (b *Backend) begin(op, user string) (end func()) {
	b.mu.Lock()
	b.calls = append(b.calls, op+" "+user)
	if b.running[user] > 0 {
		b.overlaps++
	}
	b.running[user]++
	gate := b.holds[op+" "+user]
	b.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return func() {
		b.mu.Lock()
		b.running[user]--
		b.mu.Unlock()
	}
}

// Get returns the secret, or go-keyring's ErrNotFound.
func (b *Backend) Get(service, user string) (string, error) {
	defer b.begin("get", user)()
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.items[service+"/"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

// Set stores the secret.
func (b *Backend) Set(service, user, secret string) error {
	defer b.begin("set", user)()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items[service+"/"+user] = secret
	return nil
}

// Delete removes the secret, or returns go-keyring's ErrNotFound.
func (b *Backend) Delete(service, user string) error {
	defer b.begin("delete", user)()
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.items[service+"/"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(b.items, service+"/"+user)
	return nil
}
