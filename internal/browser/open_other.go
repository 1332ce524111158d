//go:build !windows

package browser

import (
	"net/url"
	"os/exec"
	"runtime"
)

// systemOpen runs the desktop's opener and waits for its verdict:
// xdg-open exits 3 when it finds no tool and 4 when opening failed
// (xdg-utils manual); open(1) exits non-zero when no app takes the URL.
func systemOpen(u *url.URL) error {
	opener := "xdg-open"
	if runtime.GOOS == "darwin" {
		opener = "open"
	}
	return run(exec.Command(opener, u.String()))
}
