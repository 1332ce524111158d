//go:build windows

package callback

import (
	"errors"
	"syscall"
)

// Winsock error numbers. Go reports them as raw syscall.Errno values, which
// do not match the POSIX-style syscall.EADDRINUSE / EACCES constants.
const (
	wsaEACCES     syscall.Errno = 10013 // port excluded (netsh ... excludedportrange) or held by HTTP.sys
	wsaEADDRINUSE syscall.Errno = 10048
)

func isAddrInUse(err error) bool {
	return errors.Is(err, wsaEADDRINUSE) || errors.Is(err, syscall.EADDRINUSE)
}

func isForbidden(err error) bool { return errors.Is(err, wsaEACCES) }
