//go:build windows

package browser

import (
	"strings"

	"golang.org/x/sys/windows"
)

// splitCommand splits a browser command by Windows' own rules for a
// command line (CommandLineToArgvW, through x/sys's DecomposeCommandLine),
// so that a quoted path keeps its spaces and backslashes:
// "C:\Program Files\Google\Chrome\Application\chrome.exe" --new-window.
func splitCommand(cmd string) ([]string, error) {
	return windows.DecomposeCommandLine(strings.TrimSpace(cmd))
}
