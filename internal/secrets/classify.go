package secrets

import (
	"errors"
	"net"
	"os/exec"
	"runtime"
	"strings"
	"syscall"

	"github.com/zalando/go-keyring"
)

// classify maps a go-keyring error to this package's errors.
func classify(op, account string, err error) error {
	return classifyOS(op, account, err, runtime.GOOS)
}

func classifyOS(op, account string, err error, goos string) error {
	var tooLarge *TooLargeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooLarge):
		return err
	case errors.Is(err, keyring.ErrNotFound):
		return &notFoundError{op: op, account: account}
	case errors.Is(err, keyring.ErrUnsupportedPlatform), unavailable(err, goos):
		return &UnavailableError{Op: op, GOOS: goos, Err: err}
	default:
		return &OpError{Op: op, Account: account, Err: err}
	}
}

// notFoundError names the account and matches ErrNotFound.
type notFoundError struct{ op, account string }

func (e *notFoundError) Error() string {
	return "keychain " + e.op + " \"" + e.account + "\": " + ErrNotFound.Error()
}
func (e *notFoundError) Unwrap() error { return ErrNotFound }

// linuxMarkers are fragments (lower case) of the errors godbus and go-keyring
// return when no usable Secret Service exists on the session bus:
//   - no session bus at all: a *net.OpError from dialling the bus address, "dbus: couldn't determine address of session bus",
//     or an autolaunch failure mentioning $DISPLAY / X11;
//   - nothing owns the name: "The name org.freedesktop.secrets was not provided
//     by any .service files" (org.freedesktop.DBus.Error.ServiceUnknown);
//   - the unlock prompt was dismissed: go-keyring then reports
//     "failed to unlock correct collection";
//   - other D-Bus level failures (org.freedesktop.DBus.Error.*, NoReply,
//     no such object when no default collection exists).
var linuxMarkers = []string{
	"org.freedesktop.secrets",
	"org.freedesktop.dbus.error",
	"org.freedesktop.secret.error",
	"session bus",
	"dbus",
	"d-bus",
	"$display",
	"x11",
	"autolaunch",
	"failed to unlock correct collection",
	"prompt dismissed",
	"no such object",
	"no such interface",
}

// darwinExitCodes are `security` exit statuses (OSStatus truncated to 8
// bits) that mean the keychain cannot be used right now. go-keyring returns
// only *exec.ExitError for them, not the text.
var darwinExitCodes = map[int]string{
	128: "user canceled (errSecUserCanceled -128)",
	36:  "interaction not allowed, keychain locked (errSecInteractionNotAllowed -25308)",
	51:  "authorization failed (errSecAuthFailed -25293)",
	50:  "no such keychain (errSecNoSuchKeychain -25294)",
	48:  "no default keychain (errSecNoDefaultKeychain -25307)",
}

// windowsNoLogonSession is ERROR_NO_SUCH_LOGON_SESSION (1312): Credential
// Manager is not available in this logon session (service accounts, some
// remote sessions).
const windowsNoLogonSession = 1312

// unavailable reports whether err means "no usable keychain" on goos.
func unavailable(err error, goos string) bool {
	text := strings.ToLower(err.Error())
	switch goos {
	case "darwin":
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			_, ok := darwinExitCodes[exit.ExitCode()]
			return ok
		}
		return errors.Is(err, exec.ErrNotFound) || strings.Contains(text, "user canceled")
	case "windows":
		var errno syscall.Errno
		return errors.As(err, &errno) && errno == windowsNoLogonSession
	default:
		// A session bus address that points nowhere fails in net.Dial
		// ("dial unix /run/user/1000/bus: connect: no such file or directory").
		var netErr *net.OpError
		if errors.As(err, &netErr) {
			return true
		}
		for _, m := range linuxMarkers {
			if strings.Contains(text, m) {
				return true
			}
		}
		return false
	}
}
