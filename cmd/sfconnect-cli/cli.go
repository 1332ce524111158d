package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/safetext"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/version"
)

// Exit codes: 0 success, 1 failure, 2 usage.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// errUsage marks a usage error: the message was printed, exit with 2.
var errUsage = errors.New("usage")

type command struct {
	name  string
	usage string // translation key of the command's help
	run   func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"login", "cli.usage.login", cmdLogin},
		{"reauth", "cli.usage.reauth", cmdReauth},
		{"verify", "cli.usage.verify", cmdVerify},
		{"check", "cli.usage.check", cmdCheck},
		{"export", "cli.usage.export", cmdExport},
		{"import", "cli.usage.import", cmdImport},
		{"list", "cli.usage.list", cmdList},
		{"delete", "cli.usage.delete", cmdDelete},
		{"demo", "cli.usage.demo", cmdDemo},
		{"simulate", "cli.usage.simulate", cmdSimulate},
		{"doctor", "cli.usage.doctor", cmdDoctor},
	}
}

// run is the whole program behind main, with its outside world in e.
func run(ctx context.Context, args []string, e *env) int {
	// The secret leaves the environment before anything else runs, so no
	// child process (the browser) can inherit it.
	take := e.takeEnv
	if take == nil { // a test's env that only reads
		take = e.getenv
	}
	e.envSecret = strings.TrimSpace(take(secrets.EnvClientSecret))
	e.envProxyPassword = take(secrets.EnvProxyPassword)
	e.loc = i18n.New(i18n.SystemLanguage(e.getenv, nil)) // the OS locale reader is Fyne's
	level := slog.LevelWarn
	var rest []string
	for i, a := range args {
		switch a {
		case "--debug":
			level = slog.LevelDebug
			continue
		case "--verbose", "-v":
			level = slog.LevelInfo
			continue
		case "--version":
			fmt.Fprintln(e.stdout, version.String())
			return exitOK
		}
		rest = append(rest, args[i:]...)
		break
	}
	if e.log == nil {
		e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level, ReplaceAttr: safetext.ReplaceAttr}))
	}
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
		fmt.Fprint(e.stdout, e.loc.T("cli.usage.main"))
		if len(rest) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != rest[0] {
			continue
		}
		err := c.run(ctx, e, rest[1:])
		var silent *silentExit
		switch {
		case errors.As(err, &silent):
			return silent.code
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errUsage):
			return exitUsage
		}
		e.log.Debug("command failed", "command", c.name, "err", err)
		fmt.Fprintf(e.stderr, "%s %s\n", e.loc.T("cli.error_prefix"), e.loc.Error(err))
		return exitFail
	}
	fmt.Fprintf(e.stderr, "%s %s\n", e.loc.T("cli.error_prefix"),
		e.loc.T("cli.err.unknown_command", map[string]any{"Command": rest[0]}))
	fmt.Fprint(e.stderr, e.loc.T("cli.usage.main"))
	return exitUsage
}

// newFlags returns a silent flag set: help and errors are printed
// translated by parse.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args, printing the usage on -h and a translated message on
// a usage error. Positional arguments beyond maxArgs are a usage error.
func (e *env) parse(fs *flag.FlagSet, usageKey string, args []string, maxArgs int) error {
	if secretFlag(args) {
		// Never echo the argument: it is the secret.
		return e.usageError(usageKey, e.loc.T("cli.err.secret_flag"))
	}
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, e.loc.T(usageKey))
		return flag.ErrHelp
	}
	if err == nil && fs.NArg() > maxArgs {
		err = fmt.Errorf("unexpected argument %q", fs.Arg(maxArgs))
	}
	if err != nil {
		return e.usageError(usageKey, err.Error())
	}
	return nil
}

// secretFlag reports an attempt to pass the consumer secret as a flag
// (--client-secret, -client-secret, --client-secret=...), which sfconnect
// refuses: it would land in the shell history and the process list.
func secretFlag(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "client-secret" {
			return true
		}
	}
	return false
}

// usageError prints why the command line is wrong and the command's help.
// detail is flag's own English text, which quotes the argument as typed, or
// a translated one.
func (e *env) usageError(usageKey, detail string) error {
	fmt.Fprintf(e.stderr, "%s %s\n\n%s", e.loc.T("cli.error_prefix"), safetext.Line(detail), e.loc.T(usageKey))
	return errUsage
}

// need reports a missing required flag as a usage error.
func (e *env) need(usageKey string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return e.usageError(usageKey, e.loc.T("cli.err.flag_required", map[string]any{"Flag": "--" + pairs[i]}))
		}
	}
	return nil
}

// progress prints each step of the flow on stderr.
func (e *env) progress() app.Progress {
	return func(s app.Step) { fmt.Fprintln(e.stderr, "→", e.loc.T(s.MessageKey())) }
}
