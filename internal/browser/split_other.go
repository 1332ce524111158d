//go:build !windows

package browser

import (
	"errors"

	"github.com/mattn/go-shellwords"
)

// splitCommand splits a browser command into words as a POSIX shell splits
// a simple command: single and double quotes, backslash escapes
// ('/Applications/Google Chrome.app/...', /opt/my\ browser). go-shellwords
// does the splitting with its variable and command substitution off; a
// command that goes on after a shell operator (;, |, &&, >) is refused
// rather than cut short, since no shell runs it.
func splitCommand(cmd string) ([]string, error) {
	p := shellwords.NewParser()
	p.ParseEnv, p.ParseBacktick, p.ParseComment = false, false, false
	args, err := p.Parse(cmd)
	if err != nil {
		return nil, err
	}
	if p.Position >= 0 {
		return nil, errors.New("a shell operator in the browser command")
	}
	return args, nil
}
