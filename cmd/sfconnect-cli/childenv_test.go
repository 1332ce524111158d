package main

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// dumpEnvVar, when set, turns this test binary into a "browser": it writes
// its environment to the named file, then follows the URL it was given to
// the loopback callback, as a browser that is already signed in would.
const dumpEnvVar = "FAKE_BROWSER_DUMP_ENV_TO"

func TestMain(m *testing.M) {
	if path := os.Getenv(dumpEnvVar); path != "" && len(os.Args) > 1 {
		os.Exit(fakeBrowser(path, os.Args[len(os.Args)-1]))
	}
	os.Exit(m.Run())
}

func fakeBrowser(dumpTo, target string) int {
	if err := os.WriteFile(dumpTo, []byte(strings.Join(os.Environ(), "\n")), 0o600); err != nil {
		return 3
	}
	if v := new(testkit.Browser).Navigate(target); v.Err != nil {
		return 4
	}
	return 0
}

// The consumer secret given in SFCONNECT_CLIENT_SECRET signs in, but it is
// gone from the process environment at once, and the browser, a real child
// process, is started with an environment that does not hold it.
func TestBrowserProcessGetsNoSecret(t *testing.T) {
	c := newCLI(t)
	dump := filepath.Join(t.TempDir(), "browser-env")
	t.Setenv(dumpEnvVar, dump)
	t.Setenv(secrets.EnvClientSecret, sfsim.DemoClientSecret)
	t.Setenv(secrets.EnvProxyPassword, "proxy-pass-Zq81")
	t.Setenv("SFCONNECT_LANG", "en") // another of our variables: not the browser's business either
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(exe, " \t") {
		t.Fatalf("test binary path %q has a space; the browser command is split on spaces", exe)
	}
	out, errOut := &testkit.SyncBuffer{}, &testkit.SyncBuffer{}
	e := &env{stdin: bufio.NewReader(strings.NewReader("")), stdout: out, stderr: errOut,
		getenv: os.Getenv, takeEnv: secrets.TakeEnv, isTerminal: func() bool { return false },
		keychain: func() secrets.Store { return c.store }, openBrowser: openBrowser,
		configDir: func() (string, error) { return c.dir, nil }}

	code := run(context.Background(), []string{"login", "--profile", "envsecret", "--org", "acme",
		"--client-id", sfsim.DemoClientID, "--callback", c.callback, "--login-url", c.simURL,
		"--browser", exe, "--timeout", "30s"}, e)
	if code != exitOK {
		t.Fatalf("login exit %d (the secret from the environment did not sign in):\n%s", code, errOut.String())
	}
	for _, name := range []string{secrets.EnvClientSecret, secrets.EnvProxyPassword} {
		if v, ok := os.LookupEnv(name); ok {
			t.Errorf("%s is still in the process environment (%d bytes)", name, len(v))
		}
	}
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatalf("the browser process did not run: %v", err)
	}
	browserEnv := string(b)
	if !strings.Contains(browserEnv, dumpEnvVar+"=") || !strings.Contains(browserEnv, "PATH=") {
		t.Fatalf("the dump does not look like the browser's environment:\n%s", browserEnv)
	}
	if strings.Contains(browserEnv, sfsim.DemoClientSecret) || strings.Contains(browserEnv, "proxy-pass-Zq81") {
		t.Error("the browser's environment holds a secret")
	}
	for _, kv := range strings.Split(browserEnv, "\n") {
		if strings.HasPrefix(strings.ToUpper(kv), "SFCONNECT_") {
			t.Errorf("the browser inherited %s", strings.SplitN(kv, "=", 2)[0])
		}
	}
}
