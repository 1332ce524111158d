package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// figure is one measured quantity and the command that produced it.
type figure struct {
	Command string
	Stat    stat
}

// leakResult is the leak test's verdict and the line it logged.
type leakResult struct {
	Command string
	Passed  bool
	Figures string
}

// initCost sums GODEBUG=inittrace=1 for one program.
type initCost struct {
	Packages int
	Total    float64 // ms, median over the runs
	Top      []string
}

// results is everything one bench run found.
type results struct {
	figs      map[string]figure
	artifacts []artifact
	binaries  []binarySizes
	leak      leakResult
	inits     map[string]initCost // "sfconnect-cli --version", "hellogo"
	notes     []string            // what was not measured, and why
}

func (r *results) add(key, command string, s stat) {
	if r.figs == nil {
		r.figs = map[string]figure{}
	}
	r.figs[key] = figure{Command: command, Stat: s}
}

// median returns a figure's median, or 0 when it was not measured.
func (r *results) median(key string) float64 { return r.figs[key].Stat.Median }

// initTrace runs exe with GODEBUG=inittrace=1 a few times and sums the
// package initializers: what every start pays before main runs.
func initTrace(exe string, args ...string) (initCost, error) {
	const runs = 7
	var totals []float64
	perPkg := map[string]float64{}
	var c initCost
	for i := 0; i < runs; i++ {
		cmd := exec.Command(exe, args...)
		cmd.Env = env("GODEBUG=inittrace=1", "LANG="+cliLang)
		var errOut strings.Builder
		cmd.Stderr = &errOut
		if err := cmd.Run(); err != nil {
			return c, fmt.Errorf("%s: %w", exe, err)
		}
		total, n := 0.0, 0
		for _, line := range strings.Split(errOut.String(), "\n") {
			// init net/http @12 ms, 0.028 ms clock, 4712 bytes, 49 allocs
			f := strings.Fields(line)
			if len(f) < 6 || f[0] != "init" {
				continue
			}
			v, err := strconv.ParseFloat(f[4], 64)
			if err != nil {
				continue
			}
			total += v
			perPkg[f[1]] += v / runs
			n++
		}
		totals = append(totals, total)
		c.Packages = n
	}
	c.Total = summarize(totals, "ms").Median
	type pkg struct {
		name string
		ms   float64
	}
	var all []pkg
	for k, v := range perPkg {
		all = append(all, pkg{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ms > all[j].ms })
	for _, p := range all[:min(5, len(all))] {
		c.Top = append(c.Top, fmt.Sprintf("%s %.3f ms", p.name, p.ms))
	}
	return c, nil
}

// startupEvidence records the init costs of the CLI and of a hello world.
func (b *bench) startupEvidence() error {
	b.res.inits = map[string]initCost{}
	for name, exe := range map[string]string{"sfconnect-cli --version": "sfconnect-cli", "hellogo": "hellogo"} {
		var args []string
		if exe == "sfconnect-cli" {
			args = []string{"--version"}
		}
		c, err := initTrace(b.path(exe), args...)
		if err != nil {
			return err
		}
		b.res.inits[name] = c
	}
	return nil
}

func (b *bench) path(exe string) string { return filepath.Join(b.bin, exe) }
