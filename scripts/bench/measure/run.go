package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// stamper reads the times the stamp program (scripts/bench/stamp) wrote.
type stamper struct{ file string }

// reset forgets earlier stamps.
func (s stamper) reset() error { return os.WriteFile(s.file, nil, 0o600) }

// first returns the first stamp written since reset.
func (s stamper) first() (time.Time, error) {
	data, err := os.ReadFile(s.file)
	if err != nil {
		return time.Time{}, err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	ns, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("no stamp: the browser command was not run (%q)", line)
	}
	return time.Unix(0, ns), nil
}

// timed runs cmd to its end and returns when it started and its wall time.
// The start is taken just before fork and exec, so both are measured.
func timed(cmd *exec.Cmd) (start time.Time, wall time.Duration, err error) {
	var out bytes.Buffer
	if cmd.Stdout == nil {
		cmd.Stdout = &out
	}
	if cmd.Stderr == nil {
		cmd.Stderr = &out
	}
	start = time.Now()
	if err = cmd.Start(); err != nil {
		return start, 0, err
	}
	err = cmd.Wait()
	wall = time.Since(start)
	if err != nil {
		err = fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, lastLines(out.String(), 15))
	}
	return start, wall, err
}

// lastLines keeps the end of a command's output for an error message.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// ms converts a duration to milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// env returns the process environment with the given overrides.
func env(overrides ...string) []string {
	out := os.Environ()
	for _, kv := range overrides {
		k, _, _ := strings.Cut(kv, "=")
		out = withoutVar(out, k)
		out = append(out, kv)
	}
	return out
}

func withoutVar(envv []string, k string) []string {
	var out []string
	for _, kv := range envv {
		if !strings.HasPrefix(kv, k+"=") {
			out = append(out, kv)
		}
	}
	return out
}
