// Package version tells which sfconnect build is running.
//
// The release number has one source: the file VERSION beside this package,
// embedded at compile time, so `go build`, `go run`, `go test` and the
// packaging scripts all agree without any flag. The root FyneApp.toml repeats
// it for `fyne package`; a test keeps the two equal. The commit and build date
// are not in the tree, so scripts/dist.sh injects them with
// -ldflags "-X github.com/sfconnect/sfconnect/internal/version.Commit=...".
package version

import (
	_ "embed"
	"fmt"
	"runtime"
	"strings"
)

//go:embed VERSION
var versionFile string

// Version is the release number, e.g. "0.1.0" (semantic version, no "v").
var Version = strings.TrimSpace(versionFile)

// Commit is the short git commit the binary was built from; release builds set
// it with -ldflags -X. Empty in a plain `go build`.
var Commit string

// Date is the UTC build date (RFC 3339 or YYYY-MM-DD), set like Commit.
var Date string

// String describes the build in one line for `--version` and bug reports:
// "sfconnect 0.1.0 (commit abc1234, 2026-01-02, go1.26.8, windows/amd64)".
func String() string {
	parts := make([]string, 0, 4)
	if Commit != "" {
		parts = append(parts, "commit "+Commit)
	}
	if Date != "" {
		parts = append(parts, Date)
	}
	parts = append(parts, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH)
	return fmt.Sprintf("sfconnect %s (%s)", Version, strings.Join(parts, ", "))
}
