//go:build windows

package browser

import (
	"slices"
	"testing"
)

// Windows splits a command line by its own rules (CommandLineToArgvW): a
// backslash is a plain character except before a quote.
func TestSplitCommandFollowsWindowsQuoting(t *testing.T) {
	tests := []struct {
		cmd  string
		want []string
	}{
		{`"C:\Program Files\Google\Chrome\Application\chrome.exe" --new-window`,
			[]string{`C:\Program Files\Google\Chrome\Application\chrome.exe`, "--new-window"}},
		{`C:\Tools\browser.exe`, []string{`C:\Tools\browser.exe`}},
		{`  "C:\Program Files (x86)\Mozilla Firefox\firefox.exe"  -private-window `,
			[]string{`C:\Program Files (x86)\Mozilla Firefox\firefox.exe`, "-private-window"}},
		{`msedge.exe "--profile-directory=Profile 1"`, []string{"msedge.exe", "--profile-directory=Profile 1"}},
		{"", []string{}},
	}
	for _, tt := range tests {
		got, err := splitCommand(tt.cmd)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("splitCommand(%q) = %q, %v; want %q", tt.cmd, got, err, tt.want)
		}
	}
}
