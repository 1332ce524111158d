package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/seal"
)

// recipientList is the repeatable --recipient flag.
type recipientList []string

func (r *recipientList) String() string     { return strings.Join(*r, ",") }
func (r *recipientList) Set(v string) error { *r = append(*r, v); return nil }

// exportLock turns export's flags into the lock of a sealed file, nil for a
// plain one. The passphrase comes from the first line of stdin
// (--passphrase-stdin) or from a no-echo prompt typed twice; never from a
// flag or a variable, which would land in shell history or the process
// environment.
func (e *env) exportLock(usage string, encrypt, fromStdin bool, recipients []string) (*seal.Lock, error) {
	switch {
	case len(recipients) > 0 && fromStdin:
		return nil, e.usageError(usage, e.loc.T("cli.err.recipient_and_passphrase"))
	case len(recipients) > 0:
		return &seal.Lock{Recipients: recipients}, nil
	case !encrypt && !fromStdin:
		return nil, nil
	case fromStdin:
		p, err := e.stdinLine()
		if err != nil || p == "" {
			return nil, e.usageError(usage, e.loc.T("cli.err.passphrase_stdin_empty"))
		}
		return &seal.Lock{Passphrase: p}, nil
	case !e.isTerminal():
		return nil, e.usageError(usage, e.loc.T("cli.err.passphrase_needed"))
	}
	first, err := e.prompt("cli.prompt.new_passphrase")
	if err != nil {
		return nil, err
	}
	if err := seal.CheckPassphrase(first); err != nil {
		return nil, err
	}
	if s := seal.Rate(first); s < seal.Fair {
		fmt.Fprintln(e.stderr, e.loc.T(s.MessageKey(), s.MessageArgs()))
	}
	again, err := e.prompt("cli.prompt.repeat_passphrase")
	if err != nil {
		return nil, err
	}
	if again != first {
		return nil, &keyedError{key: "cli.err.passphrases_differ"}
	}
	return &seal.Lock{Passphrase: first}, nil
}

// importKey gets what opening a sealed file takes: the passphrase (from
// stdin or a no-echo prompt) or the age identity file.
func (e *env) importKey(usage string, needs seal.Needs, fromStdin bool, identity string) (seal.Key, error) {
	switch needs {
	case seal.NeedsKey:
		if identity == "" {
			return seal.Key{}, seal.ErrKeyNeeded
		}
		f, err := os.Open(identity)
		if err != nil {
			return seal.Key{}, &fileError{Path: identity, Err: err}
		}
		defer f.Close()
		ids, err := seal.ParseIdentities(f)
		return seal.Key{Identities: ids}, err
	case seal.NeedsPassphrase:
		if fromStdin {
			p, err := e.stdinLine()
			if err != nil || p == "" {
				return seal.Key{}, e.usageError(usage, e.loc.T("cli.err.passphrase_stdin_empty"))
			}
			return seal.Key{Passphrase: p}, nil
		}
		if !e.isTerminal() {
			return seal.Key{}, &keyedError{key: "cli.err.passphrase_needed_import"}
		}
		p, err := e.prompt("cli.prompt.passphrase")
		return seal.Key{Passphrase: p}, err
	}
	return seal.Key{}, nil
}

// readImport reads the file to import (path, or - for stdin) whole: what
// it needs is known only from its header.
func (e *env) readImport(path string) ([]byte, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, &fileError{Path: path, Err: err}
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, 2*profile.MaxImportSize+1))
	if err != nil {
		return nil, &fileError{Path: path, Err: err}
	}
	return data, nil
}

// stdinLine reads the first line of stdin without its line break; spaces
// inside and around a passphrase are part of it.
func (e *env) stdinLine() (string, error) {
	line, err := e.stdin.ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// prompt asks for a secret on the terminal without echo.
func (e *env) prompt(key string) (string, error) {
	fmt.Fprint(e.stderr, e.loc.T(key))
	s, err := e.readSecret()
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read the passphrase: %w", err)
	}
	return strings.TrimRight(s, "\r\n"), nil
}
