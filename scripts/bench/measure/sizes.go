package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// artifact is one release file and its size.
type artifact struct {
	Name string
	Size int64
}

// binarySizes are the two programs' sizes on one platform; 0 = not built.
type binarySizes struct {
	Platform string
	GUI, CLI int64
	Note     string
}

// sizes reads the release artifacts scripts/dist.sh wrote into dist and the
// binaries inside them (unpacked with tar and msiextract).
func (b *bench) sizes() error {
	entries, err := os.ReadDir(b.dist)
	if err != nil {
		return fmt.Errorf("read %s: %w", b.dist, err)
	}
	found := map[string]string{} // platform/kind -> unpacked file
	for _, e := range entries {
		if e.IsDir() || e.Name() == "SHA256SUMS" {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		b.res.artifacts = append(b.res.artifacts, artifact{Name: e.Name(), Size: info.Size()})
		dir := filepath.Join(b.work, "unpacked", e.Name())
		if err := unpack(filepath.Join(b.dist, e.Name()), dir); err != nil {
			return err
		}
		platform := platformOf(e.Name())
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				switch strings.TrimSuffix(d.Name(), ".exe") {
				case "sfconnect":
					found[platform+"/gui"] = p
				case "sfconnect-cli":
					found[platform+"/cli"] = p
				}
			}
			return nil
		})
	}
	sort.Slice(b.res.artifacts, func(i, j int) bool { return b.res.artifacts[i].Name < b.res.artifacts[j].Name })
	for _, pl := range []string{"windows-amd64", "linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"} {
		s := binarySizes{Platform: pl, GUI: fileSize(found[pl+"/gui"]), CLI: fileSize(found[pl+"/cli"])}
		if s.GUI == 0 {
			s.Note = map[bool]string{true: "GUI: built only on a Mac (release workflow)",
				false: "GUI: not a release target"}[strings.HasPrefix(pl, "darwin")]
		}
		b.res.binaries = append(b.res.binaries, s)
	}
	return nil
}

// platformOf reads "windows-amd64" and the like from an artifact's name.
func platformOf(name string) string {
	for _, pl := range []string{"windows-amd64", "linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"} {
		if strings.Contains(name, pl) {
			return pl
		}
	}
	return "other"
}

// unpack extracts an archive or MSI into dir with the system's tools.
func unpack(file, dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	var cmd *exec.Cmd
	switch {
	case strings.HasSuffix(file, ".msi"):
		cmd = exec.Command("msiextract", "-C", dir, file)
	case strings.HasSuffix(file, ".zip"):
		cmd = exec.Command("unzip", "-q", "-o", file, "-d", dir)
	case strings.HasSuffix(file, ".tar.gz"), strings.HasSuffix(file, ".tar.xz"):
		cmd = exec.Command("tar", "-xf", file, "-C", dir)
	default:
		return nil
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	return nil
}

func fileSize(p string) int64 {
	if p == "" {
		return 0
	}
	info, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return info.Size()
}

// mib prints a size in MiB.
func mib(n int64) string {
	if n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
