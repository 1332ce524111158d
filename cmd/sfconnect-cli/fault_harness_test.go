package main

// The fault-injection suite: each test puts one fault between sfconnect and
// one of its real parts (Salesforce's token and identity endpoints, the OS
// keychain, the config dir, the process itself), runs the command an admin
// would, checks the message the admin sees, and proves that the connection
// saved before ("keep") lost nothing: its file is byte for byte the same,
// its keychain entries hold the same secrets, Salesforce did not revoke its
// refresh token, and verify still passes. The keychain is the real Secret
// Service under scripts/with-keyring.sh (scripts/test.sh runs the suite so),
// otherwise secrets.Memory; the tests that need the real one skip without it.

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// realKeyring reports whether the real Secret Service is available (the
// environment scripts/with-keyring.sh sets up).
func realKeyring() bool { return os.Getenv("SFCONNECT_REAL_KEYRING") == "1" }

// needRealKeyring skips a test that cannot run on secrets.Memory.
func needRealKeyring(t *testing.T) {
	t.Helper()
	if !realKeyring() {
		t.Skip("needs the real Secret Service: scripts/with-keyring.sh go test -run Fault ./cmd/sfconnect-cli/")
	}
}

// faultCLI is a cli whose Salesforce sits behind a fault injector, with a
// profile "keep" saved before any fault.
type faultCLI struct {
	*cli
	fault   *faultServer
	service string // keychain service when real
}

var faultServices atomic.Int32

func newFaultCLI(t *testing.T) *faultCLI {
	t.Helper()
	c := &faultCLI{cli: newCLI(t)}
	c.fault = &faultServer{next: c.sim}
	srv := httptest.NewServer(c.fault)
	t.Cleanup(srv.Close)
	c.sim.SetBaseURL(srv.URL) // instance_url and the identity URL point at the injector too
	c.simURL = srv.URL
	// Short enough that a hung endpoint fails the test quickly, long enough
	// for a loaded CI machine.
	c.http = &http.Client{Timeout: 3 * time.Second}
	if realKeyring() {
		c.service = fmt.Sprintf("sfconnect-fault-%d-%d", os.Getpid(), faultServices.Add(1))
		kr := secrets.NewKeyring(c.service, 5*time.Second)
		c.store = kr
		t.Cleanup(func() { clearService(kr) })
	}
	c.mustLogin("keep")
	return c
}

// clearService deletes every entry a test left under its keychain service.
func clearService(kr *secrets.Keyring) {
	ctx := context.Background()
	accounts, _ := kr.List(ctx)
	for _, a := range accounts {
		_ = kr.Delete(ctx, a)
	}
}

// duringFault runs a subtest named mode: it notes what "keep" is made of
// and how many refresh tokens were issued so far, runs cmds while
// Salesforce fails in that mode, then runs check (given that number) and
// proves "keep" intact.
func (c *faultCLI) duringFault(t *testing.T, mode string, cmds func(), check func(t *testing.T, issuedBefore int)) {
	t.Run(mode, func(t *testing.T) {
		c.t = t
		before := c.snapshot("keep")
		issued := len(c.sim.IssuedRefreshTokens())
		c.fault.set(mode)
		cmds()
		c.fault.set(faultNone)
		check(t, issued)
		c.assertIntact("keep", before)
	})
}

// saved is what the profile "keep" is made of, to prove nothing was lost.
type saved struct {
	file    []byte
	secrets profile.Secrets
}

func (c *faultCLI) snapshot(name string) saved {
	c.t.Helper()
	ctx := context.Background()
	var s saved
	var err error
	if s.file, err = os.ReadFile(c.profileFile(name)); err != nil {
		c.t.Fatal(err)
	}
	if s.secrets.ClientSecret, err = c.store.Get(ctx, secrets.Account(name, secrets.ClientSecret)); err != nil {
		c.t.Fatal(err)
	}
	if s.secrets.RefreshToken, err = c.store.Get(ctx, secrets.Account(name, secrets.RefreshToken)); err != nil {
		c.t.Fatal(err)
	}
	return s
}

// profileFile is the file of the one saved profile called name.
func (c *faultCLI) profileFile(name string) string {
	c.t.Helper()
	files, _ := filepath.Glob(filepath.Join(c.dir, "*.json"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && bytes.Contains(b, []byte(`"name": "`+name+`"`)) {
			return f
		}
	}
	c.t.Fatalf("no file for profile %q in %s", name, c.dir)
	return ""
}

// assertIntact proves the profile is as it was: same file, same secrets,
// its token alive at Salesforce, and verify passing.
func (c *faultCLI) assertIntact(name string, before saved) {
	c.t.Helper()
	after := c.snapshot(name)
	if !bytes.Equal(after.file, before.file) {
		c.t.Errorf("the file of %q changed:\n%s\nwas\n%s", name, after.file, before.file)
	}
	if after.secrets != before.secrets {
		c.t.Errorf("the keychain entries of %q changed", name)
	}
	if c.sim.Revoked(before.secrets.RefreshToken) {
		c.t.Errorf("the refresh token of %q was revoked", name)
	}
	if code, _, errOut := c.run("", "verify", "--profile", name); code != exitOK {
		c.t.Errorf("verify %q after the fault: exit %d\n%s", name, code, errOut)
	}
}

// assertNothingFor proves a failed new connection left no file and no
// keychain entry, and that every token it got was revoked.
func (c *faultCLI) assertNothingFor(name string, issuedBefore int) {
	c.t.Helper()
	files, _ := filepath.Glob(filepath.Join(c.dir, "*.json"))
	for _, f := range files {
		if b, _ := os.ReadFile(f); bytes.Contains(b, []byte(`"name": "`+name+`"`)) {
			c.t.Errorf("%s was saved: %s", name, f)
		}
	}
	ctx := context.Background()
	for _, k := range []secrets.Kind{secrets.ClientSecret, secrets.RefreshToken} {
		if _, err := c.store.Get(ctx, secrets.Account(name, k)); err == nil {
			c.t.Errorf("the keychain holds %s of %s", k, name)
		}
	}
	for _, rt := range c.sim.IssuedRefreshTokens()[issuedBefore:] {
		if !c.sim.Revoked(rt) {
			c.t.Errorf("a refresh token issued during the failed sign-in is still alive")
		}
	}
}

// assertNewTokenRevoked proves that the failed command got exactly one new
// refresh token from Salesforce and revoked it.
func (c *faultCLI) assertNewTokenRevoked(issued int) {
	c.t.Helper()
	if got := c.sim.IssuedRefreshTokens(); len(got) != issued+1 || !c.sim.Revoked(got[issued]) {
		c.t.Errorf("%d tokens issued, the new one revoked: %v", len(got)-issued, len(got) > issued && c.sim.Revoked(got[issued]))
	}
}

// lastLine is the last non-empty line of out, for test messages.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}
