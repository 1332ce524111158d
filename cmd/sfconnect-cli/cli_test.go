package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// cli runs the real command code with a test's stdin, keychain and browser.
type cli struct {
	t        *testing.T
	store    secrets.Store
	dir      string
	vars     map[string]string
	sim      *sfsim.Sim
	simURL   string
	callback string
	http     *http.Client     // the TLS simulator's client; nil for plain loopback
	net      netproxy.Options // the network's outside world (doctor_test.go)
	// web is the admin's browser: it follows the sign-in to the callback
	// and counts the starts.
	web *testkit.Browser
	// browser, when set, opens URLs instead of web.
	browser func(cmd string, u *url.URL) error
	tweak   func(e *env) // adjusts the environment of the next runs (a terminal, say)
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	return newCLIWith(t, "", nil)
}

// newCLIWith serves the org under its real host when namespace is set
// (sfsim.StartTLS: no --login-url needed) and lets tweak adjust the org.
func newCLIWith(t *testing.T, namespace string, tweak func(*sfsim.Options)) *cli {
	t.Helper()
	org := testkit.StartOrg(t, namespace, tweak)
	return &cli{t: t, store: secrets.NewMemory(), dir: t.TempDir(), vars: map[string]string{"LANG": "en_US.UTF-8"},
		sim: org.Sim, simURL: org.URL, callback: org.Callback, http: org.HTTP, web: org.Browser(testkit.Follow)}
}

// run returns the exit code, stdout and stderr of one invocation.
func (c *cli) run(stdin string, args ...string) (int, string, string) {
	// The listener logs from its own goroutine: the sinks must be safe.
	out, errOut := &testkit.SyncBuffer{}, &testkit.SyncBuffer{}
	e := &env{
		stdin:       bufio.NewReader(strings.NewReader(stdin)),
		stdout:      out,
		stderr:      errOut,
		getenv:      func(k string) string { return c.vars[k] },
		takeEnv:     c.takeEnv,
		isTerminal:  func() bool { return false },
		readSecret:  func() (string, error) { return "", io.EOF },
		keychain:    func() secrets.Store { return c.store },
		openBrowser: c.browser,
		configDir:   func() (string, error) { return c.dir, nil },
		http:        c.http,
		net:         c.net,
		sealWork:    10, // age's 18 costs seconds per test
	}
	if e.openBrowser == nil {
		e.openBrowser = func(_ string, u *url.URL) error { return c.web.Open(u) }
	}
	if c.tweak != nil {
		c.tweak(e)
	}
	code := run(context.Background(), args, e)
	return code, out.String(), errOut.String()
}

// takeEnv reads and removes a variable of the test's environment.
func (c *cli) takeEnv(k string) string {
	v := c.vars[k]
	delete(c.vars, k)
	return v
}

func (c *cli) login(name string, extra ...string) (int, string, string) {
	args := append([]string{"--debug", "login", "--profile", name, "--org", "acme", "--client-id", sfsim.DemoClientID,
		"--client-secret-stdin", "--callback", c.callback, "--login-url", c.simURL, "--timeout", "20s"}, extra...)
	return c.run(sfsim.DemoClientSecret+"\n", args...)
}

// mustLogin is login for a test that builds on the saved connection: a
// failed login ends the test (c.t) with what the CLI printed. It returns
// stdout and stderr.
func (c *cli) mustLogin(name string, extra ...string) (stdout, stderr string) {
	c.t.Helper()
	code, out, errOut := c.login(name, extra...)
	if code != exitOK {
		c.t.Fatalf("login %s %v: exit %d\nstdout:\n%s\nstderr:\n%s", name, extra, code, out, errOut)
	}
	return out, errOut
}

func TestLoginListExportDelete(t *testing.T) {
	c := newCLI(t)
	out, _ := c.mustLogin("prod", "--matching-attribute", "Email", "--asset-name", "SF")
	if !strings.Contains(out, `Saved profile "prod"`) {
		t.Errorf("login output = %q", out)
	}
	if code, out, _ := c.run("", "list"); code != exitOK || !strings.Contains(out, "prod") || !strings.Contains(out, sfsim.DemoUsername) {
		t.Errorf("list exit %d: %q", code, out)
	}
	code, exported, _ := c.run("", "export", "--profile", "prod", "--include-secrets", "-o", "-")
	issued := c.sim.IssuedRefreshTokens()
	if code != exitOK || !strings.Contains(exported, issued[len(issued)-1]) {
		t.Errorf("export --include-secrets exit %d lacks the issued refresh token", code)
	}
	file := filepath.Join(t.TempDir(), "p.json")
	if code, _, _ := c.run("", "export", "--profile", "prod", "-o", file); code != exitOK {
		t.Fatalf("export to file exit %d", code)
	}
	if b, _ := os.ReadFile(file); bytes.Contains(b, []byte(`"refresh_token":`)) {
		t.Error("export without --include-secrets wrote the refresh token")
	}
	if code, _, errOut := c.run("", "delete", "--profile", "prod"); code != exitOK {
		t.Fatalf("delete exit %d: %s", code, errOut)
	}
	if !c.sim.Revoked(issued[len(issued)-1]) {
		t.Error("delete did not revoke the refresh token")
	}
	if code, _, _ := c.run("", "export", "--profile", "prod"); code != exitFail {
		t.Errorf("export after delete exit %d, want %d", code, exitFail)
	}
}

