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
func started(t *testing.T, setting string) func() {
	t.Helper()
	t.Setenv(EnvVar, setting)
	a := test.NewTempApp(t)
	Hook(a)
	lc, ok := a.Lifecycle().(interface{ OnStarted() func() })
	if !ok {
		t.Fatal("the test app's lifecycle does not expose OnStarted")
	}
	return lc.OnStarted()
}

func TestHookPrintsTheTimeOnceStarted(t *testing.T) {
	var buf bytes.Buffer
	old := out
	out = &buf
	t.Cleanup(func() { out = old })
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

func TestHookDoesNothingUnlessAsked(t *testing.T) {
	if f := started(t, ""); f != nil {
		t.Errorf("without %s an OnStarted callback was set", EnvVar)
	}
}
