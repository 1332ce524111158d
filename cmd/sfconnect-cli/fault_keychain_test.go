package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// secretService calls the Secret Service's bus object with dbus-send.
func secretService(t *testing.T, dest, path, method string, args ...string) string {
	t.Helper()
	cmd := append([]string{"--session", "--print-reply", "--dest=" + dest, path, method}, args...)
	out, err := exec.Command("dbus-send", cmd...).CombinedOutput()
	if err != nil {
		t.Fatalf("dbus-send %s: %v\n%s", method, err, out)
	}
	return string(out)
}

// lockKeyring locks the default collection, as a screen lock or an admin
// does; unlockKeyring unlocks it again with the test keyring's password
// (gnome-keyring-daemon --replace --unlock: there is no prompt to answer
// without a display).
func lockKeyring(t *testing.T) {
	secretService(t, "org.freedesktop.secrets", "/org/freedesktop/secrets",
		"org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/aliases/default")
}

func unlockKeyring(t *testing.T) {
	t.Helper()
	cmd := exec.Command("gnome-keyring-daemon", "--replace", "--unlock", "--components=secrets")
	cmd.Stdin = strings.NewReader(os.Getenv("SFCONNECT_TEST_KEYRING_PASSWORD"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("unlock the test keyring: %v\n%s", err, out)
	}
	// The new daemon takes over the bus name asynchronously.
	kr := secrets.NewKeyring("sfconnect-fault-probe", 2*time.Second)
	for i := 0; ; i++ {
		if _, err := kr.Get(t.Context(), "probe:client_secret"); err == nil || isNotFound(err) {
			return
		}
		if i == 50 {
			t.Fatal("the keyring did not come back unlocked")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func isNotFound(err error) bool {
	return err != nil && strings.Contains(err.Error(), secrets.ErrNotFound.Error())
}

// keyringPID is the process that serves org.freedesktop.secrets.
func keyringPID(t *testing.T) int {
	out := secretService(t, "org.freedesktop.DBus", "/org/freedesktop/DBus",
		"org.freedesktop.DBus.GetConnectionUnixProcessID", "string:org.freedesktop.secrets")
	f := strings.Fields(out)
	pid, err := strconv.Atoi(f[len(f)-1])
	if err != nil {
		t.Fatalf("no pid in %q", out)
	}
	return pid
}

// reauthWithKeychainFault re-authorizes "keep" and breaks the keychain at
// the save: the n-th keychain call of the command (1 is Reauthorize reading
// the consumer secret, 2 the save reading what it will replace).
func (c *faultCLI) reauthWithKeychainFault(timeout time.Duration, fault func()) (int, string) {
	real := secrets.NewKeyring(c.service, timeout)
	h := &hookStore{Store: real, before: func(_ string, n int) {
		if n == 2 {
			fault()
		}
	}}
	c.store = h
	defer func() { c.store = secrets.NewKeyring(c.service, 5*time.Second) }()
	code, _, errOut := c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
	return code, errOut
}

// The keychain is locked while a re-authorization is saved: the admin is
// told to unlock it, the new token is revoked, the saved one is untouched.
func TestFaultKeychainLocked(t *testing.T) {
	needRealKeyring(t)
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	issued := len(c.sim.IssuedRefreshTokens())
	code, errOut := c.reauthWithKeychainFault(5*time.Second, func() { lockKeyring(t) })
	unlockKeyring(t)
	if code != exitFail || !strings.Contains(lastLine(errOut), "No unlocked keyring is available") {
		t.Errorf("exit %d, the admin saw %q", code, lastLine(errOut))
	}
	c.assertNewTokenRevoked(issued)
	c.assertIntact("keep", before)
}

// The keychain hangs (its daemon stops answering, as behind an unlock
// prompt) while a re-authorization is saved: the wait ends at the timeout
// with a message, and once the keychain answers again nothing was lost.
func TestFaultKeychainHangsPastTheTimeout(t *testing.T) {
	needRealKeyring(t)
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	pid := keyringPID(t)
	resume := func() { _ = syscall.Kill(pid, syscall.SIGCONT) }
	t.Cleanup(resume)
	start := time.Now()
	code, errOut := c.reauthWithKeychainFault(time.Second, func() {
		if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
			t.Errorf("stop the keyring daemon: %v", err)
		}
	})
	resume()
	if code != exitFail || !strings.Contains(lastLine(errOut), "The OS keychain did not respond in time") {
		t.Errorf("exit %d, the admin saw %q", code, lastLine(errOut))
	}
	t.Logf("the command ended %s after it started", time.Since(start).Round(100*time.Millisecond))
	time.Sleep(500 * time.Millisecond) // let the abandoned call finish
	c.assertIntact("keep", before)
}

// No Secret Service at all (no session bus, as over SSH or in a container):
// a new connection is refused at the save with a message that says how to
// get a keyring, its token is revoked, and the other process's connection
// is untouched. A child process is needed: the session bus connection is
// made once per process.
func TestFaultKeychainAbsent(t *testing.T) {
	needRealKeyring(t)
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	issued := len(c.sim.IssuedRefreshTokens())
	noBus := "DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(t.TempDir(), "no-bus")
	login := startChild(t, childSpec{Dir: c.dir, Service: c.service, Args: []string{"login", "--profile", "new",
		"--org", "acme", "--client-id", sfsim.DemoClientID, "--callback", c.callback, "--login-url", c.simURL, "--timeout", "20s"}},
		noBus, "SFCONNECT_CLIENT_SECRET="+sfsim.DemoClientSecret)
	verify := startChild(t, childSpec{Dir: c.dir, Service: c.service, Args: []string{"verify", "--profile", "keep"}}, noBus)
	for name, ch := range map[string]*child{"login": login, "verify": verify} {
		if code := ch.exitCode(t); code != exitFail || !strings.Contains(ch.out.String(), "error: No unlocked keyring is available") {
			t.Errorf("%s without a bus: exit %d\n%s", name, code, ch.out.String())
		}
	}
	c.assertNewTokenRevoked(issued) // the sign-in ran to the save
	c.assertNothingFor("new", issued)
	c.assertIntact("keep", before)
}