func TestLoginCanaryNoSecretInOutputOrConfig(t *testing.T) {
	c := newCLI(t)
	out, errOut := c.mustLogin("prod")
	if !strings.Contains(errOut, "level=") {
		t.Fatalf("no debug log captured; the canary would prove nothing:\n%s", errOut)
	}
	for _, s := range append([]string{sfsim.DemoClientSecret}, c.sim.IssuedRefreshTokens()...) {
		if strings.Contains(out+errOut, s) {
			t.Error("a secret reached stdout or stderr")
		}
		_ = filepath.WalkDir(c.dir, func(p string, d os.DirEntry, err error) error {
			if b, _ := os.ReadFile(p); err == nil && !d.IsDir() && bytes.Contains(b, []byte(s)) {
				t.Errorf("a secret reached %s", p)
			}
			return nil
		})
	}
}

func TestLoginErrorsAreTranslatedWithExitCodes(t *testing.T) {
	c := newCLI(t)
	tests := []struct {
		name     string
		stdin    string
		args     []string
		lang     string
		wantCode int
		wantErr  string
	}{
		{"missing flag", "", []string{"login", "--profile", "x"}, "en_US.UTF-8", exitUsage, "--org is required"},
		{"missing flag ja", "", []string{"login", "--profile", "x"}, "ja_JP.UTF-8", exitUsage, "--org を指定してください"},
		{"no secret anywhere", "", []string{"login", "--profile", "x", "--org", "acme", "--client-id", "k"}, "en_US.UTF-8", exitUsage, "consumer secret is needed"},
		{"unknown command", "", []string{"frobnicate"}, "en_US.UTF-8", exitUsage, `unknown command "frobnicate"`},
		{"bad org", "s\n", []string{"login", "--profile", "x", "--org", "https://login.salesforce.com", "--client-id", "k", "--client-secret-stdin"}, "en_US.UTF-8", exitFail, "My Domain"},
		{"wrong secret ja", "wrong\n", []string{"login", "--profile", "x", "--org", "acme", "--client-id", sfsim.DemoClientID,
			"--client-secret-stdin", "--callback", c.callback, "--login-url", c.simURL}, "ja_JP.UTF-8", exitFail, "コンシューマーの秘密"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.vars["LANG"] = tt.lang
			code, _, errOut := c.run(tt.stdin, tt.args...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, errOut, tt.wantCode, tt.wantErr)
			}
		})
	}
}

func TestHelpExitsZeroOnEveryCommand(t *testing.T) {
	c := newCLI(t)
	for _, cmd := range commands() {
		code, out, _ := c.run("", cmd.name, "--help")
		if code != exitOK || !strings.Contains(out, "sfconnect-cli "+cmd.name) {
			t.Errorf("%s --help: exit %d, %q", cmd.name, code, out)
		}
	}
	if code, out, _ := c.run("", "--version"); code != exitOK || out == "" {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestSecretFromEnvironmentAndNoBrowserPaste(t *testing.T) {
	c := newCLI(t)
	c.vars["SFCONNECT_CLIENT_SECRET"] = sfsim.DemoClientSecret
	pr, pw := io.Pipe()
	defer pw.Close()
	out, errOut := &testkit.SyncBuffer{}, &testkit.SyncBuffer{}
	e := &env{stdin: bufio.NewReader(pr), stdout: out, stderr: errOut, getenv: func(k string) string { return c.vars[k] }, takeEnv: c.takeEnv,
		isTerminal: func() bool { return false }, keychain: func() secrets.Store { return c.store },
		openBrowser: func(string, *url.URL) error { t.Error("--no-browser opened a browser"); return nil },
		configDir:   func() (string, error) { return c.dir, nil }}
	done := make(chan int)
	go func() {
		done <- run(context.Background(), []string{"login", "--profile", "pasted", "--org", "acme", "--client-id",
			sfsim.DemoClientID, "--callback", c.callback, "--login-url", c.simURL, "--no-browser", "--timeout", "20s"}, e)
	}()
	// Play a browser that reaches Salesforce but stops at the redirect, and
	// paste the address it would have gone to.
	authURL := out.WaitLine(t, c.simURL)
	v := testkit.NewBrowser(testkit.Stop, c.http).Navigate(authURL)
	if v.Err != nil || v.Landed == "" {
		t.Fatalf("the browser ended on %d without reaching the callback (%v)", v.Status, v.Err)
	}
	if _, err := io.WriteString(pw, v.Landed+"\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("login exit %d: %s", code, errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("login did not finish after the paste")
	}
	if _, err := c.store.Get(context.Background(), secrets.Account("pasted", secrets.RefreshToken)); err != nil {
		t.Errorf("no refresh token saved: %v", err)
	}
}

func TestDemoPrintsTheExportedProfilePath(t *testing.T) {
	c := newCLI(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the demo makes its throwaway dir
	path := filepath.Join(t.TempDir(), "demo.json")
	code, out, errOut := c.run("", "demo", "-o", path)
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the demo left %s behind in the temp dir", left[0].Name())
	}
	if code != exitOK {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	if strings.TrimSpace(out) != path {
		t.Errorf("demo printed %q, want %q", out, path)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(b, []byte(`"format": "sfconnect-profile"`)) {
		t.Errorf("demo export: %v\n%s", err, b)
	}
	if len(c.dir) > 0 {
		if entries, _ := os.ReadDir(c.dir); len(entries) > 0 {
			t.Error("the demo wrote into the user's config dir")
		}
	}
}
