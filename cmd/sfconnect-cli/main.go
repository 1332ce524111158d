// Command sfconnect-cli is the headless sfconnect: the same core as the
// desktop app, for scripts, servers and tests. It needs no cgo and no GUI.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	e := realEnv()
	code := run(ctx, os.Args[1:], e)
	stop()
	e.settleKeychain(settleQuiet, settleMax)
	os.Exit(code)
}
