package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/sfconnect/sfconnect/ui/firstframe"
)

// xvfb is a private X server: -displayfd lets it pick a free display, so
// benches and tests on the same machine never collide.
type xvfb struct {
	cmd     *exec.Cmd
	display string
}

func startXvfb() (*xvfb, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		return nil, fmt.Errorf("start Xvfb: %w", err)
	}
	w.Close()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("Xvfb gave no display number: %w", err)
	}
	return &xvfb{cmd: cmd, display: ":" + strings.TrimSpace(line)}, nil
}

func (x *xvfb) Close() {
	_ = x.cmd.Process.Signal(syscall.SIGTERM)
	_ = x.cmd.Wait()
}

// guiRun is one start of a window: exec to first frame, and the resident
// memory once it has settled.
type guiRun struct {
	firstFrame time.Duration
	cpu        time.Duration // CPU time of all its threads when the frame was reported
	rss        memory
}

// memory is a process's resident set, from /proc/<pid>/status, in MiB.
type memory struct{ Total, Anon, File float64 }

// startGUI runs exe under the X server until its first frame and its memory
// has settled, then stops it. home is its HOME (Fyne's preferences and its
// font cache live there).
func (b *bench) startGUI(x *xvfb, exe, home, lang string) (guiRun, error) {
	cmd := exec.Command(exe)
	// The XDG folders follow HOME: Fyne's preferences and go-text's font
	// index live there, and each app's first start must build its own.
	cmd.Env = env("DISPLAY="+x.display, "HOME="+home, "LANG="+lang, "LC_ALL=",
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"SFCONNECT_CONFIG_DIR="+filepath.Join(home, "config"), firstframe.EnvVar+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return guiRun{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return guiRun{}, err
	}
	defer stop(cmd)
	frame := make(chan time.Time, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if ns, ok := strings.CutPrefix(sc.Text(), firstframe.Prefix); ok {
				if v, err := strconv.ParseInt(ns, 10, 64); err == nil {
					frame <- time.Unix(0, v)
				}
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	var run guiRun
	select {
	case t := <-frame:
		run.firstFrame = t.Sub(start)
		if run.cpu, err = cpuTime(cmd.Process.Pid); err != nil {
			return guiRun{}, err
		}
	case <-time.After(60 * time.Second):
		return guiRun{}, fmt.Errorf("%s: no first frame within 60 s", filepath.Base(exe))
	}
	run.rss, err = settledRSS(cmd.Process.Pid)
	return run, err
}

// stop ends a window: SIGTERM, then SIGKILL if it has not exited within
// 5 s. A Fyne app quits on SIGTERM, but once in a long run the hello world
// hung in its quit and the bench with it.
func stop(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

// settledRSS samples the resident set every 100 ms until it has stayed
// within 256 KiB for 2 s (Home has finished drawing), but at least 3 s, so
// that the app has given back its start-up garbage (a second after the
// first frame), and at most 15 s.
func settledRSS(pid int) (memory, error) {
	const step = 100 * time.Millisecond
	var last memory
	stable := time.Duration(0)
	for waited := step; waited < 15*time.Second; waited += step {
		time.Sleep(step)
		m, err := readRSS(pid)
		if err != nil {
			return memory{}, err
		}
		if d := m.Total - last.Total; d < 0.25 && d > -0.25 {
			stable += step
		} else {
			stable = 0
		}
		last = m
		if stable >= 2*time.Second && waited >= 3*time.Second {
			break
		}
	}
	return last, nil
}

// cpuTime adds up the time a process's threads have run, in ns, from
// /proc/<pid>/task/*/schedstat: unlike wall time it hardly depends on what
// else the machine is doing.
func cpuTime(pid int) (time.Duration, error) {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(tasks) == 0 {
		return 0, fmt.Errorf("no schedstat for pid %d: %v", pid, err)
	}
	var total time.Duration
	for _, t := range tasks {
		data, err := os.ReadFile(t)
		if err != nil {
			continue // the thread has just ended
		}
		if f := strings.Fields(string(data)); len(f) > 0 {
			ns, _ := strconv.ParseInt(f[0], 10, 64)
			total += time.Duration(ns)
		}
	}
	return total, nil
}

func readRSS(pid int) (memory, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, fmt.Errorf("the window exited early: %w", err)
	}
	var m memory
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			m.Total = kb / 1024
		case "RssAnon:":
			m.Anon = kb / 1024
		case "RssFile:":
			m.File = kb / 1024
		}
	}
	return m, nil
}

// guiLangs are the locales the windows are started in: Japanese, our users'
// (its texts need a CJK font), and English, where sfconnect and the hello
// world draw the same script.
var guiLangs = []struct{ key, locale string }{{"ja", "ja_JP.UTF-8"}, {"en", "en_US.UTF-8"}}

// guis starts sfconnect and the Fyne hello world in turns under one Xvfb.
// Each app and locale has its own HOME; its first start (font cache and
// preferences created) is reported apart and not counted in the runs.
func (b *bench) guis() error {
	x, err := startXvfb()
	if err != nil {
		return err
	}
	defer x.Close()
	apps := []struct{ key, exe string }{
		{"gui", filepath.Join(b.bin, "sfconnect")},
		{"hello", filepath.Join(b.bin, "hellofyne")},
	}
	for _, l := range guiLangs {
		frames := map[string][]float64{}
		cpus := map[string][]float64{}
		rss := map[string][]float64{}
		anon := map[string][]float64{}
		for i := 0; i <= b.guiRuns; i++ {
			for _, a := range apps {
				home := filepath.Join(b.work, "gui-home-"+a.key+"-"+l.key)
				if err := os.MkdirAll(home, 0o700); err != nil {
					return err
				}
				r, err := b.startGUI(x, a.exe, home, l.locale)
				if err != nil {
					return err
				}
				if i == 0 {
					cmd := fmt.Sprintf("%s=1 LANG=%s HOME=<new folder> %s", firstframe.EnvVar, l.locale, filepath.Base(a.exe))
					b.res.add(a.key+"_"+l.key+"_cold", cmd, summarize([]float64{ms(r.firstFrame)}, "ms"))
					continue
				}
				frames[a.key] = append(frames[a.key], ms(r.firstFrame))
				cpus[a.key] = append(cpus[a.key], ms(r.cpu))
				rss[a.key] = append(rss[a.key], r.rss.Total)
				anon[a.key] = append(anon[a.key], r.rss.Anon)
			}
			fmt.Fprint(os.Stderr, ".")
		}
		for _, a := range apps {
			cmd := fmt.Sprintf("%s=1 LANG=%s %s (under Xvfb)", firstframe.EnvVar, l.locale, filepath.Base(a.exe))
			b.res.add(a.key+"_"+l.key+"_frame", cmd, summarize(frames[a.key], "ms"))
			b.res.add(a.key+"_"+l.key+"_cpu", cmd, summarize(cpus[a.key], "ms"))
			b.res.add(a.key+"_"+l.key+"_rss", cmd, summarize(rss[a.key], "MiB"))
			b.res.add(a.key+"_"+l.key+"_anon", cmd, summarize(anon[a.key], "MiB"))
		}
	}
	fmt.Fprintln(os.Stderr)
	return nil
}
