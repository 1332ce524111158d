package main

import (
	"context"
	"fmt"
	"time"

	"github.com/sfconnect/sfconnect/internal/secrets"
)

// Bounds on waiting for keychain calls still running at exit.
const (
	settleQuiet = 200 * time.Millisecond // wait this long without a word
	settleMax   = 30 * time.Second       // then say so and wait at most this long
)

// settleKeychain waits for keychain calls that timed out but still run (an
// unlock prompt), so that the rollback queued behind a late write is not
// lost when the process exits. It says so when it has to wait.
func (e *env) settleKeychain(quiet, max time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), quiet)
	defer cancel()
	if secrets.Flush(ctx) == nil {
		return
	}
	fmt.Fprintln(e.stderr, e.loc.T("cli.keychain.waiting", map[string]any{"Seconds": int(max.Seconds())}))
	ctx, cancel = context.WithTimeout(context.Background(), max)
	defer cancel()
	if secrets.Flush(ctx) != nil {
		fmt.Fprintf(e.stderr, "%s %s\n", e.loc.T("cli.error_prefix"), e.loc.T("cli.keychain.unsettled"))
	}
}
