//go:build !windows

package profile

import "os"

// ownerOnly makes f readable and writable by its owner alone. CreateTemp
// uses 0600 already; being explicit keeps that promise if it ever changes.
func ownerOnly(f *os.File) error { return f.Chmod(0o600) }
