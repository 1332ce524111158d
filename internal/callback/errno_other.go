//go:build !windows

package callback

import (
	"errors"
	"syscall"
)

func isAddrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }

// isForbidden is Windows-only (WSAEACCES); elsewhere EACCES means a
// privileged port and is handled by portReason.
func isForbidden(error) bool { return false }
