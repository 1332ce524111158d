// Command pecheck checks that a Windows executable built by scripts/dist.sh is
// what a double-click needs: the right subsystem (a GUI exe must not open a
// console window), an icon group for Explorer and the taskbar, a version
// resource matching the release, and an application manifest.
//
//	go run ./packaging/pecheck -subsystem gui -icon -manifest -version 0.1.0 dist/.../sfconnect.exe
//	go run ./packaging/pecheck -subsystem console dist/.../sfconnect-cli.exe
//
// It prints one line per check and exits 1 when any check fails, 2 on usage
// errors. Only the standard library's debug/pe is used.
package main

import (
	"debug/pe"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Want lists what an executable must carry.
type Want struct {
	Subsystem string // "gui" or "console"
	Icon      bool   // an RT_GROUP_ICON resource
	Manifest  bool   // an RT_MANIFEST declaring Common Controls v6 and per-monitor DPI
	Version   string // "" or MAJOR.MINOR.PATCH the file version must start with
}

// Result is one check and whether it passed.
type Result struct {
	OK   bool
	Text string
}

// Check compares what Inspect found with what is wanted.
func Check(info *Info, w Want) []Result {
	var out []Result
	add := func(ok bool, format string, args ...any) {
		out = append(out, Result{OK: ok, Text: fmt.Sprintf(format, args...)})
	}
	add(info.Machine == pe.IMAGE_FILE_MACHINE_AMD64, "machine %#x (want AMD64 %#x)", info.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	switch w.Subsystem {
	case "gui":
		add(info.Subsystem == subsystemGUI, "subsystem %d (want %d, Windows GUI: no console window)", info.Subsystem, subsystemGUI)
	case "console":
		add(info.Subsystem == subsystemConsole, "subsystem %d (want %d, Windows console)", info.Subsystem, subsystemConsole)
	}
	if w.Icon {
		add(info.Types[rtGroupIcon] && info.Types[rtIcon], "RT_GROUP_ICON and RT_ICON resources present: %t", info.Types[rtGroupIcon] && info.Types[rtIcon])
	}
	if w.Version != "" {
		add(strings.HasPrefix(info.FileVersion+".", w.Version+"."), "VERSIONINFO file version %q (want %s.*)", info.FileVersion, w.Version)
	}
	if w.Manifest {
		m := info.Manifest
		add(m != "", "RT_MANIFEST present: %t", m != "")
		add(strings.Contains(m, "Microsoft.Windows.Common-Controls") && strings.Contains(m, `version="6.0.0.0"`),
			"manifest asks for Common Controls v6")
		add(strings.Contains(m, "PerMonitorV2"), "manifest declares per-monitor v2 DPI awareness")
		add(!strings.Contains(m, "requireAdministrator"), "manifest does not ask for administrator rights")
	}
	return out
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var w Want
	fs.StringVar(&w.Subsystem, "subsystem", "", `required subsystem: "gui" or "console"`)
	fs.BoolVar(&w.Icon, "icon", false, "require an icon group resource")
	fs.BoolVar(&w.Manifest, "manifest", false, "require an application manifest (Common Controls v6, PerMonitorV2 DPI)")
	fs.StringVar(&w.Version, "version", "", "require this MAJOR.MINOR.PATCH in the version resource")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (w.Subsystem != "gui" && w.Subsystem != "console") || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: pecheck -subsystem gui|console [-icon] [-manifest] [-version X.Y.Z] FILE.exe...")
		return 2
	}
	failed := false
	for _, path := range fs.Args() {
		results, err := checkFile(path, w)
		if err != nil {
			fmt.Fprintf(stdout, "FAIL %s: %v\n", path, err)
			failed = true
			continue
		}
		for _, r := range results {
			status := "ok  "
			if !r.OK {
				status = "FAIL"
				failed = true
			}
			fmt.Fprintf(stdout, "%s %s: %s\n", status, path, r.Text)
		}
	}
	if failed {
		return 1
	}
	return 0
}

func checkFile(path string, w Want) ([]Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := Inspect(f)
	if err != nil {
		return nil, err
	}
	return Check(info, w), nil
}
