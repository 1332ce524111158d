package profile

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// LockWait bounds how long Lock waits for another process: long enough for
// a save that waits on a keychain call (3 s each) to finish.
const LockWait = 30 * time.Second

// lockPoll is how often Lock tries again while another process holds it.
const lockPoll = 20 * time.Millisecond

// lockFile is the lock's file in the store's directory; List skips it
// (a dot file).
const lockFile = ".lock"

// Lock takes the store's lock, which every change of a profile together with
// its keychain entries holds: checking that a name is free, writing or
// removing the keychain entries and writing or removing the file. Two
// sfconnect processes (two windows, a window and a command) saving the same
// profile at once would otherwise interleave, leaving one's client secret
// beside the other's refresh token. It is an advisory lock of the operating
// system (flock, LockFileEx), so it ends with the process that holds it, also
// when that process is killed. Lock waits at most LockWait or until ctx ends;
// the returned func releases it.
func (s *Store) Lock(ctx context.Context) (unlock func(), err error) {
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return nil, &StoreError{Op: "lock", Path: s.Dir, Err: err}
	}
	path := filepath.Join(s.Dir, lockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, &StoreError{Op: "lock", Path: path, Err: err}
	}
	deadline := time.NewTimer(LockWait)
	defer deadline.Stop()
	for {
		ok, err := tryLock(f)
		if err != nil {
			_ = f.Close()
			return nil, &StoreError{Op: "lock", Path: path, Err: err}
		}
		if ok {
			return func() { unlockFile(f); _ = f.Close() }, nil
		}
		select {
		case <-ctx.Done():
			_ = f.Close()
			return nil, fmt.Errorf("wait for the profile store lock: %w", ctx.Err())
		case <-deadline.C:
			_ = f.Close()
			return nil, &LockedError{Dir: s.Dir}
		case <-time.After(lockPoll):
		}
	}
}

// LockedError means another sfconnect process kept the profile store locked
// longer than LockWait.
type LockedError struct{ Dir string }

func (e *LockedError) Error() string {
	return "profile store " + e.Dir + " is locked by another sfconnect process"
}

// MessageKey returns the translation key.
func (e *LockedError) MessageKey() string { return "profile.err.locked" }

// MessageArgs returns the directory.
func (e *LockedError) MessageArgs() map[string]any { return map[string]any{"Path": e.Dir} }
