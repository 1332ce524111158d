package secrets

import (
	"context"
	"sync"
	"sync/atomic"
)

// A keychain call whose caller gave up (timeout, cancel) cannot be stopped:
// go-keyring has no context, and on Linux the call may sit in an unlock
// prompt for minutes before it writes. If later calls on the same account
// could overtake it, that late write would bring back a secret that was
// rolled back or deleted in the meantime. So every call on one account runs
// in a lane: one at a time, in the order the calls were made, whether or
// not anyone still waits for them. The keychain therefore always ends in the
// state the calls, in their order, leave it. A read whose caller gave up
// before it started is dropped: nobody needs its answer.
//
// Lanes are per process, keyed by service and account, so two Keyring
// values on the same keychain items share them.

// job is one keychain call in a lane.
type job struct {
	call func() error
	read bool       // may be dropped when abandoned before it starts
	done chan error // buffered: the lane never blocks on a gone caller
	// state moves queued -> running (lane) or queued -> abandoned (caller).
	state atomic.Int32
}

const (
	jobQueued int32 = iota
	jobRunning
	jobAbandoned
)

// laneSet holds the pending calls of every account.
type laneSet struct {
	mu      sync.Mutex
	pending map[string][]*job // per service+account; the head is running
	idle    chan struct{}     // closed while no call is pending
}

var lanes = newLaneSet()

func newLaneSet() *laneSet {
	idle := make(chan struct{})
	close(idle)
	return &laneSet{pending: map[string][]*job{}, idle: idle}
}

// enqueue adds j to the lane of key, starting the lane if it was empty.
func (l *laneSet) enqueue(key string, j *job) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.pending) == 0 {
		l.idle = make(chan struct{})
	}
	l.pending[key] = append(l.pending[key], j)
	if len(l.pending[key]) == 1 {
		go l.drain(key)
	}
}

// drain runs the lane of key until it is empty.
func (l *laneSet) drain(key string) {
	for {
		l.mu.Lock()
		j := l.pending[key][0]
		l.mu.Unlock()

		if j.state.CompareAndSwap(jobQueued, jobRunning) || !j.read {
			j.done <- j.call()
		}

		l.mu.Lock()
		rest := l.pending[key][1:]
		if len(rest) > 0 {
			l.pending[key] = rest
			l.mu.Unlock()
			continue
		}
		delete(l.pending, key)
		if len(l.pending) == 0 {
			close(l.idle)
		}
		l.mu.Unlock()
		return
	}
}

// wait returns a channel closed once no call is pending.
func (l *laneSet) wait() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.idle
}

// Flush waits until every keychain call this process made has finished,
// including calls whose callers stopped waiting, or until ctx ends. Call it
// before the process exits: a write still pending then could otherwise be
// completed by the keychain (macOS runs it in a separate `security`
// process) while the calls queued behind it, such as a rollback, are lost.
func Flush(ctx context.Context) error {
	select {
	case <-lanes.wait():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
