package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/secrets"
)

// exportWithSecrets writes an export of name with its secrets to a file.
func (c *faultCLI) exportWithSecrets(name string) string {
	c.t.Helper()
	path := filepath.Join(c.t.TempDir(), name+".json")
	if code, _, errOut := c.run("", "export", "--profile", name, "--include-secrets", "-o", path); code != exitOK {
		c.t.Fatalf("export: %s", errOut)
	}
	return path
}

// killAt runs spec in a child process and kills it (SIGKILL: no cleanup,
// no deferred call runs) once it reports the pause point.
func killAt(t *testing.T, spec childSpec) {
	t.Helper()
	ch := startChild(t, spec)
	ch.out.WaitLine(t, "FAULT-PAUSED")
	if err := ch.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if code := ch.exitCode(t); code != -1 {
		t.Fatalf("the child was not killed (exit %d)", code)
	}
}

// A process is killed after it wrote an imported profile's secrets to the
// keychain and before it wrote the profile file. The restart finds a
// consistent state: no profile is listed without its secrets and no file is
// torn; the entries left behind are reported as orphans, an import under
// that name refuses to take them over, and --replace repairs it.
func TestFaultKilledBetweenKeychainAndProfileWrite(t *testing.T) {
	needRealKeyring(t)
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	file := c.exportWithSecrets("keep")
	killAt(t, childSpec{Dir: c.dir, Service: c.service, PauseOp: "set", PauseAfter: 2,
		Args: []string{"import", "--profile", "moved", file}})

	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") || strings.HasPrefix(e.Name(), "moved") {
			t.Errorf("the killed import left %s in the config dir", e.Name())
		}
	}
	if code, out, errOut := c.run("", "list"); code != exitOK || strings.Contains(out, "moved") {
		t.Errorf("list after the kill: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := c.run("", "list", "--orphans"); code != exitOK || !strings.Contains(out, "moved") {
		t.Errorf("list --orphans does not report the entries left behind:\n%s", out)
	}
	code, _, errOut := c.run("", "import", "--profile", "moved", file)
	if code != exitFail || !strings.Contains(lastLine(errOut), `secrets named "moved" that belong to no saved connection`) {
		t.Errorf("import over the leftovers: exit %d, the admin saw %q", code, lastLine(errOut))
	}
	if code, _, errOut := c.run("", "import", "--profile", "moved", "--replace", file); code != exitOK {
		t.Fatalf("import --replace: %s", errOut)
	}
	if got := c.snapshot("moved"); got.secrets != before.secrets {
		t.Error("after the repair the keychain does not hold the file's secrets")
	}
	c.assertIntact("keep", before)
}

// A process is killed while deleting, after the keychain entries and before
// the profile file. The restart lists the profile (it is not hidden),
// verify says its secrets are gone, and delete finishes the job.
func TestFaultKilledWhileDeleting(t *testing.T) {
	needRealKeyring(t)
	c := newFaultCLI(t)
	token := c.snapshot("keep").secrets.RefreshToken
	killAt(t, childSpec{Dir: c.dir, Service: c.service, PauseOp: "delete", PauseAfter: 2,
		Args: []string{"delete", "--profile", "keep"}})
	if !c.sim.Revoked(token) {
		t.Error("the killed delete had not revoked the token first")
	}
	if code, out, _ := c.run("", "list"); code != exitOK || !strings.Contains(out, "keep") {
		t.Errorf("the half-deleted profile is not listed:\n%s", out)
	}
	if code, _, errOut := c.run("", "verify", "--profile", "keep"); code != exitFail || !strings.Contains(lastLine(errOut), "No saved secret was found") {
		t.Errorf("verify: exit %d, the admin saw %q", code, lastLine(errOut))
	}
	if code, _, errOut := c.run("", "delete", "--profile", "keep"); code != exitOK {
		t.Fatalf("delete again: %s", errOut)
	}
	if code, out, errOut := c.run("", "list", "--orphans"); code != exitOK || out != "" || !strings.Contains(errOut, "No keychain entries") {
		t.Errorf("left behind:\n%s%s", out, errOut)
	}
}

// Two processes import the same profile name at the same moment, with a
// slow keychain widening the window: one wins, the other is told the name
// is taken, and the keychain holds the winner's two secrets together, never
// one of each.
func TestFaultTwoProcessesSaveOneProfileAtOnce(t *testing.T) {
	needRealKeyring(t)
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	base, err := os.ReadFile(c.exportWithSecrets("keep"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{}
	for _, who := range []string{"A", "B"} {
		doc := regexp.MustCompile(`"client_secret": "[^"]*"`).ReplaceAllString(string(base), `"client_secret": "cs-`+who+`"`)
		doc = regexp.MustCompile(`"refresh_token": "[^"]*"`).ReplaceAllString(doc, `"refresh_token": "rt-`+who+`"`)
		files[who] = filepath.Join(dir, who+".json")
		if err := os.WriteFile(files[who], []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	start := filepath.Join(dir, "start")
	kids := map[string]*child{}
	for who, f := range files {
		kids[who] = startChild(t, childSpec{Dir: c.dir, Service: c.service, Slow: 300 * time.Millisecond, StartFile: start,
			Args: []string{"import", "--profile", "twin", f}})
	}
	time.Sleep(200 * time.Millisecond) // both are up and waiting
	if err := os.WriteFile(start, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var winner string
	for who, k := range kids {
		switch code := k.exitCode(t); {
		case code == exitOK && winner == "":
			winner = who
		case code == exitFail && strings.Contains(k.out.String(), `error: A connection profile named "twin" already exists`):
		default:
			t.Errorf("process %s: exit %d\n%s", who, code, k.out.String())
		}
	}
	if winner == "" {
		t.Fatal("neither process saved the profile")
	}
	ctx := t.Context()
	cs, _ := c.store.Get(ctx, secrets.Account("twin", secrets.ClientSecret))
	rt, _ := c.store.Get(ctx, secrets.Account("twin", secrets.RefreshToken))
	if cs != "cs-"+winner || rt != "rt-"+winner {
		t.Errorf("the keychain pairs %q with %q; the winner was %s", cs, rt, winner)
	}
	c.assertIntact("keep", before)
}
