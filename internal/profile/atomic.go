package profile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFile writes data to path atomically with mode 0600 (on Windows: an
// explicit, non-inherited ACL that grants the current user alone): readers see the
// old content or the new, never a torn file, and a failed write leaves the
// old file untouched. The data goes to a temporary file in the same
// directory (created 0600), which is flushed to disk, closed and renamed over
// path. An existing file ends up 0600 too, since the rename replaces it. The
// directory must exist.
func WriteFile(path string, data []byte) error {
	return writeFile(path, data, (*os.File).Write)
}

// writeFile is WriteFile with the write step injectable, for tests.
func writeFile(path string, data []byte, write func(*os.File, []byte) (int, error)) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close() // may already be closed; the error is irrelevant then
			_ = os.Remove(tmp.Name())
		}
	}()
	// Restrict the file before any byte of a secret is in it.
	if err := ownerOnly(tmp); err != nil {
		return err
	}
	n, err := write(tmp, data)
	if err == nil && n < len(data) {
		err = errors.New("short write")
	}
	if err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the OS supports it (not Windows).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: the rename itself already happened
		_ = d.Close()
	}
}
