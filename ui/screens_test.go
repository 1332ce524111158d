package ui

import (
	"context"
	"testing"
	"time"
)

// The trace prints these names and scripts/wine-steps.sh waits for them.
func TestScreenNamesAreTheTraceNames(t *testing.T) {
	want := map[Screen]string{ScreenHome: "home", ScreenPrepare: "prepare", ScreenCredentials: "credentials",
		ScreenAuthorize: "authorize", ScreenResult: "result", ScreenFields: "fields", ScreenSettings: "settings"}
	for s, name := range want {
		if s.String() != name {
			t.Errorf("screen %d is %q, want %q", int(s), s, name)
		}
	}
	if len(want) != len(screenNames) || Screen(len(screenNames)).String() != "unknown" || Screen(-1).String() != "unknown" {
		t.Errorf("%d names for %d screens; out of range: %q %q", len(screenNames), len(want), Screen(len(screenNames)), Screen(-1))
	}
	for i, st := range wizardSteps {
		if int(st) != i+1 || st.titleKey() == "" {
			t.Errorf("wizard step %d is numbered %d, title %q", i+1, int(st), st.titleKey())
		}
	}
}

// ended waits (bounded) for ctx to be done.
func ended(t *testing.T, what string, ctx context.Context) {
	t.Helper()
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: the work's context is still live", what)
	}
}

// Background work has one source of context: it ends with the stop the
// caller got, with the work itself, and with the window.
func TestBackgroundWorkEndsWithItsStopItsWorkAndTheWindow(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{}, "en", nil)
	started := make(chan context.Context, 1)
	waitForCancel := func(ctx context.Context) {
		started <- ctx
		<-ctx.Done()
	}

	stop := u.background(waitForCancel)
	ctx := <-started
	if ctx.Err() != nil {
		t.Fatal("the context ended before its work did")
	}
	stop()
	ended(t, "after stop", ctx)

	u.background(func(ctx context.Context) { started <- ctx })
	ended(t, "after the work returned", <-started)

	stop = u.background(waitForCancel)
	ctx = <-started
	u.background(waitForCancel)
	sibling := <-started
	stop()
	ended(t, "after its stop", ctx)
	if sibling.Err() != nil {
		t.Fatal("one stop ended another's work")
	}
	u.Close()
	ended(t, "after the window closed", sibling)
}
