// Command measure is the measuring half of `make bench`. scripts/bench.sh
// builds the programs, installs the Salesforce CLI with npm and starts this
// under a private Secret Service (scripts/with-keyring.sh); measure runs
// every benchmark of issue 12, prints the figures and writes BENCHMARKS.md.
// It never fails on a time, only when something could not be measured.
//
// `measure fetch URL` is the scripted browser that the stamp program starts:
// it GETs the authorize URL and follows the redirects to the callback.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// bench is one run of the benchmarks and what it found.
type bench struct {
	bin, repo, work, dist            string
	runs, sfRuns, guiRuns, floorRuns int
	sim                              *benchSim
	sf                               *sfCLI
	stamp                            stamper
	res                              results
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "fetch" {
		fetch(os.Args[2])
		return
	}
	b := &bench{}
	var sfDir, out, notesFile, parts string
	flag.StringVar(&b.bin, "bin", "", "folder with sfconnect, sfconnect-cli, hellofyne, hellogo and stamp")
	flag.StringVar(&b.repo, "repo", ".", "the repository (for go test)")
	flag.StringVar(&b.work, "work", "", "scratch folder; the stamp program writes work/stamps")
	flag.StringVar(&b.dist, "dist", "", "release artifacts from scripts/dist.sh (empty: sizes are not measured)")
	flag.StringVar(&sfDir, "sf", "", "npm folder holding the Salesforce CLI (empty: no side-by-side)")
	flag.StringVar(&out, "out", "BENCHMARKS.md", "report to write")
	flag.StringVar(&notesFile, "notes", "", "closing notes appended to the report")
	flag.StringVar(&parts, "parts", "cli,go,gui,sizes", "what to measure")
	flag.IntVar(&b.runs, "runs", 20, "sfconnect-cli sign-ins")
	flag.IntVar(&b.sfRuns, "sf-runs", 5, "Salesforce CLI sign-ins")
	flag.IntVar(&b.guiRuns, "gui-runs", 7, "starts of each window per locale")
	flag.IntVar(&b.floorRuns, "floor-runs", 30, "runs of --version and the hello worlds")
	flag.Parse()
	if b.bin == "" || b.work == "" {
		fmt.Fprintln(os.Stderr, "usage: measure -bin DIR -work DIR [-sf DIR] [-dist DIR] [-out FILE]")
		os.Exit(2)
	}
	b.stamp = stamper{file: filepath.Join(b.work, "stamps")}
	started, m := time.Now(), describeMachine()
	failed := b.measure(parts, sfDir)
	var notes []byte
	if notesFile != "" {
		notes, _ = os.ReadFile(notesFile)
	}
	var sb strings.Builder
	b.report(&sb, m, started, string(notes))
	fmt.Print(sb.String())
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

// measure runs the parts asked for; a part that cannot run is noted in the
// report and makes the run fail, but the other parts still run.
func (b *bench) measure(parts, sfDir string) (failed bool) {
	step := func(name string, f func() error) {
		fmt.Fprintf(os.Stderr, "bench: %s\n", name)
		if err := f(); err != nil {
			fmt.Fprintf(os.Stderr, "bench: %s: %v\n", name, err)
			b.res.notes = append(b.res.notes, fmt.Sprintf("%s: %s", name, firstLine(err.Error())))
			failed = true
		}
	}
	want := func(p string) bool { return strings.Contains(","+parts+",", ","+p+",") }
	if want("cli") {
		step("simulator", func() (err error) { b.sim, err = startSim(context.Background()); return err })
		if b.sim != nil {
			defer b.sim.Close()
			if sfDir == "" {
				b.res.notes = append(b.res.notes, "the Salesforce CLI side by side: no -sf folder given")
			} else {
				step("Salesforce CLI setup", func() (err error) {
					b.sf, err = newSF(sfDir, b.work, filepath.Join(b.bin, "stamp"), b.sim.SFPort)
					return err
				})
			}
			step("CLI floors", b.floors)
			step("CLI sign-ins", b.logins)
		}
		step("start-up evidence", b.startupEvidence)
	}
	if want("go") {
		step("Go benchmark", b.goBench)
		step("leak test", b.leaks)
	}
	if want("gui") {
		step("GUI", b.guis)
	}
	if want("sizes") {
		if b.dist == "" {
			b.res.notes = append(b.res.notes, "sizes: no -dist folder given")
		} else {
			step("sizes", b.sizes)
		}
	}
	return failed
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// fetch plays a browser whose user has already allowed the app.
func fetch(u string) {
	c := &http.Client{Timeout: 60 * time.Second}
	resp, err := c.Get(u)
	if err != nil {
		os.Exit(1)
	}
	resp.Body.Close()
}
