package browser

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const signIn = "https://acme.my.salesforce.com/services/oauth2/authorize?client_id=k&state=s"

// recorder writes a browser script that appends its arguments to a file,
// runs then (shell code) and exits; it returns the script and the file.
func recorder(t *testing.T, then string) (script, log string) {
	t.Helper()
	dir := t.TempDir()
	script, log = filepath.Join(dir, "browser"), filepath.Join(dir, "opened")
	body := "#!/bin/sh\necho \"$@\" >>'" + log + "'\n" + then + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, log
}

func opened(t *testing.T, log string) string {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestCommand(t *testing.T) {
	ok, okLog := recorder(t, "exit 0")
	failing, _ := recorder(t, "exit 4")
	tests := []struct {
		name    string
		cmd     string
		wantErr bool
	}{
		{"a browser that opens the page", ok, false},
		{"flags before the URL", ok + " --new-window", false},
		{"a browser that exits with an error", failing, true},
		{"no such program", filepath.Join(t.TempDir(), "missing"), true},
		{"an empty command", "  ", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Command(tt.cmd, mustURL(t, signIn))
			if (err != nil) != tt.wantErr {
				t.Errorf("Command(%q) = %v, want error: %v", tt.cmd, err, tt.wantErr)
			}
		})
	}
	if got := opened(t, okLog); got != signIn+"\n--new-window "+signIn {
		t.Errorf("the browser got %q, want the URL as the last argument", got)
	}
}

func TestCommandStillRunningAfterGraceIsSuccess(t *testing.T) {
	old := grace
	grace = 100 * time.Millisecond
	t.Cleanup(func() { grace = old })
	// A browser started in the foreground: it does not exit while it shows
	// the page.
	script, log := recorder(t, "sleep 2")
	if err := Command(script, mustURL(t, signIn)); err != nil {
		t.Errorf("a browser still running was reported as failed: %v", err)
	}
	if got := opened(t, log); got != signIn {
		t.Errorf("the browser got %q", got)
	}
}

func TestOnlyWebURLsAreOpened(t *testing.T) {
	script, log := recorder(t, "exit 0")
	for _, s := range []string{"file:///etc/passwd", "javascript:alert(1)", "https:///nohost", "C:/Windows/System32/calc.exe"} {
		u, _ := url.Parse(s)
		if err := Command(script, u); err == nil {
			t.Errorf("Command opened %q", s)
		}
		if err := Open(u); err == nil {
			t.Errorf("Open opened %q", s)
		}
	}
	if got := opened(t, log); got != "" {
		t.Errorf("the browser ran with %q", got)
	}
}

// isolateXDG makes the real xdg-open use $BROWSER: no desktop session and
// no desktop files that name a browser of this machine.
func isolateXDG(t *testing.T, browser string) {
	empty := t.TempDir()
	for _, k := range []string{"XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS", "HOME"} {
		t.Setenv(k, empty)
	}
	for _, k := range []string{"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID", "DISPLAY", "WAYLAND_DISPLAY"} {
		t.Setenv(k, "")
	}
	t.Setenv("BROWSER", browser)
}

// TestOpenWithTheRealXdgOpen runs the opener the app uses on Linux.
func TestOpenWithTheRealXdgOpen(t *testing.T) {
	script, log := recorder(t, "exit 0")
	isolateXDG(t, script)
	if err := Open(mustURL(t, signIn)); err != nil {
		t.Fatalf("Open: %v", err)
	}
	if got := opened(t, log); got != signIn {
		t.Errorf("xdg-open handed the browser %q, want %q", got, signIn)
	}
}

// TestOpenReportsXdgOpenFailure: with no browser at all, xdg-open exits
// with an error status, which Open must report instead of pretending.
func TestOpenReportsXdgOpenFailure(t *testing.T) {
	isolateXDG(t, filepath.Join(t.TempDir(), "no-such-browser"))
	t.Setenv("PATH", "/usr/bin:/bin") // no www-browser, lynx, ... on a CI machine either way
	err := Open(mustURL(t, signIn))
	if err == nil {
		t.Fatal("Open reported success although no browser exists")
	}
	if !strings.Contains(err.Error(), "exit status") {
		t.Errorf("error %q does not carry xdg-open's exit status", err)
	}
}
