//go:build windows

package browser

import (
	"fmt"
	"net/url"
	"runtime"
	"syscall"

	"golang.org/x/sys/windows"
)

// sFalse is the HRESULT S_FALSE as x/sys reports it from CoInitializeEx.
const sFalse = syscall.Errno(1)

// systemOpen asks the shell to open u in the default browser. ShellExecute
// returns a value of 32 or less when it could not, for example
// SE_ERR_NOASSOC when no browser is registered for http(s); x/sys turns
// that into an error. Microsoft's ShellExecuteW documentation asks for COM
// to be initialised on the calling thread first, since the call may go
// through shell extensions.
func systemOpen(u *url.URL) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// S_FALSE (already initialised) needs its CoUninitialize too;
	// RPC_E_CHANGED_MODE means the thread has COM in another mode, which
	// ShellExecute can use as well, and must not be uninitialised.
	err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE)
	if err == nil || err == sFalse {
		defer windows.CoUninitialize()
	}
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	target, err := windows.UTF16PtrFromString(u.String())
	if err != nil {
		return err
	}
	if err := windows.ShellExecute(0, verb, target, nil, nil, windows.SW_SHOWNORMAL); err != nil {
		return fmt.Errorf("ShellExecute: %w", err)
	}
	return nil
}
