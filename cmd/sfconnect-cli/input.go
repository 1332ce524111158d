package main

import (
	"fmt"
	"net/url"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/sfconnect/sfconnect/internal/browser"
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
	if e.envSecret != "" {
		return e.envSecret, nil
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

// openBrowser runs cmd with the URL as its last argument (cmd is split into
// words by the system's quoting rules, like $BROWSER: browser.Command), or
// the OS's default browser when cmd is empty; either way a browser that
// fails to start is reported.
func openBrowser(cmd string, u *url.URL) error {
	if strings.TrimSpace(cmd) == "" {
		return browser.Open(u)
	}
	return browser.Command(cmd, u)
}
