package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// sfCLI is the Salesforce CLI installed by scripts/bench.sh with npm (Node 22
// from npm: `sf` needs a newer Node than Debian's).
type sfCLI struct {
	dir     string // npm prefix: node_modules/.bin/sf and node live below it
	home    string // HOME for sf, so the bench never touches the user's ~/.sf
	project string // sfdx project folder: it sets oauthLocalPort
	Version string
}

// newSF prepares the installed Salesforce CLI for the bench: every xdg-open
// bundled with the `open` package (which `sf org login web` runs on Linux)
// is replaced by the stamp program, and a project folder sets the OAuth
// callback port (sfdx-core src/webOAuthServer.ts determineOauthPort reads
// oauthLocalPort from sfdx-project.json; the default 1717 could be taken).
func newSF(dir, work, stamp string, port int) (*sfCLI, error) {
	s := &sfCLI{dir: dir, home: filepath.Join(work, "sf-home"), project: filepath.Join(work, "sf-project")}
	if _, err := os.Stat(s.exe()); err != nil {
		return nil, fmt.Errorf("the Salesforce CLI is not installed in %s: %w", dir, err)
	}
	replaced := 0
	err := filepath.WalkDir(filepath.Join(dir, "node_modules"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "xdg-open" || filepath.Base(filepath.Dir(p)) != "open" {
			return err
		}
		replaced++
		return copyFile(stamp, p, 0o755)
	})
	if err != nil {
		return nil, err
	}
	if replaced == 0 {
		return nil, fmt.Errorf("no open/xdg-open under %s: the Salesforce CLI would start a real browser", dir)
	}
	project := map[string]any{"packageDirectories": []map[string]any{{"path": "force-app", "default": true}},
		"sourceApiVersion": "64.0", "oauthLocalPort": port}
	data, _ := json.Marshal(project)
	for _, d := range []string{s.home, filepath.Join(s.project, "force-app")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(s.project, "sfdx-project.json"), data, 0o600); err != nil {
		return nil, err
	}
	cmd := exec.Command(s.exe(), "--version")
	cmd.Env = s.env()
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("sf --version: %w", err)
	}
	s.Version = strings.TrimSpace(string(out))
	return s, nil
}

func (s *sfCLI) exe() string { return filepath.Join(s.dir, "node_modules", ".bin", "sf") }

// env runs sf with npm's Node 22 first on PATH, its own HOME, and nothing
// that would reach the network (telemetry, update checks).
func (s *sfCLI) env() []string {
	return env("HOME="+s.home, "PATH="+filepath.Join(s.dir, "node_modules", ".bin")+":"+os.Getenv("PATH"),
		"SF_DISABLE_TELEMETRY=true", "SFDX_DISABLE_TELEMETRY=true", "SF_AUTOUPDATE_DISABLE=true",
		"SF_SKIP_NEW_VERSION_CHECK=true", "SF_HIDE_RELEASE_NOTES=true", "SF_USE_PROGRESS_BAR=false")
}

// login runs one whole `sf org login web` against the simulator.
func (s *sfCLI) login(b *bench, i int) (launch, wall time.Duration, err error) {
	cmd := exec.Command(s.exe(), "org", "login", "web", "--instance-url", b.sim.URL, "--alias", fmt.Sprintf("bench-%d", i))
	cmd.Dir, cmd.Env = s.project, s.env()
	return b.stampedRun(cmd)
}

// command is the measured command line as the report shows it.
func (s *sfCLI) command(b *bench) string {
	return fmt.Sprintf("sf org login web --instance-url %s --alias bench-N (in a project with oauthLocalPort %d)", b.sim.URL, b.sim.SFPort)
}

func copyFile(from, to string, mode os.FileMode) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	tmp := to + ".bench-tmp"
	if err := os.WriteFile(tmp, data, mode); err != nil {
		return err
	}
	return os.Rename(tmp, to)
}
