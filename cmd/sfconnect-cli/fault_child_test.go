package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// faultChildEnv carries a childSpec to TestFaultChild in a child process.
const faultChildEnv = "SFCONNECT_FAULT_CHILD"

// childSpec is one sfconnect-cli run in a child process, with the real
// keychain under Service and the profiles in Dir.
type childSpec struct {
	Args    []string
	Dir     string
	Service string
	// PauseOp and PauseAfter: after the PauseAfter-th keychain call PauseOp
	// ("set" or "delete") succeeded, print "FAULT-PAUSED" and block, so the
	// parent can kill the process at exactly that point.
	PauseOp    string
	PauseAfter int
	// Slow is a pause after every keychain write, to widen the window in
	// which two processes could interleave.
	Slow time.Duration
	// StartFile, when set, is waited for before running: a start line for
	// processes meant to run at once.
	StartFile string
}

// child is a running child process and what it printed.
type child struct {
	cmd  *exec.Cmd
	out  *testkit.SyncBuffer
	done chan struct{}
	err  error
}

// startChild runs spec in a child process of the test binary; env adds to
// (or overrides) the environment.
func startChild(t *testing.T, spec childSpec, env ...string) *child {
	t.Helper()
	raw, _ := json.Marshal(spec)
	ch := &child{out: &testkit.SyncBuffer{}, done: make(chan struct{})}
	ch.cmd = exec.Command(os.Args[0], "-test.run=^TestFaultChild$")
	ch.cmd.Env = append(append(os.Environ(), faultChildEnv+"="+string(raw)), env...)
	ch.cmd.Stdout, ch.cmd.Stderr = ch.out, ch.out
	if err := ch.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { ch.err = ch.cmd.Wait(); close(ch.done) }()
	t.Cleanup(func() {
		_ = ch.cmd.Process.Kill()
		<-ch.done
	})
	return ch
}

// exitCode waits for the child and returns its exit code.
func (ch *child) exitCode(t *testing.T) int {
	t.Helper()
	select {
	case <-ch.done:
	case <-time.After(60 * time.Second):
		t.Fatalf("the child did not finish:\n%s", ch.out.String())
	}
	return ch.cmd.ProcessState.ExitCode()
}

// TestFaultChild is the child side of the process tests; it does nothing in
// a normal run.
func TestFaultChild(t *testing.T) {
	raw := os.Getenv(faultChildEnv)
	if raw == "" {
		t.Skip("the child process of the fault suite's process tests")
	}
	var spec childSpec
	if err := json.Unmarshal([]byte(raw), &spec); err != nil {
		t.Fatal(err)
	}
	store := &hookStore{Store: secrets.NewKeyring(spec.Service, 5*time.Second)}
	store.after = func(op string, _ int) {
		if op == "set" && spec.Slow > 0 {
			time.Sleep(spec.Slow)
		}
		if op == spec.PauseOp {
			if store.count(op) == spec.PauseAfter {
				fmt.Println("FAULT-PAUSED")
				select {} // until killed
			}
		}
	}
	for spec.StartFile != "" {
		if _, err := os.Stat(spec.StartFile); err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	e := &env{
		stdin:       bufio.NewReader(strings.NewReader("")),
		stdout:      os.Stdout,
		stderr:      os.Stderr,
		getenv:      childGetenv,
		isTerminal:  func() bool { return false },
		readSecret:  func() (string, error) { return "", io.EOF },
		keychain:    func() secrets.Store { return store },
		openBrowser: func(_ string, u *url.URL) error { return new(testkit.Browser).Open(u) },
		configDir:   func() (string, error) { return spec.Dir, nil },
	}
	os.Exit(run(context.Background(), spec.Args, e))
}

// childGetenv is the child's environment, in English.
func childGetenv(k string) string {
	switch k {
	case "LANG":
		return "en_US.UTF-8"
	case "SFCONNECT_LANG", "LC_ALL", "LC_MESSAGES":
		return ""
	}
	return os.Getenv(k)
}

// hookStore is a keychain with hooks around each call: before runs ahead
// of the n-th call (counting every op), after once a call returned.
type hookStore struct {
	secrets.Store
	before func(op string, n int)
	after  func(op string, n int)

	mu    sync.Mutex
	calls map[string]int
	all   int
}

func (s *hookStore) count(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[op]
}

func (s *hookStore) call(op string, f func() error) error {
	s.mu.Lock()
	s.all++
	n := s.all
	s.mu.Unlock()
	if s.before != nil {
		s.before(op, n)
	}
	err := f()
	s.mu.Lock()
	if s.calls == nil {
		s.calls = map[string]int{}
	}
	if err == nil {
		s.calls[op]++
	}
	s.mu.Unlock()
	if s.after != nil {
		s.after(op, n)
	}
	return err
}

func (s *hookStore) Get(ctx context.Context, account string) (v string, err error) {
	err = s.call("get", func() error { v, err = s.Store.Get(ctx, account); return err })
	return v, err
}

func (s *hookStore) Set(ctx context.Context, account, secret string) error {
	return s.call("set", func() error { return s.Store.Set(ctx, account, secret) })
}

func (s *hookStore) Delete(ctx context.Context, account string) error {
	return s.call("delete", func() error { return s.Store.Delete(ctx, account) })
}
