// Command sfconnect is the desktop app: a guided, one-click way to connect a
// Salesforce org to the ID governance service (see package ui). main only
// wires the real dependencies.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/sfconnect/sfconnect/assets"
	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/browser"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/ui"
	"github.com/sfconnect/sfconnect/ui/firstframe"
)

// startupGCPercent is the garbage collector's target while the window
// starts: parsing fonts makes tens of MB of short-lived garbage, and with
// Go's default (100) the collector ran 5 to 7 times before Home's first
// frame, at this setting twice, for a peak heap of 58-70 MB instead of 51
// (GODEBUG=gctrace=1, LANG=ja_JP.UTF-8). releaseStartupMemory puts the
// previous target back.
const startupGCPercent = 400

func main() {
	gcPercent := debug.SetGCPercent(startupGCPercent)
	loginURL := flag.String("login-url", "", "authorize/token host to use instead of the org's My Domain (a simulator; http:// only on loopback)")
	demo := flag.Bool("demo", false, "open the demo at once, as Try the demo does")
	flag.Parse()
	// The app never reads the CLI's secret variables, but a shell that set
	// them would pass them on to every program the app starts: drop them.
	secrets.TakeEnv(secrets.EnvClientSecret)
	secrets.TakeEnv(secrets.EnvProxyPassword)
	loc := i18n.New(i18n.SystemLanguage(os.Getenv, ui.OSLocale))
	if err := ui.ValidateLoginURL(*loginURL); err != nil {
		fmt.Fprintln(os.Stderr, loc.Error(err))
		os.Exit(2)
	}
	dir, err := profile.DefaultDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, loc.Error(err))
		os.Exit(1)
	}

	a := fyneapp.NewWithID("jp.sfconnect.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.WindowIcon))
	w := a.NewWindow("sfconnect")
	// The browser opener is not a.OpenURL: Fyne's cannot tell when no
	// browser opened, and the Authorize screen must say so.
	svc := app.New(app.Deps{
		Profiles:    &profile.Store{Dir: dir},
		Secrets:     secrets.NewKeyring("sfconnect", 3*time.Second),
		OpenBrowser: browser.Open,
	})
	u := ui.New(a, w, ui.Options{
		Backend: svc,
		StartDemo: func(ctx context.Context) (*app.Demo, error) {
			// The demo shows the simulator's login and consent page in the
			// real browser, as Salesforce would.
			return app.StartDemo(ctx, sfsim.ConsentPage)
		},
		LoginURL: *loginURL,
		Demo:     *demo,
		Trace:    testTrace(),
	})
	w.SetOnClosed(u.Close)
	firstframe.Hook(a, func() { releaseStartupMemory(gcPercent) })
	w.ShowAndRun()
	// A keychain call that timed out may still run (an unlock prompt): let
	// it, and the rollback queued behind it, finish before the process ends.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	_ = secrets.Flush(ctx)
	cancel()
}

// releaseStartupMemory hands the start-up's garbage back to the OS once
// Home is drawn, and sets the collector's target back to gcPercent. Fyne
// parses the bundled fonts (two ~1.9 MB Japanese subsets, plus the
// system's fallback fonts for any glyph they lack) and decodes images
// before the first frame; the Go runtime would keep the freed pages
// resident for the hours the window stays open (`make bench` measured
// 12-21 MiB of idle RSS).
func releaseStartupMemory(gcPercent int) {
	time.Sleep(time.Second) // Home's table and first layouts settle
	debug.SetGCPercent(gcPercent)
	debug.FreeOSMemory()
}

// testTrace opens the file SFCONNECT_TEST_TRACE names, where the window logs
// the screens it shows: a hook for scripts/wine-test.sh, which drives the
// real window with key presses and must know where it is. Unset, nothing
// is written.
func testTrace() io.Writer {
	path := os.Getenv("SFCONNECT_TEST_TRACE")
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		fmt.Fprintln(os.Stderr, "SFCONNECT_TEST_TRACE:", err)
		return nil
	}
	return f
}
