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
	if got, want := trace.String(), "lang en\nscreen home\nlang en\nscreen prepare\nlang en\nscreen credentials\n"; got != want {
		t.Errorf("trace = %q, want %q", got, want)
	}
}

// TestTraceNamesTheLanguage: every screen in the trace comes with the
// language of its texts: the one the window started in and, after a switch
// in Settings, the new one. wine-test.sh proves with it that its Japanese
// screenshots are of a Japanese window and its English ones of an English
// window.
func TestTraceNamesTheLanguage(t *testing.T) {
	for _, tt := range []struct{ start, then, want string }{
		{"ja", "en", "lang ja\nscreen home\nlang ja\nscreen settings\nlang en\nscreen settings\n"},
		{"en", "ja", "lang en\nscreen home\nlang en\nscreen settings\nlang ja\nscreen settings\n"},
	} {
		t.Run(tt.start, func(t *testing.T) {
			var trace bytes.Buffer
			u, _ := newWindow(t, Options{Backend: &fakeBackend{}, Trace: &trace}, map[string]string{prefLanguage: tt.start})
			u.ShowSettings()
			u.SetLanguage(tt.then)
			if got := trace.String(); got != tt.want {
				t.Errorf("trace = %q, want %q", got, tt.want)
			}
		})
	}
}
