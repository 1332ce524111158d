// Package browser opens the sign-in page in the user's browser and says
// when that failed, so the caller can point at the copy-the-URL fallback
// instead of waiting for a redirect that will never come. Fyne's
// App.OpenURL cannot tell: on Windows it runs rundll32, whose exit code is 0
// whatever happened, and elsewhere it only starts xdg-open.
package browser

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"time"

	"github.com/sfconnect/sfconnect/internal/secrets"
)

// grace is how long a browser command may run before it counts as started:
// openers (xdg-open, open) exit within it, with an error status when no
// browser could be started; a browser run in the foreground is still
// running then, which is success.
var grace = 3 * time.Second // a variable for the tests

// Open opens u with the system's default browser: ShellExecute on Windows,
// open(1) on macOS, xdg-open elsewhere.
func Open(u *url.URL) error {
	if err := checkURL(u); err != nil {
		return err
	}
	return systemOpen(u)
}

// Command runs cmd with u as its last argument, as $BROWSER and the CLI's
// --browser are used: cmd is split into words by the system's quoting
// rules (splitCommand), so a quoted path with spaces works.
func Command(cmd string, u *url.URL) error {
	args, err := splitCommand(cmd)
	if err != nil {
		return fmt.Errorf("browser command: %w", err)
	}
	if len(args) == 0 {
		return errors.New("empty browser command")
	}
	if err := checkURL(u); err != nil {
		return err
	}
	return run(exec.Command(args[0], append(args[1:], u.String())...))
}

// checkURL refuses anything but an absolute http(s) URL: an opener given
// a file path or another scheme would run programs, not show a page.
func checkURL(u *url.URL) error {
	if u == nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("not an http(s) URL")
	}
	return nil
}

// run starts c and waits up to grace for it: an exit status other than 0
// within that time is the failure to report; still running means the
// browser is up. Output is discarded (it is not the user's business), and the
// environment holds none of sfconnect's variables (secrets.ChildEnv).
func run(c *exec.Cmd) error {
	c.Stdin, c.Stdout, c.Stderr = nil, nil, nil
	c.Env = secrets.ChildEnv(os.Environ()) // never the consumer secret
	if err := c.Start(); err != nil {
		return fmt.Errorf("start %s: %w", c.Path, err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s: %w", c.Path, err)
		}
		return nil
	case <-time.After(grace):
		return nil
	}
}
