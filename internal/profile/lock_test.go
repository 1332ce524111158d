package profile

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// The lock excludes a second holder, also one in the same process (the GUI
// may save from two goroutines), and is free again once released.
func TestLockExcludesASecondHolderUntilReleased(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	unlock, err := s.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got atomic.Bool
	done := make(chan func())
	go func() {
		u, err := s.Lock(context.Background())
		if err != nil {
			t.Error(err)
		}
		got.Store(true)
		done <- u
	}()
	time.Sleep(5 * lockPoll)
	if got.Load() {
		t.Fatal("a second Lock succeeded while the first was held")
	}
	unlock()
	select {
	case u := <-done:
		u()
	case <-time.After(5 * time.Second):
		t.Fatal("the second Lock never got the released lock")
	}
}

func TestLockGivesUpWithTheContext(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	unlock, err := s.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 3*lockPoll)
	defer cancel()
	if _, err := s.Lock(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
	if ps, skipped, _ := s.ListAll(); len(ps)+len(skipped) != 0 {
		t.Errorf("the lock file is listed: %v %v", ps, skipped)
	}
}
