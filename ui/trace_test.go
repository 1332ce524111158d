package ui

import (
	"bytes"
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// TestDemoOptionAndTrace: Options.Demo (the --demo flag) opens the demo
// wizard without a click, and Options.Trace logs each screen shown, which
// is how scripts/wine-test.sh follows the real window.
func TestDemoOptionAndTrace(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	start := func(ctx context.Context) (*app.Demo, error) { return app.StartDemo(ctx, sfsim.ConsentAuto) }
	var trace bytes.Buffer
	u, loop := newWindow(t, Options{Backend: e.svc, StartDemo: start, Demo: true, Trace: &trace}, map[string]string{prefLanguage: "en"})
	loop.waitFor(t, "the demo wizard", func() bool { return u.Screen() == ScreenPrepare })
	if !u.demoMode() {
		t.Error("--demo opened the wizard without the demo simulator")
	}
	test.Tap(u.Prepare.Next)
	if got, want := trace.String(), "screen home\nscreen prepare\nscreen credentials\n"; got != want {
		t.Errorf("trace = %q, want %q", got, want)
	}
}
