package secrets

import (
	"errors"
	"net"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
)

// exitError returns a real *exec.ExitError with the given status, as
// go-keyring returns from /usr/bin/security on macOS.
func exitError(t *testing.T, code int) error {
	t.Helper()
	err := exec.Command("sh", "-c", "exit "+strconv.Itoa(code)).Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != code {
		t.Fatalf("could not make an exit error %d: %v", code, err)
	}
	return err
}

func TestClassifyOS(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "unix", Err: syscall.ENOENT}
	tests := []struct {
		name    string
		goos    string
		err     error
		wantKey string
	}{
		{"linux bus socket missing", "linux", dial, "secrets.err.unavailable_linux"},
		{"linux service unknown", "linux", errors.New("The name org.freedesktop.secrets was not provided by any .service files"), "secrets.err.unavailable_linux"},
		{"linux other", "linux", errors.New("boom"), "secrets.err.failed"},
		{"darwin user canceled", "darwin", exitError(t, 128), "secrets.err.unavailable_darwin"},
		{"darwin locked", "darwin", exitError(t, 36), "secrets.err.unavailable_darwin"},
		{"darwin other status", "darwin", exitError(t, 1), "secrets.err.failed"},
		{"darwin no security binary", "darwin", exec.ErrNotFound, "secrets.err.unavailable_darwin"},
		{"windows no logon session", "windows", syscall.Errno(1312), "secrets.err.unavailable_windows"},
		{"windows other", "windows", syscall.Errno(5), "secrets.err.failed"},
		{"other OS unsupported", "plan9", errors.New("unsupported platform: plan9"), "secrets.err.failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := classifyOS("get", "a:client_secret", tt.err, tt.goos)
			if got := keyOf(err); got != tt.wantKey {
				t.Errorf("key = %q, want %q (err %v)", got, tt.wantKey, err)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("%v does not wrap the library error", err)
			}
		})
	}
}

func TestUnavailableKeys(t *testing.T) {
	for goos, want := range map[string]string{
		"darwin":  "secrets.err.unavailable_darwin",
		"windows": "secrets.err.unavailable_windows",
		"linux":   "secrets.err.unavailable_linux",
		"freebsd": "secrets.err.unavailable_linux",
		"js":      "secrets.err.unavailable",
	} {
		e := &UnavailableError{Op: "set", GOOS: goos, Err: errors.New("x")}
		if e.MessageKey() != want || !errors.Is(e, ErrUnavailable) {
			t.Errorf("%s: key %q, want %q", goos, e.MessageKey(), want)
		}
	}
}
