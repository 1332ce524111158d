package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// goBenchCmd is the Go benchmark of the Connect use case, as the report shows it.
var goBenchCmd = []string{"go", "test", "-run", "^$", "-bench", "^BenchmarkConnect$", "-benchmem", "-count", "6", "./internal/app/"}

// goBench runs BenchmarkConnect and reports the median of each metric.
func (b *bench) goBench() error {
	out, err := b.goCmd(goBenchCmd...)
	if err != nil {
		return err
	}
	metrics := map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkConnect") {
			continue
		}
		for i := 2; i+1 < len(f); i += 2 { // value unit pairs after the name and b.N
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				metrics[f[i+1]] = append(metrics[f[i+1]], v)
			}
		}
	}
	if len(metrics["ns/op"]) == 0 {
		return fmt.Errorf("%s printed no result:\n%s", strings.Join(goBenchCmd, " "), lastLines(string(out), 20))
	}
	cmd := strings.Join(goBenchCmd, " ")
	b.res.add("connect_ns", cmd, summarize(scale(metrics["ns/op"], 1e-6), "ms"))
	b.res.add("connect_sim", cmd, summarize(scale(metrics["sim-ns/op"], 1e-6), "ms"))
	b.res.add("connect_overhead", cmd, summarize(scale(metrics["overhead-ns/op"], 1e-6), "ms"))
	b.res.add("connect_bytes", cmd, summarize(scale(metrics["B/op"], 1.0/1024), "KiB"))
	b.res.add("connect_allocs", cmd, summarize(metrics["allocs/op"], "allocs"))
	return nil
}

// leakCmd is the leak test, run verbosely for its figures.
var leakCmd = []string{"go", "test", "-count=1", "-run", "^TestConnectLeaksNothing$", "-v", "./internal/app/"}

// leakLine is what the leak test logs.
var leakLine = regexp.MustCompile(`(\d+) sign-ins: goroutines (\d+) before, (\d+) after; open fds (\d+) before, (\d+) after`)

// leaks runs the leak test and keeps its verdict and figures.
func (b *bench) leaks() error {
	out, err := b.goCmd(leakCmd...)
	b.res.leak = leakResult{Command: strings.Join(leakCmd, " "), Passed: err == nil}
	if m := leakLine.FindStringSubmatch(string(out)); m != nil {
		b.res.leak.Figures = m[0]
	} else {
		return fmt.Errorf("the leak test printed no figures:\n%s", lastLines(string(out), 30))
	}
	return nil
}

// goCmd runs the go tool in the repository, with the test environment.
func (b *bench) goCmd(args ...string) ([]byte, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = b.repo
	cmd.Env = env("LANG=en_US.UTF-8")
	cmd.Stderr = os.Stderr
	return cmd.Output()
}

func scale(xs []float64, f float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x * f
	}
	return out
}
