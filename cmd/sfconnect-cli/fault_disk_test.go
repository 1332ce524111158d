package main

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// readOnly makes dir refuse new files until the returned func undoes it:
// its mode for a normal user; for root, whom modes do not stop, the
// file system's immutable flag (chattr +i).
func readOnly(t *testing.T, dir string) (undo func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		return func() { _ = os.Chmod(dir, 0o700) }
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make %s read-only for root here (chattr +i: %v %s)", dir, err, out)
	}
	return func() { _ = exec.Command("chattr", "-i", dir).Run() }
}

// full makes every write of this process fail part-way once a file passes
// limit bytes, until the returned func undoes it: RLIMIT_FSIZE, at which the
// kernel answers EFBIG where a full disk answers ENOSPC (the write call and
// what sfconnect must do about it are the same). Go ignores SIGXFSZ.
func full(t *testing.T, limit uint64) (undo func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	lim := syscall.Rlimit{Cur: limit, Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	return func() { _ = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) }
}

// The config dir cannot take the profile file while a re-authorization and
// a new connection are saved: the admin is told where and why, the keychain
// entries written before are rolled back, the new tokens revoked, and the
// saved connection is untouched.
func TestFaultConfigDirReadOnlyOrFull(t *testing.T) {
	c := newFaultCLI(t)
	for _, tt := range []struct {
		name  string
		fault func() func()
	}{
		{"read-only", func() func() { return readOnly(t, c.dir) }},
		{"full", func() func() { return full(t, 64) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c.t = t
			before := c.snapshot("keep")
			issued := len(c.sim.IssuedRefreshTokens())
			undo := tt.fault()
			code, _, reauthErr := c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
			code2, _, loginErr := c.login("new")
			undo()
			want := "The profile could not be saved to " + c.dir
			for cmd, r := range map[string]struct {
				code int
				err  string
			}{"reauth": {code, reauthErr}, "login": {code2, loginErr}} {
				if r.code != exitFail || !strings.Contains(lastLine(r.err), want) {
					t.Errorf("%s: exit %d, the admin saw %q", cmd, r.code, lastLine(r.err))
				}
			}
			for _, rt := range c.sim.IssuedRefreshTokens()[issued:] {
				if !c.sim.Revoked(rt) {
					t.Error("a token issued while the disk failed was left alive")
				}
			}
			if n := len(c.sim.IssuedRefreshTokens()) - issued; n != 2 {
				t.Errorf("%d sign-ins reached the save, want 2", n)
			}
			c.assertNothingFor("new", issued)
			c.assertIntact("keep", before)
		})
	}
}
