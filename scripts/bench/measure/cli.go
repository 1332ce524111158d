package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/sfconnect/sfconnect/internal/profile"
)

// cliLang is the locale of the measured CLI runs: our users' language, whose
// translation files are the larger ones.
const cliLang = "ja_JP.UTF-8"

// floors measures what a process costs before sfconnect does anything: a Go
// hello world, the stamp program alone (the "browser" every launch-to-browser
// span includes), and `sfconnect-cli --version`.
func (b *bench) floors() error {
	runs := []struct {
		key, cmd, exe string
		args          []string
		stamped       bool
	}{
		{"hellogo", "hellogo", "hellogo", nil, false},
		{"stamp", "stamp", "stamp", nil, true},
		{"version", "sfconnect-cli --version", "sfconnect-cli", []string{"--version"}, false},
	}
	for _, r := range runs {
		exe := filepath.Join(b.bin, r.exe)
		var xs []float64
		for i := 0; i < b.floorRuns+1; i++ {
			if err := b.stamp.reset(); err != nil {
				return err
			}
			cmd := exec.Command(exe, r.args...)
			cmd.Env = env("LANG=" + cliLang)
			start, wall, err := timed(cmd)
			if err != nil {
				return err
			}
			if r.stamped {
				t, err := b.stamp.first()
				if err != nil {
					return err
				}
				wall = t.Sub(start)
			}
			if i > 0 { // the first run warms the page cache
				xs = append(xs, ms(wall))
			}
		}
		b.res.add(r.key, r.cmd, summarize(xs, "ms"))
	}
	return nil
}

// sfconnectLogin runs one whole `sfconnect-cli login` against the simulator
// with the stamp program as the browser. It returns the span from exec to
// the browser's start and the whole wall time to the exit, after which the
// profile must be saved.
func (b *bench) sfconnectLogin(i int) (launch, wall time.Duration, err error) {
	// A new config folder each run: every run is an admin's first
	// connection, and the store's name check does not grow with the runs.
	name := fmt.Sprintf("bench-%d", i)
	dir := filepath.Join(b.work, fmt.Sprintf("cli-config-%d", i))
	args := b.sfconnectArgs(name)
	cmd := exec.Command(filepath.Join(b.bin, "sfconnect-cli"), args...)
	cmd.Env = env("LANG="+cliLang, "LC_ALL=", "SFCONNECT_CONFIG_DIR="+dir, "SFCONNECT_CLIENT_SECRET="+b.sim.Secret)
	launch, wall, err = b.stampedRun(cmd)
	if err != nil {
		return 0, 0, err
	}
	if _, err := (&profile.Store{Dir: dir}).Load(name); err != nil {
		return 0, 0, fmt.Errorf("sfconnect-cli exited 0 but the profile is not saved: %w", err)
	}
	return launch, wall, nil
}

// stampedRun runs cmd, whose browser is the stamp program, to its end. It
// returns the span from exec to the browser's start (0 when the browser was
// never started), and the wall time; err says why cmd failed.
func (b *bench) stampedRun(cmd *exec.Cmd) (launch, wall time.Duration, err error) {
	if err := b.stamp.reset(); err != nil {
		return 0, 0, err
	}
	start, wall, err := timed(cmd)
	if t, serr := b.stamp.first(); serr == nil {
		launch = t.Sub(start)
	} else if err == nil {
		err = serr
	}
	return launch, wall, err
}

func (b *bench) sfconnectArgs(name string) []string {
	return []string{"login", "--profile", name, "--org", "sfconnect-demo",
		"--client-id", b.sim.ClientID, "--callback", b.sim.Callback, "--login-url", b.sim.URL,
		"--browser", filepath.Join(b.bin, "stamp"), "--timeout", "60s"}
}

// sfconnectCommand is the measured command line as the report shows it.
func (b *bench) sfconnectCommand() string {
	return fmt.Sprintf("SFCONNECT_CLIENT_SECRET=… LANG=%s sfconnect-cli login --profile bench-N --org sfconnect-demo "+
		"--client-id %s --callback %s --login-url %s --browser stamp", cliLang, b.sim.ClientID, b.sim.Callback, b.sim.URL)
}

// logins runs sfconnect-cli and the Salesforce CLI in turns, one warm-up
// each (not counted), so that the machine's load hits both alike.
func (b *bench) logins() error {
	var launch, wall, sfLaunch, sfWall []float64
	var sfErr error
	n := max(b.runs, b.sfRuns) + 1
	for i := 0; i < n; i++ {
		if i <= b.runs {
			l, w, err := b.sfconnectLogin(i)
			if err != nil {
				return err
			}
			if i > 0 {
				launch, wall = append(launch, ms(l)), append(wall, ms(w))
			}
		}
		if b.sf != nil && i <= b.sfRuns {
			// A Salesforce CLI that opened the browser but then failed still
			// gives its launch span; its sign-in is then not counted.
			l, w, err := b.sf.login(b, i)
			if l == 0 {
				return err
			}
			if err != nil && sfErr == nil {
				sfErr = err
				b.res.notes = append(b.res.notes, "the Salesforce CLI's whole sign-in failed: "+firstLine(err.Error()))
			}
			if i > 0 {
				sfLaunch = append(sfLaunch, ms(l))
				if err == nil {
					sfWall = append(sfWall, ms(w))
				}
			}
		}
		fmt.Fprintf(os.Stderr, ".")
	}
	fmt.Fprintln(os.Stderr)
	b.res.add("launch", b.sfconnectCommand(), summarize(launch, "ms"))
	b.res.add("signin", b.sfconnectCommand(), summarize(wall, "ms"))
	if b.sf != nil {
		b.res.add("sf_launch", b.sf.command(b), summarize(sfLaunch, "ms"))
		b.res.add("sf_signin", b.sf.command(b), summarize(sfWall, "ms"))
	}
	return nil
}
