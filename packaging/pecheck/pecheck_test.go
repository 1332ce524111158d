package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildHello cross-compiles a tiny Windows program with the given linker
// flags, optionally with a resource .syso beside it, and returns the exe path.
func buildHello(t *testing.T, ldflags, syso string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("cross-compiles a Windows exe")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":  "module hello\n\ngo 1.22\n",
		"main.go": "package main\n\nfunc main() { println(\"hello\") }\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if syso != "" {
		b, err := os.ReadFile(syso)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "rsrc_windows_amd64.syso"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exe := filepath.Join(dir, "hello.exe")
	cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", exe, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

func inspectFile(t *testing.T, path string) *Info {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := Inspect(f)
	if err != nil {
		t.Fatalf("Inspect(%s): %v", path, err)
	}
	return info
}

func failures(rs []Result) []string {
	var out []string
	for _, r := range rs {
		if !r.OK {
			out = append(out, r.Text)
		}
	}
	return out
}

func TestSubsystemOfGoBuilds(t *testing.T) {
	tests := []struct {
		name, ldflags string
		want          uint16
	}{
		{"plain build is a console exe", "-s -w", subsystemConsole},
		{"-H=windowsgui is a GUI exe", "-s -w -H=windowsgui", subsystemGUI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := inspectFile(t, buildHello(t, tt.ldflags, ""))
			if info.Subsystem != tt.want {
				t.Errorf("subsystem = %d, want %d", info.Subsystem, tt.want)
			}
			if info.Types[rtGroupIcon] {
				t.Errorf("a build without resources reports an icon group")
			}
		})
	}
}

func TestCheckFailsWithoutResources(t *testing.T) {
	info := inspectFile(t, buildHello(t, "-H=windowsgui", ""))
	got := failures(Check(info, Want{Subsystem: "gui", Icon: true, Manifest: true, Version: "0.1.0"}))
	if len(got) < 3 {
		t.Errorf("want failures for icon, manifest and version, got %q", got)
	}
	if got := failures(Check(info, Want{Subsystem: "console"})); len(got) != 1 {
		t.Errorf("a GUI exe checked as console: failures %q, want exactly the subsystem one", got)
	}
}

// TestShippedResources builds the real resources (scripts/winres.sh: icon,
// VERSIONINFO, manifest) into an exe and checks pecheck sees all of them.
func TestShippedResources(t *testing.T) {
	if _, err := exec.LookPath("x86_64-w64-mingw32-windres"); err != nil {
		t.Skip("x86_64-w64-mingw32-windres not installed")
	}
	syso := filepath.Join(t.TempDir(), "rsrc.syso")
	cmd := exec.Command("bash", filepath.Join("..", "..", "scripts", "winres.sh"), syso, "hello", "Hello test", "1.2.3")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("winres.sh: %v\n%s", err, out)
	}
	info := inspectFile(t, buildHello(t, "-H=windowsgui", syso))
	if got := failures(Check(info, Want{Subsystem: "gui", Icon: true, Manifest: true, Version: "1.2.3"})); len(got) > 0 {
		t.Errorf("failures: %q", got)
	}
	if info.FileVersion != "1.2.3.0" {
		t.Errorf("FileVersion = %q, want 1.2.3.0", info.FileVersion)
	}
	if got := failures(Check(info, Want{Subsystem: "gui", Version: "1.2.4"})); len(got) != 1 {
		t.Errorf("a wrong version must fail exactly one check, got %q", got)
	}
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no subsystem", []string{"x.exe"}, 2},
		{"no file", []string{"-subsystem", "gui"}, 2},
		{"unknown flag", []string{"-bogus"}, 2},
		{"missing file", []string{"-subsystem", "gui", filepath.Join(t.TempDir(), "absent.exe")}, 1},
		{"not a PE file", []string{"-subsystem", "gui", "pe.go"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := run(tt.args, &out, &errOut); got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstdout: %s\nstderr: %s", tt.args, got, tt.want, out.String(), errOut.String())
			}
			if tt.want == 1 && !strings.Contains(out.String(), "FAIL") {
				t.Errorf("a failing run must print FAIL, got %q", out.String())
			}
		})
	}
}

// resDir encodes an IMAGE_RESOURCE_DIRECTORY with the given ID entries.
func resDir(entries ...[2]uint32) []byte {
	b := make([]byte, 16, 16+8*len(entries))
	binary.LittleEndian.PutUint16(b[14:], uint16(len(entries)))
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint32(b, e[0])
		b = binary.LittleEndian.AppendUint32(b, e[1])
	}
	return b
}

func TestResourceTreeMalformed(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"short header", make([]byte, 10)},
		{"entries past the end", func() []byte { b := make([]byte, 16); b[14] = 5; return b }()},
		{"version subdir out of range", resDir([2]uint32{rtVersion, 0x80000000 | 0xffff})},
		{"manifest data entry out of range", resDir([2]uint32{rtManifest, 0x7fff})},
		{"self-referencing subdir", resDir([2]uint32{rtVersion, 0x80000000})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := &resourceTree{data: tt.data, rva: 0x1000}
			err := rt.fill(&Info{Types: map[uint32]bool{}})
			if !errors.Is(err, errMalformed) {
				t.Errorf("fill = %v, want errMalformed", err)
			}
		})
	}
}

func TestResourceTreeManifest(t *testing.T) {
	const rva = 0x2000
	manifest := []byte("<assembly>PerMonitorV2</assembly>")
	// root dir (24 bytes) -> data entry at 24 (16 bytes) -> bytes at 40.
	data := resDir([2]uint32{rtManifest, 24})
	data = binary.LittleEndian.AppendUint32(data, rva+40)
	data = binary.LittleEndian.AppendUint32(data, uint32(len(manifest)))
	data = append(data, make([]byte, 8)...)
	data = append(data, manifest...)
	info := &Info{Types: map[uint32]bool{}}
	if err := (&resourceTree{data: data, rva: rva}).fill(info); err != nil {
		t.Fatalf("fill: %v", err)
	}
	if info.Manifest != string(manifest) || !info.Types[rtManifest] {
		t.Errorf("got manifest %q types %v", info.Manifest, info.Types)
	}
}

func FuzzResourceTree(f *testing.F) {
	f.Add([]byte{}, uint32(0x1000))
	f.Add(resDir([2]uint32{rtGroupIcon, 0x80000000 | 24}), uint32(0x1000))
	f.Add(resDir([2]uint32{rtVersion, 0x80000000 | 24}, [2]uint32{rtManifest, 40}), uint32(0))
	f.Add(append(resDir([2]uint32{rtManifest, 24}), 0x28, 0x10, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'a', 'b', 'c', 'd'), uint32(0x1000))
	f.Fuzz(func(t *testing.T, data []byte, rva uint32) {
		info := &Info{Types: map[uint32]bool{}}
		// Must never panic or loop; an error is fine.
		_ = (&resourceTree{data: data, rva: rva}).fill(info)
		_ = fixedFileVersion(data)
	})
}
