package version

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// repoRoot is where FyneApp.toml and the icon live, two levels up.
var repoRoot = filepath.Join("..", "..")

// fyneDetails reads the key = "value" pairs of the [Details] table of
// FyneApp.toml. The file is ours and flat, so a line scanner is enough and
// keeps go.mod free of a TOML module.
func fyneDetails(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "FyneApp.toml"))
	if err != nil {
		t.Fatalf("open FyneApp.toml: %v", err)
	}
	defer f.Close()
	out := map[string]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			out["section:"+section] = "present"
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok || section != "Details" {
			continue
		}
		out[strings.TrimSpace(key)] = strings.Trim(strings.TrimSpace(val), `"`)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read FyneApp.toml: %v", err)
	}
	return out
}

func TestFyneAppTomlMatchesVersionFile(t *testing.T) {
	d := fyneDetails(t)
	tests := []struct{ key, want string }{
		{"Version", Version},
		{"ID", "jp.sfconnect.app"}, // cmd/sfconnect calls app.NewWithID with this ID
		{"Name", "sfconnect"},
		{"Icon", "assets/icon.png"},
	}
	for _, tt := range tests {
		if got := d[tt.key]; got != tt.want {
			t.Errorf("FyneApp.toml [Details] %s = %q, want %q", tt.key, got, tt.want)
		}
	}
	if b, err := strconv.Atoi(d["Build"]); err != nil || b < 1 {
		t.Errorf("FyneApp.toml [Details] Build = %q, want a positive integer", d["Build"])
	}
	if _, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(d["Icon"]))); err != nil {
		t.Errorf("icon named by FyneApp.toml: %v", err)
	}
	// [Migrations] fyneDo = true would need -tags migrated_fynedo on every
	// build, go build and go test included; we do not opt in.
	if d["section:Migrations"] != "" {
		t.Errorf("FyneApp.toml has a [Migrations] table; builds do not pass -tags migrated_fynedo")
	}
}

// TestVersionFitsMSI checks the rules Windows Installer puts on
// ProductVersion (major.minor.build, major and minor at most 255, build at most
// 65535), and that fyne's VERSIONINFO can take it: digits only.
func TestVersionFitsMSI(t *testing.T) {
	m := regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)$`).FindStringSubmatch(Version)
	if m == nil {
		t.Fatalf("Version %q is not MAJOR.MINOR.PATCH", Version)
	}
	limits := []int{255, 255, 65535}
	for i, lim := range limits {
		n, _ := strconv.Atoi(m[i+1])
		if n > lim {
			t.Errorf("Version %q: field %d is %d, MSI allows at most %d", Version, i+1, n, lim)
		}
	}
	if strings.TrimSpace(versionFile) != versionFile[:len(versionFile)-1] || !strings.HasSuffix(versionFile, "\n") {
		t.Errorf("VERSION file should be one line ending in a newline, got %q", versionFile)
	}
}

func TestString(t *testing.T) {
	defer func(c, d string) { Commit, Date = c, d }(Commit, Date)
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name, commit, date, want string
	}{
		{"plain go build", "", "", "sfconnect " + Version + " (" + runtime.Version() + ", " + platform + ")"},
		{"release build", "abc1234", "2026-01-02",
			"sfconnect " + Version + " (commit abc1234, 2026-01-02, " + runtime.Version() + ", " + platform + ")"},
		{"commit only", "abc1234", "", "sfconnect " + Version + " (commit abc1234, " + runtime.Version() + ", " + platform + ")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Commit, Date = tt.commit, tt.date
			if got := String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}
