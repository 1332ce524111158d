package firstframe

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// started returns the app's OnStarted callback, which Fyne's driver calls
// after the first frame; the test app only stores it.
func started(t *testing.T, setting string, then ...func()) func() {
	t.Helper()
	t.Setenv(EnvVar, setting)
	a := test.NewTempApp(t)
	Hook(a, then...)
	lc, ok := a.Lifecycle().(interface{ OnStarted() func() })
	if !ok {
		t.Fatal("the test app's lifecycle does not expose OnStarted")
	}
	return lc.OnStarted()
}

// capture sends the report to a buffer for one test.
func capture(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	old := out
	out = &buf
	t.Cleanup(func() { out = old })
	return &buf
}

func TestHookPrintsTheTimeOnceStarted(t *testing.T) {
	buf := capture(t)
	f := started(t, "1")
	if f == nil {
		t.Fatalf("with %s=1 no OnStarted callback was set", EnvVar)
	}
	before := time.Now()
	f()
	ns, ok := strings.CutPrefix(strings.TrimSpace(buf.String()), Prefix)
	v, err := strconv.ParseInt(ns, 10, 64)
	if !ok || err != nil {
		t.Fatalf("printed %q, want %q followed by Unix nanoseconds", buf.String(), Prefix)
	}
	if d := time.Unix(0, v).Sub(before); d < 0 || d > time.Minute {
		t.Errorf("printed a time %v away from now", d)
	}
}

func TestHookRunsTheWorkAfterTheFirstFrameAndPrintsNothingUnlessAsked(t *testing.T) {
	buf := capture(t)
	ran := make(chan struct{})
	f := started(t, "", func() { close(ran) })
	select {
	case <-ran:
		t.Fatal("the work ran before the first frame")
	default:
	}
	if f == nil {
		t.Fatal("no OnStarted callback was set for the work")
	}
	f()
	select {
	case <-ran:
	case <-time.After(5 * time.Second):
		t.Fatal("the work did not run after the first frame")
	}
	if buf.Len() != 0 {
		t.Errorf("printed %q without %s=1", buf.String(), EnvVar)
	}
}

func TestHookDoesNothingUnlessAsked(t *testing.T) {
	if f := started(t, ""); f != nil {
		t.Errorf("without %s and without work an OnStarted callback was set", EnvVar)
	}
}
