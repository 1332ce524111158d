package main

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"golang.org/x/term"
)

// clientSecret reads the consumer secret from stdin (--client-secret-stdin),
// from SFCONNECT_CLIENT_SECRET, or from a no-echo prompt. A plain flag is
// deliberately not offered: it would land in shell history and ps output.
func (e *env) clientSecret(fromStdin bool) (string, error) {
	if fromStdin {
		line, err := e.stdin.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == "" {
			return "", e.usageError("cli.usage.login", e.loc.T("cli.err.secret_stdin_empty"))
		}
		_ = err // EOF after a last line without newline is fine
		return line, nil
	}
	if v := strings.TrimSpace(e.getenv("SFCONNECT_CLIENT_SECRET")); v != "" {
		return v, nil
	}
	if !e.isTerminal() {
		return "", e.usageError("cli.usage.login", e.loc.T("cli.err.secret_needed"))
	}
	fmt.Fprint(e.stderr, e.loc.T("cli.prompt.client_secret"))
	s, err := e.readSecret()
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read the consumer secret: %w", err)
	}
	if s = strings.TrimSpace(s); s == "" {
		return "", e.usageError("cli.usage.login", e.loc.T("cli.err.secret_needed"))
	}
	return s, nil
}

func stdinIsTerminal() bool { return term.IsTerminal(int(os.Stdin.Fd())) }

func readPassword() (string, error) {
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	return string(b), err
}

// openBrowser runs cmd with the URL as its last argument (cmd is split on
// spaces, like $BROWSER), or the OS's default opener when cmd is empty.
func openBrowser(cmd string, u *url.URL) error {
	args := strings.Fields(cmd)
	if len(args) == 0 {
		args = defaultOpener(runtime.GOOS)
	}
	if len(args) == 0 {
		return errors.New("no browser opener for this OS")
	}
	c := exec.Command(args[0], append(args[1:], u.String())...)
	c.Stdout, c.Stderr = nil, nil
	if err := c.Start(); err != nil {
		return fmt.Errorf("start %s: %w", args[0], err)
	}
	go func() { _ = c.Wait() }()
	return nil
}

func defaultOpener(goos string) []string {
	switch goos {
	case "darwin":
		return []string{"open"}
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler"}
	default:
		return []string{"xdg-open"}
	}
}
