//go:build !windows

package browser

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSplitCommandFollowsShellQuoting(t *testing.T) {
	tests := []struct {
		cmd  string
		want []string // nil = refused
	}{
		{"firefox", []string{"firefox"}},
		{"  firefox   --new-window  ", []string{"firefox", "--new-window"}},
		{`open -a "Google Chrome"`, []string{"open", "-a", "Google Chrome"}},
		{`'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' --incognito`,
			[]string{"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "--incognito"}},
		{`/opt/my\ browser/run`, []string{"/opt/my browser/run"}},
		{`'C:\Program Files\Browser\b.exe' -x`, []string{`C:\Program Files\Browser\b.exe`, "-x"}},
		{`firefox $HOME`, []string{"firefox", "$HOME"}}, // no expansion: no shell runs it
		{"firefox `id`", []string{"firefox", "`id`"}},   // nor command substitution
		{"firefox #x", []string{"firefox", "#x"}},       // nor comments
		{`firefox "unclosed`, nil},
		{"firefox; rm -rf ~", nil},
		{"firefox | tee log", nil},
	}
	for _, tt := range tests {
		got, err := splitCommand(tt.cmd)
		switch {
		case tt.want == nil && err == nil:
			t.Errorf("splitCommand(%q) = %q, want it refused", tt.cmd, got)
		case tt.want != nil && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("splitCommand(%q) = %q, %v; want %q", tt.cmd, got, err, tt.want)
		}
	}
}

// A browser installed under a folder with a space in its name runs when
// its path is quoted, and gets the URL as its last argument.
func TestCommandRunsAQuotedPathWithSpaces(t *testing.T) {
	script, log := recorder(t, "exit 0")
	dir := filepath.Join(t.TempDir(), "Program Files", "My Browser")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	spaced := filepath.Join(dir, "browser")
	if err := os.Rename(script, spaced); err != nil {
		t.Fatal(err)
	}
	if err := Command(`"`+spaced+`" --new-window`, mustURL(t, signIn)); err != nil {
		t.Fatalf("Command: %v", err)
	}
	if got := opened(t, log); got != "--new-window "+signIn {
		t.Errorf("the browser got %q", got)
	}
	if err := Command(spaced+" --new-window", mustURL(t, signIn)); err == nil {
		t.Error("the unquoted path with a space ran")
	}
}
